#!/usr/bin/env python3
"""Checks every CSV of a `batch --out` folder against the "Column types" table of docs/csv.md:
pandas.read_csv with no options must give bool for the logical columns, int64 for the integer
ones, a number for the numeric ones (float64, or int64 when every value is whole), and no NaN in
a logical or integer column. Prints one line per file; exit 1 on any mismatch.
Usage: csv_roundtrip.py DIR docs/csv.md"""
import os
import re
import sys

import pandas as pd


def column_types(doc):
    """{file: {column: kind}} from the Column types table."""
    text = open(doc, encoding="utf-8").read()
    sec = text.split("## Column types", 1)[1].split("\n## ", 1)[0]
    out = {}
    for line in sec.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        f = cells[0].strip("`")
        out[f] = {}
        for kind, cell in zip(("logical", "integer", "numeric"), cells[1:]):
            for c in filter(None, (x.strip() for x in cell.split(","))):
                out[f][c] = kind
    return out


def main():
    folder, doc = sys.argv[1], sys.argv[2]
    types = column_types(doc)
    fail = 0
    checked = 0
    for f, cols in sorted(types.items()):
        path = os.path.join(folder, f)
        if not os.path.exists(path):
            if f != "compare.csv":
                print(f"FAIL {f}: missing")
                fail = 1
            continue
        df = pd.read_csv(path)
        if len(df) == 0:
            print(f"FAIL {f}: no rows")
            fail = 1
            continue
        bad = []
        for c, kind in cols.items():
            if c not in df.columns:
                bad.append(f"{c}: not a column")
                continue
            dt = str(df[c].dtype)
            if kind == "logical" and dt != "bool":
                bad.append(f"{c}: {dt}, expected bool")
            elif kind == "integer" and dt != "int64":
                bad.append(f"{c}: {dt}, expected int64")
            elif kind == "numeric" and dt not in ("float64", "int64"):
                bad.append(f"{c}: {dt}, expected a number")
        for c in df.columns:
            if c not in cols and str(df[c].dtype) not in ("object", "float64"):
                # a text column that happens to look numeric is fine only if documented as text
                if not re.match(r"^(id|article_id|actor_id|date|title|outlet|group|key|text|source)$", c):
                    bad.append(f"{c}: {df[c].dtype}, documented as text")
        checked += 1
        if bad:
            fail = 1
            print(f"FAIL {f}: " + "; ".join(bad))
        else:
            print(f"ok   {f}: {len(df)} rows, {len(cols)} typed columns")
    if checked == 0:
        print("FAIL: no table checked")
        fail = 1
    sys.exit(fail)


if __name__ == "__main__":
    main()
