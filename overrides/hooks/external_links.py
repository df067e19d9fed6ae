"""Make links to other websites open safely.

External links in the content stay ordinary links (following one is the
reader's choice); this hook adds rel="noopener noreferrer" so the other site
gets no handle on this page and no referrer.
"""
from __future__ import annotations

import re

_EXTERNAL_LINK = re.compile(r'<a\s(?![^>]*\brel=)([^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>', re.IGNORECASE)


def add_rel(html: str) -> str:
    """Add rel="noopener noreferrer" to every external link that has no rel yet."""
    return _EXTERNAL_LINK.sub(r'<a \1 rel="noopener noreferrer">', html)


def on_page_content(html: str, *, page, config, files) -> str:
    """Apply add_rel to each page's content."""
    return add_rel(html)
