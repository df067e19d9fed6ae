"""Wrap each glossary entry's first mention in a page's HTML in a tooltip link, the longest name first.

Only the first mention is marked, so keyboard users do not tab through the same term again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.data.glossary import GlossaryEntry
from mbc_guide.html.tree import text_nodes
from mbc_guide.names.finder import NameFinder
from mbc_guide.text import respelling

# Elements whose text is never marked (their whole content is skipped).
SKIPPED_TAGS = frozenset({
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "option", "pre", "samp", "script", "select", "style", "summary", "svg", "textarea", "title",
})


class TermMarker:
    """Marks glossary terms in HTML. Build once per glossary, call mark() per page."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._finder = NameFinder((name, entry) for entry in entries for name in entry.names)

    def mark(self, tree: LexborHTMLParser, href: Callable[[GlossaryEntry], str]) -> list[GlossaryEntry]:
        """Mark each entry's first mention in the page; return the entries it mentions (in page order)."""
        if self._finder.empty:
            return []
        marked: dict[str, GlossaryEntry] = {}
        for node in text_nodes(tree, SKIPPED_TAGS):
            text = node.text_content
            new = []
            for start, end, entry in self._finder.longest(text):
                if entry.term not in marked:
                    marked[entry.term] = entry
                    new.append((start, end, entry))
            if new:
                _replace_text(tree, node, text, new, href)
        return list(marked.values())


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
        if entry.say:  # how to say it: shown in the tooltip and when printed; spoken form for screen readers
            link.attrs["data-say"] = entry.say
            link.attrs["data-say-spoken"] = respelling.spoken(entry.say)
        link.insert_child(text[start:end])
        node.insert_before(link)
        position = end
    if position < len(text):
        node.insert_before(text[position:])
    node.decompose()
