"""Check the site against its source inventory: is every drug and side effect covered?

A page covers an item only when the item's name is in the text a reader sees once the page is rendered.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mbc_guide.checks import link_check, misspelt_names, rendering, reviewed_text
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import Page, meta_line, page_meta_problems, read_page
from mbc_guide.data.glossary import Glossary, load_glossary
from mbc_guide.data.inventory import Inventory, Item, load_inventory
from mbc_guide.data.reviews import Reviews
from mbc_guide.html import content_policy
from mbc_guide.names import drug_names
from mbc_guide.names.finder import NameFinder
from mbc_guide.pages import generated_pages
from mbc_guide.paths import ROOT, display_path, page_files
from mbc_guide.text import respelling
from mbc_guide.text.characters import normalise


@dataclass(frozen=True)
class Finding:
    """One gap or warning: what, where, and how to fix it."""

    severity: str  # "error" | "warning"
    # "coverage" (an inventory item) | "page" (front matter) | "safety" (content policy)
    # | "source" (inventory vs. source text) | "drug name" (unknown to the glossary) | "link" (leads nowhere)
    # | "misspelling" (a slip of a glossary name)
    # | "respelling" (a drug without one) | "brand" (none recorded) | "review" (text changed since its review)
    kind: str
    page: str
    item: str
    message: str
    fix: str
    line: int | None = None
    file: str = ""  # the data file to fix (data/glossary.yml), when it is not the page itself


@dataclass
class Report:
    """Everything check_site found."""

    covered: list[dict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    pages_checked: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def totals(self) -> dict[str, int]:
        counts = {"drugs": 0, "side_effects": 0, "terms": 0}
        for row in self.covered:
            counts[{"drug": "drugs", "side effect": "side_effects", "term": "terms"}[row["kind"]]] += 1
        return {**counts, "covered": len(self.covered), "errors": len(self.errors),
                "warnings": len(self.warnings), "pages": self.pages_checked}

    def to_dict(self) -> dict:
        return {"ok": self.ok, "totals": self.totals(), "sources": self.sources, "covered": self.covered,
                "findings": [asdict(f) for f in self.findings]}


def check_site(
    docs_dir: Path,
    *,
    inventory: Inventory | None = None,
    glossary: Glossary | None = None,
    today: dt.date | None = None,
    fail_overdue: bool = False,
    render: Callable[[str], str] | None = None,
    theme: content_policy.ThemeIds | None = None,
    all_pages: bool = True,
    reviews: Reviews | None = None,
) -> Report:
    """Check every page and inventory item; DataError on unusable input.

    With all_pages=False only the treatment pages are read, and neither front matter nor content safety is checked.
    """
    today = today or dt.date.today()
    if inventory is None:
        inventory = load_inventory()
    if glossary is None:
        glossary = load_glossary(inventory)
    if render is None:
        render = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
    only = None if all_pages else {t.page for t in inventory.treatments.values()}
    pages = read_pages(docs_dir, only)
    report = Report(pages_checked=len(pages))
    report.sources = [{"id": s.id, "publisher": s.publisher, "title": s.title, "url": s.url,
                       "drugs": sum(i.kind == "drug" for i in s.items),
                       "side_effects": sum(i.kind == "side effect" for i in s.items), "names_only": list(s.names_only)}
                      for s in inventory.sources.values()]
    seen = _SeenText(pages, render)
    _check_items(inventory, glossary, pages, seen, report)
    _check_glossary_backing(inventory, glossary, report)
    _check_respellings(glossary, report)
    _check_brands(glossary, report)
    if all_pages:
        _check_pages(inventory, pages, today, fail_overdue, report)
        if reviews is not None:
            _check_reviews(docs_dir, pages, inventory, glossary, reviews, render, report)
        if theme is None:
            theme = content_policy.theme_ids(rendering.theme_dirs(ROOT / "mkdocs.yml"), docs_dir)
        _check_files(docs_dir, report)
        _check_safety(pages, seen, theme, report)
        _check_drug_names(inventory, glossary, pages, seen, report)
        report.findings.extend(Finding("error", "link", b.page, b.href, b.message, b.fix, b.line)
                               for b in link_check.broken_links(pages, seen.html, inventory, glossary, render))
    return report


def read_pages(docs_dir: Path, only: set[str] | None = None) -> dict[str, Page]:
    """Every Markdown page under docs_dir (or those named in only), by its path inside it; DataError if unusable."""
    if not docs_dir.is_dir():
        raise DataError(docs_dir, None, "the docs folder does not exist; check the path.")
    paths = page_files(docs_dir) if only is None else [docs_dir / rel for rel in sorted(only)]
    pages = {path.relative_to(docs_dir).as_posix(): read_page(docs_dir, path)
             for path in paths if only is None or path.exists()}
    if not pages:
        raise DataError(docs_dir, None, "the docs folder holds no .md pages; check the path.")
    return pages


class _SeenText:
    """Each page rendered at most once, when first asked for: its HTML and the text a reader sees."""

    def __init__(self, pages: dict[str, Page], render: Callable[[str], str]) -> None:
        self._pages, self._render = pages, render
        self._html: dict[str, str] = {}

    def html(self, rel: str) -> str:
        if rel not in self._html:
            self._html[rel] = self._render(self._pages[rel].body)
        return self._html[rel]

    def text(self, rel: str) -> str:
        return rendering.visible_text(self.html(rel))


def _check_items(inventory: Inventory, glossary: Glossary, pages: dict[str, Page], seen: _SeenText,
                 report: Report) -> None:
    checked: set[tuple] = set()
    found_on: dict[str, set[str]] = {}  # page -> normalised names found in its visible text
    for item in inventory.items():
        key = (item.kind, normalise(item.name), item.treatment)
        if key in checked:  # the same item from a second source: one check is enough
            continue
        checked.add(key)
        if item.kind == "term":
            entry = glossary.find(item.name)
            report.covered.append(_row(item, "glossary.md" if entry else None))
            continue
        treatment = inventory.treatments[item.treatment]
        gaps = 0
        if item.kind == "drug":
            gaps += _check_glossary_entry(item, treatment.name, inventory, glossary, report)
        page = pages.get(treatment.page)
        if page is None:
            report.findings.append(Finding("error", "coverage", treatment.page, item.name,
                                           f"the {treatment.name.lower()} page does not exist",
                                           f"create {treatment.page} or fix its path in data/sources.yml"))
            gaps += 1
        elif not _found(treatment.page, inventory, seen, found_on) & {normalise(n) for n in item.names}:
            also = f" (or: {', '.join(item.aliases)})" if item.aliases else ""
            report.findings.append(Finding(
                "error", "coverage", treatment.page, item.name,
                f"{item.kind} '{item.name}' from {item.source} is not mentioned on the {treatment.name.lower()} page "
                f"({_at(inventory.path, item.line)} lists it)",
                f"mention '{item.name}'{also} in the text of {treatment.page}"))
            gaps += 1
        if not gaps:
            report.covered.append(_row(item, treatment.page))


def _found(rel: str, inventory: Inventory, seen: _SeenText, cache: dict[str, set[str]]) -> set[str]:
    """The inventory names (normalised) that the page's visible text mentions; one search per page."""
    if rel not in cache:
        names = {normalise(n) for item in inventory.items() if item.treatment and
                 inventory.treatments[item.treatment].page == rel for n in item.names}
        cache[rel] = {name for _, _, name in NameFinder((n, n) for n in names).all(seen.text(rel))}
    return cache[rel]


def _check_files(docs_dir: Path, report: Report) -> None:
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        problem = None if path.is_dir() else content_policy.file_problem(rel)
        if problem:
            report.findings.append(Finding("error", "safety", rel, rel, problem,
                                           f"remove docs/{rel}, or list it if it is one of the site's own assets",
                                           file=display_path(path)))


def _check_safety(pages: dict[str, Page], seen: _SeenText, theme: content_policy.ThemeIds, report: Report) -> None:
    for rel, page in pages.items():
        if not content_policy.needs_rendering(page.body):
            continue
        for violation in content_policy.check_html(seen.html(rel), theme):
            line = content_policy.line_of(page.body, violation.clue)
            report.findings.append(Finding(
                "error", "safety", rel, violation.what, f"{violation.what} is not allowed on a page",
                f"remove it: {content_policy.ALLOWED_SUMMARY} (see SECURITY.md)",
                line + page.body_line - 1 if line else None))


def _check_glossary_entry(item: Item, treatment_name: str, inventory: Inventory, glossary: Glossary,
                          report: Report) -> int:
    entry = glossary.find(item.name) or next(filter(None, map(glossary.find, item.aliases)), None)
    if entry is None:
        report.findings.append(Finding(
            "error", "coverage", "glossary.md", item.name,
            f"drug '{item.name}' ({treatment_name}) has no glossary entry",
            f"add an entry with term '{item.name}' to data/glossary.yml",
            item.line, display_path(inventory.path)))
        return 1
    if item.treatment not in entry.treatments:
        report.findings.append(Finding(
            "error", "coverage", "glossary.md", item.name,
            f"glossary entry '{entry.term}' does not list {item.treatment}, the treatment {item.source} names it under "
            f"({_at(inventory.path, item.line)})",
            f"add {item.treatment} to its treatments in data/glossary.yml", entry.line,
            display_path(glossary.path)))
        return 1
    return 0


def _check_glossary_backing(inventory: Inventory, glossary: Glossary, report: Report) -> None:
    backed = {normalise(n) for item in inventory.items() if item.kind in ("drug", "term") for n in item.names}
    for entry in glossary.entries:
        if not backed & {normalise(n) for n in entry.names}:
            report.findings.append(Finding(
                "error", "coverage", "glossary.md", entry.term,
                f"glossary entry '{entry.term}' is not backed by any source item",
                "remove it from data/glossary.yml, or add the source item that names it to data/sources.yml",
                entry.line, display_path(glossary.path)))


def _check_drug_names(inventory: Inventory, glossary: Glossary, pages: dict[str, Page], seen: _SeenText,
                      report: Report) -> None:
    """Every drug name a reader sees on a page, or in a glossary definition, is one the glossary knows, spelt right."""
    finder = drug_names.for_site(inventory, glossary)
    slips = misspelt_names.for_site(finder, glossary)
    fix = ("if a registered source names it, add it under that source's drugs in data/sources.yml and give it a "
           "glossary entry in data/glossary.yml (or add it to the aliases of its entry): see CONTRIBUTING.md, "
           "'Add a drug'; a brand name goes under its drug's `brands`, with the regulator's page where it was "
           "seen (CONTRIBUTING.md, 'Brand names'); a drug no registered source names needs its source registered "
           "first ('Add a source'); "
           "a word that only looks like a drug name goes under not_drugs in data/glossary.yml, with a reason")
    slip_fix = ("write {name}; if it is another word, spelt right, list it under not_drugs in data/glossary.yml, "
                "with a reason")
    for rel, page in pages.items():
        markdown = page.body.replace("*", "").replace("_", "")
        if not finder.candidates(markdown) and not slips.candidates(markdown):
            continue  # the quick tests over the Markdown: no page is rendered for this check alone
        text = seen.text(rel)
        misspelt = slips.find(text)
        for word, name in misspelt:
            line = drug_names.line_of(page.body, word)
            report.findings.append(Finding(
                "error", "misspelling", rel, word, f"'{word}' looks like a misspelling: did you mean {name}?",
                slip_fix.format(name=name), line + page.body_line - 1 if line else None))
        for name in _unknown(finder, text, misspelt):
            line = drug_names.line_of(page.body, name)
            report.findings.append(Finding(
                "error", "drug name", rel, name, f"'{name}' looks like a drug name, but the glossary does not know it",
                fix, line + page.body_line - 1 if line else None))
    definitions = " ".join(e.definition for e in glossary.entries)
    if not finder.candidates(definitions) and not slips.candidates(definitions):
        return  # one quick test over every definition, before looking at each
    for entry in glossary.entries:
        misspelt = slips.find(entry.definition)
        for word, name in misspelt:
            report.findings.append(Finding(
                "error", "misspelling", "glossary.md", word,
                f"the definition of '{entry.term}' has '{word}', which looks like a misspelling: did you mean {name}?",
                slip_fix.format(name=name), entry.line, display_path(glossary.path)))
        for name in _unknown(finder, entry.definition, misspelt):
            report.findings.append(Finding(
                "error", "drug name", "glossary.md", name,
                f"the definition of '{entry.term}' names '{name}', which looks like a drug name the glossary does "
                "not know", fix, entry.line, display_path(glossary.path)))


def _unknown(finder: drug_names.DrugNames, text: str, misspelt: list[tuple[str, str]]) -> list[str]:
    """The unknown drug names of a text, but those already reported as misspellings."""
    slips = {word.casefold() for word, _ in misspelt}
    return [name for name in finder.unknown(text) if name.casefold() not in slips]


def _at(path: Path, line: int) -> str:
    return f"{display_path(path)}:{line}"


def _check_respellings(glossary: Glossary, report: Report) -> None:
    """Every drug, and every drug class with a word name, says how to say it."""
    for entry in glossary.entries:
        if entry.say is None and respelling.needs_respelling(entry.kind, entry.term):
            report.findings.append(Finding(
                "error", "respelling", "glossary.md", entry.term,
                f"{entry.kind} '{entry.term}' has no respelling, so readers cannot tell how to say it",
                f"add `say:` ({respelling.RULE}) and `say_source:` (the NCI dictionary entry's address, or 'own') "
                f"to its entry in data/glossary.yml", entry.line, display_path(glossary.path)))


def _check_brands(glossary: Glossary, report: Report) -> None:
    """Every drug records the brand names it is sold under, or says why none is recorded."""
    for entry in glossary.entries:
        for name in entry.names[1:]:  # aliases and brand names
            other = drug_names.other_drug(entry.term, name)
            if other:
                report.findings.append(Finding(
                    "error", "glossary", "glossary.md", entry.term,
                    f"the name '{name}' on '{entry.term}' is the name of another drug ({other})",
                    "remove it from this entry; that drug needs its own entry, from the sources", entry.line,
                    display_path(glossary.path)))
        if entry.kind == "drug" and not entry.brands and not entry.no_brand:
            report.findings.append(Finding(
                "error", "brand", "glossary.md", entry.term,
                f"drug '{entry.term}' records no brand name and no reason why none is recorded",
                "add `brands:` ({name: ..., country: US, EU or UK, seen_at: the regulator's page, seen_on: the "
                "day}) or `no_brand: <reason>` to its entry in data/glossary.yml", entry.line,
                display_path(glossary.path)))


def _check_pages(inventory: Inventory, pages: dict[str, Page], today: dt.date, fail_overdue: bool,
                 report: Report) -> None:
    for rel, page in pages.items():
        errors, warnings = page_meta_problems(page.meta, inventory, today)
        for message in errors:
            problem, _, fix = message.partition("; ")
            report.findings.append(Finding("error", "page", rel, "front matter", f"the page {problem}", fix,
                                           meta_line(page.meta, message.key)))
        for message in warnings:
            problem, _, fix = message.partition("; ")
            report.findings.append(Finding("error" if fail_overdue else "warning", "page", rel, "review date",
                                           f"the page {problem}", fix, meta_line(page.meta, message.key)))


def _check_reviews(docs_dir: Path, pages: dict[str, Page], inventory: Inventory, glossary: Glossary,
                   reviews: Reviews, render: Callable[[str], str], report: Report) -> None:
    reviewed = reviewed_text.reviewed_pages(docs_dir, pages, generated_pages.generated(inventory, glossary),
                                            docs_dir.parent)
    for problem in reviewed_text.review_problems(reviewed, reviews, render):
        message, _, fix = problem.message.partition(". ")
        report.findings.append(Finding("error", "review", problem.page, "review", message, fix, problem.line,
                                       "" if problem.file == docs_dir / problem.page else display_path(problem.file)))


def _row(item: Item, page: str | None) -> dict:
    return {"kind": item.kind, "name": item.name, "treatment": item.treatment, "source": item.source, "page": page}
