"""Review dates bound to the text: a change a reader would see fails the validator at its line until a review
is recorded (scripts/review.py), which moves the page's dates and keeps the note of what changed."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest

from mbc_guide.checks import rendering, review_command, reviewed_text
from mbc_guide.data.reviews import a_year_after, load_reviews
from mbc_guide.paths import ROOT
from tests.helpers import edit_once
from tests.test_hostile_input import validate as validate_copy

RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
PAGE = "treatment/chemotherapy.md"


def run(main, *args: str, root: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args), root=root)
    return code, out.getvalue()


def validate(project: Path) -> tuple[int, str]:
    """The validator on the copy, as tests/test_hostile_input.py runs it (no source texts beside it)."""
    result = validate_copy(project)
    return result.returncode, result.stdout + result.stderr


def review_errors(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if "review" in line and line.strip().startswith("ERROR")]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_real_site_is_the_text_last_reviewed():
    problems = reviewed_text.site_problems(ROOT / "docs", *load_site(), load_reviews(), RENDER)
    assert problems == [], "\n".join(f"{p.file}:{p.line}: {p.message}" for p in problems)


def load_site():
    from mbc_guide.data.site import site_data
    return site_data()


def test_first_change_finds_the_block_added_changed_or_after_removed_text():
    assert reviewed_text.first_change(["a", "b", "c"], ["a", "b", "c"]) is None
    assert reviewed_text.first_change(["a", "b", "c"], ["a", "x", "c"]) == 1
    assert reviewed_text.first_change(["a", "b", "c"], ["a", "b", "c", "d"]) == 3
    assert reviewed_text.first_change(["a", "b", "c"], ["a", "c"]) == 1
    assert reviewed_text.first_change(["a", "b"], ["b"]) == 0


def test_markup_alone_needs_no_review_but_words_do():
    before = reviewed_text.blocks("Ask your [care team](questions.md) about it.\n\n- one\n- two\n", RENDER)
    assert reviewed_text.blocks("Ask your [care team](index.md) about it.\n\n- one\n- two\n", RENDER) == before
    assert reviewed_text.blocks("Ask your *care team* about it.\n\n- one\n- two\n", RENDER) == before
    assert reviewed_text.blocks("Ask your care team about it.\n\n- one\n- too\n", RENDER) != before


@pytest.mark.builds
def test_an_edit_fails_at_its_line_until_a_review_with_a_note_is_recorded(site_copy):
    page = site_copy / "docs" / PAGE
    edit_once(page, "Chemo can destroy cancer cells.", "Chemo can destroy or harm cancer cells.")
    code, output = validate(site_copy)
    assert code == 1
    [error] = review_errors(output)
    assert error.endswith(
        f"docs/{PAGE}:{line_of(page, 'Chemo can destroy or harm')}: the text a reader sees on {PAGE} changed "
        f"here after its review of {load_reviews().pages[PAGE].latest.date} -> Check the change against the sources, "
        f"then record the review: .venv/bin/python scripts/review.py {PAGE} --note \"What changed, for readers\"")

    code, output = run(review_command.main, PAGE, root=site_copy)
    assert code == 2 and "say what changed for readers with --note" in output
    code, output = run(review_command.main, f"docs/{PAGE}", "--note",
                       "We now say chemo can harm cancer cells, not only destroy them.", root=site_copy)
    assert code == 0, output
    assert validate(site_copy)[0] == 0
    front = page.read_text()
    today = dt.date.today()
    assert f"reviewed: {today}\n" in front and f"next_review: {a_year_after(today)}\n" in front
    latest = load_reviews(site_copy / "data" / "reviews.yml").pages[PAGE].latest
    assert (latest.date, latest.note) == (today,
                                          "We now say chemo can harm cancer cells, not only destroy them.")


@pytest.mark.builds
def test_a_glossary_change_fails_at_the_entrys_line_and_a_review_of_the_glossary_page_records_it(site_copy):
    glossary = site_copy / "data" / "glossary.yml"
    text = glossary.read_text()
    start = text.index("  - term: tamoxifen")
    words_at = text.index("\n", text.index("definition:", start)) + 1
    glossary.write_text(text[:words_at] + "      Plainly, " + text[words_at:].lstrip())
    code, output = validate(site_copy)
    assert code == 1
    [error] = review_errors(output)
    assert f"glossary.yml:{line_of(glossary, 'Plainly, ')}: the text a reader sees on glossary.md changed here" in error
    code, output = run(review_command.main, "glossary.md", "--note", "The tamoxifen entry now starts more plainly.",
                       root=site_copy)
    assert code == 0, output
    assert validate(site_copy)[0] == 0
    assert f"reviewed: {dt.date.today().isoformat()}" in glossary.read_text()


@pytest.mark.builds
def test_a_new_page_has_no_review_and_says_how_to_record_one(site_copy):
    config = site_copy / "mkdocs.yml"
    edit_once(config, "      - Questions to ask: questions.md\n" if "      - Questions to ask" in config.read_text()
              else "  - Questions to ask: questions.md\n", "  - Questions to ask: questions.md\n  - Notes: notes.md\n")
    (site_copy / "docs" / "notes.md").write_text(
        "---\ntitle: Notes\ndescription: A page for notes.\nsources: [cleveland-clinic]\nreviewed: 2026-12-01\n"
        "next_review: 2027-12-01\n---\n\n# Notes\n\nWrite down what you want to ask.\n")
    code, output = validate(site_copy)
    assert code == 1
    assert any("notes.md has no recorded review" in error and "scripts/review.py notes.md" in error
               for error in review_errors(output)), output


def test_a_review_date_that_is_not_the_recorded_one_is_refused(tmp_path):
    reviews = load_reviews()
    record = reviews.pages[PAGE]
    page = reviewed_text.ReviewedPage(PAGE, tmp_path / "x.md", "# Hi\n", 1, dt.date(2030, 1, 1), 5)
    problems = reviewed_text.review_problems([page], type(reviews)({PAGE: record}, reviews.path), RENDER)
    assert any(p.line == 5 and "says it was reviewed on 2030-01-01" in p.message for p in problems)


def test_reviews_must_be_newest_first_and_notes_short(tmp_path):
    from mbc_guide.data.errors import DataError
    path = tmp_path / "reviews.yml"
    path.write_text('pages:\n  index.md:\n    reviews:\n      - {date: 2026-11-21}\n      - {date: 2026-12-01, '
                    'note: "x"}\n    text: []\n')
    with pytest.raises(DataError, match="newest first") as err:
        load_reviews(path)
    assert err.value.line == 5
    path.write_text('pages:\n  index.md:\n    reviews:\n      - {date: 2026-12-01, note: "' + "word " * 26 +
                    '"}\n    text: []\n')
    with pytest.raises(DataError, match="in 25 or fewer"):
        load_reviews(path)
