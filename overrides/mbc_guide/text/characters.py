"""How names are compared, and which characters never belong in a reader's text."""
from __future__ import annotations

import unicodedata


def normalise(name: str) -> str:
    """The one form used to compare names everywhere (index, match, lookup).

    Unicode case folding (str.casefold, so "İ", "µ" and "ß" compare as their folded
    forms), with every run of white space as one space. See term_marker.fold_text,
    which applies the same rule to page text while keeping positions.
    """
    return " ".join(name.casefold().split())


def invisible_characters(text: str) -> list[str]:
    """The control and invisible format characters in a text, as U+XXXX.

    Never part of a page's text: controls, and Unicode's format characters (category Cf), such as the
    bidirectional override U+202E and the zero-width space U+200B, which hide or reorder what a reader sees.
    """
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) == "Cf" or (unicodedata.category(c) == "Cc" and c not in "\n\t")]

