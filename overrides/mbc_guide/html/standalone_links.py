"""Mark links that stand alone, so the stylesheet can give them a large target.

A link inside a sentence is sized by its line of text (WCAG 2.5.5 exempts it),
but a link that stands alone in a list item or a paragraph ("- [Chemotherapy](...)")
is a control of its own, and must be at least 44 x 44 px to be easy to tap. This
hook adds the class "mbc-alone" to such links; extra.css gives them the size.

A link stands alone when the rest of its list item or paragraph holds no words
besides punctuation and a short note in brackets ("[chemotherapy](...) (chemo)").
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
