"""The About page's "Coverage" figures, written from the coverage check's report in place of its marker."""
from __future__ import annotations

from mbc_guide.checks import coverage_report
from mbc_guide.pages.generated_pages import with_value
from mbc_guide.pages.page_words import PageWords, english
from mbc_guide.text.markdown_escape import md_text

ABOUT_PAGE = "about/index.md"
MARKER = "<!-- coverage-report -->"


def fill_about_page(markdown: str, report: coverage_report.Report,
                    words: PageWords | None = None) -> tuple[str, list[str]]:
    """The About page with its coverage figures in place of the marker; a message when the marker is lost."""
    if MARKER not in markdown:
        return markdown, [f"docs/{ABOUT_PAGE} has lost its '{MARKER}' line; put it back under '## Coverage'."]
    return markdown.replace(MARKER, coverage_markdown(report, words)), []


def coverage_markdown(report: coverage_report.Report, words: PageWords | None = None) -> str:
    """The About page's coverage section, in Markdown, in the edition's words."""
    words = words or english()
    drugs = {(r["name"].lower(), r["treatment"]) for r in report.covered if r["kind"] == "drug"}
    effects = {(r["name"].lower(), r["treatment"]) for r in report.covered if r["kind"] == "side effect"}
    gaps = [f for f in report.errors if f.kind == "coverage"]
    rows = "\n".join(f"| {md_text(s['publisher'])}: *{md_text(s['title'])}* | {s['drugs']} | {s['side_effects']} |"
                     for s in report.sources if not s.get("names_only"))
    status = with_value(words["coverage_all"]) if not gaps else with_value(words["coverage_gaps"], count=str(len(gaps)))
    counts = with_value(
        words["coverage_counts"],
        drugs=f"**{with_value(words['drugs_named'], count=str(len({d[0] for d in drugs})))}**",
        drug_mentions=str(len(drugs)),
        effects=f"**{with_value(words['effects_named'], count=str(len({e[0] for e in effects})))}**",
        effect_mentions=str(len(effects)))
    return (
        f"{counts} {status}\n\n"
        f"Table: {md_text(words['coverage_caption'])}\n\n"
        f"| {md_text(words['coverage_source'])} | {md_text(words['coverage_drugs'])} | "
        f"{md_text(words['coverage_effects'])} |\n| --- | ---: | ---: |\n"
        f"{rows}\n"
    )


def gap_messages(report: coverage_report.Report) -> list[str]:
    """One build message per coverage gap, naming its file and line and the fix."""
    return [f"{finding.file or f'docs/{finding.page}'}{f':{finding.line}' if finding.line else ''}: coverage gap on "
            f"{finding.page}: {finding.message}; fix: {finding.fix} (run `make validate` for the full report)"
            for finding in report.errors if finding.kind in ("coverage", "respelling", "brand")]
