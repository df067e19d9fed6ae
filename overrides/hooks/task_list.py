"""Hide the checklist's tick boxes from screen readers.

pymdownx.tasklist writes each "- [ ]" item's box as a disabled checkbox with no
text, which screen readers announce as an unnamed, unusable control. The boxes
are there to be ticked on paper (the Questions page is made to be printed), so
they are marked aria-hidden: a screen reader reads each question once, as plain
list text, and the printed page still shows the box.
"""
from __future__ import annotations

import re

_BOX = re.compile(r'<label class="task-list-control">(?=<input type="checkbox" disabled)')


def hide_boxes(html: str) -> str:
    """Add aria-hidden="true" to each disabled task-list checkbox's label."""
    return _BOX.sub('<label class="task-list-control" aria-hidden="true">', html)


def on_page_content(html: str, *, page, config, files) -> str:
    """Apply hide_boxes to each page's content."""
    return hide_boxes(html)
