#!/usr/bin/env python3
"""Print the reading grades of every page, and fail above the limits.

Two grades per page:
- Flesch-Kincaid, at most 8 on every page;
- SMOG, the usual grade for health materials, counting the glossary's names
  and the topic's unavoidable words (KNOWN_TOPIC_WORDS) as known words, since a
  reader of this site meets them on every page and the glossary explains them:
  at most 8 on every page and at most 7 for the median page.
And no sentence may have more than 25 words.

Each page's Markdown is rendered to HTML and read block by block (paragraphs,
list items, headings, table cells) with the content gate's parser (html_tree),
so a list item or heading counts as a sentence of its own instead of running
into the next one. Front matter, code
and a drug's respelling ("per-TOO-zoo-mab", not prose) are left out.

usage: readability.py [--max GRADE] [PATH ...]   (default: every page in docs/)
exit status: 0 when every page is within the limits, 1 otherwise.
"""
from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
from pathlib import Path

import markdown
import textstat

ROOT = Path(__file__).resolve().parents[1]
from mbc_guide.data.site import load_all
from mbc_guide.html.tree import parse_fragment, top_nodes

DEFAULT_MAX_GRADE = 8.0  # Flesch-Kincaid, every page
MAX_SMOG = 8.0  # SMOG with known words, every page
MAX_MEDIAN_SMOG = 7.0  # SMOG with known words, the median page
MAX_SENTENCE_WORDS = 25
KNOWN_TOPIC_WORDS = frozenset({"metastatic", "chemotherapy", "immunotherapy", "therapy"})
HIDDEN_CLASSES = frozenset({"mbc-say__respelling"})  # shown to the eye, but not prose
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary"}
SKIPPED = {"code", "pre", "script", "style"}
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist",
]
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


def _is_hidden(node) -> bool:
    """An element shown to the eye but not prose (HIDDEN_CLASSES), or not prose at all (SKIPPED)."""
    return node.tag in SKIPPED or bool(HIDDEN_CLASSES & set((node.attrs.get("class") or "").split()))


def block_sentences(html: str) -> list[str]:
    """The text of each block element of the HTML as one sentence, ending in a full stop if it has none."""
    found: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        current.clear()
        if re.search(r"[A-Za-z]", text):
            found.append(text if text[-1] in ".!?:" else text + ".")

    stack = [(node, False) for node in reversed(list(top_nodes(parse_fragment(html))))]
    while stack:  # (node, True) marks the end of a block element
        node, leaving = stack.pop()
        if leaving:
            flush()
        elif node.is_text_node:
            current.append(node.text_content or "")
        elif node.is_element_node and not _is_hidden(node):
            if node.tag in BLOCKS:
                flush()
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    flush()
    return found


def page_text(markdown_text: str) -> str:
    """Return a page's readable prose: one sentence per block, no markup."""
    body = FRONT_MATTER.sub("", markdown_text)
    body = re.sub(r"\{[^{}\n]*\}", "", body)  # attribute lists such as { .summary }
    return " ".join(block_sentences(markdown.markdown(body, extensions=EXTENSIONS)))


def grade(markdown_text: str) -> float:
    """Flesch-Kincaid grade of a page's prose."""
    return float(textstat.flesch_kincaid_grade(page_text(markdown_text)))


def sentences(markdown_text: str) -> list[str]:
    """A page's prose as sentences: split after ".", "!" or "?" (every block ends with one)."""
    return [part for part in re.split(r"(?<=[.!?])\s+", page_text(markdown_text)) if _WORD.search(part)]


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def words(sentence: str) -> list[str]:
    """The words of a sentence (a hyphenated word is one word)."""
    return _WORD.findall(sentence)


def known_words(names=()) -> frozenset[str]:
    """The words counted as known: every word of the given names (the glossary's) and the topic words."""
    found = {w.lower() for name in names for w in re.findall(r"[A-Za-z]+", name)}
    return frozenset(found | KNOWN_TOPIC_WORDS)


def glossary_words() -> frozenset[str]:
    """known_words() for the site's glossary (every term and alias)."""
    _, glossary = load_all()
    return known_words(name for entry in glossary.entries for name in entry.names)


def is_hard(word: str, known: frozenset[str]) -> bool:
    """A word of three syllables or more, leaving out the parts of it that are known words."""
    word = re.sub(r"['\u2019]s$", "", word.lower())  # a possessive: "tumor's" is "tumor"
    parts = [part for part in re.split(r"[-'\u2019]", word) if part and part not in known]
    return sum(textstat.syllable_count(part) for part in parts) >= 3


def smog(markdown_text: str, known: frozenset[str] = frozenset()) -> float:
    """SMOG grade of a page's prose (1.043 x sqrt(hard words x 30 / sentences) + 3.1291), known words excepted."""
    found = sentences(markdown_text)
    if not found:
        return 0.0
    hard = sum(is_hard(w, known) for sentence in found for w in words(sentence))
    return 1.0430 * math.sqrt(hard * 30 / len(found)) + 3.1291


def long_sentences(markdown_text: str, limit: int = MAX_SENTENCE_WORDS) -> list[str]:
    """The page's sentences of more than `limit` words."""
    return [s for s in sentences(markdown_text) if len(words(s)) > limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--max", type=float, default=DEFAULT_MAX_GRADE, dest="max_grade",
                        help="the highest Flesch-Kincaid grade allowed")
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "docs").rglob("*.md"))
    known = glossary_words()
    failed = 0
    grades = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            print(f"{path}: cannot read ({err.strerror}); check the path.", file=sys.stderr)
            return 2
        score, smog_score, long = grade(text), smog(text, known), long_sentences(text)
        grades.append(smog_score)
        bad = score > args.max_grade or smog_score > MAX_SMOG or long
        failed += bool(bad)
        mark = "TOO HARD" if bad else "ok "
        print(f"{mark:8} Flesch-Kincaid {score:5.1f}  SMOG {smog_score:5.1f}  {path}")
        for sentence in long:
            print(f"         {len(words(sentence))} words: {sentence}")
    median = statistics.median(grades) if grades else 0.0
    print(f"median SMOG {median:.1f} (limit {MAX_MEDIAN_SMOG:g})")
    if failed:
        print(f"{failed} page(s) above Flesch-Kincaid {args.max_grade:g}, SMOG {MAX_SMOG:g} or "
              f"{MAX_SENTENCE_WORDS} words a sentence: use shorter sentences and words.")
    return 1 if failed or (len(paths) > 1 and median > MAX_MEDIAN_SMOG) else 0


if __name__ == "__main__":
    sys.exit(main())
