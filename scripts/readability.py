#!/usr/bin/env python3
"""Print the reading grades of every page, and fail above the limits.

Two grades per page:
- Flesch-Kincaid, at most 8 on every page;
- SMOG, the usual grade for health materials, counting the glossary's names
  and the topic's unavoidable words (KNOWN_TOPIC_WORDS) as known words, since a
  reader of this site meets them on every page and the glossary explains them:
  at most 8 on every page and at most 7 for the median page.
A Spanish page (docs/es/) gets INFLESZ, the Szigriszt-Pazos scale, instead: at
least 55 on every page and 65 for the median page, counting the Spanish names of
data/es.yml, the brands and the topic's words (KNOWN_TOPIC_WORDS_ES) as ordinary words.
And no sentence may have more than 25 words.

Each page is rendered with the site's own Markdown settings (mkdocs.yml), as the
coverage check renders it, and read block by block (paragraphs, list items,
headings, table cells), so a list item or heading counts as a sentence of its
own. Front matter, code and a drug's respelling ("per-TOO-zoo-mab", not prose)
are left out (mbc_guide.checks.readability).

usage: readability.py [--max GRADE] [PATH ...]   (default: every page in docs/, English, then Spanish)
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
    docs = ROOT / "docs"
    paths = args.paths or [*page_files(docs), *page_files(docs, "es")]
    spanish = [path for path in paths if path.resolve().is_relative_to(docs / "es")]
    known = {"en": readability.glossary_words(), "es": readability.spanish_words() if spanish else frozenset()}
    failed = 0
    grades: dict[str, list[float]] = {"en": [], "es": []}
    for path in paths:
        language = "es" if path in spanish else "en"
        try:
            text = path.read_text(encoding="utf-8")
            long = readability.long_sentences(text)
            if language == "es":
                score = readability.inflesz(text, known["es"])
                bad = score < readability.MIN_INFLESZ or long
                shown = f"INFLESZ {score:5.1f}"
            else:
                grade, score = readability.grade(text), readability.smog(text, known["en"])
                bad = grade > args.max_grade or score > readability.MAX_SMOG or long
                shown = f"Flesch-Kincaid {grade:5.1f}  SMOG {score:5.1f}"
        except OSError as err:
            print(f"{path}: cannot read ({err.strerror}); check the path.", file=sys.stderr)
            return 2
        except UnicodeDecodeError:
            print(f"{path}: the page is not UTF-8 text; save it as UTF-8 in your editor.", file=sys.stderr)
            return 2
        except DataError as err:  # front matter that cannot be read
            print(f"{path}{f':{err.line}' if err.line else ''}: {err.message}", file=sys.stderr)
            return 2
        grades[language].append(score)
        failed += bool(bad)
        print(f"{'TOO HARD' if bad else 'ok':8} {shown}  {path}")
        for sentence in long:
            print(f"         {len(readability.words(sentence))} words: {sentence}")
    medians_bad = False
    if grades["en"]:
        median = statistics.median(grades["en"])
        print(f"median SMOG {median:.1f} (limit {readability.MAX_MEDIAN_SMOG:g})")
        medians_bad |= len(grades["en"]) > 1 and median > readability.MAX_MEDIAN_SMOG
    if grades["es"]:
        median = statistics.median(grades["es"])
        print(f"median INFLESZ {median:.1f} (at least {readability.MIN_MEDIAN_INFLESZ:g})")
        medians_bad |= len(grades["es"]) > 1 and median < readability.MIN_MEDIAN_INFLESZ
    if failed:
        print(f"{failed} page(s) above Flesch-Kincaid {args.max_grade:g} or SMOG {readability.MAX_SMOG:g}, below "
              f"INFLESZ {readability.MIN_INFLESZ:g}, or over {readability.MAX_SENTENCE_WORDS} words a sentence: "
              "use shorter sentences and words.")
    return 1 if failed or medians_bad else 0


if __name__ == "__main__":
    sys.exit(main())
