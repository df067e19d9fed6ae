"""Find glossary terms in a page's HTML and wrap them in tooltip links.

Matching rules: the longest name wins ("PD-L1 inhibitors" before "PD-L1"),
whole words only, any capitalisation, aliases included. Only text is read:
the HTML is parsed, so attributes, entities and comments are never touched,
and text inside headings, links, code, buttons and <summary> is skipped. Only
the first mention of each entry on a page is marked, so a page does not become
a wall of links and keyboard users do not tab through the same term again.

Names and page text are compared in one folded form (sitedata.normalise: Unicode
case folding, white space as single spaces). All names are found in one pass
with an Aho-Corasick automaton, so the cost does not grow with the glossary.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

import ahocorasick

from html_tree import parse_fragment, text_nodes, to_html
from sitedata import GlossaryEntry, normalise

# Elements whose text is never marked (their whole content is skipped).
SKIPPED_TAGS = frozenset({
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "option", "pre", "samp", "script", "select", "style", "summary", "svg", "textarea", "title",
})


def fold_text(text: str) -> tuple[str, list[int]]:
    """The text in normalise()'s form, and for each folded character the index of its source character."""
    if text.isascii() and "  " not in text:
        return text.lower().translate(_ASCII_SPACES), list(range(len(text)))
    folded: list[str] = []
    starts: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space:
                folded.append(" ")
                starts.append(index)
            in_space = True
            continue
        in_space = False
        piece = char.casefold()
        folded.append(piece)
        starts.extend([index] * len(piece))
    return "".join(folded), starts


_ASCII_SPACES = str.maketrans("\t\n\r\f\v", "     ")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


class TermMarker:
    """Marks glossary terms in HTML. Build once per glossary, call mark() per page."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._automaton = ahocorasick.Automaton()
        for entry in entries:
            for name in entry.names:
                key = normalise(name)
                self._automaton.add_word(key, (len(key), entry))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def mark(self, page_html: str, href: Callable[[GlossaryEntry], str]) -> tuple[str, list[GlossaryEntry]]:
        """Return the page with first mentions marked, and the entries it mentions (in page order)."""
        if self._empty:
            return page_html, []
        tree = parse_fragment(page_html)
        marked: dict[str, GlossaryEntry] = {}
        for node in text_nodes(tree, SKIPPED_TAGS):
            text = node.text_content
            new = []
            for start, end, entry in self.find(text):
                if entry.term not in marked:
                    marked[entry.term] = entry
                    new.append((start, end, entry))
            if new:
                _replace_text(tree, node, text, new, href)
        if not marked:
            return page_html, []
        return to_html(tree), list(marked.values())

    def find(self, text: str) -> list[tuple[int, int, GlossaryEntry]]:
        """Every whole-word mention in text, longest first at each place, as (start, end, entry)."""
        if self._empty:
            return []
        folded, starts = fold_text(text)
        candidates: dict[int, list[tuple[int, GlossaryEntry]]] = {}
        for last, (length, entry) in self._automaton.iter(folded):
            candidates.setdefault(last - length + 1, []).append((last + 1, entry))
        found = []
        cursor = 0
        for first in sorted(candidates):
            if first < cursor:
                continue
            start = starts[first]
            if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "-"):
                continue  # inside a word, or the tail of a hyphenated word ("ado-trastuzumab")
            for stop, entry in sorted(candidates[first], key=lambda c: -c[0]):
                end = starts[stop] if stop < len(starts) else len(text)
                if end >= len(text) or not _is_word_char(text[end]):
                    found.append((start, end, entry))
                    cursor = stop
                    break
        return found


def _replace_text(tree, node, text: str, spans, href) -> None:
    """Replace a text node by its text with each span wrapped in a term link."""
    position = 0
    for start, end, entry in spans:
        if start > position:
            node.insert_before(text[position:start])
        link = tree.create_node("a")
        link.attrs["class"] = "mbc-term"
        link.attrs["href"] = href(entry)
        link.attrs["data-term"] = entry.term
        link.attrs["data-definition"] = entry.definition
        link.insert_child(text[start:end])
        node.insert_before(link)
        position = end
    if position < len(text):
        node.insert_before(text[position:])
    node.decompose()
