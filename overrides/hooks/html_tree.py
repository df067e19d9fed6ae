"""Read and change HTML through a parser, never with regular expressions.

A thin layer over selectolax's Lexbor parser, which parses as browsers do
(HTML5): attribute values, entities, comments and raw text are understood,
so a change can only ever touch what it means to touch.
"""
from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode


def parse_fragment(html: str) -> LexborHTMLParser:
    """Parse a piece of a page (such as a page's content) as the inside of a <div>."""
    return LexborHTMLParser(html, is_fragment=True)


def parse_document(html: str) -> LexborHTMLParser:
    """Parse a whole page."""
    return LexborHTMLParser(html)


def to_html(tree: LexborHTMLParser) -> str:
    """Serialise a parsed fragment or page back to HTML."""
    return tree.html or ""


def top_nodes(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """The top-level nodes of a parsed fragment, text included."""
    node = tree.root
    while node is not None:
        yield node
        node = node.next


def elements(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """Every element of a fragment, in document order."""
    for top in top_nodes(tree):
        if top.is_element_node:
            yield from top.traverse(include_text=False)


def text_nodes(tree: LexborHTMLParser, skip: frozenset[str]) -> list[LexborNode]:
    """Every text node of a fragment that is not inside an element named in skip."""
    found: list[LexborNode] = []

    def walk(node: LexborNode) -> None:
        if node.is_text_node:
            found.append(node)
        elif node.is_element_node and node.tag not in skip:
            for child in node.iter(include_text=True):
                walk(child)

    for top in top_nodes(tree):
        walk(top)
    return found
