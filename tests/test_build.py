"""The strict build: it succeeds on the real site and fails on broken links, anchors and data.

(That the built pages load nothing from other hosts is tested in test_privacy_static.py.)
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from mbc_guide.checks import review_command, translation_command
from mbc_guide.html.tree import parse_document
from mbc_guide.paths import page_files
from tests.helpers import ROOT, build_site, edit_once, with_editions


def build_copy(copy: Path):
    return build_site(copy / "site", project=copy)


def test_strict_build_succeeds_without_warnings(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "glossary" / "index.html").is_file()
    assert (built_site / "treatment" / "side-effects" / "index.html").is_file()


def test_strict_build_output_has_no_warnings(built_site):
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")  # what the build printed
    assert "WARNING" not in log, log
    assert "MkDocs 2" not in log


@pytest.mark.builds
def test_broken_link_and_anchor_fail_the_build_naming_their_lines(site_copy):
    """Each broken link names its file and line; in GitHub Actions each is also an annotation on that line."""
    page = site_copy / "docs" / "treatment" / "chemotherapy.md"
    page.write_text(page.read_text() + "\nSee [a missing page](no-such-page.md).\n\n"
                    "See [this part](hormone-therapy.md#no-such-heading).\n")
    lines = len(page.read_text().splitlines())
    result = build_site(site_copy / "site", project=site_copy, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    assert re.search(rf"WARNING - +docs/treatment/chemotherapy\.md:{lines - 2}: .*'no-such-page\.md'.* Fix the "
                     "address on that line", result.stderr), result.stderr
    assert re.search(rf"docs/treatment/chemotherapy\.md:{lines}: .*anchor '#no-such-heading'", result.stderr)
    assert re.search(rf"^::error file=docs/treatment/chemotherapy\.md,line={lines - 2}::Doc file .*no-such-page\.md",
                     result.stdout, re.M), result.stdout + result.stderr


@pytest.mark.builds
def test_a_nav_entry_for_a_missing_page_names_its_line_of_mkdocs_yml(site_copy):
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("Chemotherapy: treatment/chemotherapy.md", "Chemotherapy: treatment/chemo.md"))
    line = config.read_text().splitlines().index("      - Chemotherapy: treatment/chemo.md") + 1
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: A reference to 'treatment/chemo.md'" in result.stderr
    assert "docs/treatment/chemotherapy.md (add it to nav: in mkdocs.yml): The following pages" in result.stderr
    assert "::error" not in result.stdout  # annotations only in GitHub Actions


@pytest.mark.builds
def test_page_missing_from_nav_fails_the_build(site_copy):
    (site_copy / "docs" / "orphan.md").write_text(
        "---\ntitle: Orphan\nsources: [cleveland-clinic]\nreviewed: 2026-11-21\nnext_review: 2027-11-21\n---\n# Orphan\n")
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert "orphan.md" in result.stderr


@pytest.mark.builds
def test_page_without_sources_fails_the_build(site_copy):
    page = site_copy / "docs" / "understanding" / "symptoms.md"
    page.write_text(re.sub(r"^sources:.*\n", "", page.read_text(), count=1, flags=re.MULTILINE))
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert re.search(r"docs/understanding/symptoms.md:\d+: the page names no source", result.stderr)


@pytest.mark.builds
def test_coverage_gap_fails_the_build(site_copy):
    page = site_copy / "docs" / "treatment" / "immunotherapy.md"
    page.write_text(re.sub(r"(?i)constipation", "", page.read_text()))
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert "docs/treatment/immunotherapy.md: coverage gap on treatment/immunotherapy.md" in result.stderr
    assert "constipation" in result.stderr


def without_line(glossary: str, term: str, key: str) -> str:
    """The glossary without the `key:` line of one entry, found by its term (wherever the entry stands)."""
    entry = re.search(rf"^  - term: {re.escape(term)}\n(?:    .*\n)*", glossary, re.M)
    block = re.sub(rf"^    {key}: .*\n(?:      .*\n)*", "", entry.group(0), count=1, flags=re.M)
    return glossary[:entry.start()] + block + glossary[entry.end():]


@pytest.mark.builds
@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda t: without_line(t, "taxanes", "definition"),
     r"data/glossary\.yml:\d+: entry 'taxanes' has no 'definition'; add it\."),
    (lambda t: t.replace("aliases: [taxane]", "aliases: [tamoxifen]"),
     r"data/glossary\.yml:\d+: entry 'taxanes': the name 'tamoxifen' is already used by 'tamoxifen'"),
    (lambda t: t.replace("treatments: [chemotherapy]", "treatments: [chemo]", 1),
     r"data/glossary\.yml:\d+: entry '[\w -]+': unknown treatment class 'chemo'"),
    (lambda t: t.replace("entries:", "entries: [", 1), r"data/glossary\.yml:\d+: YAML syntax problem"),
])
def test_bad_glossary_data_stops_the_build(site_copy, breakage, expected):
    path = site_copy / "data" / "glossary.yml"
    broken = breakage(path.read_text())
    assert broken != path.read_text(), "the breakage no longer applies to data/glossary.yml: update the test"
    path.write_text(broken)
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert re.search(expected, result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (site_copy / "site" / "glossary").exists() or not any((site_copy / "site").rglob("*.html"))


def nav_pages(nav) -> set[str]:
    """Every Markdown path named in a MkDocs nav."""
    found: set[str] = set()
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.add(value)
    return found


def test_every_page_in_docs_is_in_the_nav():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # tags kept as text
    in_nav = nav_pages(config["nav"])
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in page_files(ROOT / "docs")}
    assert on_disk - in_nav == set(), "pages missing from the nav in mkdocs.yml"
    assert in_nav - on_disk == {"glossary.md", "treatment/side-effects.md", "whats-new.md"}, "nav names pages that do not exist"


def test_every_page_has_an_edit_link(built_site):
    chemo = (built_site / "treatment" / "chemotherapy" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/treatment/chemotherapy.md" in chemo
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/data/glossary.yml" in glossary


@pytest.mark.builds
def test_table_without_a_caption_fails_the_build(site_copy):
    page = site_copy / "docs" / "diagnosis" / "tumour-testing.md"
    text = page.read_text()
    assert "Table: " in text, "the breakage no longer applies: update the test"
    page.write_text(text.replace("Table: ", "The table: ", 1))
    result = build_copy(site_copy)
    assert result.returncode != 0
    assert "docs/diagnosis/tumour-testing.md: 1 table(s) without a caption" in result.stderr


def test_breaking_an_entry_does_not_depend_on_where_it_stands():
    """A contributor's new entry above taxanes (as CONTRIBUTING's example adds one) leaves the breakage on taxanes."""
    glossary = (ROOT / "data" / "glossary.yml").read_text()
    new = "  - term: newdrugumab\n    kind: drug\n    treatments: [chemotherapy]\n    definition: A new drug.\n\n"
    first = glossary.index("  - term: ")
    with_new = glossary[:first] + new + glossary[first:]
    broken = without_line(with_new, "taxanes", "definition")
    assert "    definition: A new drug." in broken
    assert broken.count("\n    definition: ") == with_new.count("\n    definition: ") - 1
    assert not re.search(r"- term: taxanes\n(?:    .*\n)*    definition:", broken)


@pytest.mark.builds
def test_an_english_edit_shows_on_its_spanish_page_until_the_translation_follows_it(site_copy):
    """A reader of the Spanish page is told, at its top, that its English page changed on that date, with a link
    to it; the English fix is never held up; once the translation follows it again, the notice is gone."""
    with_editions(site_copy)
    edit_once(site_copy / "docs" / "treatment" / "immunotherapy.md", "This helps it fight the cancer.",
              "This helps it fight the cancer cells.")
    edit_once(site_copy / "data" / "glossary.yml", "      A hormone therapy drug. Hormone therapy may help",
              "      A hormone therapy drug. Hormone therapy can help")
    with contextlib.redirect_stdout(io.StringIO()):
        assert review_command.main(["treatment/immunotherapy.md", "--note", "Cells named."], root=site_copy) == 0
        assert review_command.main(["glossary.md", "--note", "A definition reworded."], root=site_copy) == 0
    assert build_copy(site_copy).returncode == 0
    spanish = parse_document((site_copy / "site" / "es" / "treatment" / "immunotherapy" / "index.html").read_text())
    notice = spanish.css_first("article .mbc-translation-behind")
    assert notice is not None, "the Spanish page says its English page changed"
    assert notice.css_first("time").attributes["datetime"] == dt.date.today().isoformat()
    link = notice.css_first("a")
    assert link.attributes["href"] == "../../../treatment/immunotherapy/" and link.attributes["hreflang"] == "en"
    english = parse_document((site_copy / "site" / "treatment" / "immunotherapy" / "index.html").read_text())
    assert english.css_first(".mbc-translation-behind") is None
    glossary = parse_document((site_copy / "site" / "es" / "glossary" / "index.html").read_text())
    assert glossary.css_first("article .mbc-translation-behind a").attributes["href"] == "../../glossary/", \
        "the Spanish glossary, made from data/es.yml, says its English page changed"
    with contextlib.redirect_stdout(io.StringIO()):
        assert translation_command.main(["es/treatment/immunotherapy.md", "es/glossary.md"], root=site_copy) == 0
    assert build_copy(site_copy).returncode == 0
    for page in ("treatment/immunotherapy", "glossary"):
        spanish = parse_document((site_copy / "site" / "es" / page / "index.html").read_text())
        assert spanish.css_first(".mbc-translation-behind") is None, page
