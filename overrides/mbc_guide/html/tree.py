"""Read and change HTML through selectolax's Lexbor parser (as browsers parse), never with regular expressions."""
from __future__ import annotations

from collections.abc import Callable, Iterator

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
    """The top-level nodes of a parsed fragment, text included (the children of its root)."""
    if tree.root is not None:
        yield from tree.root.iter(include_text=True)


def walk(tree: LexborHTMLParser, skip: frozenset[str] = frozenset(),
         skip_if: Callable[[LexborNode], bool] | None = None) -> Iterator[LexborNode]:
    """Every node of a fragment in document order, not entering elements named in skip or for which skip_if is true."""
    stack = list(reversed(list(top_nodes(tree))))
    while stack:
        node = stack.pop()
        yield node
        if node.is_element_node and node.tag not in skip and not (skip_if and skip_if(node)):
            stack.extend(reversed(list(node.iter(include_text=True))))


def elements(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """Every element of a fragment, in document order."""
    return (node for node in walk(tree) if node.is_element_node)


def text_nodes(tree: LexborHTMLParser, skip: frozenset[str]) -> list[LexborNode]:
    """Every text node of a fragment that is not inside an element named in skip."""
    return [node for node in walk(tree, skip) if node.is_text_node]


def rename(tree: LexborHTMLParser, node: LexborNode, tag: str) -> LexborNode:
    """Put an element named tag, with node's attributes and children, in node's place; return it."""
    renamed = tree.create_node(tag)
    for name, value in node.attributes.items():
        renamed.attrs[name] = value or ""
    for child in list(node.iter(include_text=True)):
        renamed.insert_child(child, move=True)
    node.replace_with(renamed, move=True)
    return renamed
