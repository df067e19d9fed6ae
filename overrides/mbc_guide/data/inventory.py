"""data/sources.yml: the registered sources and every drug, side effect and term they name."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.schema import SOURCES_SCHEMA, as_date, read_data_file
from mbc_guide.data.yaml_lines import YamlMapping
from mbc_guide.paths import SOURCES_FILE
from mbc_guide.text.characters import normalise


@dataclass(frozen=True)
class Treatment:
    """A kind of treatment and the page that covers it."""

    id: str
    name: str
    page: str
    line: int = 0


@dataclass(frozen=True)
class Item:
    """One thing a source names: a drug (or drug class), a side effect, or a term."""

    kind: str  # "drug" | "side effect" | "term"
    name: str
    treatment: str | None
    aliases: tuple[str, ...]
    source: str
    line: int
    # A side effect's note: a condition or fuller words its source gives, shown on the Side effects A to Z page.
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class NotCovered:
    """A name the reading of a source's text finds that is not a drug or side effect to cover."""

    name: str
    reason: str
    source: str
    line: int


@dataclass(frozen=True)
class Source:
    """A registered source document and everything it names."""

    id: str
    publisher: str
    title: str
    url: str
    file: str
    reviewed: dt.date | None
    accessed: dt.date | None
    items: tuple[Item, ...]
    line: int
    not_covered: tuple[NotCovered, ...] = ()
    # A names-only source (names_only: [...]) gives only what it is registered for (the schema's
    # names_only values), never a fact about a drug: it has no text file, no items, and entries read at entries_at.
    names_only: tuple[str, ...] = ()
    entries_at: tuple[str, ...] = ()

    def gives(self, use: str, address: str) -> bool:
        """Whether this is a names-only source for `use` whose entries may be read at this address."""
        return use in self.names_only and any(address.startswith(prefix) for prefix in self.entries_at)


@dataclass(frozen=True)
class Inventory:
    """data/sources.yml, checked."""

    path: Path
    reviewed: dt.date
    next_review: dt.date
    treatments: dict[str, Treatment]
    sources: dict[str, Source]

    def items(self, kind: str | None = None) -> list[Item]:
        return [i for s in self.sources.values() for i in s.items if kind in (None, i.kind)]

    def text_sources(self) -> list[Source]:
        """The sources with a text that facts come from (not the names-only ones)."""
        return [s for s in self.sources.values() if not s.names_only]

    def names_source(self, use: str, address: str) -> Source | None:
        """The names-only source registered for `use` whose entries live at this address, if any."""
        return next((s for s in self.sources.values() if s.gives(use, address)), None)


# The lists of items a source has, and the kind of item each holds.
_ITEM_KINDS = {"drugs": "drug", "side_effects": "side effect", "terms": "term"}


def load_inventory(path: Path = SOURCES_FILE, schema: Path = SOURCES_SCHEMA) -> Inventory:
    """Read data/sources.yml, checked against its schema, that each item's treatment exists and none is listed twice."""
    data = read_data_file(path, schema)
    treatments = {tid: Treatment(tid, block["name"].strip(), block["page"].strip(), block.line_of("name"))
                  for tid, block in data["treatments"].items()}
    sources = {sid: _load_source(sid, block, treatments, path) for sid, block in data["sources"].items()}
    _check_duplicate_items(sources, path)
    return Inventory(path, as_date(data["reviewed"]), as_date(data["next_review"]), treatments, sources)


def _load_source(sid: str, block: YamlMapping, treatments: dict[str, Treatment], path: Path) -> Source:
    common = dict(id=sid, publisher=block["publisher"].strip(), title=block["title"].strip(),
                  url=block["url"].strip(), line=block.line,
                  reviewed=as_date(block["reviewed"]) if "reviewed" in block else None,
                  accessed=as_date(block["accessed"]) if "accessed" in block else None)
    if "names_only" in block:  # a names-only source: what it gives, and where its entries are read
        return Source(**common, file="", items=(), names_only=tuple(block["names_only"]),
                      entries_at=tuple(a.strip() for a in block["entries_at"]))
    items = tuple(_load_item(entry, kind, sid, treatments, path)
                  for key, kind in _ITEM_KINDS.items() for entry in block.get(key, ()))
    not_covered = tuple(NotCovered(e["name"].strip(), " ".join(e["reason"].split()), sid, e.line)
                        for e in block.get("not_covered", ()))
    return Source(**common, file=block["file"].strip(), items=items, not_covered=not_covered)


def _load_item(entry: YamlMapping, kind: str, sid: str, treatments: dict[str, Treatment], path: Path) -> Item:
    name = entry["name"].strip()
    treatment = entry.get("treatment")
    if treatment is not None and treatment not in treatments:
        raise DataError(path, entry.line_of("treatment"), f"{kind} '{name}' of source '{sid}': unknown treatment "
                        f"'{treatment}'; use one of {', '.join(treatments)} or add it under 'treatments'.")
    return Item(kind, name, treatment, tuple(a.strip() for a in entry.get("aliases", ())), sid, entry.line,
                note=" ".join(entry.get("note", "").split()))


def _check_duplicate_items(sources: dict[str, Source], path: Path) -> None:
    seen: dict[tuple, Item] = {}
    for item in (i for s in sources.values() for i in s.items):
        key = (item.source, item.kind, normalise(item.name), item.treatment)
        if key in seen:
            raise DataError(path, item.line, f"{item.kind} '{item.name}' is listed twice for source "
                            f"'{item.source}' under the same treatment (first on line {seen[key].line}); remove one.")
        seen[key] = item
