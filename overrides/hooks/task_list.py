"""Hide the checklist's tick boxes from screen readers.

pymdownx.tasklist writes each "- [ ]" item's box as a disabled checkbox with no
text, which screen readers announce as an unnamed, unusable control. The boxes
are there to be ticked on paper (the Questions page is made to be printed), so
each box is marked aria-hidden: a screen reader reads each question once, as
plain list text, and the printed page still shows the box. The mark goes on
the box itself, not on its <label>: HTML does not allow aria-hidden on a label
that holds a control. The HTML is read with html_edit's parser.
"""
from __future__ import annotations

from html_edit import scan, splice, start_tag


def hide_boxes(html: str) -> str:
    """Add aria-hidden="true" to each disabled checkbox inside a task-list label."""
    edits, in_task_label = [], False
    for token in scan(html):
        if token.tag == "label":
            in_task_label = token.kind == "start" and token.has_class("task-list-control")
        elif (in_task_label and token.kind == "start" and token.tag == "input"
              and token.attrs.get("type") == "checkbox" and "disabled" in token.attrs):
            edits.append((token.start, token.end, start_tag("input", {**token.attrs, "aria-hidden": "true"})))
    return splice(html, edits)


def on_page_content(html: str, *, page, config, files) -> str:
    """Apply hide_boxes to each page's content."""
    return hide_boxes(html)
