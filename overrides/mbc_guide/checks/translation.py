"""A translated page against its English page: the version it follows, and the facts it must carry.

Each page of docs/<language>/ translates the English page at the same path, and records in its front matter
(`translation_of`) the fingerprint of the English text it follows. When the English text changes, the
translation is behind: readers are told, and the report lists it, but nothing fails, so a fix to the English
is never blocked by its translation. A translation that is up to date must carry exactly its English page's
drugs, side effects, numbers, dates and link targets, and no English sentence left untranslated.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mbc_guide.checks.rendering import visible_blocks
from mbc_guide.checks.reviewed_text import fingerprint
from mbc_guide.data.edition_words import EditionWords, load_edition_words, word_gaps, words_file
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import Page, meta_line, read_page, split_page
from mbc_guide.data.glossary import Glossary
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.reviews import Reviews
from mbc_guide.html.tree import parse_fragment
from mbc_guide.names.finder import NameFinder
from mbc_guide.pages import generated_pages
from mbc_guide.pages.edition_links import EditionLink
from mbc_guide.paths import TRANSLATIONS, page_files

RECORD_COMMAND = ".venv/bin/python scripts/translated.py"
NUMBER = re.compile(r"\d{4}-\d{2}-\d{2}|\d+(?:[.,]\d+)*%?")
# Words of English that a Spanish sentence never uses: three or more in one block, a fifth of its words, is English.
ENGLISH_WORDS = frozenset("the and of to is are with your you for that this it can may be have has will from what "
                          "which when how they their there was were".split())
ENGLISH_AT_LEAST, ENGLISH_SHARE = 3, 0.2


@dataclass(frozen=True)
class Status:
    """Where a translated page stands: "current", "behind" (its English page changed) or "missing"."""

    page: str  # the English page's path in docs/
    state: str
    english_updated: dt.date | None = None  # the English page's latest review, for "behind"


@dataclass(frozen=True)
class Problem:
    """A fact a translated page lacks or adds, or text left in English: where, and what to do."""

    file: Path
    line: int | None
    message: str


@dataclass(frozen=True)
class Edition:
    """One translated edition against the English: each page's status, and the problems that fail (its pages'
    and its words')."""

    statuses: list[Status]
    problems: list[Problem]


def check_editions(docs_dir: Path, data_dir: Path, inventory: Inventory, glossary: Glossary, reviews: Reviews | None,
                   render: Callable[[str], str]) -> dict[str, Edition]:
    """Every translated edition whose words are in data_dir (a copy of the data may have none), by language."""
    editions = {}
    for language in TRANSLATIONS:
        if words_file(language, data_dir).is_file():
            words = load_edition_words(language, data_dir)
            statuses, problems = check(docs_dir, words, inventory, glossary, reviews, render)
            editions[language] = Edition(statuses, problems)
    return editions


def text_fingerprint(markdown: str, render: Callable[[str], str]) -> str:
    """The fingerprint of a page's visible text, block by block, as a translation records it."""
    return fingerprint("\n".join(visible_blocks(render(markdown))))


def check(docs_dir: Path, words: EditionWords, inventory: Inventory, glossary: Glossary, reviews: Reviews | None,
          render: Callable[[str], str]) -> tuple[list[Status], list[Problem]]:
    """Every English page's translation into words.language: its status, and the problems of those up to date and
    of the edition's words (a glossary entry, side effect or kind of treatment without them: no English stands in)."""
    language = words.language
    english = {path.relative_to(docs_dir).as_posix(): path for path in page_files(docs_dir)}
    translated = {path.relative_to(docs_dir / language).as_posix(): path for path in page_files(docs_dir, language)}
    statuses, problems = [], []
    for rel in sorted(translated.keys() - english.keys()):
        problems.append(Problem(translated[rel], 1, f"docs/{language}/{rel} translates no English page: there is "
                                f"no docs/{rel}. Move it to the path of the page it translates, or remove it."))
    facts = Facts(words, inventory, glossary)
    for rel in sorted(english):
        if rel not in translated:
            statuses.append(Status(rel, "missing"))
            continue
        try:
            target = read_page(docs_dir / language, translated[rel])
        except DataError as err:
            problems.append(Problem(translated[rel], err.line, f"docs/{language}/{rel}: {err.message}"))
            continue
        try:
            source = read_page(docs_dir, english[rel])
        except DataError:
            continue  # an unreadable English page is reported, with its reason, by the checks of the English pages
        problems += [Problem(translated[rel], line, f"docs/{language}/{rel}: {message}")
                     for line, message in front_matter_problems(target, source)]
        follows = target.meta.get("translation_of")
        if follows != text_fingerprint(source.body, render):
            record = reviews.pages.get(rel) if reviews else None
            statuses.append(Status(rel, "behind", record.latest.date if record else None))
            if follows is None:
                problems.append(Problem(translated[rel], 1, (
                    f"docs/{language}/{rel} does not say which version of docs/{rel} it translates. When it "
                    f"carries the English page's text, record it: {RECORD_COMMAND} {language}/{rel}")))
            continue
        statuses.append(Status(rel, "current"))
        problems += facts.compare(source, render(source.body), translated[rel], target, render(target.body))
    statuses += made_page_statuses(words, inventory, glossary, reviews, render)
    problems += [Problem(words.path, line, message) for line, message in word_gaps(words, inventory, glossary)]
    return statuses, problems


def made_page_statuses(words: EditionWords, inventory: Inventory, glossary: Glossary, reviews: Reviews | None,
                       render: Callable[[str], str]) -> list[Status]:
    """Each page made from data (the glossary, side effects A to Z): whether its words in this language follow its
    English page as it is now (data/es.yml, pages), so a changed English definition never goes unnoticed."""
    statuses = []
    for rel, markdown, _ in generated_pages.generated(inventory, glossary):
        made = words.made_pages.get(rel)
        if made is not None and made.translation_of == text_fingerprint(split_page(rel, markdown).body, render):
            statuses.append(Status(rel, "current"))
        else:
            record = reviews.pages.get(rel) if reviews else None
            statuses.append(Status(rel, "behind", record.latest.date if record else None))
    return statuses


# The front matter a translated page may have, and what it holds. Its review dates are its English page's.
TRANSLATED_KEYS = {
    "title": "the page's title in this language: plain text",
    "description": "one plain sentence in this language for search engines and share cards",
    "sources": "the English page's sources, the same list",
    "translated": "the day the translation was last brought up to date (YYYY-MM-DD), written by scripts/translated.py",
    "translation_of": "the fingerprint of the English text it follows, written by scripts/translated.py",
    "translation_review": "only when a named person has reviewed this translation: {name: ..., role: ..., date: YYYY-MM-DD}",
    "search": "as on the English page", "hide": "as on the English page", "template": "as on the English page",
}
REVIEW_FIELDS = ("name", "role", "date")
TRANSLATION_FIELDS = ("translated", "translation_of", "translation_review")


def front_matter_problems(page: Page, english: Page) -> list[tuple[int | None, str]]:
    """What is wrong with a translated page's front matter, each at its line."""
    meta, found = page.meta, []

    def problem(key: str, message: str) -> None:
        found.append((meta_line(meta, key) or 1, message))

    for key in meta:
        if key not in TRANSLATED_KEYS:
            problem(key, f"the front matter key {str(key)[:40]!r} is not used on a translated page; remove it "
                    f"(the keys it may have: {', '.join(TRANSLATED_KEYS)}).")
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problem(key, f"write `{key}:`, {TRANSLATED_KEYS[key]}.")
    if meta.get("sources") != english.meta.get("sources"):
        problem("sources", f"`sources` must be the English page's: {english.meta.get('sources')}.")
    if not isinstance(meta.get("translated"), dt.date) or meta["translated"] > dt.date.today():
        problem("translated", f"`translated` must be {TRANSLATED_KEYS['translated']}.")
    if "translation_of" in meta and not re.fullmatch(r"[0-9a-f]{12}", str(meta["translation_of"])):
        problem("translation_of", f"`translation_of` must be {TRANSLATED_KEYS['translation_of']}; do not edit it.")
    review = meta.get("translation_review")
    if review is not None and not (isinstance(review, dict) and set(review) == set(REVIEW_FIELDS)
                                   and all(isinstance(review[k], str) and review[k].strip() for k in REVIEW_FIELDS[:2])
                                   and isinstance(review["date"], dt.date) and review["date"] <= dt.date.today()):
        problem("translation_review", f"`translation_review` is {TRANSLATED_KEYS['translation_review']}; "
                "never record a review that did not happen.")
    return found


def edition_meta(meta: dict, english: dict) -> dict:
    """What the site's checks and templates read of a translated page: its own keys but those of the translation,
    and its English page's review dates."""
    own = {key: value for key, value in meta.items() if key not in TRANSLATION_FIELDS}
    return {**own, **{key: english[key] for key in ("reviewed", "next_review") if key in english}}


def reader_record(meta: dict, status: Status | None, english: EditionLink | None, *,
                  made_from_data: bool = False) -> dict:
    """What a reader is told of a translated page: when it was translated, any named review of the translation,
    and, when its English page has changed since, that date and a link to it (english: its language switch's link);
    a page made from data says so."""
    review = meta.get("translation_review") if isinstance(meta.get("translation_review"), dict) else None
    behind = status is not None and status.state == "behind"
    return {"translated": meta.get("translated"), "review": review, "behind": behind, "made_from_data": made_from_data,
            "english_updated": status.english_updated if behind else None, "english": english}


class Facts:
    """What a page says that its translation must say too: drugs, side effects, numbers, dates, link targets."""

    def __init__(self, words: EditionWords, inventory: Inventory, glossary: Glossary) -> None:
        brands = {entry.term: [brand.name for brand in entry.brands] for entry in glossary.entries}
        self.english = NameFinder(_named(
            [(entry.term, entry.names) for entry in glossary.entries],
            [(item.name, item.names) for item in inventory.items("side effect")]))
        self.translated = NameFinder(_named(
            [(term, (*entry.names, *brands.get(term, ()))) for term, entry in words.glossary.items()],
            [(name, effect.names) for name, effect in words.side_effects.items()]))

    def compare(self, english: Page, english_html: str, translated_file: Path, translated: Page,
                translated_html: str) -> list[Problem]:
        """The differences between a page and its translation, each at its line."""
        problems = []
        english_text, translated_text = _text(english_html), _text(translated_html)
        english_names, translated_names = _found(self.english, english_text), _found(self.translated, translated_text)
        for what, theirs, ours in (
                ("the name", Counter(english_names.keys()), Counter(translated_names.keys())),
                ("the number", Counter(NUMBER.findall(english_text)), Counter(NUMBER.findall(translated_text))),
                ("the link to", _links(english_html), _links(translated_html))):
            for item in sorted(theirs - ours):
                clue = english_names.get(item, item)
                name = item[1] if isinstance(item, tuple) else item
                problems.append(Problem(translated_file, translated.body_line, (
                    f"{what} {name!r} is on the English page (docs/{english.path}:{_line(english, clue)}) "
                    f"but not in its translation; carry it over")))
            for item in sorted(ours - theirs):
                clue = translated_names.get(item, item)
                name = item[1] if isinstance(item, tuple) else item
                written = f" ({clue})" if clue != name else ""
                problems.append(Problem(translated_file, _line(translated, clue), (
                    f"{what} {name!r}{written} is here but not on the English page docs/{english.path}; a "
                    f"translation carries the English page's facts and nothing more")))
        for block in visible_blocks(translated_html):
            words = re.findall(r"[a-z]+", block.lower())
            english_words = [word for word in words if word in ENGLISH_WORDS]
            if len(english_words) >= ENGLISH_AT_LEAST and len(english_words) >= ENGLISH_SHARE * len(words):
                problems.append(Problem(translated_file, _line(translated, block[:30]), (
                    f"this looks like English left untranslated ({' '.join(english_words[:5])}...): "
                    f"{block[:60]!r}")))
        return problems


def _named(entries: Iterable[tuple[str, Iterable[str]]], effects: Iterable[tuple[str, Iterable[str]]]):
    """(name, (kind, English name)) for every name of every glossary entry and side effect."""
    for kind, pairs in (("glossary", entries), ("side effect", effects)):
        for english, names in pairs:
            yield from ((name, (kind, english)) for name in names)


def _found(finder: NameFinder, text: str) -> dict[tuple[str, str], str]:
    """Each glossary entry and side effect the text names, with the words it first names it by."""
    found: dict[tuple[str, str], str] = {}
    for start, end, value in finder.longest(text):
        found.setdefault(value, text[start:end])
    return found


def _text(html: str) -> str:
    return "\n".join(visible_blocks(html))


def _links(html: str) -> Counter:
    """The address of every link a reader can follow, but not a heading's own permalink."""
    return Counter(a.attributes.get("href") or "" for a in parse_fragment(html).css("a[href]:not(.headerlink)"))


def _line(page: Page, clue: str) -> int:
    """The line of the page's file where the clue first stands (its body's first line when not found)."""
    folded = clue.lower()
    for number, text in enumerate(page.body.splitlines(), start=page.body_line):
        if folded and folded in text.lower():
            return number
    return page.body_line
