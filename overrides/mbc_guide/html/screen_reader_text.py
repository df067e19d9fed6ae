"""Text for screen readers only (such as how to say a drug's name), kept out of the search index.

The search shows what a sighted reader sees on the page, so it must not index words only a screen reader reads.
Material's search skips an element marked data-search-exclude; the finished page loses the mark, as it was
only for the index (Material strips it too, but not from a page, such as the whole guide, built from others).
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

CLASS = "mbc-visually-hidden"  # hides text from the eye but not from screen readers (docs/assets/stylesheets/extra.css)
SEARCH_EXCLUDE = "data-search-exclude"


def keep_out_of_search(tree: LexborHTMLParser) -> None:
    """Mark each element of text for screen readers only so that the search leaves it out."""
    for element in tree.css(f".{CLASS}"):
        element.attrs[SEARCH_EXCLUDE] = "screen-reader-only"


def remove_search_marks(tree: LexborHTMLParser) -> None:
    """Take the search's marks off a finished page: readers and screen readers get the page as it was."""
    for element in tree.css(f"[{SEARCH_EXCLUDE}]"):
        del element.attrs[SEARCH_EXCLUDE]
