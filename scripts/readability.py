#!/usr/bin/env python3
"""Print the Flesch-Kincaid reading grade of every page, and fail above a limit.

Each page's Markdown is rendered to HTML and read block by block (paragraphs,
list items, headings, table cells), so a list item or heading counts as a
sentence of its own instead of running into the next one. Front matter and
code are left out.

usage: readability.py [--max GRADE] [PATH ...]   (default: every page in docs/)
exit status: 0 when every page is at or below the limit, 1 otherwise.
"""
from __future__ import annotations

import argparse
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import textstat

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MAX_GRADE = 8.0
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary"}
SKIPPED = {"code", "pre", "script", "style"}
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist",
]
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


class _BlockText(HTMLParser):
    """Collect the text of each block element as one sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.sentences: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self._skip += 1
        elif tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if re.search(r"[A-Za-z]", text):
            self.sentences.append(text if text[-1] in ".!?:" else text + ".")


def page_text(markdown_text: str) -> str:
    """Return a page's readable prose: one sentence per block, no markup."""
    body = FRONT_MATTER.sub("", markdown_text)
    body = re.sub(r"\{[^{}\n]*\}", "", body)  # attribute lists such as { .summary }
    parser = _BlockText()
    parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
    parser.close()
    parser._flush()
    return " ".join(parser.sentences)


def grade(markdown_text: str) -> float:
    """Flesch-Kincaid grade of a page's prose."""
    return float(textstat.flesch_kincaid_grade(page_text(markdown_text)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--max", type=float, default=DEFAULT_MAX_GRADE, dest="max_grade")
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "docs").rglob("*.md"))
    failed = 0
    for path in paths:
        try:
            score = grade(path.read_text(encoding="utf-8"))
        except OSError as err:
            print(f"{path}: cannot read ({err.strerror}); check the path.", file=sys.stderr)
            return 2
        mark = "ok " if score <= args.max_grade else "TOO HARD"
        failed += score > args.max_grade
        print(f"{mark:8} grade {score:5.1f}  {path}")
    if failed:
        print(f"{failed} page(s) above grade {args.max_grade:g}: use shorter sentences and words.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
