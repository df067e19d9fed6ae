"""The About page's "Coverage" figures, written from the coverage check's report in place of its marker."""
from __future__ import annotations

from mbc_guide.checks import coverage_report
from mbc_guide.text.markdown_escape import md_text

ABOUT_PAGE = "about/index.md"
MARKER = "<!-- coverage-report -->"
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
