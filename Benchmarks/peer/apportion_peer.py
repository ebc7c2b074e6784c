#!/usr/bin/env python3
"""The peer: the Brent-Lewisham apportionment as a council analyst would write it in Python.

    apportion_peer.py BUDGET.csv OUTDIR      (workbooks)
    apportion_peer.py BUDGET.csv             (totals only, printed as JSON)

The rules of Rules/brent-lewisham.yaml are written out as code (the first that matches takes
the line): council-specific contracts to the council named in `council`; LGA contract income
to Brent; staff: the post's `lga_share` to Brent, the rest split equally; customer income
and everything else split equally. Money is integer pence and exact fractions; each rule
keeps running exact shares, rounded after each line to whole pence by the largest remainder
(ties to the partners' ids in sorted order, starting at the rule's position), and a
partner's part of a line is the change in its rounded running share, as apportion does.

With OUTDIR it writes, with XlsxWriter in constant_memory mode, partnership.xlsx (Summary:
rules down, partners across; Lines: every line with each partner's part, the rounding and a
check formula) and one workbook per partner (Summary; Lines with the share in words, the
share as a percentage, the part and the rounding), the same Lines columns, formulas and
number formats as apportion's. It leaves out what is not per line (statement wording,
rules in words, sources, charts, monthly schedule) and does not measure column widths or
row heights.
"""

import csv
import json
import os
import sys
from fractions import Fraction

PARTNERS = [("brent", "Brent"), ("lewisham", "Lewisham")]
IDS = [p[0] for p in PARTNERS]
SORTED_RANK = [sorted(IDS).index(i) for i in IDS]
RULES = [
    "Council-specific contracts",
    "LGA contract income",
    "Staff",
    "Third-party customer income",
    "Shared service",
]
MAX_DATA_ROWS = 1_048_576 - 2


def parse_pence(text):
    """`1234.56`, `1,234.56`, `£1,234.56`, `(1,234.56)`, `-12.5` as integer pence."""
    t = text.strip().replace("£", "").replace(",", "")
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1]
    if t.startswith("-"):
        negative, t = not negative, t[1:]
    whole, _, frac = t.partition(".")
    if len(frac) > 2:
        raise ValueError(f"more than two decimal places: {text!r}")
    value = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -value if negative else value


def classify(row):
    """The rule that takes a line, its exact shares of one penny, and the share in words."""
    council = row["council"].strip()
    category = row["category"].strip()
    n = len(IDS)
    if council in IDS:
        return 0, [Fraction(int(i == council)) for i in IDS], f"direct, council = {council}"
    if category == "lga-income":
        return 1, [Fraction(int(i == "brent")) for i in IDS], "direct to Brent"
    if category == "staff":
        text = row["lga_share"].strip()
        carve = Fraction(text or "0")
        rest = (1 - carve) / n
        shares = [carve * (i == "brent") + rest for i in IDS]
        return 2, shares, f"carve-out lga_share {text} direct to Brent, rest equal split between {n}"
    if category == "customer-income":
        return 3, [Fraction(1, n)] * n, f"equal split between {n}"
    return 4, [Fraction(1, n)] * n, f"equal split between {n}"


def largest_remainder(exact, total, turn):
    """Whole pence adding up to `total`, each within a penny of its exact share."""
    n = len(exact)
    floors = [e.numerator // e.denominator for e in exact]
    left = total - sum(floors)
    if left:
        order = sorted(
            range(n),
            key=lambda p: (-(exact[p] - floors[p]), (SORTED_RANK[p] - turn) % n),
        )
        for p in order[:left]:
            floors[p] += 1
    return floors


class Apportioner:
    def __init__(self):
        n = len(IDS)
        self.running_total = [0] * len(RULES)
        self.running_exact = [[Fraction(0)] * n for _ in RULES]
        self.running_parts = [[0] * n for _ in RULES]
        self.line_counts = [0] * len(RULES)

    def apportion(self, row):
        pence = parse_pence(row["amount"])
        rule, shares, words = classify(row)
        exact_line = [pence * s for s in shares]
        exact = self.running_exact[rule]
        for p, e in enumerate(exact_line):
            exact[p] += e
        self.running_total[rule] += pence
        self.line_counts[rule] += 1
        rounded = largest_remainder(exact, self.running_total[rule], rule)
        before = self.running_parts[rule]
        parts = [r - b for r, b in zip(rounded, before)]
        self.running_parts[rule] = rounded
        return pence, rule, parts, exact_line, shares, words


def money_text(pence):
    sign = "-" if pence < 0 else ""
    return f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}"


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class LinesSheets:
    """The Lines sheets of one workbook, continuing on `Lines 2` when a sheet is full."""

    def __init__(self, book, formats, header, extra_titles, numeric):
        self.book, self.formats = book, formats
        self.titles = (
            ["Id", "Description"] + header + ["Amount", "Rule no.", "Rule"] + extra_titles
        )
        self.numeric = numeric
        self.sheet = None
        self.sheets = 0
        self.row = 0

    def next_row(self):
        if self.sheet is None or self.row - 2 == MAX_DATA_ROWS:
            self.sheets += 1
            name = "Lines" if self.sheets == 1 else f"Lines {self.sheets}"
            self.sheet = self.book.add_worksheet(name)
            self.sheet.set_column(0, 0, 12)
            self.sheet.set_column(1, 1, 79.7, self.formats["wrapped"])
            self.sheet.set_column(2, len(self.titles) - 1, 16)
            self.sheet.freeze_panes(2, 1)
            for c, title in enumerate(self.titles):
                self.sheet.write_string(1, c, title, self.formats["header"])
            self.row = 2
        row = self.row
        self.row += 1
        return self.sheet, row


def make_formats(book):
    return {
        "header": book.add_format({"bold": True, "text_wrap": True, "bottom": 1}),
        "text": book.add_format({"valign": "top"}),
        "wrapped": book.add_format({"valign": "top", "text_wrap": True}),
        "money": book.add_format({"num_format": "_-£* #,##0.00_-;-£* #,##0.00_-;_-£* \"-\"??_-"}),
        "number": book.add_format({"num_format": "General"}),
        "rule": book.add_format({"align": "center"}),
        "pence": book.add_format({"num_format": "0.000"}),
        "percent": book.add_format({"num_format": "0.0%"}),
        "check": book.add_format({"num_format": "0.00"}),
    }


def write_row_start(sheet, row, fmt, line, header, numeric, pence, rule, amount_col):
    sheet.write_string(row, 0, line["id"], fmt["text"])
    sheet.write_string(row, 1, line["description"], fmt["wrapped"])
    for offset, name in enumerate(header):
        value = line[name]
        if name in numeric and value.strip():
            sheet.write_number(row, 2 + offset, float(value), fmt["number"])
        elif value:
            sheet.write_string(row, 2 + offset, value, fmt["text"])
    sheet.write_number(row, amount_col, pence / 100, fmt["money"])
    sheet.write_number(row, amount_col + 1, rule + 1, fmt["rule"])
    sheet.write_formula(
        row, amount_col + 2, f"INDEX(Rules_Name,{column_letter(amount_col + 1)}{row + 1})",
        fmt["text"], RULES[rule])


def write_summary(book, fmt, sheet, apportioner, partners):
    sheet.write_string(0, 0, "Rule", fmt["header"])
    for c, (_, name) in enumerate(partners):
        sheet.write_string(0, 1 + c, name, fmt["header"])
    for r, name in enumerate(RULES):
        sheet.write_string(1 + r, 0, name, fmt["text"])
        for c, (pid, _) in enumerate(partners):
            part = apportioner.running_parts[r][IDS.index(pid)]
            sheet.write_number(1 + r, 1 + c, part / 100, fmt["money"])
    book.define_name("Rules_Name", f"=Summary!$A$2:$A${1 + len(RULES)}")


def main():
    budget = sys.argv[1]
    outdir = sys.argv[2] if len(sys.argv) > 2 else None
    apportioner = Apportioner()
    with open(budget, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = [h for h in reader.fieldnames if h not in ("id", "description", "amount")]
        numeric = {"lga_share"}
        if outdir is None:
            for line in reader:
                apportioner.apportion(line)
        else:
            import xlsxwriter

            os.makedirs(outdir, exist_ok=True)
            options = {"constant_memory": True}
            books, formats, sheets, summaries = [], [], [], []
            n = len(IDS)
            amount_col = 2 + len(header)
            for k, title in enumerate(["partnership"] + IDS):
                book = xlsxwriter.Workbook(os.path.join(outdir, f"{title}.xlsx"), options)
                fmt = make_formats(book)
                summaries.append(book.add_worksheet("Summary"))
                if k == 0:
                    extra = [name for _, name in PARTNERS]
                    extra += [f"Rounding {name} (p)" for _, name in PARTNERS]
                    extra += ["Check: amount − parts"]
                else:
                    extra = ["Share in words", "Share %", f"{PARTNERS[k - 1][1]}'s part",
                             "Rounding (p)"]
                books.append(book)
                formats.append(fmt)
                sheets.append(LinesSheets(book, fmt, header, extra, numeric))
            first_part = column_letter(amount_col + 3)
            last_part = column_letter(amount_col + 2 + n)
            amount_letter = column_letter(amount_col)
            for line in reader:
                pence, rule, parts, exact, shares, words = apportioner.apportion(line)
                rounding = [float(part - e) for part, e in zip(parts, exact)]
                # The partnership's row.
                fmt = formats[0]
                sheet, row = sheets[0].next_row()
                write_row_start(sheet, row, fmt, line, header, numeric, pence, rule, amount_col)
                for p in range(n):
                    sheet.write_number(row, amount_col + 3 + p, parts[p] / 100, fmt["money"])
                    sheet.write_number(row, amount_col + 3 + n + p, rounding[p], fmt["pence"])
                sheet.write_formula(
                    row, amount_col + 3 + 2 * n,
                    f"ROUND({amount_letter}{row + 1}-SUM({first_part}{row + 1}:"
                    f"{last_part}{row + 1}),2)", fmt["check"], 0)
                # Each partner's row.
                for p in range(n):
                    fmt = formats[1 + p]
                    sheet, row = sheets[1 + p].next_row()
                    write_row_start(
                        sheet, row, fmt, line, header, numeric, pence, rule, amount_col)
                    sheet.write_string(row, amount_col + 3, words, fmt["wrapped"])
                    sheet.write_number(row, amount_col + 4, float(shares[p]), fmt["percent"])
                    sheet.write_number(row, amount_col + 5, parts[p] / 100, fmt["money"])
                    sheet.write_number(row, amount_col + 6, rounding[p], fmt["pence"])
            for k, book in enumerate(books):
                partners = PARTNERS if k == 0 else [PARTNERS[k - 1]]
                write_summary(book, formats[k], summaries[k], apportioner, partners)
                book.close()
    totals = {
        pid: money_text(sum(parts[p] for parts in apportioner.running_parts))
        for p, pid in enumerate(IDS)
    }
    rules = [
        {"name": name, "lines": apportioner.line_counts[r],
         "total": money_text(apportioner.running_total[r]),
         "shares": {pid: money_text(apportioner.running_parts[r][p]) for p, pid in enumerate(IDS)}}
        for r, name in enumerate(RULES)
    ]
    if outdir is None:
        json.dump({"rules": rules, "totals": totals}, sys.stdout)
        print()


if __name__ == "__main__":
    main()
