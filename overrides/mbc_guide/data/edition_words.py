"""data/es.yml: the Spanish edition's words for each glossary entry and each side effect."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mbc_guide.data.glossary import Glossary
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.schema import SCHEMA_DIR, read_data_file
from mbc_guide.paths import DATA_DIR, display_path


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
class EditionWords:
    """A translated edition's words: by the English glossary term, and by the English side-effect name."""

    language: str
    glossary: dict[str, Words]
    side_effects: dict[str, Words]
    path: Path


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
    return EditionWords(language, entries, effects, path)


def word_gaps(words: EditionWords, inventory: Inventory, glossary: Glossary) -> list[str]:
    """Each glossary entry and side effect without its words in this language, and each entry of words for
    nothing in the English data, as a line of the report."""
    gaps = []
    for what, found, english, where in (
            ("glossary entry", words.glossary, [entry.term for entry in glossary.entries], "data/glossary.yml"),
            ("side effect", words.side_effects, [item.name for item in inventory.items("side effect")],
             "data/sources.yml")):
        gaps += [f"{display_path(words.path)}: the {what} {name!r} has no words in this language yet; add its "
                 f"name, other names and text" for name in dict.fromkeys(english) if name not in found]
        gaps += [f"{display_path(words.path)}:{entry.line}: {name!r} is no {what} of {where}; remove it, or "
                 "correct its name" for name, entry in found.items() if name not in english]
    return gaps
