"""Check the site against its source inventory: is every drug and side effect covered?

check_site() reads the Markdown pages (not the built HTML), the inventory and
the glossary, and returns a Report of what is covered and every gap, each with
the page it concerns and the fix. scripts/validate.py prints it; the
coverage_gate hook fails the strict build on it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sitedata
from sitedata import DataError, Glossary, Inventory, Item, Page, normalise


@dataclass(frozen=True)
class Finding:
    """One gap or warning: what, where, and how to fix it."""

    severity: str  # "error" | "warning"
    kind: str  # "coverage" (an inventory item) | "page" (front matter) | "source" (inventory vs. source text)
    page: str
    item: str
    message: str
    fix: str


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


def mentions(text: str, names: tuple[str, ...]) -> bool:
    """True when any of the names appears in the text as whole words, in any case."""
    for name in names:
        words = [re.escape(w) for w in name.split()]
        pattern = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w])"
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False


def _plain(body: str) -> str:
    """Page text a reader sees: HTML comments dropped, Markdown link targets dropped."""
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
    return re.sub(r"\]\([^)]*\)", "]", body)


def check_site(
    docs_dir: Path,
    *,
    inventory: Inventory | None = None,
    glossary: Glossary | None = None,
    today: dt.date | None = None,
    fail_overdue: bool = False,
) -> Report:
    """Check every page and inventory item. Raises DataError on unusable input."""
    today = today or dt.date.today()
    if inventory is None:
        inventory = sitedata.load_inventory()
    if glossary is None:
        glossary = sitedata.load_glossary(inventory)
    if not docs_dir.is_dir():
        raise DataError(docs_dir, None, "the docs folder does not exist; check the path.")
    pages: dict[str, Page] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            pages[path.relative_to(docs_dir).as_posix()] = sitedata.read_page(docs_dir, path)
        except UnicodeDecodeError:
            raise DataError(path, None, "cannot read the page; save it as UTF-8 text.") from None
    report = Report(pages_checked=len(pages))
    report.sources = [{"id": s.id, "publisher": s.publisher, "title": s.title, "url": s.url,
                       "drugs": sum(i.kind == "drug" for i in s.items),
                       "side_effects": sum(i.kind == "side effect" for i in s.items)}
                      for s in inventory.sources.values()]
    _check_items(inventory, glossary, pages, report)
    _check_glossary_backing(inventory, glossary, report)
    _check_pages(inventory, pages, today, fail_overdue, report)
    return report


def _check_items(inventory: Inventory, glossary: Glossary, pages: dict[str, Page], report: Report) -> None:
    seen: set[tuple] = set()
    for item in inventory.items():
        key = (item.kind, normalise(item.name), item.treatment)
        if key in seen:  # the same item from a second source: one check is enough
            continue
        seen.add(key)
        if item.kind == "term":
            entry = glossary.find(item.name)
            report.covered.append(_row(item, "glossary.md" if entry else None))
            continue
        treatment = inventory.treatments[item.treatment]
        gaps = 0
        if item.kind == "drug":
            gaps += _check_glossary_entry(item, treatment.name, glossary, report)
        page = pages.get(treatment.page)
        if page is None:
            report.findings.append(Finding("error", "coverage", treatment.page, item.name,
                                           f"the {treatment.name.lower()} page does not exist",
                                           f"create {treatment.page} or fix its path in data/sources.yml"))
            gaps += 1
        elif not mentions(_plain(page.body), item.names):
            also = f" (or: {', '.join(item.aliases)})" if item.aliases else ""
            report.findings.append(Finding(
                "error", "coverage", treatment.page, item.name,
                f"{item.kind} '{item.name}' from {item.source} is not mentioned on the {treatment.name.lower()} page",
                f"mention '{item.name}'{also} in the text of {treatment.page}"))
            gaps += 1
        if not gaps:
            report.covered.append(_row(item, treatment.page))


def _check_glossary_entry(item: Item, treatment_name: str, glossary: Glossary, report: Report) -> int:
    entry = glossary.find(item.name) or next(filter(None, map(glossary.find, item.aliases)), None)
    if entry is None:
        report.findings.append(Finding(
            "error", "coverage", "glossary.md", item.name,
            f"drug '{item.name}' ({treatment_name}) has no glossary entry",
            f"add an entry with term '{item.name}' to data/glossary.yml"))
        return 1
    if item.treatment not in entry.treatments:
        report.findings.append(Finding(
            "error", "coverage", "glossary.md", item.name,
            f"glossary entry '{entry.term}' does not list {item.treatment}, the treatment {item.source} names it under",
            f"add {item.treatment} to its treatments in data/glossary.yml"))
        return 1
    return 0


def _check_glossary_backing(inventory: Inventory, glossary: Glossary, report: Report) -> None:
    backed = {normalise(n) for item in inventory.items() if item.kind in ("drug", "term") for n in item.names}
    for entry in glossary.entries:
        if not backed & {normalise(n) for n in entry.names}:
            report.findings.append(Finding(
                "error", "coverage", "glossary.md", entry.term,
                f"glossary entry '{entry.term}' is not backed by any source item",
                "remove it from data/glossary.yml, or add the source item that names it to data/sources.yml"))


def _check_pages(inventory: Inventory, pages: dict[str, Page], today: dt.date, fail_overdue: bool,
                 report: Report) -> None:
    for rel, page in pages.items():
        errors, warnings = sitedata.page_meta_problems(page.meta, inventory, today)
        for message in errors:
            problem, _, fix = message.partition("; ")
            report.findings.append(Finding("error", "page", rel, "front matter", f"the page {problem}", fix))
        for message in warnings:
            problem, _, fix = message.partition("; ")
            report.findings.append(Finding("error" if fail_overdue else "warning", "page", rel, "review date",
                                           f"the page {problem}", fix))


def _row(item: Item, page: str | None) -> dict:
    return {"kind": item.kind, "name": item.name, "treatment": item.treatment, "source": item.source, "page": page}
