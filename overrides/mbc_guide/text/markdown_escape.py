"""Put text from data files into generated Markdown as literal text.

Data files arrive through pull requests, so a value such as a source title or a
treatment name must never become HTML or Markdown markup on a page.
"""
from __future__ import annotations

import re

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~<>])")


def md_text(value: str) -> str:
    """The value as literal Markdown text: HTML characters as entities, Markdown punctuation escaped."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(value.split()))
