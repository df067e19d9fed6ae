"""How to say a drug's name: respellings in the NCI style ("per-TOO-zoo-mab"), and what a screen reader reads instead.

A screen reader spells out the capitals and drops the hyphens, so the page hides the
respelling from it and gives it spoken() instead ("per too zoo mab, stress on too").
"""
from __future__ import annotations

import json
import re

from mbc_guide.paths import ROOT

# The form of a respelling and its rule in words, read from the glossary's schema, where they are stated once.
GLOSSARY_SCHEMA = ROOT / "schemas" / "glossary.schema.json"
_RESPELLING = json.loads(GLOSSARY_SCHEMA.read_text(encoding="utf-8"))["$defs"]["respelling"]
PATTERN = re.compile(_RESPELLING["pattern"])  # anchored (^...$): fullmatch reads it as JSON Schema does
RULE = _RESPELLING["description"]


def problem(say: str) -> str | None:
    """Why the respelling is not in the NCI style, or None when it is."""
    if not PATTERN.fullmatch(say):
        return f"'{say}' is not a respelling: write {RULE}"
    if not any(s.isupper() for s in _syllables(say)):
        return f"'{say}' marks no stressed syllable: write the stressed syllable in capitals"
    return None


def spoken(say: str) -> str:
    """The respelling as a screen reader should read it: "per too zoo mab, stress on too"."""
    syllables = _syllables(say)
    plain = " ".join(s.lower() for s in syllables)
    stressed = [s.lower() for s in syllables if s.isupper()]
    if not stressed:
        return plain
    names = stressed[0] if len(stressed) == 1 else ", ".join(stressed[:-1]) + " and " + stressed[-1]
    return f"{plain}, stress on {names}"


def needs_respelling(kind: str, term: str) -> bool:
    """Every drug; a drug class when its name is made of words (not "PD-1 inhibitors" or "PARP inhibitors")."""
    if kind == "drug":
        return True
    if kind != "class":
        return False
    return not any(any(c.isupper() or c.isdigit() for c in word) for word in re.split(r"[\s-]+", term))


def _syllables(say: str) -> list[str]:
    return re.split(r"[ -]", say)
