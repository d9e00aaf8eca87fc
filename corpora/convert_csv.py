#!/usr/bin/env python3
"""Convert a CSV file (one article per row) into framelens JSON Lines.

  corpora/convert_csv.py IN.csv OUT.jsonl --text COL [--id COL] [--outlet COL] [--title COL]
                         [--date COL] [--url COL]

Rows with an empty text are reported with their line number and skipped. Standard library only.
"""
import argparse
import csv
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--text", required=True)
    for f in ("id", "outlet", "title", "date", "url"):
        ap.add_argument("--" + f)
    a = ap.parse_args()
    csv.field_size_limit(1 << 30)
    n = skipped = 0
    with open(a.inp, newline="", encoding="utf-8") as f, open(a.out, "w", encoding="utf-8") as out:
        reader = csv.DictReader(f)
        if a.text not in (reader.fieldnames or []):
            print(f"{a.inp}: no column {a.text!r} (columns: {reader.fieldnames})", file=sys.stderr)
            return 3
        for i, row in enumerate(reader, start=2):
            text = row.get(a.text) or ""
            if not text.strip():
                print(f"{a.inp}:{i}: empty text, skipped", file=sys.stderr)
                skipped += 1
                continue
            rec = {"id": row.get(a.id, "") if a.id else str(i - 1), "text": text}
            for f in ("outlet", "title", "date", "url"):
                col = getattr(a, f)
                if col:
                    rec[f] = row.get(col, "")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"read {n + skipped}, wrote {n}, skipped {skipped}", file=sys.stderr)
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
