"""The words a page built from data is written in: the interface's (data/interface.yml) and the edition's names."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from mbc_guide.data.edition_words import EditionWords, load_edition_words
from mbc_guide.data.glossary import Glossary, GlossaryEntry
from mbc_guide.data.interface_text import INTERFACE_FILE, date_text, interface_text
from mbc_guide.data.inventory import Inventory
from mbc_guide.paths import DATA_DIR


@dataclass(frozen=True)
class PageWords:
    """An edition's words for its generated pages: English, or a translation with its names from data/<language>.yml."""

    language: str
    interface: dict[str, str]
    names: EditionWords | None = None  # a translated edition's names; None in English

    def __getitem__(self, key: str) -> str:
        return self.interface[key]

    def date(self, date: dt.date) -> str:
        """A date as this edition's readers write it."""
        return date_text(date, self.language)

    def listed(self, names: list[str], joined_by: str) -> str:
        """ "A", "A or B", "A, B or C" in this language: joined_by is "or" or "and"."""
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {self[joined_by]} " + names[-1]

    def treatment(self, inventory: Inventory, treatment_id: str) -> str:
        """A kind of treatment's name in this language."""
        if self.names and treatment_id in self.names.treatments:
            return self.names.treatments[treatment_id]
        return inventory.treatments[treatment_id].name

    def entries(self, glossary: Glossary) -> tuple[GlossaryEntry, ...]:
        """The glossary's entries in this language: names, other names and definitions."""
        if self.names is None:
            return glossary.entries
        return self.names.entries(glossary)

    def term(self, glossary: Glossary, english_term: str) -> str:
        """A glossary entry's name in this language, by its English term."""
        entry = glossary.find(english_term)
        found = self.names.glossary.get(entry.term) if self.names else None
        return found.name if found else entry.term


@functools.lru_cache(maxsize=1)
def english() -> PageWords:
    """The English edition's words."""
    return PageWords("en", interface_text("en", INTERFACE_FILE))


def page_words(language: str, data_dir: Path = DATA_DIR) -> PageWords:
    """An edition's words, read from data_dir (DataError names a file and line of a problem)."""
    interface = interface_text(language, data_dir / INTERFACE_FILE.name)
    return PageWords(language, interface, None if language == "en" else load_edition_words(language, data_dir))
