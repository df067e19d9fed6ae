"""Load and check the site's data: the source inventory, the glossary and page front matter.

Everything that reads data/sources.yml, data/glossary.yml or a page's front
matter goes through this module, which hands back typed, checked records.
A problem raises DataError, whose message names the file, the line and the fix.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markupsafe
import yaml
from anyascii import anyascii
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta as mkdocs_meta

import respelling

ROOT = Path(__file__).resolve().parents[2]
SOURCES_FILE = ROOT / "data" / "sources.yml"
GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
GLOSSARY_KINDS = ("drug", "class", "term")
# Front matter as MkDocs finds it (mkdocs.utils.meta): "---", YAML lines, then "---" or "...".
FRONT_MATTER = mkdocs_meta.YAML_RE
OPENING = re.compile(r"---[ \t]*\n")


class DataError(Exception):
    """Unusable data: the message names the file, the line and what to do."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = Path(path), line, message
        where = f"{display_path(self.path)}:{line}" if line else display_path(self.path)
        super().__init__(f"{where}: {message}")


# --- YAML with line numbers ------------------------------------------------------------


class _Mapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        """The line a key is written on (the block's first line when unknown)."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML loader whose mappings carry line numbers and refuse duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            raise yaml.MarkedYAMLError(problem="a key must be a plain word, not a list or a mapping",
                                       problem_mark=key_node.start_mark)
        if key in mapping:
            raise yaml.MarkedYAMLError(
                problem=f"the key '{key}' appears twice in one block; remove one",
                problem_mark=key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_date(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError, OverflowError):
        raise yaml.MarkedYAMLError(problem=f"'{node.value}' is not a real date (YYYY-MM-DD)",
                                   problem_mark=node.start_mark) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


# Limits on any YAML the site reads: far above what the data needs, low enough that no input can
# exhaust memory or the parser's stack (a 100,000-deep list crashes libyaml's composer).
MAX_YAML_CHARS = 1_000_000
MAX_PAGE_BYTES = 500_000  # a page; the longest today is about 6 kB
MAX_YAML_DEPTH = 20


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text safely, within the limits; syntax errors become DataError with the line."""
    try:
        check_yaml_shape(text, path, first_line)
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else None
        raise DataError(path, line, f"YAML syntax problem: {err.problem}. Fix the YAML there.") from None
    except yaml.YAMLError as err:
        raise DataError(path, None, f"YAML problem: {err}. Fix the YAML.") from None


def check_yaml_shape(text: str, path: Path, first_line: int = 1) -> None:
    """Refuse oversized YAML, aliases and deep nesting, from the parser's flat event stream, before anything is built."""
    if len(text) > MAX_YAML_CHARS:
        raise DataError(path, first_line, f"the YAML is {len(text):,} characters long, over the limit of "
                        f"{MAX_YAML_CHARS:,}; split it or remove what is not needed.")
    loader = _LineLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.AliasEvent):
                raise DataError(path, line, f"the YAML alias '*{event.anchor}' is not allowed; write the value "
                                "out in full where it is needed.")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise DataError(path, line, f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep here; "
                                    "no data of this site needs that. Flatten it.")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


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
    line = block.line_of(key) if isinstance(block, _Mapping) else None
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
            raise DataError(path, block.line_of(key), f"{what}: every item of '{key}' must be non-empty text.")
    return tuple(v.strip() for v in values)


def _unknown_keys(block: _Mapping, allowed: set[str], path: Path, what: str) -> None:
    extra = sorted((key for key in block if key not in allowed), key=str)
    if extra:
        raise DataError(path, block.line_of(extra[0]), f"{what}: unknown key '{extra[0]}'; "
                        f"allowed: {', '.join(sorted(allowed))}.")


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _ids(block: _Mapping, key: str, path: Path, what: str):
    """Yield (id, value, line) for each entry of the mapping block[key]; ids are lower-case words with hyphens."""
    mapping = _field(block, key, dict, path, what)
    for ident, value in mapping.items():
        line = mapping.line_of(ident)
        if not isinstance(ident, str) or not _ID.fullmatch(ident):
            raise DataError(path, line, f"'{ident}' under '{key}' is not a usable id; write an id in lower-case "
                            "letters, digits and hyphens, such as 'hormone-therapy'.")
        yield ident, value, line


def _web_address(block: _Mapping, key: str, path: Path, what: str) -> str:
    """A URL from data: only https:, http: or a site-relative path, so no data can run script in a link."""
    value = _field(block, key, str, path, what).strip()
    scheme = value.split(":", 1)[0].lower() if ":" in value.split("/", 1)[0] else ""
    if scheme not in ("", "https", "http") or value.startswith("//") or any(c.isspace() for c in value):
        raise DataError(path, block.line_of(key), f"{what}: '{key}' must be a web address starting with https:// "
                        f"(or http://, or a path on this site), not '{value[:60]}'.")
    return value


def _page_path(block: _Mapping, path: Path, what: str) -> str:
    """A page's path inside docs/, such as treatment/chemotherapy.md."""
    value = _field(block, "page", str, path, what).strip()
    parts = value.split("/")
    if not value.endswith(".md") or ":" in value or value.startswith("/") or ".." in parts or "" in parts:
        raise DataError(path, block.line_of("page"), f"{what}: 'page' must be a page's path inside docs/, "
                        f"such as treatment/chemotherapy.md, not '{value[:60]}'.")
    return value


def _type_name(kind: type) -> str:
    return {str: "text", list: "a list", dict: "a mapping", _Mapping: "a mapping", int: "a number",
            dt.date: "a date (YYYY-MM-DD)", bool: "true/false", type(None): "empty"}.get(kind, kind.__name__)


def display_path(path: Path) -> str:
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def normalise(name: str) -> str:
    """The one form used to compare names everywhere (index, match, lookup).

    Unicode case folding (str.casefold, so "İ", "µ" and "ß" compare as their folded
    forms), with every run of white space as one space. See term_marker.fold_text,
    which applies the same rule to page text while keeping positions.
    """
    return " ".join(name.casefold().split())


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
    _unknown_keys(data, {"reviewed", "next_review", "treatments", "sources"}, path, "the file")
    reviewed = _field(data, "reviewed", dt.date, path, "the file")
    next_review = _field(data, "next_review", dt.date, path, "the file")
    treatments: dict[str, Treatment] = {}
    for tid, block, line in _ids(data, "treatments", path, "the file"):
        what = f"treatment '{tid}'"
        if not isinstance(block, dict):
            raise DataError(path, line, f"{what} must be a mapping with 'name' and 'page'.")
        _unknown_keys(block, {"name", "page"}, path, what)
        treatments[tid] = Treatment(tid, _field(block, "name", str, path, what), _page_path(block, path, what))
    sources: dict[str, Source] = {}
    for sid, block, line in _ids(data, "sources", path, "the file"):
        sources[sid] = _load_source(sid, block, treatments, path, line)
    _check_duplicate_items(sources, path)
    return Inventory(path, reviewed, next_review, treatments, sources)


def _load_source(sid: str, block: Any, treatments: dict[str, Treatment], path: Path, line: int) -> Source:
    what = f"source '{sid}'"
    if not isinstance(block, dict):
        raise DataError(path, line, f"{what} must be a mapping (publisher, title, url, ...).")
    _unknown_keys(block, {"publisher", "title", "url", "file", "reviewed", "accessed", "not_covered", "names_only",
                          "entries_at", *_ITEM_LISTS}, path, what)
    reviewed = _field(block, "reviewed", dt.date, path, what, required=False)
    accessed = _field(block, "accessed", dt.date, path, what, required=False)
    if not (reviewed or accessed):
        raise DataError(path, block.line, f"{what} needs a 'reviewed' or an 'accessed' date (YYYY-MM-DD).")
    if "names_only" in block:
        return _load_names_source(sid, block, path, what, reviewed, accessed)
    items: list[Item] = []
    for key, kind in _ITEM_LISTS.items():
        for entry in _field(block, key, list, path, what, required=False) or []:
            items.append(_load_item(entry, kind, sid, treatments, path, block.line_of(key)))
    file = _field(block, "file", str, path, what).strip()
    if file != Path(file).name or file.startswith("."):
        raise DataError(path, block.line_of("file"), f"{what}: 'file' must be the text's file name alone (like "
                        f"article.txt), not '{file}'; the texts live in the source-texts folder.")
    not_covered = tuple(_load_not_covered(entry, sid, path, block.line_of("not_covered"))
                        for entry in _field(block, "not_covered", list, path, what, required=False) or [])
    return Source(
        sid, _field(block, "publisher", str, path, what), _field(block, "title", str, path, what),
        _web_address(block, "url", path, what), file, reviewed, accessed, tuple(items), block.line, not_covered,
    )


def _load_names_source(sid: str, block: _Mapping, path: Path, what: str, reviewed, accessed) -> Source:
    """A names-only source: what it gives (names_only) and where its entries are read (entries_at)."""
    for key in ("file", "not_covered", *_ITEM_LISTS):
        if key in block:
            raise DataError(path, block.line_of(key), f"{what} is a names-only source, so it has no '{key}': "
                            "no fact about a drug comes from it. Remove the key, or remove 'names_only'.")
    uses = _strings(block, "names_only", path, what)
    if not uses or any(use not in NAME_USES for use in uses):
        raise DataError(path, block.line_of("names_only"), f"{what}: 'names_only' lists what the source gives, "
                        f"from: {', '.join(NAME_USES)}.")
    entries_at = _strings(block, "entries_at", path, what)
    if not entries_at:
        raise DataError(path, block.line_of("names_only"), f"{what} needs 'entries_at': the addresses (https://...) "
                        "where its entries are read.")
    for prefix in entries_at:
        if not prefix.startswith(("https://", "http://")) or any(c.isspace() for c in prefix):
            raise DataError(path, block.line_of("entries_at"), f"{what}: every 'entries_at' item must be a web "
                            f"address starting with https://, not '{prefix[:60]}'.")
    return Source(sid, _field(block, "publisher", str, path, what), _field(block, "title", str, path, what),
                  _web_address(block, "url", path, what), "", reviewed, accessed, (), block.line, (),
                  uses, entries_at)


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
class Brand:
    """A name a drug is sold under, where it was seen (a names-only source's entry) and, where it matters, where."""

    name: str
    seen_at: str
    country: str = ""  # "US", "UK and EU"...: empty when the name is the same everywhere the entry says


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
    anchor: str = ""  # unique among the glossary's entries; set by load_glossary
    say: str | None = None  # how to say it (respelling.py), e.g. "per-TOO-zoo-mab"
    say_source: str | None = None  # the address of the names source's entry it was read in, or "own"
    brands: tuple[Brand, ...] = ()  # the names it is sold under (a drug)
    no_brand: str | None = None  # for a drug with no brand recorded: why

    def __post_init__(self) -> None:
        if not self.anchor:
            object.__setattr__(self, "anchor", slug(self.term) or "term")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a page may use for it: term, aliases and brand names (a brand gets its drug's tooltip)."""
        return (self.term, *self.aliases, *(b.name for b in self.brands))


@dataclass(frozen=True)
class NotADrug:
    """A word the pages use that looks like a drug name but is not one (data/glossary.yml, not_drugs)."""

    name: str
    reason: str
    line: int


@dataclass(frozen=True)
class Glossary:
    """data/glossary.yml, checked."""

    path: Path
    reviewed: dt.date
    next_review: dt.date
    entries: tuple[GlossaryEntry, ...]
    not_drugs: tuple[NotADrug, ...] = ()

    def recorded_names(self) -> list[str]:
        """Every name the glossary records: each entry's term and aliases, and the not_drugs words.

        The unknown-drug check (drug_names.py) counts these as known. A new kind of name an entry
        may carry (brand names, say) belongs here too.
        """
        return [n for e in self.entries for n in e.names] + [w.name for w in self.not_drugs]

    def find(self, name: str) -> GlossaryEntry | None:
        """The entry with this term or alias (compared by normalise), or None."""
        return self._by_name.get(normalise(name))

    @functools.cached_property
    def _by_name(self) -> dict[str, GlossaryEntry]:
        return {normalise(n): e for e in self.entries for n in e.names}


def slug(text: str) -> str:
    """An HTML anchor for a term: ASCII lower-case letters, digits and hyphens.

    Other scripts are transliterated first ("β-blocker" -> "b-blocker"), so
    terms that differ only in such letters keep different anchors. May be empty
    (a term of symbols alone): unique_anchors then falls back to a counter.
    """
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")


def unique_anchors(terms: list[str], taken: set[str] = frozenset()) -> list[str]:
    """One non-empty anchor per term, unique and stable: the slug, then "-2", "-3"... in list order."""
    used = set(taken)
    anchors = []
    for number, term in enumerate(terms, start=1):
        base = slug(term) or f"term-{number}"
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors.append(anchor)
    return anchors


def load_glossary(inventory: Inventory, path: Path = GLOSSARY_FILE) -> Glossary:
    """Read and check the glossary against the inventory's treatments."""
    data = read_yaml_file(path)
    _unknown_keys(data, {"reviewed", "next_review", "entries", "not_drugs"}, path, "the file")
    reviewed = _field(data, "reviewed", dt.date, path, "the file")
    next_review = _field(data, "next_review", dt.date, path, "the file")
    blocks = _field(data, "entries", list, path, "the file")
    not_drugs = tuple(_load_not_a_drug(entry, path, data.line_of("not_drugs"))
                      for entry in _field(data, "not_drugs", list, path, "the file", required=False) or [])
    entries = [_load_entry(e, inventory, path, data.line_of("entries")) for e in blocks]
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
            _check_name(entry, name, path)
    for entry in entries:
        if entry.member_of and normalise(entry.member_of) not in owners:
            raise DataError(path, entry.line, f"entry '{entry.term}': member_of '{entry.member_of}' is not a "
                            "glossary term; add that class or fix the spelling.")
    # Letter headings on the glossary page use "letter-..." anchors; entries never take one of those.
    letters = {f"letter-{slug(e.term[:1].upper()) or 'other'}" for e in entries}
    anchors = unique_anchors([e.term for e in entries], taken=letters)
    entries = [dataclasses.replace(e, anchor=a) for e, a in zip(entries, anchors)]
    return Glossary(path, reviewed, next_review, tuple(entries), not_drugs)


# Words of grammar that a glossary name or alias must never be: each would put a tooltip on almost every
# sentence of the site. Single words of fewer than four letters are refused too, unless written in capitals
# (an abbreviation such as CDK).
GRAMMAR_WORDS = frozenset("""
a an the and or but nor so yet if then than that this these those there here what which who whom whose when
where why how all any some each every no not none one two both either neither few more most much many such
i me my mine we us our you your yours he him his she her hers it its they them their theirs
is are was were be been being am do does did done have has had having can could may might must shall should
will would of in on at to for from by with without about above below into onto over under up down out off
as also just only very too again ever never often always now well same other own
""".split())


def _check_name(entry: GlossaryEntry, name: str, path: Path) -> None:
    """Refuse a name with invisible characters, or one that is a grammar word or too short."""
    what = f"entry '{entry.term}': the name '{name[:40]}'"
    hidden = invisible_characters(name)
    if hidden:
        raise DataError(path, entry.line, f"{what} has invisible or control characters ({', '.join(hidden[:3])}); "
                        "delete them.")
    folded = normalise(name)
    if folded in GRAMMAR_WORDS or (" " not in folded and len(folded) < 4 and not name.isupper()):
        raise DataError(path, entry.line, f"{what} is a common word, which would mark almost every sentence; "
                        "use the drug's or term's own name.")


def _load_not_a_drug(entry: Any, path: Path, line: int) -> NotADrug:
    if not isinstance(entry, dict):
        raise DataError(path, line, "each not_drugs entry must be a mapping like {name: ..., reason: ...}.")
    _unknown_keys(entry, {"name", "reason"}, path, "a not_drugs entry")
    name = _field(entry, "name", str, path, "a not_drugs entry").strip()
    reason = _field(entry, "reason", str, path, f"not_drugs '{name}'")
    return NotADrug(name, " ".join(reason.split()), entry.line)


def _load_entry(block: Any, inventory: Inventory, path: Path, line: int) -> GlossaryEntry:
    if not isinstance(block, dict):
        raise DataError(path, line, "each entry must be a mapping with term, kind, definition.")
    term = _field(block, "term", str, path, "an entry")
    what = f"entry '{term}'"
    _unknown_keys(block, {"term", "kind", "treatments", "member_of", "aliases", "definition", "say", "say_source",
                          "brands", "no_brand"}, path, what)
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
    say, say_source = _respelling(block, inventory, path, what)
    brands, no_brand = _brands(block, kind, inventory, path, what)
    return GlossaryEntry(term.strip(), kind, treatments, member_of, _strings(block, "aliases", path, what),
                         " ".join(definition.split()), block.line, say=say, say_source=say_source,
                         brands=brands, no_brand=no_brand)


_BRAND_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 '\-]*")


def _brands(block: _Mapping, kind: str, inventory: Inventory, path: Path, what: str) -> tuple[tuple[Brand, ...], str | None]:
    """A drug's brand names, each with the address it was seen at; or `no_brand` with the reason."""
    no_brand = _field(block, "no_brand", str, path, what, required=False)
    entries = _field(block, "brands", list, path, what, required=False) or []
    if (entries or no_brand) and kind != "drug":
        raise DataError(path, block.line, f"{what}: only a drug has brand names; remove 'brands' and 'no_brand'.")
    if entries and no_brand:
        raise DataError(path, block.line_of("no_brand"), f"{what} has both 'brands' and 'no_brand'; keep one.")
    brands = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise DataError(path, block.line_of("brands"), f"{what}: each brand must be a mapping like "
                            "{name: ..., seen_at: https://..., country: ...}.")
        _unknown_keys(entry, {"name", "seen_at", "country"}, path, f"a brand of {what}")
        name = _field(entry, "name", str, path, f"a brand of {what}").strip()
        if not _BRAND_NAME.fullmatch(name):
            raise DataError(path, entry.line, f"{what}: brand '{name[:40]}' must be a plain name (letters, digits, "
                            "spaces, hyphens).")
        seen_at = _field(entry, "seen_at", str, path, f"brand '{name}' of {what} (the address of the NCI dictionary "
                         "entry where it was seen)", required=True).strip()
        if not inventory.names_source("brand names", seen_at):
            raise DataError(path, entry.line_of("seen_at"), f"{what}: brand '{name}' must be seen at an entry of a "
                            "names-only source registered for brand names in data/sources.yml (its entries_at), "
                            f"not '{seen_at[:80]}'.")
        country = (_field(entry, "country", str, path, f"brand '{name}' of {what}", required=False) or "").strip()
        brands.append(Brand(name, seen_at, country))
    return tuple(brands), (" ".join(no_brand.split()) if no_brand else None)


def _respelling(block: _Mapping, inventory: Inventory, path: Path, what: str) -> tuple[str | None, str | None]:
    """An entry's `say` and `say_source`: a respelling in the NCI style, and where it was read, or "own"."""
    say = _field(block, "say", str, path, what, required=False)
    source = _field(block, "say_source", str, path, what, required=False)
    if say is None:
        if source is not None:
            raise DataError(path, block.line_of("say_source"), f"{what} has a 'say_source' but no 'say'; add the "
                            "respelling or remove the source.")
        return None, None
    say = say.strip()
    if problem := respelling.problem(say):
        raise DataError(path, block.line_of("say"), f"{what}: {problem}.")
    if source is None:
        raise DataError(path, block.line_of("say"), f"{what}: 'say' needs a 'say_source': the address of the "
                        "dictionary entry it was read in, or 'own' when you wrote it by the same rules.")
    source = source.strip()
    if source != "own" and not inventory.names_source("respellings", source):
        raise DataError(path, block.line_of("say_source"), f"{what}: 'say_source' must be 'own' or the address of "
                        "an entry of a names-only source registered for respellings in data/sources.yml (its "
                        f"entries_at), not '{source[:80]}'.")
    return say, source


# --- Pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A Markdown page: its path inside docs/, front matter and body."""

    path: str
    meta: dict
    body: str
    body_line: int = 1  # the line of the file the body starts on


def read_page(docs_dir: Path, path: Path) -> Page:
    """Read a page and its front matter, as MkDocs does (UTF-8, a byte-order mark ignored)."""
    rel = path.relative_to(docs_dir).as_posix()
    if path.is_symlink():
        raise DataError(path, None, "the page is a symbolic link; put the real file in docs/ instead.")
    if not path.is_file():
        raise DataError(path, None, "this is a folder, not a page, but its name ends in .md; rename the folder.")
    if path.stat().st_size > MAX_PAGE_BYTES:
        raise DataError(path, None, f"the page is {path.stat().st_size:,} bytes, over the limit of "
                        f"{MAX_PAGE_BYTES:,}; split it into shorter pages.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[:err.start].count(b"\n") + 1
        raise DataError(path, line, "the page is not UTF-8 text; save it as UTF-8 in your editor.") from None
    except OSError as err:
        raise DataError(path, None, f"cannot read the page ({err.strerror}); check the file.") from None
    return split_page(rel, text, path)


def split_page(rel_path: str, text: str, path: Path | None = None) -> Page:
    """Split Markdown text into front matter and body, finding the block as MkDocs does."""
    where = path or Path(rel_path)
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        if OPENING.match(text):
            lines = text.splitlines()[1:]
            if any(line.rstrip() in ("---", "...") for line in lines):
                raise DataError(where, 1, "the front matter block is empty; write its sources, reviewed and "
                                "next_review lines between the two --- lines.")
            raise DataError(where, 1, "the front matter block that starts here is never closed; "
                            "add a line with only --- after its last line.")
        return Page(rel_path, {}, text)
    meta = parse_yaml(match.group(1), where, first_line=2)
    if meta is None:
        meta = _Mapping()
        meta.line = 0
    if not isinstance(meta, dict):
        raise DataError(where, 2, "front matter must be key: value lines.")
    return Page(rel_path, meta, text[match.end():], text.count("\n", 0, match.end()) + 1)


class MetaProblem(str):
    """A message about a page's front matter, which remembers the front matter key it concerns."""

    key: str

    def __new__(cls, key: str, message: str) -> MetaProblem:
        problem = super().__new__(cls, message)
        problem.key = key
        return problem


# Every front matter key a page may use, and what it holds: stated once, checked by the validator and
# the build alike. Anything else is refused, so nothing a pull request writes there reaches the theme
# unchecked (Material prints `subtitle`, `author` and others as raw HTML, and honours `template`).
FRONT_MATTER_KEYS = {
    "title": "the page's title: plain text",
    "description": "one plain sentence for search engines and share cards",
    "sources": "the ids of the page's sources in data/sources.yml, as a list",
    "reviewed": "the date the page was last checked against its sources (YYYY-MM-DD)",
    "next_review": "the date its next review is due (YYYY-MM-DD), at most two years after `reviewed`",
    "search": "search settings: `boost:` a number from 0.1 to 10, or `exclude: true`",
    "hide": "parts of the page to hide: a list of navigation, toc, footer",
    "template": "one of the site's own page templates in overrides/",
}
TEXT_LIMITS = {"title": 120, "description": 300}  # characters
HIDEABLE = ("navigation", "toc", "footer")
SEARCH_BOOST = (0.1, 10)
MAX_REVIEW_GAP_YEARS = 2
MARKUP_CHARACTERS = "<>"  # a title or description is plain text
OVERRIDES_DIR = ROOT / "overrides"


def own_templates(overrides: Path = OVERRIDES_DIR) -> frozenset[str]:
    """The page templates the site itself ships (the .html files at the top of overrides/)."""
    return frozenset(path.name for path in overrides.glob("*.html"))


def invisible_characters(text: str) -> list[str]:
    """The control and invisible format characters in a text, as U+XXXX.

    Never part of a page's text: controls, and Unicode's format characters (category Cf), such as the
    bidirectional override U+202E and the zero-width space U+200B, which hide or reorder what a reader sees.
    """
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) == "Cf" or (unicodedata.category(c) == "Cc" and c not in "\n\t")]


def page_meta_problems(meta: dict, inventory: Inventory, today: dt.date,
                       templates: frozenset[str] | None = None) -> tuple[list[MetaProblem], list[MetaProblem]]:
    """Return (errors, warnings) about a page's front matter, each with its fix."""
    errors: list[MetaProblem] = []
    warnings: list[MetaProblem] = []
    templates = own_templates() if templates is None else templates
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            errors.append(MetaProblem(key, f"has the front matter key {str(key)[:40]!r}, which this site does not use; "
                                      f"remove it (the keys a page may have: {', '.join(FRONT_MATTER_KEYS)})."))
    for key in TEXT_LIMITS:
        if key in meta:
            problem = _text_problem(key, meta[key])
            if problem:
                errors.append(MetaProblem(key, problem))
    errors += _source_problems(meta, inventory)
    dates = {}
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if isinstance(value, str):
            errors.append(MetaProblem(key, f"has its `{key}` date in quotes ({value[:40]!r}), which makes it text; "
                                      "write it as YYYY-MM-DD with no quotes."))
        elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            shown = "missing" if value is None else f"unusable ({str(value)[:40]!r})"
            errors.append(MetaProblem(key, f"has a {shown} `{key}` date; write it as YYYY-MM-DD in the front matter."))
        else:
            dates[key] = value
    if len(dates) == 2:
        date_errors, date_warnings = _date_problems(dates["reviewed"], dates["next_review"], meta, inventory, today)
        errors += date_errors
        warnings += date_warnings
    if "search" in meta and not _search_ok(meta["search"]):
        errors.append(MetaProblem("search", f"has unusable search settings; write {FRONT_MATTER_KEYS['search']}."))
    if "hide" in meta and not (isinstance(meta["hide"], list) and all(v in HIDEABLE for v in meta["hide"])):
        errors.append(MetaProblem("hide", f"has unusable `hide` settings; write {FRONT_MATTER_KEYS['hide']}."))
    if "template" in meta and meta["template"] not in templates:
        errors.append(MetaProblem("template", f"asks for the template {str(meta['template'])[:40]!r}, which is not one "
                                  f"of the site's own; remove the `template` line (the site's own: "
                                  f"{', '.join(sorted(templates))})."))
    return errors, warnings


def _text_problem(key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"has an unusable `{key}` ({str(value)[:40]!r}); write {FRONT_MATTER_KEYS[key]}."
    if len(value) > TEXT_LIMITS[key]:
        return (f"has a `{key}` of {len(value)} characters; shorten it to {TEXT_LIMITS[key]} at most "
                "(plain text).")
    hidden = invisible_characters(value)
    if hidden:
        return f"has invisible or control characters ({', '.join(hidden[:3])}) in its `{key}`; delete them."
    if any(c in value for c in MARKUP_CHARACTERS):
        return f"has '<' or '>' in its `{key}`, which must be plain text; write it without HTML."
    return None


def _source_problems(meta: dict, inventory: Inventory) -> list[MetaProblem]:
    ids = ", ".join(inventory.sources)
    sources = meta.get("sources")
    if not sources or not isinstance(sources, list):
        return [MetaProblem("sources", f"names no source; add `sources: [id, ...]` to its front matter (ids: {ids}).")]
    problems = []
    for sid in sources:
        if not isinstance(sid, str):
            problems.append(MetaProblem("sources", f"names the source {str(sid)[:40]!r}, which is not an id; write "
                                        f"`sources: [id, ...]` with ids from data/sources.yml ({ids})."))
        elif sid not in inventory.sources:
            problems.append(MetaProblem("sources", f"names the unknown source '{sid[:40]}'; use one of {ids} "
                                        "or register it in data/sources.yml."))
    return problems


def _date_problems(reviewed: dt.date, next_review: dt.date, meta: dict, inventory: Inventory,
                   today: dt.date) -> tuple[list[MetaProblem], list[MetaProblem]]:
    errors, warnings = [], []
    sources = meta.get("sources") if isinstance(meta.get("sources"), list) else []
    source_dates = [d for sid in sources if isinstance(sid, str) and sid in inventory.sources
                    if (d := inventory.sources[sid].reviewed or inventory.sources[sid].accessed)]
    if reviewed > today:
        errors.append(MetaProblem("reviewed", f"says it was reviewed on {reviewed}, which is in the future; "
                                  "use the real date."))
    elif source_dates and reviewed < min(source_dates):
        errors.append(MetaProblem("reviewed", f"says it was reviewed on {reviewed}, before any of its sources was "
                                  f"dated or read (the earliest: {min(source_dates)}); use the date you checked it "
                                  "against them."))
    if next_review <= reviewed:
        errors.append(MetaProblem("next_review", f"has next_review {next_review} on or before reviewed "
                                  f"{reviewed}; set next_review after it (usually a year later)."))
    elif next_review > _years_after(reviewed, MAX_REVIEW_GAP_YEARS):
        errors.append(MetaProblem("next_review", f"has next_review {next_review}, more than "
                                  f"{MAX_REVIEW_GAP_YEARS} years after reviewed {reviewed}; set it within "
                                  f"{MAX_REVIEW_GAP_YEARS} years (usually one)."))
    elif next_review < today:
        warnings.append(MetaProblem("next_review", f"was due for review on {next_review}; check it "
                                    "against its sources, then update `reviewed` and `next_review`."))
    return errors, warnings


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, or past year 9999
        return dt.date.max if day.year + years > dt.MAXYEAR else day.replace(year=day.year + years, day=28)


def _search_ok(value: Any) -> bool:
    if not isinstance(value, dict) or not value or any(k not in ("boost", "exclude") for k in value):
        return False
    boost = value.get("boost", 1)
    return (isinstance(boost, (int, float)) and not isinstance(boost, bool)
            and SEARCH_BOOST[0] <= boost <= SEARCH_BOOST[1] and isinstance(value.get("exclude", False), bool))


def page_title(page) -> str:
    """A page's title (as the navigation names it) as plain text; the theme's copy is escaped HTML."""
    title = page.title or ""
    return title.unescape() if isinstance(title, markupsafe.Markup) else str(title)


def shown_meta(meta: dict, problems: list[MetaProblem]) -> dict:
    """The front matter the theme may see: the allowed keys without problems, text escaped as HTML."""
    refused = {problem.key for problem in problems}
    shown = {}
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS or key in refused:
            continue
        if isinstance(value, str):
            value = markupsafe.escape(value)
        elif isinstance(value, dict):
            value = dict(value)  # plain copies: the checked values inside are ids, numbers and true/false
        elif isinstance(value, list):
            value = list(value)
        shown[key] = value
    return shown


def meta_line(meta: dict, key: str) -> int | None:
    """The line of the page's file that holds a front matter key (from split_page; None when unknown)."""
    return meta.line_of(key) + 1 if isinstance(meta, _Mapping) else None


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


def site_data_or_abort() -> tuple[Inventory, Glossary]:
    """site_data() for the build hooks: a data problem stops the build with its message, not a traceback."""
    try:
        return site_data()
    except DataError as err:
        raise PluginError(str(err)) from None


@functools.lru_cache(maxsize=1)
def _site_data(_sources_stamp: int, _glossary_stamp: int) -> tuple[Inventory, Glossary]:
    return load_all()
