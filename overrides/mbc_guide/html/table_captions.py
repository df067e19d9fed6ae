"""Give every table a <caption>, written in Markdown as a "Table: ..." line just above it, as Pandoc does.

Python-Markdown's tables have no caption syntax; screen readers announce a caption with its table.
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

PREFIX = "Table:"


def add_captions(tree: LexborHTMLParser) -> int:
    """Move each "Table: ..." paragraph that comes just before a table into it; return how many tables have none."""
    uncaptioned = 0
    for table in tree.css("table"):
        paragraph = table.prev
        while paragraph is not None and paragraph.is_text_node and not paragraph.text_content.strip():
            paragraph = paragraph.prev
        first = paragraph.child if paragraph is not None and paragraph.tag == "p" else None
        if first is None or not first.is_text_node or not first.text_content.lstrip().startswith(PREFIX):
            uncaptioned += 1
            continue
        caption = tree.create_node("caption")
        for child in paragraph.iter(include_text=True):
            caption.insert_child(child)
        first = caption.child
        first.replace_with(first.text_content.lstrip().removeprefix(PREFIX).lstrip())
        if table.child is not None:
            table.child.insert_before(caption)
        else:
            table.insert_child(caption)
        paragraph.decompose()
    return uncaptioned
