"""How names are compared, and which characters never belong in a reader's text."""
from __future__ import annotations

import unicodedata


def normalise(name: str) -> str:
    """The one form used to compare names everywhere: Unicode case folding, each run of white space as one space."""
    return " ".join(name.casefold().split())


def invisible_characters(text: str) -> list[str]:
    """The control and format characters (Cc, Cf: such as U+202E, U+200B, which hide or reorder text), as U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) == "Cf" or (unicodedata.category(c) == "Cc" and c not in "\n\t")]

