"""A translated page against its English page (mbc_guide.checks.translation), the command that records the
version it follows (scripts/translated.py), and the Spanish edition's words (data/es.yml)."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from mbc_guide.checks import rendering, translation, translation_command
from mbc_guide.data.edition_words import load_edition_words, word_gaps
from mbc_guide.data.errors import DataError
from mbc_guide.data.reviews import load_reviews
from mbc_guide.data.site import site_data
from mbc_guide.paths import ROOT, page_files
from tests.helpers import edit_once
from tests.test_hostile_input import validate

RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
PAGE = "treatment/chemotherapy.md"


def check(docs: Path = ROOT / "docs", data: Path = ROOT / "data"):
    inventory, glossary = site_data(data)
    words = load_edition_words("es", data)
    return translation.check(docs, words, inventory, glossary, load_reviews(data / "reviews.yml"), RENDER)


def messages(problems) -> list[str]:
    return [f"{problem.file.name}:{problem.line}: {problem.message}" for problem in problems]


def record(project: Path, *pages: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = translation_command.main(list(pages), root=project)
    return code, out.getvalue()


def test_every_english_page_has_a_status_and_each_up_to_date_translation_carries_its_facts():
    """A contributor's new page may have no translation yet, or leave one behind: those are listed, never failed."""
    statuses, problems = check()
    assert messages(problems) == []
    assert [status.page for status in statuses] == [p.relative_to(ROOT / "docs").as_posix()
                                                    for p in page_files(ROOT / "docs")] + \
        ["glossary.md", "treatment/side-effects.md"]  # made from data, their words in data/es.yml
    assert {status.state for status in statuses} <= {"current", "behind", "missing"}


def test_an_english_change_puts_its_translation_behind_and_never_fails(site_copy):
    edit_once(site_copy / "docs" / PAGE, "Chemo can destroy cancer cells.", "Chemo can kill cancer cells.")
    statuses, problems = check(site_copy / "docs", site_copy / "data")
    behind = [status for status in statuses if status.page == PAGE]
    assert [status.state for status in behind] == ["behind"] and messages(problems) == []
    assert behind[0].english_updated == load_reviews().pages[PAGE].latest.date
    result = validate(site_copy)
    assert f"behind   es/{PAGE}: the English page changed" in result.stdout
    assert f"scripts/translated.py es/{PAGE}" in result.stdout
    assert [line for line in result.stdout.splitlines() if "ERROR" in line and "es/" in line] == []
    code, out = record(site_copy, f"es/{PAGE}")
    assert code == 0, out
    statuses, _ = check(site_copy / "docs", site_copy / "data")
    assert [status.state for status in statuses if status.page == PAGE] == ["current"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("- capecitabina\n", "", "the name 'capecitabine' is on the English page (docs/treatment/chemotherapy.md:"),
    ("- diarrea\n", "", "the name 'diarrhea' is on the English page"),
    ("Hay muchos", "Hay 12", "the number '12' is here but not on the English page"),
    ("(immunotherapy.md)", "(hormone-therapy.md)", "the link to 'hormone-therapy.md' is here"),
    ("- eribulina\n", "- eribulina\n- olaparib\n", "the name 'olaparib' is here"),
])
def test_an_up_to_date_translation_must_carry_exactly_its_english_facts(site_copy, old, new, expected):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, old, new)
    _, problems = check(site_copy / "docs", site_copy / "data")
    found = messages(problems)
    assert len(found) >= 1 and all(m.startswith("chemotherapy.md:") for m in found), found
    assert any(expected in m for m in found), found


def test_a_translated_fact_is_named_at_its_line(site_copy):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, "Hay muchos", "Hay 12")
    line = next(n for n, text in enumerate(spanish.read_text().splitlines(), 1) if "Hay 12" in text)
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert [problem.line for problem in problems] == [line]


def test_a_name_added_in_spanish_is_named_at_its_line_in_both_languages(site_copy):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, "- eribulina\n", "- eribulina\n- tamoxifeno\n")
    line = next(n for n, text in enumerate(spanish.read_text().splitlines(), 1) if text == "- tamoxifeno")
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert [(p.line, p.message.split(" is here")[0]) for p in problems] == [(line, "the name 'tamoxifen' (tamoxifeno)")]


def test_english_left_untranslated_is_found_at_its_line(site_copy):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, "## Cómo se recibe", "Ask your care team what to expect and how you will feel.\n\n## Cómo se recibe")
    line = next(n for n, text in enumerate(spanish.read_text().splitlines(), 1) if text.startswith("Ask your"))
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert [(problem.line, "English left untranslated" in problem.message) for problem in problems] == [(line, True)]


def test_a_translation_of_no_english_page_and_an_unrecorded_one_are_problems(site_copy):
    (site_copy / "docs" / "es" / "extra.md").write_text("---\ntitle: Extra\n---\n\n# Extra\n")
    spanish = site_copy / "docs" / "es" / PAGE
    spanish.write_text("".join(line for line in spanish.read_text().splitlines(True)
                               if not line.startswith("translation_of:")))
    _, problems = check(site_copy / "docs", site_copy / "data")
    found = messages(problems)
    assert any("es/extra.md translates no English page" in m for m in found), found
    assert any(f"does not say which version of docs/{PAGE} it translates" in m
               and f"translated.py es/{PAGE}" in m for m in found), found
    assert validate(site_copy).returncode == 1


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("translated: ", "reviewed: 2026-12-06\ntranslated: ", "the front matter key 'reviewed' is not used"),
    ("sources: [medical-news-today, cleveland-clinic]", "sources: [medical-news-today]", "must be the English page's"),
    ("translated: 2026-12-06", "translated: 2099-01-01", "`translated` must be the day"),
    ("translated: ", "translation_review: {name: A. Person}\ntranslated: ", "never record a review that did not happen"),
    ("translated: ", "translation_review: {name: A. Person, role: translator, date: 2099-01-01}\ntranslated: ",
     "never record a review that did not happen"),
])
def test_a_translated_pages_front_matter_is_checked_at_its_line(site_copy, old, new, expected):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, old, new)
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert len(problems) == 1 and expected in problems[0].message, messages(problems)
    assert 1 < problems[0].line < 10, "the line of the key in the front matter"


def test_a_translated_page_that_cannot_be_read_is_a_problem_at_its_line(site_copy):
    spanish = site_copy / "docs" / "es" / PAGE
    edit_once(spanish, "title: Quimioterapia", "title: [Quimioterapia")
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert [p.file.name for p in problems] == ["chemotherapy.md"], messages(problems)
    assert 2 <= problems[0].line <= 3 and "YAML" in problems[0].message, "at the broken front matter line"


def test_a_real_review_of_a_translation_can_be_recorded(site_copy):
    edit_once(site_copy / "docs" / "es" / PAGE, "translated: ",
              "translation_review: {name: A. Person, role: medical translator, date: 2026-12-01}\ntranslated: ")
    assert check(site_copy / "docs", site_copy / "data")[1] == []


def test_a_missing_translation_is_listed_and_never_fails(site_copy):
    (site_copy / "docs" / "es" / PAGE).unlink()
    statuses, problems = check(site_copy / "docs", site_copy / "data")
    assert [s.state for s in statuses if s.page == PAGE] == ["missing"] and problems == []
    result = validate(site_copy)
    assert result.returncode == 0 and f"missing  es/{PAGE}: not yet translated" in result.stdout


def test_recording_sets_the_fingerprint_and_date_and_refuses_an_unknown_page(site_copy):
    spanish = site_copy / "docs" / "es" / PAGE
    before = spanish.read_text()
    assert record(site_copy, "es/no-such-page.md")[0] == 2 and spanish.read_text() == before
    code, out = record(site_copy, f"docs/es/{PAGE}", "--date", "2027-01-02")
    assert code == 0 and "on 2027-01-02" in out
    text = spanish.read_text()
    assert "\ntranslated: 2027-01-02\n" in text and text.count("translation_of:") == 1
    assert text.split("---")[2] == before.split("---")[2], "only the front matter changes"


def test_every_glossary_entry_and_side_effect_needs_its_spanish_words(site_copy):
    words = site_copy / "data" / "es.yml"
    edit_once(words, "  tamoxifen:\n", "  tamoxifin:\n")
    edit_once(words, "  nausea:\n", "  queasiness:\n")
    inventory, glossary = site_data(site_copy / "data")
    gaps = word_gaps(load_edition_words("es", site_copy / "data"), inventory, glossary)
    line = next(n for n, text in enumerate(words.read_text().splitlines(), 1) if text == "  tamoxifin:")
    assert (None, "the glossary entry 'tamoxifen' has no words in this language yet; add its name, other names "
                  "and text under glossary") in gaps
    assert (line, "'tamoxifin' is no glossary entry of data/glossary.yml; remove it, or correct its name") in gaps
    assert any("the side effect 'nausea' has no words" in message for _, message in gaps), gaps
    _, problems = check(site_copy / "docs", site_copy / "data")
    assert f"es.yml:{line}: 'tamoxifin' is no glossary entry" in "\n".join(messages(problems))
    result = validate(site_copy)
    assert result.returncode == 1, "an entry without its Spanish words fails: no English stands in for them"
    assert "the glossary entry 'tamoxifen' has no words in this language yet" in result.stdout
    assert f"data/es.yml:{line}" in result.stdout


def test_a_slip_in_the_spanish_words_names_its_line(data):
    (data / "es.yml").write_text((ROOT / "data" / "es.yml").read_text().replace("    term: tamoxifeno\n",
                                                                                "    term: ' tamoxifeno'\n"))
    with pytest.raises(DataError) as caught:
        load_edition_words("es", data)
    assert "es.yml:" in str(caught.value) and "term" in str(caught.value)


def test_a_changed_english_definition_puts_the_spanish_glossary_behind_until_recorded(site_copy):
    """The glossary and side effects A to Z are made from data: data/es.yml records which version of their English
    pages its words follow, so a changed English definition shows, and never fails."""
    edit_once(site_copy / "data" / "glossary.yml", "      A hormone therapy drug. Hormone therapy may help",
              "      A hormone therapy drug. Hormone therapy can help")
    statuses, problems = check(site_copy / "docs", site_copy / "data")
    assert {status.page: status.state for status in statuses}["glossary.md"] == "behind"
    assert {status.page: status.state for status in statuses}["treatment/side-effects.md"] == "current"
    assert messages(problems) == []
    assert "behind   es/glossary.md: the English page changed" in validate(site_copy).stdout
    code, out = record(site_copy, "es/glossary.md")
    assert code == 0 and "Recorded es/glossary.md (its words are in" in out, out
    statuses, _ = check(site_copy / "docs", site_copy / "data")
    assert {status.page: status.state for status in statuses}["glossary.md"] == "current"
