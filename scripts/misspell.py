#!/usr/bin/env python3
"""Write the misspelt drug names of tests/search_queries.yml from the glossary.

For every drug and drug class in data/glossary.yml, two misspellings of its most
telling word, each made one way a reader gets a name wrong, the kinds taken in turn: a
sound-alike swap (ph/f, i/e, e/i, a/e, o/a, u/a, c/k, s/c, y/i), a letter left
out, two letters swapped, or a letter changed for its neighbour on the keyboard. Each must differ from the name by no more than the search forgives for a
word of its length (1 edit for 5 to 7 letters, 2 for longer), must not be a
word the built site's search index has, and must not be the start of the name
(the search already finds those). The expected page is the drug's treatment page.

The queries go at the end of tests/search_queries.yml, after MARKER; the rest
of the file is written by hand and left alone.

usage: misspell.py [--site DIR] [--check]
  --site DIR  a built site whose search index holds the real words (default: site/; run `make build`)
  --check     change nothing; exit 1 when the file is not what this script would write
exit status: 0 done (or up to date), 1 out of date, 2 no built site or unusable data.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.site import site_data
from mbc_guide.search import misspellings

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--check", action="store_true", help="exit 1 when tests/search_queries.yml is out of date")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").is_file():
        print(f"misspell: no search index in {args.site}; run `make build` first", file=sys.stderr)
        return 2
    try:
        inventory, glossary = site_data(ROOT / "data")
    except DataError as err:
        print(f"misspell: {err}", file=sys.stderr)
        return 2
    text = QUERIES.read_text(encoding="utf-8")
    wanted = misspellings.updated_queries(text, glossary, inventory, misspellings.index_words(args.site))
    if args.check:
        if text != wanted:
            print(f"misspell: {QUERIES.relative_to(ROOT)} is out of date; run scripts/misspell.py", file=sys.stderr)
            return 1
        return 0
    QUERIES.write_text(wanted, encoding="utf-8")
    kept = text.split(misspellings.MARKER)[0]
    print(f"wrote {wanted.count(chr(10) + '- query:') - kept.count(chr(10) + '- query:')} misspelt names "
          f"to {QUERIES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
