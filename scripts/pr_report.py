#!/usr/bin/env python3
"""Describe a change for its reviewer, in Markdown: what a reader will see differently.

Compares the working tree with a base commit (`--base REF`, such as origin/main),
whose files are taken with `git archive` into a temporary folder. Both sides are
read with this side's code: every page rendered as the site renders it, and the
data files. It prints:

- the pages added, removed and changed, judged by the text a reader sees (a
  change of Markdown that changes nothing visible is not listed);
- glossary entries, aliases and inventory items added or removed;
- for each added or changed page, its coverage (on a treatment page: the drugs
  and side effects it must name, and how many it does) and its reading grade,
  before and after;
- the own-words, safety, drug-name and link findings of the new side.

The pull-request workflow writes it to the job's summary.

usage: pr_report.py --base REF [--output FILE]
exit status: 0 report written (findings included), 2 unusable input (a bad REF, data that cannot be read).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

import coverage_report  # noqa: E402
import generated_pages  # noqa: E402
import own_words  # noqa: E402
import readability  # noqa: E402
import rendering  # noqa: E402
import sitedata  # noqa: E402
import source_check  # noqa: E402
from markdown_escape import md_text  # noqa: E402

REVIEW_KINDS = ("safety", "drug name", "link")  # the validator's findings a reviewer must see


@dataclass
class Side:
    """One side of the change: its pages as a reader sees them, its data, coverage and grades."""

    texts: dict[str, str] = field(default_factory=dict)  # page -> visible text
    grades: dict[str, float] = field(default_factory=dict)
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)  # treatment page -> (covered, expected)
    glossary: dict[str, set[str]] = field(default_factory=dict)  # term -> its aliases
    items: set[tuple] = field(default_factory=set)  # (source, kind, name, treatment)
    findings: list[coverage_report.Finding] = field(default_factory=list)
    own_words: list[str] = field(default_factory=list)


def read_side(root: Path, today: dt.date) -> Side:
    """Everything the report compares, read from a project folder with this side's code."""
    inventory = sitedata.load_inventory(root / "data" / "sources.yml")
    glossary = sitedata.load_glossary(inventory, root / "data" / "glossary.yml")
    render = rendering.renderer(*rendering.markdown_settings(root / "mkdocs.yml"))
    side = Side()
    pages = coverage_report.read_pages(root / "docs")
    for rel, page in pages.items():
        side.texts[rel] = " ".join(rendering.visible_text(render(page.body)).split())
        side.grades[rel] = readability.grade(page.body)
    generated = {generated_pages.GLOSSARY_PAGE: generated_pages.glossary_markdown(inventory, glossary),
                 generated_pages.SIDE_EFFECTS_PAGE: generated_pages.side_effects_markdown(inventory)}
    for rel, markdown in generated.items():
        side.texts[rel] = " ".join(rendering.visible_text(render(markdown)).split())
        side.grades[rel] = readability.grade(markdown)
    report = coverage_report.check_site(root / "docs", inventory=inventory, glossary=glossary, today=today,
                                        render=render)
    for treatment in inventory.treatments.values():
        expected = {(i.kind, sitedata.normalise(i.name)) for i in inventory.items()
                    if i.treatment == treatment.id and i.kind != "term"}
        covered = {(r["kind"], sitedata.normalise(r["name"])) for r in report.covered if r["page"] == treatment.page}
        side.coverage[treatment.page] = (len(covered & expected), len(expected))
    side.glossary = {e.term: set(e.aliases) for e in glossary.entries}
    side.items = {(i.source, i.kind, i.name, i.treatment or "") for i in inventory.items()}
    side.findings = [f for f in report.findings if f.kind in REVIEW_KINDS]
    return side


def base_tree(ref: str, into: Path) -> Path:
    """The files of commit `ref`, unpacked into a folder (git archive: no checkout, nothing changed)."""
    try:
        data = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True,
                              check=True, timeout=120).stdout
    except subprocess.CalledProcessError as err:
        raise sitedata.DataError(ROOT, None, f"cannot read the base '{ref}' with git archive: "
                                 f"{err.stderr.decode(errors='replace').strip()}; fetch it first.") from None
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return into


def report(base: Side, head: Side, ref: str) -> str:
    """The reviewer's report in Markdown."""
    out = [f"## What this change does to the site (against {md_text(ref)})", ""]
    added = sorted(set(head.texts) - set(base.texts))
    removed = sorted(set(base.texts) - set(head.texts))
    changed = sorted(p for p in set(head.texts) & set(base.texts) if head.texts[p] != base.texts[p])
    out.append("### Pages (by the text a reader sees)")
    if not (added or removed or changed):
        out.append("No page reads differently.")
    for label, pages in (("Added", added), ("Removed", removed), ("Changed", changed)):
        if pages:
            out.append(f"- **{label}:** " + ", ".join(md_text(p) for p in pages))
    touched = added + changed
    if touched:
        out += ["", "| Page | Coverage before | Coverage after | Reading grade before | Reading grade after |",
                "| --- | --- | --- | --- | --- |"]
        for page in touched:
            out.append(f"| {md_text(page)} | {_coverage(base, page)} | {_coverage(head, page)} | "
                       f"{_grade(base, page)} | {_grade(head, page)} |")
    out += ["", "### Glossary and inventory"]
    lines = _glossary_changes(base, head) + _item_changes(base, head)
    out += lines or ["No glossary entry, alias or inventory item added or removed."]
    out += ["", "### Findings on the new side"]
    findings = [f"- {f.kind}: {md_text(f.file or 'docs/' + f.page)}{':' + str(f.line) if f.line else ''}: "
                f"{md_text(f.message)}" for f in head.findings]
    findings += [f"- own words: {md_text(line)}" for line in head.own_words]
    out += findings or ["No own-words, safety, drug-name or link finding."]
    return "\n".join(out) + "\n"


def _coverage(side: Side, page: str) -> str:
    if page not in side.texts:
        return "(none)"
    if page not in side.coverage:
        return "not a treatment page"
    covered, expected = side.coverage[page]
    return f"{covered} of {expected}"


def _grade(side: Side, page: str) -> str:
    return f"{side.grades[page]:.1f}" if page in side.grades else "(none)"


def _glossary_changes(base: Side, head: Side) -> list[str]:
    lines = [f"- Glossary entry added: **{md_text(t)}**" for t in sorted(set(head.glossary) - set(base.glossary))]
    lines += [f"- Glossary entry removed: **{md_text(t)}**" for t in sorted(set(base.glossary) - set(head.glossary))]
    for term in sorted(set(head.glossary) & set(base.glossary)):
        for alias in sorted(head.glossary[term] - base.glossary[term]):
            lines.append(f"- Alias added to **{md_text(term)}**: {md_text(alias)}")
        for alias in sorted(base.glossary[term] - head.glossary[term]):
            lines.append(f"- Alias removed from **{md_text(term)}**: {md_text(alias)}")
    return lines


def _item_changes(base: Side, head: Side) -> list[str]:
    def shown(item: tuple) -> str:
        source, kind, name, treatment = item
        return f"{kind} **{md_text(name)}**" + (f" ({md_text(treatment)})" if treatment else "") + f", {source}"
    return ([f"- Inventory item added: {shown(i)}" for i in sorted(head.items - base.items)] +
            [f"- Inventory item removed: {shown(i)}" for i in sorted(base.items - head.items)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with, such as origin/main")
    parser.add_argument("--output", type=Path, help="append the report to this file (default: print it)")
    args = parser.parse_args(argv)
    today = dt.date.today()
    try:
        with tempfile.TemporaryDirectory(prefix="pr-report-") as tmp:
            base = read_side(base_tree(args.base, Path(tmp)), today)
        head = read_side(ROOT, today)
        inventory, glossary = sitedata.load_all()
        folder, _ = source_check.texts_folder(None, False)  # the texts when they are here, else the fingerprint
        hashes = own_words.fingerprint_of(own_words.source_texts(inventory, folder)) if folder else \
            own_words.read_fingerprint()
        head.own_words = own_words.check(ROOT / "docs", glossary, inventory, hashes)
    except sitedata.DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = report(base, head, args.base)
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
