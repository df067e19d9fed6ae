"""Hide the checklist's tick boxes (for ticking on paper) from screen readers, which call them unnamed controls.

The mark goes on the box, not its <label>: HTML does not allow aria-hidden on a label that holds a control.
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
