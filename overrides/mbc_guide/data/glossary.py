"""data/glossary.yml: each drug, class and term with its plain meaning, respelling and brands."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from mbc_guide.data.errors import DataError
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.schema import GLOSSARY_SCHEMA, as_date, read_data_file
from mbc_guide.data.yaml_lines import YamlMapping
from mbc_guide.paths import GLOSSARY_FILE
from mbc_guide.text import respelling
from mbc_guide.text.characters import invisible_characters, normalise


@dataclass(frozen=True)
class Brand:
    """A name a drug is sold under in one country or region, and the regulator's page and day it was seen on."""

    name: str
    seen_at: str  # the page's address, under a names-only source registered for brand names
    seen_on: dt.date
    country: str  # "US", "EU" or "UK"
    former: bool = False  # the page shows it is no longer sold there


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
        return (self.term, *self.aliases, *dict.fromkeys(b.name for b in self.brands))


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
        """Every name the glossary records: each entry's names and the not_drugs words."""
        return [n for e in self.entries for n in e.names] + [w.name for w in self.not_drugs]

    def find(self, name: str) -> GlossaryEntry | None:
        """The entry with this term or alias (compared by normalise), or None."""
        return self._by_name.get(normalise(name))

    @functools.cached_property
    def _by_name(self) -> dict[str, GlossaryEntry]:
        return {normalise(n): e for e in self.entries for n in e.names}


def slug(text: str) -> str:
    """An HTML anchor for a term: ASCII lower-case letters, digits and hyphens ("β-blocker" -> "b-blocker"), or ""."""
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


def load_glossary(inventory: Inventory, path: Path = GLOSSARY_FILE, schema: Path = GLOSSARY_SCHEMA) -> Glossary:
    """Read data/glossary.yml, checked against its schema and for what a schema cannot say, each entry anchored."""
    data = read_data_file(path, schema)
    not_drugs = tuple(NotADrug(e["name"].strip(), " ".join(e["reason"].split()), e.line)
                      for e in data.get("not_drugs", ()))
    entries = [_load_entry(block, inventory, path) for block in data["entries"]]
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
    return Glossary(path, as_date(data["reviewed"]), as_date(data["next_review"]), tuple(entries), not_drugs)


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


def _load_entry(block: YamlMapping, inventory: Inventory, path: Path) -> GlossaryEntry:
    term = block["term"].strip()
    what = f"entry '{term}'"
    treatments = tuple(block.get("treatments", ()))
    for tid in treatments:
        if tid not in inventory.treatments:
            raise DataError(path, block.line_of("treatments"), f"{what}: unknown treatment class '{tid}'; use one of "
                            f"{', '.join(inventory.treatments)} (see data/sources.yml).")
    say, say_source = _respelling(block, inventory, path, what)
    brands = _brands(block.get("brands", ()), inventory, path, what)
    no_brand = " ".join(block["no_brand"].split()) if "no_brand" in block else None
    member_of = block["member_of"].strip() if "member_of" in block else None
    return GlossaryEntry(term, block["kind"], treatments, member_of, tuple(a.strip() for a in block.get("aliases", ())),
                         " ".join(block["definition"].split()), block.line, say=say, say_source=say_source,
                         brands=brands, no_brand=no_brand)


def _brands(blocks: list[YamlMapping], inventory: Inventory, path: Path, what: str) -> tuple[Brand, ...]:
    """A drug's brands, each seen at an entry of a names-only source for brand names, each name once a country."""
    brands: dict[tuple[str, str], Brand] = {}
    for block in blocks:
        brand = Brand(block["name"].strip(), block["seen_at"].strip(), as_date(block["seen_on"]), block["country"],
                      block.get("former", False))
        if not inventory.names_source("brand names", brand.seen_at):
            raise DataError(path, block.line_of("seen_at"), f"{what}: brand '{brand.name}' must be seen at an entry "
                            "of a names-only source registered for brand names in data/sources.yml (its entries_at), "
                            f"not '{brand.seen_at[:80]}'.")
        key = (normalise(brand.name), brand.country)
        if key in brands:
            raise DataError(path, block.line, f"{what}: brand '{brand.name}' is listed twice for the "
                            f"{brand.country}; keep one.")
        brands[key] = brand
    return tuple(brands.values())


def _respelling(block: YamlMapping, inventory: Inventory, path: Path, what: str) -> tuple[str | None, str | None]:
    """An entry's `say` (stress marked) and `say_source` ("own" or an entry of a names-only source for respellings)."""
    if "say" not in block:
        return None, None
    say, source = block["say"].strip(), block["say_source"].strip()
    if problem := respelling.problem(say):
        raise DataError(path, block.line_of("say"), f"{what}: {problem}.")
    if source != "own" and not inventory.names_source("respellings", source):
        raise DataError(path, block.line_of("say_source"), f"{what}: 'say_source' must be 'own' or the address of "
                        "an entry of a names-only source registered for respellings in data/sources.yml (its "
                        f"entries_at), not '{source[:80]}'.")
    return say, source
