"""data/sources.yml: the registered sources and every drug, side effect and term they name."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mbc_guide.data.errors import DataError
from mbc_guide.data.fields import checked, ids, page_path, strings, unknown_keys, web_address
from mbc_guide.data.yaml_lines import YamlMapping, read_yaml_file
from mbc_guide.paths import SOURCES_FILE
from mbc_guide.text.characters import normalise


@dataclass(frozen=True)
class Treatment:
    """A kind of treatment and the page that covers it."""

    id: str
    name: str
    page: str


@dataclass(frozen=True)
class Item:
    """One thing a source names: a drug (or drug class), a side effect, or a term."""

    kind: str  # "drug" | "side effect" | "term"
    name: str
    treatment: str | None
    aliases: tuple[str, ...]
    source: str
    line: int

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
    # A names-only source (names_only: [...]) gives only what it is registered for (NAME_USES),
    # never a fact about a drug: it has no text file, no items, and entries read at entries_at.
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


_ITEM_LISTS = {"drugs": "drug", "side_effects": "side effect", "terms": "term"}
NAME_USES = ("respellings", "brand names")  # what a names-only source may be registered for


def load_inventory(path: Path = SOURCES_FILE) -> Inventory:
    """Read and check the source registry and inventory."""
    data = read_yaml_file(path)
    unknown_keys(data, {"reviewed", "next_review", "treatments", "sources"}, path, "the file")
    reviewed = checked(data, "reviewed", dt.date, path, "the file")
    next_review = checked(data, "next_review", dt.date, path, "the file")
    treatments: dict[str, Treatment] = {}
    for tid, block, line in ids(data, "treatments", path, "the file"):
        what = f"treatment '{tid}'"
        if not isinstance(block, dict):
            raise DataError(path, line, f"{what} must be a mapping with 'name' and 'page'.")
        unknown_keys(block, {"name", "page"}, path, what)
        treatments[tid] = Treatment(tid, checked(block, "name", str, path, what), page_path(block, path, what))
    sources: dict[str, Source] = {}
    for sid, block, line in ids(data, "sources", path, "the file"):
        sources[sid] = _load_source(sid, block, treatments, path, line)
    _check_duplicate_items(sources, path)
    return Inventory(path, reviewed, next_review, treatments, sources)


def _load_source(sid: str, block: Any, treatments: dict[str, Treatment], path: Path, line: int) -> Source:
    what = f"source '{sid}'"
    if not isinstance(block, dict):
        raise DataError(path, line, f"{what} must be a mapping (publisher, title, url, ...).")
    unknown_keys(block, {"publisher", "title", "url", "file", "reviewed", "accessed", "not_covered", "names_only",
                          "entries_at", *_ITEM_LISTS}, path, what)
    reviewed = checked(block, "reviewed", dt.date, path, what, required=False)
    accessed = checked(block, "accessed", dt.date, path, what, required=False)
    if not (reviewed or accessed):
        raise DataError(path, block.line, f"{what} needs a 'reviewed' or an 'accessed' date (YYYY-MM-DD).")
    if "names_only" in block:
        return _load_names_source(sid, block, path, what, reviewed, accessed)
    items: list[Item] = []
    for key, kind in _ITEM_LISTS.items():
        for entry in checked(block, key, list, path, what, required=False) or []:
            items.append(_load_item(entry, kind, sid, treatments, path, block.line_of(key)))
    file = checked(block, "file", str, path, what).strip()
    if file != Path(file).name or file.startswith("."):
        raise DataError(path, block.line_of("file"), f"{what}: 'file' must be the text's file name alone (like "
                        f"article.txt), not '{file}'; the texts live in the source-texts folder.")
    not_covered = tuple(_load_not_covered(entry, sid, path, block.line_of("not_covered"))
                        for entry in checked(block, "not_covered", list, path, what, required=False) or [])
    return Source(
        sid, checked(block, "publisher", str, path, what), checked(block, "title", str, path, what),
        web_address(block, "url", path, what), file, reviewed, accessed, tuple(items), block.line, not_covered,
    )


def _load_names_source(sid: str, block: YamlMapping, path: Path, what: str, reviewed, accessed) -> Source:
    """A names-only source: what it gives (names_only) and where its entries are read (entries_at)."""
    for key in ("file", "not_covered", *_ITEM_LISTS):
        if key in block:
            raise DataError(path, block.line_of(key), f"{what} is a names-only source, so it has no '{key}': "
                            "no fact about a drug comes from it. Remove the key, or remove 'names_only'.")
    uses = strings(block, "names_only", path, what)
    if not uses or any(use not in NAME_USES for use in uses):
        raise DataError(path, block.line_of("names_only"), f"{what}: 'names_only' lists what the source gives, "
                        f"from: {', '.join(NAME_USES)}.")
    entries_at = strings(block, "entries_at", path, what)
    if not entries_at:
        raise DataError(path, block.line_of("names_only"), f"{what} needs 'entries_at': the addresses (https://...) "
                        "where its entries are read.")
    for prefix in entries_at:
        if not prefix.startswith(("https://", "http://")) or any(c.isspace() for c in prefix):
            raise DataError(path, block.line_of("entries_at"), f"{what}: every 'entries_at' item must be a web "
                            f"address starting with https://, not '{prefix[:60]}'.")
    return Source(sid, checked(block, "publisher", str, path, what), checked(block, "title", str, path, what),
                  web_address(block, "url", path, what), "", reviewed, accessed, (), block.line, (),
                  uses, entries_at)


def _load_not_covered(entry: Any, sid: str, path: Path, line: int) -> NotCovered:
    if not isinstance(entry, dict):
        raise DataError(path, line, f"source '{sid}': each not_covered entry must be a mapping like "
                        "{name: ..., reason: ...}.")
    what = f"not_covered entry of source '{sid}'"
    unknown_keys(entry, {"name", "reason"}, path, what)
    name = checked(entry, "name", str, path, what).strip()
    reason = checked(entry, "reason", str, path, f"not_covered '{name}' of source '{sid}'")
    return NotCovered(name, " ".join(reason.split()), sid, entry.line)


def _load_item(entry: Any, kind: str, sid: str, treatments: dict[str, Treatment], path: Path, line: int) -> Item:
    if not isinstance(entry, dict):
        raise DataError(path, line, f"source '{sid}': each {kind} must be a mapping like {{name: ..., treatment: ...}}.")
    name = checked(entry, "name", str, path, f"a {kind} of source '{sid}'")
    what = f"{kind} '{name}' of source '{sid}'"
    if kind == "term":
        unknown_keys(entry, {"name", "aliases"}, path, what)
        treatment = None
    else:
        unknown_keys(entry, {"name", "treatment", "aliases"}, path, what)
        treatment = checked(entry, "treatment", str, path, what)
        if treatment not in treatments:
            raise DataError(path, entry.line, f"{what}: unknown treatment '{treatment}'; use one of "
                            f"{', '.join(treatments)} or add it under 'treatments'.")
    return Item(kind, name.strip(), treatment, strings(entry, "aliases", path, what), sid, entry.line)


def _check_duplicate_items(sources: dict[str, Source], path: Path) -> None:
    seen: dict[tuple, Item] = {}
    for item in (i for s in sources.values() for i in s.items):
        key = (item.source, item.kind, normalise(item.name), item.treatment)
        if key in seen:
            raise DataError(path, item.line, f"{item.kind} '{item.name}' is listed twice for source "
                            f"'{item.source}' under the same treatment (first on line {seen[key].line}); remove one.")
        seen[key] = item
