"""The About page's "Coverage" figures, written from the coverage check's report in place of its marker."""
from __future__ import annotations

from mbc_guide.checks import coverage_report
from mbc_guide.text.markdown_escape import md_text

ABOUT_PAGE = "about/index.md"
MARKER = "<!-- coverage-report -->"


def fill_about_page(markdown: str, report: coverage_report.Report) -> tuple[str, list[str]]:
    """The About page with its coverage figures in place of the marker; a message when the marker is lost."""
    if MARKER not in markdown:
        return markdown, [f"docs/{ABOUT_PAGE} has lost its '{MARKER}' line; put it back under '## Coverage'."]
    return markdown.replace(MARKER, coverage_markdown(report)), []


def coverage_markdown(report: coverage_report.Report) -> str:
    """The About page's coverage section, in Markdown."""
    drugs = {(r["name"].lower(), r["treatment"]) for r in report.covered if r["kind"] == "drug"}
    effects = {(r["name"].lower(), r["treatment"]) for r in report.covered if r["kind"] == "side effect"}
    gaps = [f for f in report.errors if f.kind == "coverage"]
    rows = "\n".join(f"| {md_text(s['publisher'])}: *{md_text(s['title'])}* | {s['drugs']} | {s['side_effects']} |"
                     for s in report.sources if not s.get("names_only"))
    status = ("Every one of them is covered: each drug has a glossary entry and is named on the page for its "
              "kind of treatment, and each side effect is named on the page for its treatment."
              if not gaps else f"{len(gaps)} item(s) are not yet covered.")
    return (
        f"Our sources name **{len({d[0] for d in drugs})} drugs and groups of drugs** "
        f"({len(drugs)} mentions, counting each kind of treatment they are named under) and "
        f"**{len({e[0] for e in effects})} side effects** ({len(effects)} mentions by kind of treatment). "
        f"{status}\n\n"
        "Table: What each source names\n\n"
        "| Source | Drugs and groups named | Side effects listed |\n| --- | ---: | ---: |\n"
        f"{rows}\n"
    )


def gap_messages(report: coverage_report.Report) -> list[str]:
    """One build message per coverage gap, naming its file and line and the fix."""
    return [f"{finding.file or f'docs/{finding.page}'}{f':{finding.line}' if finding.line else ''}: coverage gap on "
            f"{finding.page}: {finding.message}; fix: {finding.fix} (run `make validate` for the full report)"
            for finding in report.errors if finding.kind in ("coverage", "respelling", "brand")]
