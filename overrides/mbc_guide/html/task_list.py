"""Hide the checklist's tick boxes from screen readers.

pymdownx.tasklist writes each "- [ ]" item's box as a disabled checkbox with no
text, which screen readers announce as an unnamed, unusable control. The boxes
are there to be ticked on paper (the Questions page is made to be printed), so
each box is marked aria-hidden: a screen reader reads each question once, as
plain list text, and the printed page still shows the box. The mark goes on
the box itself, not on its <label>: HTML does not allow aria-hidden on a label
that holds a control. The HTML is changed through the parser (html_tree).
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.tree import elements


def hide_boxes(tree: LexborHTMLParser) -> None:
    """Add aria-hidden="true" to each disabled checkbox of a task-list label."""
    for label in elements(tree):
        box = label.css_first("input") if label.tag == "label" else None
        if "task-list-control" in (label.attrs.get("class") or "").split() and box is not None \
                and box.attrs.get("type") == "checkbox" and "disabled" in box.attrs:
            box.attrs["aria-hidden"] = "true"
