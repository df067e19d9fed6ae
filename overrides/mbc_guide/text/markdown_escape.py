"""Put text from data files (which come through pull requests) into generated Markdown as literal text, not markup."""
from __future__ import annotations

import re

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~<>])")


def md_text(value: str) -> str:
    """The value as literal Markdown text: HTML characters as entities, Markdown punctuation escaped."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(value.split()))
