"""Make links to other websites open safely: rel="noopener noreferrer" gives that site no handle and no referrer."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.tree import elements


def is_external(href: str) -> bool:
    """True for a link to another host (http:, https: or protocol-relative)."""
    href = href.strip().lower()
    return href.startswith(("http:", "https:", "//"))


def add_rel(tree: LexborHTMLParser) -> None:
    """Add rel="noopener noreferrer" to every external link that has no rel yet."""
    for link in elements(tree):
        if link.tag == "a" and "rel" not in link.attrs and is_external(link.attrs.get("href") or ""):
            link.attrs["rel"] = "noopener noreferrer"
