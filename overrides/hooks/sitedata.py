"""Load and check the site's data: the source inventory, the glossary and page front matter.

Everything that reads data/sources.yml, data/glossary.yml or a page's front
matter goes through this module, which hands back typed, checked records.
A problem raises DataError, whose message names the file, the line and the fix.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES_FILE = ROOT / "data" / "sources.yml"
GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
GLOSSARY_KINDS = ("drug", "class", "term")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


class DataError(Exception):
    """Unusable data: the message names the file, the line and what to do."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = Path(path), line, message
        where = f"{_display(self.path)}:{line}" if line else _display(self.path)
        super().__init__(f"{where}: {message}")


# --- YAML with line numbers ------------------------------------------------------------


class _Mapping(dict):
    """A YAML mapping that remembers the line it starts on."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader whose mappings carry line numbers and refuse duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.MarkedYAMLError(
                problem=f"the key '{key}' appears twice in one block; remove one",
                problem_mark=key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_date(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.MarkedYAMLError(problem=f"'{node.value}' is not a real date (YYYY-MM-DD)",
                                   problem_mark=node.start_mark) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text safely; syntax errors become DataError with the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else None
        raise DataError(path, line, f"YAML syntax problem: {err.problem}. Fix the YAML there.") from None
    except yaml.YAMLError as err:
        raise DataError(path, None, f"YAML problem: {err}. Fix the YAML.") from None


def read_yaml_file(path: Path) -> _Mapping:
    """Read a data file that must hold a YAML mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, None, "file not found; restore it from git or check the path.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(path, None, f"cannot read the file ({err}); save it as UTF-8 text.") from None
    data = parse_yaml(text, path)
    if data is None:
        raise DataError(path, 1, "the file is empty; it must hold the data described in its header.")
    if not isinstance(data, dict):
        raise DataError(path, 1, "expected a YAML mapping (key: value lines) at the top level.")
    return data


# --- Field checks ------------------------------------------------------------------------


def _field(block: _Mapping, key: str, kind: type | tuple, path: Path, what: str, *, required: bool = True):
    """Return block[key] after checking its type; name the block and line on failure."""
    line = getattr(block, "line", None)
    if key not in block or block[key] is None:
        if required:
            raise DataError(path, line, f"{what} has no '{key}'; add it.")
        return None
    value = block[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        wanted = " or ".join(_type_name(k) for k in kinds)
        raise DataError(path, line, f"{what}: '{key}' must be {wanted}, not {_type_name(type(value))}.")
    if isinstance(value, str) and not value.strip():
        raise DataError(path, line, f"{what}: '{key}' is empty; write a value.")
    return value


def _strings(block: _Mapping, key: str, path: Path, what: str) -> tuple[str, ...]:
    """An optional list of non-empty strings."""
    values = _field(block, key, list, path, what, required=False) or []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise DataError(path, block.line, f"{what}: every item of '{key}' must be non-empty text.")
    return tuple(v.strip() for v in values)


def _unknown_keys(block: _Mapping, allowed: set[str], path: Path, what: str) -> None:
    extra = sorted(set(block) - allowed)
    if extra:
        raise DataError(path, block.line, f"{what}: unknown key '{extra[0]}'; allowed: {', '.join(sorted(allowed))}.")


def _type_name(kind: type) -> str:
    return {str: "text", list: "a list", dict: "a mapping", _Mapping: "a mapping", int: "a number",
            dt.date: "a date (YYYY-MM-DD)", bool: "true/false", type(None): "empty"}.get(kind, kind.__name__)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def normalise(name: str) -> str:
    """The form used to compare names: lower case, runs of spaces as one."""
    return " ".join(name.lower().split())


# --- The source inventory ------------------------------------------------------------------


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


_ITEM_LISTS = {"drugs": "drug", "side_effects": "side effect", "terms": "term"}


def load_inventory(path: Path = SOURCES_FILE) -> Inventory:
    """Read and check the source registry and inventory."""
    data = read_yaml_file(path)
    _unknown_keys(data, {"reviewed", "next_review", "treatments", "sources"}, path, "the file")
    reviewed = _field(data, "reviewed", dt.date, path, "the file")
    next_review = _field(data, "next_review", dt.date, path, "the file")
    treatments: dict[str, Treatment] = {}
    for tid, block in _field(data, "treatments", dict, path, "the file").items():
        what = f"treatment '{tid}'"
        if not isinstance(block, dict):
            raise DataError(path, data["treatments"].line, f"{what} must be a mapping with 'name' and 'page'.")
        _unknown_keys(block, {"name", "page"}, path, what)
        treatments[tid] = Treatment(tid, _field(block, "name", str, path, what), _field(block, "page", str, path, what))
    sources: dict[str, Source] = {}
    for sid, block in _field(data, "sources", dict, path, "the file").items():
        sources[sid] = _load_source(sid, block, treatments, path, data["sources"].line)
    _check_duplicate_items(sources, path)
    return Inventory(path, reviewed, next_review, treatments, sources)


def _load_source(sid: str, block: Any, treatments: dict[str, Treatment], path: Path, line: int) -> Source:
    what = f"source '{sid}'"
    if not isinstance(block, dict):
        raise DataError(path, line, f"{what} must be a mapping (publisher, title, url, ...).")
    _unknown_keys(block, {"publisher", "title", "url", "file", "reviewed", "accessed", "not_covered", *_ITEM_LISTS},
                  path, what)
    reviewed = _field(block, "reviewed", dt.date, path, what, required=False)
    accessed = _field(block, "accessed", dt.date, path, what, required=False)
    if not (reviewed or accessed):
        raise DataError(path, block.line, f"{what} needs a 'reviewed' or an 'accessed' date (YYYY-MM-DD).")
    items: list[Item] = []
    for key, kind in _ITEM_LISTS.items():
        for entry in _field(block, key, list, path, what, required=False) or []:
            items.append(_load_item(entry, kind, sid, treatments, path, block.line))
    file = _field(block, "file", str, path, what).strip()
    if file != Path(file).name or file.startswith("."):
        raise DataError(path, block.line, f"{what}: 'file' must be the text's file name alone (like "
                        f"article.txt), not '{file}'; the texts live in the source-texts folder.")
    not_covered = tuple(_load_not_covered(entry, sid, path, block.line)
                        for entry in _field(block, "not_covered", list, path, what, required=False) or [])
    return Source(
        sid, _field(block, "publisher", str, path, what), _field(block, "title", str, path, what),
        _field(block, "url", str, path, what), file, reviewed, accessed, tuple(items), block.line, not_covered,
    )


def _load_not_covered(entry: Any, sid: str, path: Path, line: int) -> NotCovered:
    if not isinstance(entry, dict):
        raise DataError(path, line, f"source '{sid}': each not_covered entry must be a mapping like "
                        "{name: ..., reason: ...}.")
    what = f"not_covered entry of source '{sid}'"
    _unknown_keys(entry, {"name", "reason"}, path, what)
    name = _field(entry, "name", str, path, what).strip()
    reason = _field(entry, "reason", str, path, f"not_covered '{name}' of source '{sid}'")
    return NotCovered(name, " ".join(reason.split()), sid, entry.line)


def _load_item(entry: Any, kind: str, sid: str, treatments: dict[str, Treatment], path: Path, line: int) -> Item:
    if not isinstance(entry, dict):
        raise DataError(path, line, f"source '{sid}': each {kind} must be a mapping like {{name: ..., treatment: ...}}.")
    name = _field(entry, "name", str, path, f"a {kind} of source '{sid}'")
    what = f"{kind} '{name}' of source '{sid}'"
    if kind == "term":
        _unknown_keys(entry, {"name", "aliases"}, path, what)
        treatment = None
    else:
        _unknown_keys(entry, {"name", "treatment", "aliases"}, path, what)
        treatment = _field(entry, "treatment", str, path, what)
        if treatment not in treatments:
            raise DataError(path, entry.line, f"{what}: unknown treatment '{treatment}'; use one of "
                            f"{', '.join(treatments)} or add it under 'treatments'.")
    return Item(kind, name.strip(), treatment, _strings(entry, "aliases", path, what), sid, entry.line)


def _check_duplicate_items(sources: dict[str, Source], path: Path) -> None:
    seen: dict[tuple, Item] = {}
    for item in (i for s in sources.values() for i in s.items):
        key = (item.source, item.kind, normalise(item.name), item.treatment)
        if key in seen:
            raise DataError(path, item.line, f"{item.kind} '{item.name}' is listed twice for source "
                            f"'{item.source}' under the same treatment (first on line {seen[key].line}); remove one.")
        seen[key] = item


# --- The glossary ------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary entry: a drug, a drug class or a term."""

    term: str
    kind: str
    treatments: tuple[str, ...]
    member_of: str | None
    aliases: tuple[str, ...]
    definition: str
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)

    @property
    def anchor(self) -> str:
        return slug(self.term)


@dataclass(frozen=True)
class Glossary:
    """data/glossary.yml, checked."""

    path: Path
    reviewed: dt.date
    next_review: dt.date
    entries: tuple[GlossaryEntry, ...]

    def find(self, name: str) -> GlossaryEntry | None:
        wanted = normalise(name)
        return next((e for e in self.entries if wanted in {normalise(n) for n in e.names}), None)


def slug(text: str) -> str:
    """An HTML anchor for a term: lower case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_glossary(inventory: Inventory, path: Path = GLOSSARY_FILE) -> Glossary:
    """Read and check the glossary against the inventory's treatments."""
    data = read_yaml_file(path)
    _unknown_keys(data, {"reviewed", "next_review", "entries"}, path, "the file")
    reviewed = _field(data, "reviewed", dt.date, path, "the file")
    next_review = _field(data, "next_review", dt.date, path, "the file")
    entries = [_load_entry(e, inventory, path, data["entries"]) for e in _field(data, "entries", list, path, "the file")]
    owners: dict[str, GlossaryEntry] = {}
    for entry in entries:
        for name in entry.names:
            other = owners.get(normalise(name))
            if other is entry:
                raise DataError(path, entry.line, f"entry '{entry.term}': the name '{name}' is listed twice "
                                "(capital letters do not count); remove the repeat.")
            if other:
                raise DataError(path, entry.line, f"entry '{entry.term}': the name '{name}' is already used by "
                                f"'{other.term}' (line {other.line}); each term and alias may appear once.")
            owners[normalise(name)] = entry
    for entry in entries:
        if entry.member_of and normalise(entry.member_of) not in owners:
            raise DataError(path, entry.line, f"entry '{entry.term}': member_of '{entry.member_of}' is not a "
                            "glossary term; add that class or fix the spelling.")
    return Glossary(path, reviewed, next_review, tuple(entries))


def _load_entry(block: Any, inventory: Inventory, path: Path, parent: list) -> GlossaryEntry:
    if not isinstance(block, dict):
        raise DataError(path, getattr(parent, "line", None), "each entry must be a mapping with term, kind, definition.")
    term = _field(block, "term", str, path, "an entry")
    what = f"entry '{term}'"
    _unknown_keys(block, {"term", "kind", "treatments", "member_of", "aliases", "definition"}, path, what)
    kind = _field(block, "kind", str, path, what)
    if kind not in GLOSSARY_KINDS:
        raise DataError(path, block.line, f"{what}: kind '{kind}' is unknown; use one of {', '.join(GLOSSARY_KINDS)}.")
    definition = _field(block, "definition", str, path, what)
    treatments = _strings(block, "treatments", path, what)
    for tid in treatments:
        if tid not in inventory.treatments:
            raise DataError(path, block.line, f"{what}: unknown treatment class '{tid}'; use one of "
                            f"{', '.join(inventory.treatments)} (see data/sources.yml).")
    if kind != "term" and not treatments:
        raise DataError(path, block.line, f"{what}: a {kind} needs at least one treatment in 'treatments'.")
    member_of = _field(block, "member_of", str, path, what, required=False)
    return GlossaryEntry(term.strip(), kind, treatments, member_of, _strings(block, "aliases", path, what),
                         " ".join(definition.split()), block.line)


# --- Pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A Markdown page: its path inside docs/, front matter and body."""

    path: str
    meta: dict
    body: str


def read_page(docs_dir: Path, path: Path) -> Page:
    """Read a page and its front matter."""
    text = path.read_text(encoding="utf-8")
    return split_page(path.relative_to(docs_dir).as_posix(), text, path)


def split_page(rel_path: str, text: str, path: Path | None = None) -> Page:
    """Split Markdown text into front matter and body."""
    match = FRONT_MATTER.match(text)
    if not match:
        return Page(rel_path, {}, text)
    meta = parse_yaml(match.group(1) or "", path or Path(rel_path), first_line=2) or {}
    if not isinstance(meta, dict):
        raise DataError(path or rel_path, 2, "front matter must be key: value lines.")
    return Page(rel_path, dict(meta), text[match.end():])


def page_meta_problems(meta: dict, inventory: Inventory, today: dt.date) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) about a page's sources and review dates, each with its fix."""
    errors: list[str] = []
    warnings: list[str] = []
    sources = meta.get("sources")
    if not sources or not isinstance(sources, list):
        errors.append("names no source; add `sources: [id, ...]` to its front matter "
                      f"(ids: {', '.join(inventory.sources)}).")
    else:
        for sid in sources:
            if sid not in inventory.sources:
                errors.append(f"names the unknown source '{sid}'; use one of {', '.join(inventory.sources)} "
                              "or register it in data/sources.yml.")
    dates = {}
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            shown = "missing" if value is None else f"'{value}'"
            errors.append(f"has a {shown} `{key}` date; write it as YYYY-MM-DD in the front matter.")
        else:
            dates[key] = value
    if len(dates) == 2:
        if dates["reviewed"] > today:
            errors.append(f"says it was reviewed on {dates['reviewed']}, which is in the future; use the real date.")
        if dates["next_review"] <= dates["reviewed"]:
            errors.append(f"has next_review {dates['next_review']} on or before reviewed {dates['reviewed']}; "
                          "set next_review after it (usually a year later).")
        elif dates["next_review"] < today:
            warnings.append(f"was due for review on {dates['next_review']}; check it against its sources, "
                            "then update `reviewed` and `next_review`.")
    return errors, warnings


def load_all(sources: Path = SOURCES_FILE, glossary: Path = GLOSSARY_FILE) -> tuple[Inventory, Glossary]:
    """The inventory and the glossary, both checked."""
    inventory = load_inventory(sources)
    return inventory, load_glossary(inventory, glossary)


def site_data() -> tuple[Inventory, Glossary]:
    """The checked inventory and glossary for the build hooks, parsed once per change of the files."""
    try:
        stamps = (SOURCES_FILE.stat().st_mtime_ns, GLOSSARY_FILE.stat().st_mtime_ns)
    except FileNotFoundError as err:
        raise DataError(err.filename, None, "file not found; restore it from git.") from None
    return _site_data(*stamps)


@functools.lru_cache(maxsize=1)
def _site_data(_sources_stamp: int, _glossary_stamp: int) -> tuple[Inventory, Glossary]:
    return load_all()
