#!/usr/bin/env python3
"""Describe a change for its reviewer, in Markdown: what a reader will see differently.

Compares the working tree with a base commit (`--base REF`, such as origin/main),
whose files are taken with `git archive` into a temporary folder. Both sides are
read with this side's code: every page rendered as the site renders it, and the
data files. It prints:

- first, what the rest cannot judge by the text readers see, each with why a
  reviewer must read it: front matter, key by key; the site settings
  (mkdocs.yml); templates, hooks, scripts, workflows, CI and dependency files;
  files under docs/ that are not pages (published as they are); and every
  symbolic link (whose pages and data are then not read);
- the pages added, removed and changed, judged by the text a reader sees (a
  change of Markdown that changes nothing visible is not listed);
- glossary entries, aliases and inventory items added or removed;
- for each added or changed page, its coverage (on a treatment page: the drugs
  and side effects it must name, and how many it does) and its reading grade,
  before and after;
- the own-words, safety, drug-name, misspelling and link findings of the new side.

The pull-request workflow writes it to the job's summary.

usage: pr_report.py --base REF [--output FILE] [--project DIR]
exit status: 0 report written (findings included), 2 unusable input (a bad REF, data that cannot be read).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from mbc_guide.checks import own_words, review_report, source_check
from mbc_guide.data.errors import DataError
from mbc_guide.data.site import load_all

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with, such as origin/main")
    parser.add_argument("--output", type=Path, help="append the report to this file (default: print it)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the git clone to report on (default: this one)")
    args = parser.parse_args(argv)
    today = dt.date.today()
    root = args.project.resolve()
    try:
        with tempfile.TemporaryDirectory(prefix="pr-report-") as tmp:
            base = review_report.read_side(review_report.base_tree(args.base, Path(tmp), root), today)
        head = review_report.read_side(root, today)
        if not head.unread:
            inventory, glossary = load_all(root / "data" / "sources.yml", root / "data" / "glossary.yml")
            folder, _ = source_check.texts_folder(None, False, root)  # the texts when they are here, else the fingerprint
            hashes = own_words.fingerprint_of(own_words.source_texts(inventory, folder)) if folder else \
                own_words.read_fingerprint(root / "data" / "own-words-fingerprint.txt")
            head.own_words = own_words.check(root / "docs", glossary, inventory, hashes)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = review_report.report(base, head, args.base)
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
