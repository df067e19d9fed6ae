"""data/interface.yml: the words of the site's own interface in each edition's language, and its dates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.schema import SCHEMA_DIR, read_data_file
from mbc_guide.paths import DATA_DIR

INTERFACE_FILE = DATA_DIR / "interface.yml"
MONTHS = {"es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre")}


def interface_text(language: str, path: Path = INTERFACE_FILE) -> dict[str, str]:
    """The interface's words in this language; DataError when the language lacks a word English has."""
    data = read_data_file(path, SCHEMA_DIR / "interface.schema.json")
    english, words = data.get("en") or {}, data.get(language)
    if not isinstance(words, dict):
        raise DataError(path, None, f"there are no interface words for the language {language!r}; add them.")
    missing = [key for key in english if key not in words]
    if missing:
        raise DataError(path, data.line_of(language), f"the {language!r} words lack {missing[0]!r}; add it.")
    return {key: str(value) for key, value in words.items()}


def date_text(date: dt.date, language: str) -> str:
    """A date as a reader of this language writes it: "6 December 2026", "6 de diciembre de 2026"."""
    if language in MONTHS:
        return f"{date.day} de {MONTHS[language][date.month - 1]} de {date.year}"
    return date.strftime("%-d %B %Y")
