"""Readers' words (data/search_words.yml) and drug names, put in hidden fields of the search index's entries.

Titles and texts are left as they are: Material's results show only those, so readers never see the hidden fields.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.schema import SEARCH_WORDS_SCHEMA, read_data_file
from mbc_guide.data.yaml_lines import YamlMapping
from mbc_guide.html.tree import parse_fragment, text_nodes
from mbc_guide.paths import ROOT, display_path
from mbc_guide.text.characters import normalise

WORDS_FILE = ROOT / "data" / "search_words.yml"
# Hidden fields of the search index; their weights are set in mkdocs.yml (plugins: search: fields:).
TITLE_FIELD = "title_words"  # readers' words for a site word in the entry's title
TEXT_FIELD = "text_words"    # readers' words for a site word in the entry's text
DRUG_FIELD = "drugs"         # on a treatment page, the words that name only the drugs it covers
NAME_FIELD = "drug_names"    # on a treatment page, every word of the names of the drugs it covers
ENTRY_FIELD = "entry_names"  # on a drug's glossary entry, every word of its names
HIDDEN_FIELDS = (TITLE_FIELD, TEXT_FIELD, DRUG_FIELD, NAME_FIELD, ENTRY_FIELD)
_SPLIT = re.compile(r"[\s\-]+")      # the search's own separator (Material's default for English)
_EDGES = re.compile(r"^\W+|\W+$")    # what the search's trimmer strips from each word


def search_words_file(language: str) -> str:
    """The name of an edition's readers' words file in data/: search_words.yml, search_words.es.yml."""
    return "search_words.yml" if language == "en" else f"search_words.{language}.yml"


@dataclass(frozen=True)
class WordMap:
    """Readers type `readers` for the site's word or phrase `site`."""

    site: str
    readers: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class OwnName:
    """A side effect, term or treatment that readers call by its own name alone, and why."""

    name: str
    reason: str
    line: int


@dataclass(frozen=True)
class SearchWords:
    """data/search_words.yml, checked."""

    path: Path
    maps: tuple[WordMap, ...]
    common_words: tuple[str, ...]
    own_names: tuple[OwnName, ...] = ()

    def readers_for(self, site_word: str) -> tuple[str, ...]:
        """The readers' words mapped to this site word (capital letters ignored)."""
        wanted = words(site_word)
        return tuple(r for m in self.maps if words(m.site) == wanted for r in m.readers)


def load_search_words(path: Path = WORDS_FILE, schema: Path = SEARCH_WORDS_SCHEMA) -> SearchWords:
    """Read data/search_words.yml, checked against its schema and for what a schema cannot say (DataError)."""
    data = read_data_file(path, schema)
    maps = [_word_map(entry, path) for entry in data["words"]]
    own = tuple(OwnName(e["name"].strip(), " ".join(e["reason"].split()), e.line)
                for e in data.get("own_name_only", ()))
    return SearchWords(path, tuple(maps), tuple(w.strip().lower() for w in data.get("common_words", ())), own)


def _word_map(entry: YamlMapping, path: Path) -> WordMap:
    site, readers = entry["site"], entry["readers"]
    if not words(site):
        raise DataError(path, entry.line_of("site"), f"'{site}': 'site' must be a word or phrase, not only punctuation.")
    if not all(words(r) for r in readers):
        raise DataError(path, entry.line_of("readers"), f"'{site}': each of 'readers' must be a word or phrase, "
                        "not only punctuation.")
    same = [r for r in readers if words(r) == words(site)]
    if same:
        raise DataError(path, entry.line, f"'{site}': '{same[0]}' is the site's own word; remove it from 'readers'.")
    return WordMap(site.strip(), tuple(r.strip() for r in readers), entry.line)


# --- Readers' words for every side effect, term and treatment --------------------------------


def leads_to(search_words: SearchWords, names: tuple[str, ...]) -> bool:
    """Whether a reader's word leads to a thing of these names: a mapping's site word or phrase holds one of them."""
    return any(has_phrase(words(m.site), words(name)) for m in search_words.maps for name in names)


def _things(inventory: Inventory) -> dict[str, tuple[str, tuple[str, ...], int]]:
    """Each side effect, term and treatment of the inventory once: {key: (kind, names, line of its first listing)}."""
    things: dict[str, tuple[str, tuple[str, ...], int]] = {}
    for item in inventory.items("side effect") + inventory.items("term"):
        kind, names, line = things.get(normalise(item.name), (item.kind, (), item.line))
        things[normalise(item.name)] = (kind, tuple(dict.fromkeys((*names, *item.names))), line)
    for treatment in inventory.treatments.values():
        things.setdefault(normalise(treatment.name), ("treatment", (treatment.name,), treatment.line))
    return things


def unreached(search_words: SearchWords, inventory: Inventory) -> list[DataError]:
    """What no reader's word leads to and own_name_only does not list; own_name_only entries unknown or not needed."""
    things = _things(inventory)
    own = {normalise(o.name): o for o in search_words.own_names}
    problems = []
    for kind, names, line in things.values():
        listed = [own[normalise(n)] for n in names if normalise(n) in own]
        if leads_to(search_words, names):
            problems += [DataError(search_words.path, o.line, f"'{o.name}' has readers' words, so it is not "
                                   "called by its own name alone; remove it from own_name_only.") for o in listed]
        elif not listed:
            problems.append(DataError(inventory.path, line, f"{kind} '{names[0]}' has no readers' words: add the "
                                      f"everyday words readers type for it to {display_path(search_words.path)} "
                                      f"({{site: {names[0]}, readers: [...]}}), or, when readers call it by this name "
                                      "alone, list it under own_name_only there with the reason."))
    known = {normalise(n) for _, names, _ in things.values() for n in names}
    problems += [DataError(search_words.path, o.line, f"'{o.name}' under own_name_only is no side effect, term or "
                           f"treatment of {display_path(inventory.path)}; fix its spelling or remove it.")
                 for o in search_words.own_names if normalise(o.name) not in known]
    return problems


# --- Words of a search-index entry -----------------------------------------------------------


def words(text: str) -> tuple[str, ...]:
    """The words the search sees in plain text: lower case, split on spaces and hyphens, edges trimmed."""
    found = (_EDGES.sub("", w) for w in _SPLIT.split(text.lower()))
    return tuple(w for w in found if w)


def html_words(html: str) -> tuple[str, ...]:
    """The words of an HTML fragment (a search-index title or text)."""
    return words(" ".join(node.text_content for node in text_nodes(parse_fragment(html), frozenset())))


def has_phrase(haystack: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """True when the words of `phrase` appear in `haystack` one after the other."""
    n = len(phrase)
    return any(haystack[i:i + n] == phrase for i in range(len(haystack) - n + 1))


def _join(found: list[str], own: tuple[str, ...]) -> str:
    """The hidden field's text: each word once, in order, less the entry's own ("stage four" for "stage 4": "four")."""
    return " ".join(w for w in dict.fromkeys(w for phrase in found for w in words(phrase)) if w not in own)


# --- The index -----------------------------------------------------------------------------


def page_of(location: str) -> str:
    """The page part of a search-index location ("treatment/chemotherapy/#the-drugs" -> "treatment/chemotherapy/")."""
    return location.split("#", 1)[0]


@dataclass(frozen=True)
class Drug:
    """A glossary entry as search sees it: its names, the pages that cover it, and its own location."""

    names: tuple[str, ...]
    pages: tuple[str, ...]
    entry: str = ""


def drug_words(drug: Drug, page: str, search_words: SearchWords, elsewhere: set[str],
               pages_with: dict[str, int], page_count: int) -> list[str]:
    """The words of a drug's names (and readers' words) that point to this page of it alone.

    Left out: words of an entry the page does not cover (elsewhere), on over half the pages, or under 3 letters.
    """
    found = [w for n in drug.names for phrase in (n, *search_words.readers_for(n)) for w in words(phrase)]
    return [w for w in dict.fromkeys(found)
            if len(w) >= 3 and w not in elsewhere and pages_with.get(w, 0) <= page_count / 2]


def _names_in(drugs: list[Drug], haystack: tuple[str, ...]) -> list[Drug]:
    """The drugs with a name in the words (one set look-up per single-word name)."""
    present = set(haystack)
    return [d for d in drugs if any(all(w in present for w in words(n)) and has_phrase(haystack, words(n))
                                    for n in d.names)]


def enrich(index: dict, search_words: SearchWords, drugs: list[Drug]) -> dict:
    """Add the hidden fields to each entry of Material's search index data (look-ups prepared once, not per entry)."""
    maps = [(words(m.site), m) for m in search_words.maps]
    docs = [(doc, html_words(doc.get("title", "")), html_words(doc.get("text", ""))) for doc in index["docs"]]
    page_words: dict[str, set[str]] = {}
    for doc, title, text in docs:
        page_words.setdefault(page_of(doc["location"]), set()).update(title, text)
    pages_with: dict[str, int] = {}
    for page_set in page_words.values():
        for word in page_set:
            pages_with[word] = pages_with.get(word, 0) + 1
    by_page: dict[str, list[Drug]] = {}
    by_entry: dict[str, list[Drug]] = {}
    for drug in drugs:
        for page in drug.pages:
            by_page.setdefault(page, []).append(drug)
        if drug.pages:
            by_entry.setdefault(drug.entry, []).append(drug)
    elsewhere = {page: {w for d in drugs if page not in d.pages for n in d.names for w in words(n)}
                 for page in by_page}
    placed: set[tuple[str, str]] = set()  # (page, site word) already given its readers' words from a text
    for doc, title, text in docs:
        page = page_of(doc["location"])
        in_title = [r for site, m in maps if has_phrase(title, site) for r in m.readers]
        # From a text, once per page (the first section that has the word), which keeps the index small.
        in_text = []
        for site, m in maps:
            if not has_phrase(title, site) and has_phrase(text, site) and (page, m.site) not in placed:
                placed.add((page, m.site))
                in_text.extend(m.readers)
        both = title + ("",) + text
        named = _names_in(by_page.get(page, []), both)
        entry_of = by_entry.get(doc["location"], [])  # a drug's own glossary entry
        fields = ((TITLE_FIELD, in_title, title), (TEXT_FIELD, in_text, both),
                  (DRUG_FIELD, [w for d in named for w in drug_words(d, page, search_words, elsewhere[page],
                                                                    pages_with, len(page_words))], ()),
                  (NAME_FIELD, [n for d in named for n in d.names], ()),
                  (ENTRY_FIELD, [n for d in entry_of for n in d.names], ()))
        for field, found, own in fields:
            text_of_field = _join(found, own)
            if text_of_field:
                doc[field] = text_of_field
    return index


def without_accents(word: str) -> str:
    """A word as a reader who leaves out its accents types it: "náuseas" -> "nauseas", "niño" -> "nino"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def add_unaccented(index: dict) -> dict:
    """Add each accented word of an entry's title and text, without its accents, to the entry's hidden fields,
    so that a search typed without accents ("nauseas") finds the words written with them (a translated edition)."""
    for doc in index["docs"]:
        for field, html in ((TITLE_FIELD, doc.get("title", "")), (TEXT_FIELD, doc.get("text", ""))):
            bare = [without_accents(w) for w in dict.fromkeys(html_words(html)) if without_accents(w) != w]
            if bare:
                doc[field] = " ".join(dict.fromkeys([*doc.get(field, "").split(), *bare]))
    return index


def missing_site_words(search_words: SearchWords, texts: list[str]) -> list[WordMap]:
    """The mappings whose site word is in none of the given HTML texts (titles and texts of the index)."""
    seen = [html_words(t) for t in texts]
    return [m for m in search_words.maps if not any(has_phrase(s, words(m.site)) for s in seen)]
