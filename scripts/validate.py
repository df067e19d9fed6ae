#!/usr/bin/env python3
"""Check that the site covers every drug and side effect its sources name.

Reads data/sources.yml (the inventory), data/glossary.yml and the Markdown
pages in docs/, and reports what is covered, every gap grouped by page with
what to add, and totals. Also checks every page's sources and review dates.

usage: validate.py [--format text|json] [--fail-overdue] [--docs DIR]
                   [--sources FILE] [--glossary FILE] [--today YYYY-MM-DD]
Also checks every page against the content policy (no scripts, frames, forms,
event handlers or script-like addresses; overrides/hooks/content_policy.py).

exit status: 0 all covered, 1 gaps found, 2 unusable input (with --format json,
a JSON object {"ok": false, "error": {file, line, message}}).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import coverage_report  # noqa: E402
import rendering  # noqa: E402
import sitedata  # noqa: E402


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--fail-overdue", action="store_true", help="treat an overdue review as an error")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the pages folder (default: docs/)")
    parser.add_argument("--sources", type=Path, default=sitedata.SOURCES_FILE, help="the inventory file")
    parser.add_argument("--glossary", type=Path, default=sitedata.GLOSSARY_FILE, help="the glossary file")
    parser.add_argument("--today", type=_date, default=dt.date.today(), help="check review dates as of this day")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="the site settings whose Markdown extensions render the pages")
    parser.add_argument("--verbose", action="store_true", help="list every covered item")
    return parser.parse_args(argv)


def format_text(report: coverage_report.Report, verbose: bool = False) -> str:
    """A readable report: covered items, gaps grouped by page with the fix, totals."""
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
                where = f"{page}:{f.line}: " if f.line else ""
                lines.append(f"    {label} {where}{f.message}{fix}")
    lines.append("")
    lines.append(
        f"Totals: {totals['drugs']} drugs, {totals['side_effects']} side effects and {totals['terms']} terms covered "
        f"across {totals['pages']} pages; {totals['errors']} gap(s), {totals['warnings']} warning(s).")
    lines.append("All covered." if report.ok else "Not covered: add what is listed above, then run this again.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        inventory = sitedata.load_inventory(args.sources)
        glossary = sitedata.load_glossary(inventory, args.glossary)
        render = rendering.renderer(*rendering.markdown_settings(args.config))
        report = coverage_report.check_site(args.docs, inventory=inventory, glossary=glossary,
                                            today=args.today, fail_overdue=args.fail_overdue, render=render)
    except sitedata.DataError as err:
        if args.format == "json":
            print(json.dumps({"ok": False, "error": {"file": sitedata.display_path(err.path), "line": err.line,
                                                     "message": err.message}}, indent=2))
        else:
            print(f"error: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2, default=str))
    else:
        print(format_text(report, args.verbose))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
