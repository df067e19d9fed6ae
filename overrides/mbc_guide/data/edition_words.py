"""data/es.yml: the Spanish edition's words for each glossary entry and each side effect."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from mbc_guide.data.glossary import Glossary, GlossaryEntry
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.schema import SCHEMA_DIR, read_data_file
from mbc_guide.paths import DATA_DIR


@dataclass(frozen=True)
class Words:
    """One glossary entry's or side effect's words in a language: its name, other names, definition or note."""

    english: str
    name: str
    aliases: tuple[str, ...]
    text: str | None  # a glossary entry's definition, or a side effect's note
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class MadePage:
    """A page made from data (the glossary, side effects A to Z): which version of its English page its words follow."""

    translation_of: str
    translated: dt.date
    line: int


@dataclass(frozen=True)
class EditionWords:
    """A translated edition's words: by the English glossary term, and by the English side-effect name."""

    language: str
    glossary: dict[str, Words]
    side_effects: dict[str, Words]
    path: Path
    treatments: dict[str, str] = field(default_factory=dict)  # a kind of treatment's name, by its id
    made_pages: dict[str, MadePage] = field(default_factory=dict)  # a page made from data, by its path in docs/

    def entries(self, glossary: Glossary) -> tuple[GlossaryEntry, ...]:
        """The glossary's entries in this language's words (name, other names, definition), with the same anchors,
        brands and respellings (of the English name, which readers may need to say to their care team); an entry
        with no words yet is left out, so no English reaches the edition."""
        return tuple(replace(entry, term=self.glossary[entry.term].name, aliases=self.glossary[entry.term].aliases,
                             definition=self.glossary[entry.term].text or entry.definition)
                     for entry in glossary.entries if entry.term in self.glossary)


def words_file(language: str, data_dir: Path = DATA_DIR) -> Path:
    """Where a language's words are kept: data/<language>.yml."""
    return data_dir / f"{language}.yml"


def load_edition_words(language: str, data_dir: Path = DATA_DIR) -> EditionWords:
    """Read data/<language>.yml and check it against its schema; DataError names the file and line of a problem."""
    path = words_file(language, data_dir)
    data = read_data_file(path, SCHEMA_DIR / f"{language}.schema.json")
    section = data["glossary"]
    entries = {english: Words(english, block["term"], tuple(block["aliases"]), block["definition"],
                              section.line_of(english)) for english, block in section.items()}
    section = data["side_effects"]
    effects = {english: Words(english, block["name"], tuple(block["aliases"]), block.get("note"),
                              section.line_of(english)) for english, block in section.items()}
    pages = data.get("pages") or {}
    made = {rel: MadePage(str(block["translation_of"]), dt.date.fromisoformat(str(block["translated"])),
                          pages.line_of(rel))
            for rel, block in pages.items()}
    return EditionWords(language, entries, effects, path, dict(data.get("treatments") or {}), made)


def word_gaps(words: EditionWords, inventory: Inventory, glossary: Glossary) -> list[tuple[int | None, str]]:
    """Each glossary entry, side effect and kind of treatment without its words in this language, and each entry of
    words for nothing in the English data: (line in the words file, or None, and what to do)."""
    gaps: list[tuple[int | None, str]] = []
    for what, found, english, where in (
            ("glossary entry", words.glossary, [entry.term for entry in glossary.entries], "data/glossary.yml"),
            ("side effect", words.side_effects, [item.name for item in inventory.items("side effect")],
             "data/sources.yml")):
        gaps += [(None, f"the {what} {name!r} has no words in this language yet; add its name, other names and "
                  f"text under {'glossary' if what == 'glossary entry' else 'side_effects'}")
                 for name in dict.fromkeys(english) if name not in found]
        gaps += [(entry.line, f"{name!r} is no {what} of {where}; remove it, or correct its name")
                 for name, entry in found.items() if name not in english]
    gaps += [(None, f"the kind of treatment {tid!r} has no name in this language yet; add it under treatments")
             for tid in inventory.treatments if tid not in words.treatments]
    return gaps
