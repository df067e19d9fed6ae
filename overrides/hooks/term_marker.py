"""Find glossary terms in rendered HTML and wrap them in tooltip links.

Matching rules: the longest name wins ("PD-L1 inhibitors" before "PD-L1"),
whole words only, any capitalisation, aliases included. Text inside headings,
links, code, buttons and <summary> is never touched. Only the first mention of
each entry on a page is marked, so a page does not become a wall of links and
keyboard users do not tab through the same term again and again.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from sitedata import GlossaryEntry, normalise

# Elements whose text is never marked (their whole content is skipped).
SKIPPED_TAGS = frozenset({
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "option", "pre", "samp", "script", "select", "style", "summary", "svg", "textarea", "title",
})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


class TermMarker:
    """Marks glossary terms in HTML. Build once per glossary, call mark() per page."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._by_name: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for name in entry.names:
                self._by_name[normalise(name)] = entry
        names = sorted(self._by_name, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)
        # No letter, digit or hyphen just before; no letter or digit just after
        # (so "HER2-positive" marks HER2, but "ado-trastuzumab" never marks "trastuzumab").
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)", re.IGNORECASE) if names else None

    def mark(self, page_html: str, href: Callable[[GlossaryEntry], str]) -> tuple[str, list[GlossaryEntry]]:
        """Return the page with first mentions marked, and the entries it mentions."""
        if self._pattern is None:
            return page_html, []
        marked: dict[str, GlossaryEntry] = {}
        out: list[str] = []
        skip_stack: list[str] = []
        for token in _TOKENS.split(page_html):
            if not token:
                continue
            if token.startswith("<"):
                _track(token, skip_stack)
                out.append(token)
            elif skip_stack:
                out.append(token)
            else:
                out.append(self._pattern.sub(lambda m: self._link(m, marked, href), token))
        return "".join(out), list(marked.values())

    def _link(self, match: re.Match, marked: dict[str, GlossaryEntry], href) -> str:
        entry = self._by_name[normalise(match.group(0))]
        if entry.term in marked:
            return match.group(0)
        marked[entry.term] = entry
        return (
            f'<a class="mbc-term" href="{html.escape(href(entry))}" '
            f'data-term="{html.escape(entry.term)}" data-definition="{html.escape(entry.definition)}">'
            f"{match.group(0)}</a>"
        )


def _track(tag: str, skip_stack: list[str]) -> None:
    """Keep the stack of open skipped elements up to date for one tag."""
    found = _TAG_NAME.match(tag)
    if not found:
        return  # a comment, doctype or stray "<"
    closing, name = found.group(1) == "/", found.group(2).lower()
    if name not in SKIPPED_TAGS or name in VOID_TAGS or tag.rstrip(">").endswith("/"):
        return
    if not closing:
        skip_stack.append(name)
    elif name in skip_stack:
        while skip_stack and skip_stack.pop() != name:
            pass
