"""Mark links that stand alone in a list item or paragraph, so extra.css can give them a 44 x 44 px target.

A link inside a sentence is exempt (WCAG 2.5.5); one whose block holds no other words, besides punctuation and
a note in brackets ("[chemotherapy](...) (chemo)"), is a control of its own.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.tree import elements

CLASS = "mbc-alone"
BLOCKS = frozenset({"li", "p"})
_NOTE = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w")


def stands_alone(link, block) -> bool:
    """Whether the block's text, less the link's own, has no words (a bracketed note aside)."""
    rest = (block.text(deep=True) or "").replace(link.text(deep=True) or "", "", 1)
    return not _WORD.search(_NOTE.sub("", rest))


def mark(tree: LexborHTMLParser) -> None:
    """Add the class to every link that stands alone in its list item or paragraph."""
    for link in elements(tree):
        if link.tag != "a" or "href" not in link.attrs or link.parent is None:
            continue
        block = link.parent
        if block.tag == "p" and block.parent is not None and block.parent.tag == "li":
            block = block.parent  # a "loose" list: <li><p><a>...</a></p></li>
        if block.tag in BLOCKS and len(block.css("a")) == 1 and stands_alone(link, block):
            classes = (link.attrs.get("class") or "").split()
            if CLASS not in classes:
                link.attrs["class"] = " ".join([*classes, CLASS])
