"""The validator's command (scripts/validate.py): coverage, sources, content policy and drug names, in text or JSON."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

from mbc_guide.checks import coverage_report, rendering, source_check, translation
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import load_glossary
from mbc_guide.data.inventory import load_inventory
from mbc_guide.data.reviews import load_reviews
from mbc_guide.html import content_policy
from mbc_guide.messages import workflow_annotations
from mbc_guide.paths import REVIEWS_FILE, ROOT, display_path
from mbc_guide.search import readers_words

DESCRIPTION = "Check that the site covers every drug and side effect its sources name."


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def parse_args(argv: list[str] | None, root: Path = ROOT) -> argparse.Namespace:
    """The command's options; the default files are those of the project at root."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--fail-overdue", action="store_true", help="treat an overdue review as an error")
    parser.add_argument("--docs", type=Path, default=root / "docs", help="the pages folder (default: docs/)")
    parser.add_argument("--sources", type=Path, default=root / "data" / "sources.yml", help="the inventory file")
    parser.add_argument("--glossary", type=Path, default=root / "data" / "glossary.yml", help="the glossary file")
    parser.add_argument("--today", type=_date, default=dt.date.today(), help="check review dates as of this day")
    parser.add_argument("--config", type=Path, default=root / "mkdocs.yml",
                        help="the site settings whose Markdown extensions render the pages")
    parser.add_argument("--verbose", action="store_true",
                        help="list every covered item, where its source names it and where the site covers it")
    parser.add_argument("--source-texts", type=Path, default=None, metavar="DIR",
                        help=f"the folder of source texts (default: {source_check.DEFAULT_TEXTS} when it exists)")
    parser.add_argument("--require-sources", action="store_true",
                        default=os.environ.get("REQUIRE_SOURCES") == "1",
                        help="fail when the source texts are missing (also REQUIRE_SOURCES=1; CI sets it)")
    parser.add_argument("--propose", type=Path, metavar="TEXT_FILE",
                        help="print a draft data/sources.yml block for a new source text, and stop")
    parser.add_argument("--record", action="store_true",
                        help="write the source check's reading of the texts (data/source_readings.json), and stop")
    return parser.parse_args(argv)


def location(finding: coverage_report.Finding, docs: Path) -> str:
    """Where to fix a finding, as `file:line` from the current folder (docs/treatment/chemotherapy.md:14)."""
    file = finding.file or display_path(docs / finding.page)
    return f"{file}:{finding.line}" if finding.line else file


def format_text(report: coverage_report.Report, verbose: bool = False,
                check: source_check.SourceCheck | None = None, docs: Path = ROOT / "docs") -> str:
    """A readable report: covered items, gaps by page with their fix and file:line, the source check, totals."""
    lines = []
    totals = report.totals()
    by_page: dict[str, list[dict]] = defaultdict(list)
    for row in report.covered:
        by_page[row["page"] or "(glossary not needed)"].append(row)
    lines.append("Covered:")
    for page, rows in sorted(by_page.items()):
        names = sorted({r["name"] for r in rows}, key=str.lower)
        shown = ", ".join(names) if verbose else f"{len(rows)} item(s)"
        lines.append(f"  ok  {page}: {shown}")
    gaps: dict[str, list[coverage_report.Finding]] = defaultdict(list)
    for finding in report.findings:
        gaps[finding.page].append(finding)
    if gaps:
        lines.append("")
        lines.append("Gaps and warnings, by page:")
        for page, findings in sorted(gaps.items()):
            lines.append(f"  {page}")
            for f in findings:
                label = "ERROR" if f.severity == "error" else "warn "
                fix = f" -> {f.fix}" if f.fix else ""
                lines.append(f"    {label} {location(f, docs)}: {f.message}{fix}")
    if check is not None:
        lines.append("")
        lines.extend(format_source_check(report, check, verbose))
    lines.append("")
    lines.append(
        f"Totals: {totals['drugs']} drugs, {totals['side_effects']} side effects and {totals['terms']} terms covered "
        f"across {totals['pages']} pages; {totals['errors']} gap(s), {totals['warnings']} warning(s).")
    lines.append("All covered." if report.ok else "Not covered: add what is listed above, then run this again.")
    return "\n".join(lines)


def format_source_check(report: coverage_report.Report, check: source_check.SourceCheck, verbose: bool) -> list[str]:
    """The source check's part of the text report: what was read, what is left out on purpose, the evidence."""
    if check.skipped:
        return [check.skipped]
    lines = [f"Source texts read: {', '.join(f'{sid} ({name})' for sid, name in check.texts.items())}."]
    if check.recorded:
        lines = [f"Source texts not here: the inventory was checked against their recorded reading, "
                 f"{check.recorded} ({', '.join(check.texts)}); new names are checked where the texts are (CI)."]
    names = [f"{s['id']} ({', '.join(s['names_only'])})" for s in report.sources if s["names_only"]]
    if names:
        lines.append(f"Names-only sources, not read as texts (they give no drug facts): {', '.join(names)}.")
    if check.not_covered:
        lines.append("Named in a source but not covered, on purpose (not_covered in data/sources.yml):")
        for entry in check.not_covered:
            where = f"line {', '.join(map(str, entry['lines']))}" if entry["lines"] else "not found"
            lines.append(f"  {entry['source']}, {where}: {entry['name']}: {entry['reason']}")
    if verbose:
        lines.append("Evidence: where each source names each item -> where the site covers it:")
        for row in sorted(report.covered, key=lambda r: (r["kind"], r["name"].lower(), r["treatment"] or "")):
            named = "; ".join(f"{n['source']} line {', '.join(map(str, n['lines'])) or '?'}" for n in row["named_in"])
            site = ", ".join(filter(None, (row["page"], row["glossary"])))
            under = f" ({row['treatment']})" if row["treatment"] else ""
            lines.append(f"  {row['kind']} '{row['name']}'{under}: {named} -> {site}")
    return lines


def translation_finding(problem: translation.Problem, docs: Path) -> coverage_report.Finding:
    """A translation problem as a finding: of a translated page, or of the edition's words (data/es.yml)."""
    if problem.file.is_relative_to(docs):
        return coverage_report.Finding("error", "translation", problem.file.relative_to(docs).as_posix(), "",
                                       problem.message, "", problem.line)
    return coverage_report.Finding("error", "translation", display_path(problem.file), "", problem.message, "",
                                   problem.line, display_path(problem.file))


def format_translations(editions: dict[str, translation.Edition]) -> str:
    """Each edition's translations: how many are up to date, and each page behind or missing."""
    lines = []
    for language, edition in editions.items():
        current = sum(status.state == "current" for status in edition.statuses)
        lines.append(f"\nTranslations ({language}): {current} of {len(edition.statuses)} pages up to date with their "
                     "English page.")
        for status in edition.statuses:
            if status.state == "behind":
                since = f", updated on {status.english_updated}" if status.english_updated else ""
                lines.append(f"  behind   {language}/{status.page}: the English page changed{since}; update the "
                             f"translation, then run {translation.RECORD_COMMAND} {language}/{status.page}")
            elif status.state == "missing":
                lines.append(f"  missing  {language}/{status.page}: not yet translated")
    return "\n".join(lines)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Run the validator on the project at root (or the files the options name): print the report; the exit status."""
    args = parse_args(argv, root)
    try:
        inventory = load_inventory(args.sources)
        if args.propose:
            print(source_check.propose(args.propose, inventory, args.today), end="")
            return 0
        glossary = load_glossary(inventory, args.glossary)
        words = args.sources.with_name("search_words.yml")
        if words.is_file():  # the readers' words, read as the build reads them (a copy of the data may have none)
            unreached = readers_words.unreached(readers_words.load_search_words(words), inventory)
            if unreached:
                raise unreached[0]  # one at a time, as every data problem
        render = rendering.renderer(*rendering.markdown_settings(args.config))
        theme = content_policy.theme_ids(rendering.theme_dirs(args.config), args.docs)
        reviews_file = args.sources.with_name(REVIEWS_FILE.name)  # a copy of the data may have no reviews yet
        reviews = load_reviews(reviews_file) if reviews_file.is_file() else None
        report = coverage_report.check_site(args.docs, inventory=inventory, glossary=glossary,
                                            today=args.today, fail_overdue=args.fail_overdue, render=render,
                                            theme=theme, reviews=reviews)
        editions = translation.check_editions(args.docs, args.sources.parent, inventory, glossary, reviews, render)
        report.findings += [translation_finding(problem, args.docs)
                            for edition in editions.values() for problem in edition.problems]
        folder, skipped = source_check.texts_folder(args.source_texts, args.require_sources or args.record, root)
        if args.record:
            print(f"Wrote {display_path(source_check.write_record(inventory, folder))}.")
            return 0
        check = source_check.check_sources(inventory, folder, skipped) if folder else \
            source_check.check_recorded(inventory, skipped)
    except DataError as err:
        if args.format == "json":
            print(json.dumps({"ok": False, "error": {"file": display_path(err.path), "line": err.line,
                                                     "message": err.message}}, indent=2))
        else:
            print(f"error: {err}", file=sys.stderr)
        if workflow_annotations.in_github_actions():
            print(workflow_annotations.annotation("error", display_path(err.path), err.line, err.message))
        return 2
    report.findings.extend(check.findings)
    source_check.add_evidence(report.covered, inventory, glossary, check)
    if args.format == "json":
        print(json.dumps({**report.to_dict(), "source_check": check.to_dict(),
                          "translations": {language: {"pages": [asdict(status) for status in edition.statuses]}
                                           for language, edition in editions.items()}},
                         indent=2, default=str))
    else:
        print(format_text(report, args.verbose, check, args.docs))
        print(format_translations(editions))
    if workflow_annotations.in_github_actions():
        for f in report.findings:
            file, _, line = location(f, args.docs).partition(":")
            print(workflow_annotations.annotation(f.severity, file, int(line) if line else None,
                                                  f"{f.message}. Fix: {f.fix}" if f.fix else f.message))
    return 0 if report.ok else 1

