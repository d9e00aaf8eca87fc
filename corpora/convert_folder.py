#!/usr/bin/env python3
"""Convert a folder of .txt articles into framelens JSON Lines.

  corpora/convert_folder.py FOLDER OUT.jsonl [--outlet NAME] [--title-first-line]

Each file becomes one record: id = file name stem, text = file content (UTF-8). With
--title-first-line the first non-empty line is also copied into `title` (it stays in `text`, so
offsets still refer to the whole file). Standard library only.
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--outlet", default="")
    ap.add_argument("--title-first-line", action="store_true")
    a = ap.parse_args()
    n = skipped = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(a.folder)):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(a.folder, name)
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError) as e:
                print(f"{path}: skipped ({e})", file=sys.stderr)
                skipped += 1
                continue
            rec = {"id": os.path.splitext(name)[0], "text": text}
            if a.outlet:
                rec["outlet"] = a.outlet
            if a.title_first_line:
                rec["title"] = next((l.strip() for l in text.splitlines() if l.strip()), "")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"wrote {n} records, skipped {skipped}", file=sys.stderr)
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
