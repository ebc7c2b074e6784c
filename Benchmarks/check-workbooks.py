#!/usr/bin/env python3
"""Checks for Benchmarks/run.

    check-workbooks.py same-sheets TRACE APPORTION_DIR LIMIT_DIR
        The limit's workbooks (LIMIT_DIR/<n>.xlsx, in the trace's order) have the same
        worksheet XML as apportion's (the workbook of the same name as the trace's n-th),
        but for the <drawing> element of a sheet with charts (the limit draws no charts).

    check-workbooks.py totals JSON APPORTION_DIR
        Each partner's part column on the partnership workbook's Lines sheets, and on the
        partner's own workbook, adds up to the partner's total in `run --json`'s document,
        to the penny (the cells are read from the sheet XML and added up as decimals).
"""

import hashlib
import json
import os
import re
import sys
import zipfile
from decimal import Decimal

DRAWING = re.compile(rb'<drawing r:id="rId\d+"/>')


def cleaned_chunks(member, border=b"<"):
    """The member's bytes without <drawing .../>, in chunks that end before a `border`
    (an element's start, or a row's), whatever the read sizes."""
    carry = b""
    while True:
        chunk = member.read(1 << 24)
        if not chunk:
            yield DRAWING.sub(b"", carry)
            return
        buffer = carry + chunk
        cut = buffer.rfind(border)
        if cut <= 0:
            carry = buffer
            continue
        yield DRAWING.sub(b"", buffer[:cut])
        carry = buffer[cut:]


def sheet_digests(path):
    digests = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                digest = hashlib.sha256()
                with z.open(name) as member:
                    for chunk in cleaned_chunks(member):
                        digest.update(chunk)
                digests[name] = digest.hexdigest()
    return digests


def same_sheets(trace, apportion_dir, limit_dir):
    names = []
    with open(trace, "rb") as f:
        for line in f:
            if line.startswith(b"W\t"):
                names.append(os.path.basename(line.rstrip(b"\n").split(b"\t")[4].decode()))
    failures = 0
    for n, name in enumerate(names):
        ours = sheet_digests(os.path.join(apportion_dir, name))
        limit = sheet_digests(os.path.join(limit_dir, f"{n}.xlsx"))
        if ours != limit:
            failures += 1
            differ = sorted(k for k in set(ours) | set(limit) if ours.get(k) != limit.get(k))
            print(f"check: {name}: the limit's sheets differ: {', '.join(differ)}")
    if failures:
        sys.exit(1)
    print(f"check: the limit wrote the same sheet XML as apportion ({len(names)} workbooks)")


CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
VALUE = re.compile(rb"<v>([^<]*)</v>")
TEXT = re.compile(rb"<t[^>]*>([^<]*)</t>")
PENNY = Decimal("0.01")


def column_sums(path, wanted_titles):
    """{title: sum} over the data rows of every Lines sheet, for columns titled so."""
    sums = {title: Decimal(0) for title in wanted_titles}
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]*)" sheetId="(\d+)"', workbook)
        for position, (name, _) in enumerate(sheets, start=1):
            if not (name == "Lines" or name.startswith("Lines ")):
                continue
            columns = {}
            with z.open(f"xl/worksheets/sheet{position}.xml") as member:
                for chunk in cleaned_chunks(member, border=b"<row "):
                    for match in CELL.finditer(chunk):
                        letters, row, body = match.group(1), int(match.group(2)), match.group(3)
                        if row == 2 and body:
                            title = TEXT.search(body)
                            if title and title.group(1).decode() in sums:
                                columns[letters] = title.group(1).decode()
                        elif row > 2 and letters in columns and body:
                            value = VALUE.search(body)
                            if value:
                                # A cell holds the double nearest its pence.
                                pounds = Decimal(value.group(1).decode())
                                sums[columns[letters]] += pounds.quantize(PENNY)
    return sums


def totals(json_path, apportion_dir):
    # The totals are at the end of the document, after every line.
    with open(json_path, "rb") as f:
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - (1 << 20)))
        tail = f.read().decode("utf-8", "replace")
    start = tail.rindex('"totals":')
    document_totals, _ = json.JSONDecoder().raw_decode(tail[start + len('"totals":'):].lstrip())
    with open(json_path, "rb") as f:
        head = f.read(1 << 16).decode("utf-8", "replace")
    partners = json.JSONDecoder().raw_decode(head[head.index('"partners":') + 11:].lstrip())[0]
    short = {p["id"]: p.get("short_name", p["name"]) for p in partners}
    expected = {pid: Decimal(text) for pid, text in document_totals.items()}
    failures = []
    shared = column_sums(os.path.join(apportion_dir, "partnership.xlsx"), set(short.values()))
    for pid, total in expected.items():
        if shared[short[pid]] != total:
            failures.append(f"partnership.xlsx {short[pid]}: {shared[short[pid]]} != {total}")
        title = short[pid] + "'s part"
        own = column_sums(os.path.join(apportion_dir, f"{pid}.xlsx"), {title})
        if own[title] != total:
            failures.append(f"{pid}.xlsx: {own[title]} != {total}")
    for failure in failures:
        print(f"check: totals differ from run --json: {failure}")
    if failures:
        sys.exit(1)
    print(
        "check: the workbooks' parts add up to run --json's totals to the penny ("
        + ", ".join(f"{pid} {total}" for pid, total in expected.items()) + ")")


if __name__ == "__main__":
    if sys.argv[1] == "same-sheets":
        same_sheets(*sys.argv[2:5])
    elif sys.argv[1] == "totals":
        totals(*sys.argv[2:4])
    else:
        sys.exit(__doc__)
