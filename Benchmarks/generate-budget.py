#!/usr/bin/env python3
"""Writes a deterministic budget of N lines with the sample's columns and mix.

    generate-budget.py SAMPLE.csv LINES SEED > BIG.csv

Each line copies a line of the sample (drawn with a seeded generator, so the mix of staff,
contracts, supplies, income and council-specific contracts is the sample's, and every rule
of Rules/brent-lewisham.yaml takes lines) under a new id, with its amount scaled by a
random factor between 0.5 and 1.5 and written in the sample line's own style (plain,
thousands separators, a pound sign, brackets for a negative). Staff lines keep their
lga_share. The same arguments always give the same bytes.
"""

import csv
import io
import random
import sys


def pence(text):
    """The sample's amount styles: 1234.56, "1,234.56", "£1,234.56", "(1,234.56)", -12.5."""
    t = text.strip().replace("£", "").replace(",", "")
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1]
    if t.startswith("-"):
        negative, t = True, t[1:]
    whole, _, frac = t.partition(".")
    value = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -value if negative else value


def styled(value, template):
    """`value` pence in the style of the template amount."""
    magnitude = abs(value)
    grouped = "," in template
    body = f"{magnitude // 100:,}" if grouped else str(magnitude // 100)
    body += f".{magnitude % 100:02d}"
    if "£" in template:
        body = "£" + body
    if value < 0:
        body = f"({body})" if "(" in template else "-" + body
    return body


def main():
    sample, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(sample, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, templates = rows[0], rows[1:]
    amount_at = header.index("amount")
    rng = random.Random(seed)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for index in range(count):
        template = templates[int(rng.random() * len(templates))]
        row = list(template)
        prefix = template[0].split("-")[0]
        row[0] = f"{prefix}-{index + 1:07d}"
        factor = 500 + int(rng.random() * 1000)  # thousandths: 0.500 to 1.499
        row[amount_at] = styled(pence(template[amount_at]) * factor // 1000, template[amount_at])
        writer.writerow(row)
    out.flush()


if __name__ == "__main__":
    main()
