#!/usr/bin/env python3
"""Print the reading grades of every page, and fail above the limits.

Two grades per page:
- Flesch-Kincaid, at most 8 on every page;
- SMOG, the usual grade for health materials, counting the glossary's names
  and the topic's unavoidable words (KNOWN_TOPIC_WORDS) as known words, since a
  reader of this site meets them on every page and the glossary explains them:
  at most 8 on every page and at most 7 for the median page.
And no sentence may have more than 25 words.

Each page is rendered with the site's own Markdown settings (mkdocs.yml), as the
coverage check renders it, and read block by block (paragraphs, list items,
headings, table cells), so a list item or heading counts as a sentence of its
own. Front matter, code and a drug's respelling ("per-TOO-zoo-mab", not prose)
are left out (mbc_guide.checks.readability).

usage: readability.py [--max GRADE] [PATH ...]   (default: every page in docs/)
exit status: 0 when every page is within the limits, 1 otherwise, 2 a page that cannot be read.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from mbc_guide.checks import readability
from mbc_guide.data.errors import DataError
from mbc_guide.paths import page_files

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--max", type=float, default=readability.DEFAULT_MAX_GRADE, dest="max_grade",
                        help="the highest Flesch-Kincaid grade allowed")
    args = parser.parse_args(argv)
    paths = args.paths or page_files(ROOT / "docs")
    known = readability.glossary_words()
    failed = 0
    grades = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
            score, smog, long = (readability.grade(text), readability.smog(text, known),
                                 readability.long_sentences(text))
        except OSError as err:
            print(f"{path}: cannot read ({err.strerror}); check the path.", file=sys.stderr)
            return 2
        except UnicodeDecodeError:
            print(f"{path}: the page is not UTF-8 text; save it as UTF-8 in your editor.", file=sys.stderr)
            return 2
        except DataError as err:  # front matter that cannot be read
            print(f"{path}{f':{err.line}' if err.line else ''}: {err.message}", file=sys.stderr)
            return 2
        grades.append(smog)
        bad = score > args.max_grade or smog > readability.MAX_SMOG or long
        failed += bool(bad)
        mark = "TOO HARD" if bad else "ok "
        print(f"{mark:8} Flesch-Kincaid {score:5.1f}  SMOG {smog:5.1f}  {path}")
        for sentence in long:
            print(f"         {len(readability.words(sentence))} words: {sentence}")
    median = statistics.median(grades) if grades else 0.0
    print(f"median SMOG {median:.1f} (limit {readability.MAX_MEDIAN_SMOG:g})")
    if failed:
        print(f"{failed} page(s) above Flesch-Kincaid {args.max_grade:g}, SMOG {readability.MAX_SMOG:g} or "
              f"{readability.MAX_SENTENCE_WORDS} words a sentence: use shorter sentences and words.")
    return 1 if failed or (len(paths) > 1 and median > readability.MAX_MEDIAN_SMOG) else 0


if __name__ == "__main__":
    sys.exit(main())
