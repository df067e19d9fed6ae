"""The content rules: plain language, own words, front matter, and what every page shows."""
from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from mbc_guide.checks import readability
from mbc_guide.data.front_matter import page_meta_problems, read_page
from mbc_guide.data.inventory import load_inventory
from mbc_guide.data.site import load_all
from mbc_guide.paths import page_files
from mbc_guide.text.characters import normalise
from tests.helpers import READING_GRADES, ROOT, SHARED

PAGES = page_files(ROOT / "docs")
OVERLAP_TOOL = SHARED / "tools" / "overlap.py"


def page_id(path: Path) -> str:
    return path.relative_to(ROOT / "docs").as_posix()


def generated_pages() -> dict[str, str]:
    """The Markdown of the pages built from data (glossary, side effects, and What's new with its notes)."""
    from mbc_guide.data.reviews import load_reviews
    from mbc_guide.pages import generated_pages as gen
    from mbc_guide.pages import whats_new
    inventory, glossary = load_all()
    return {gen.GLOSSARY_PAGE: gen.glossary_markdown(inventory, glossary),
            gen.SIDE_EFFECTS_PAGE: gen.side_effects_markdown(inventory),
            whats_new.WHATS_NEW_PAGE: whats_new.whats_new_markdown(load_reviews(), {}, [])}


def test_every_page_is_checked():
    assert len(PAGES) >= 15


def all_pages() -> dict[str, str]:
    """Every page's Markdown: the pages in docs/ and the ones built from data."""
    pages = {page_id(p): p.read_text(encoding="utf-8") for p in PAGES}
    pages.update({f"{name} (generated)": text for name, text in generated_pages().items()})
    return pages


PAGE_NAMES = sorted(all_pages())
KNOWN = readability.glossary_words()


@pytest.mark.reports
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_reading_grade_at_most_8(name):
    text = all_pages()[name]
    grade, smog = readability.grade(text), readability.smog(text, KNOWN)
    READING_GRADES[name] = (grade, smog)
    assert grade <= readability.DEFAULT_MAX_GRADE, f"{name} reads at grade {grade:.1f}; use shorter sentences"
    assert smog <= readability.MAX_SMOG, f"{name} has SMOG grade {smog:.1f}; use shorter sentences and words"


@pytest.mark.reports
def test_median_smog_grade_at_most_7():
    grades = [readability.smog(text, KNOWN) for text in all_pages().values()]
    assert len(grades) >= 20
    assert statistics.median(grades) <= readability.MAX_MEDIAN_SMOG


@pytest.mark.reports
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_sentence_over_25_words(name):
    assert readability.long_sentences(all_pages()[name]) == []


def test_readability_measure_can_fail():
    hard = ("Notwithstanding considerable interindividual heterogeneity, pharmacological interventions "
            "demonstrate substantial efficacy regarding multifocal metastatic dissemination. ") * 3
    assert readability.grade(hard) > readability.DEFAULT_MAX_GRADE
    assert readability.smog(hard, KNOWN) > readability.MAX_SMOG
    long = "We " + "really " * 24 + "care."
    assert readability.long_sentences(long) == [long] and readability.long_sentences("We care.") == []


SPANISH = {path.relative_to(ROOT / "docs").as_posix(): path for path in page_files(ROOT / "docs", "es")}
KNOWN_ES = readability.spanish_words()


@pytest.mark.reports
@pytest.mark.parametrize("name", sorted(SPANISH))
def test_spanish_pages_are_easy_to_read(name):
    text = SPANISH[name].read_text(encoding="utf-8")
    score = readability.inflesz(text, KNOWN_ES)
    assert score >= readability.MIN_INFLESZ, f"{name} has INFLESZ {score:.1f}; use shorter sentences and words"
    assert readability.long_sentences(text) == []


@pytest.mark.reports
def test_the_median_spanish_page_is_fairly_easy():
    scores = [readability.inflesz(path.read_text(encoding="utf-8"), KNOWN_ES) for path in SPANISH.values()]
    assert len(scores) > 10 and statistics.median(scores) >= readability.MIN_MEDIAN_INFLESZ


def test_the_spanish_measure_can_fail_and_counts_known_words_as_ordinary():
    hard = ("No obstante la considerable heterogeneidad interindividual, las intervenciones farmacológicas "
            "demuestran una eficacia sustancial respecto a la diseminación metastásica multifocal. ") * 3
    assert readability.inflesz(hard) < readability.MIN_INFLESZ
    easy = "Su equipo le puede dar la quimio. Hable con ellos. Le van a ayudar."
    assert readability.inflesz(easy) > 80
    named = "La capecitabina es un medicamento."
    assert readability.inflesz(named, KNOWN_ES) > readability.inflesz(named)
    assert {"capecitabina", "quimioterapia", "tamoxifeno"} <= KNOWN_ES


def test_known_words_are_the_glossary_names_and_the_four_topic_words():
    text = "Pertuzumab and chemotherapy. Immunotherapy or therapy. Metastatic trastuzumab emtansine."
    assert readability.smog(text, KNOWN) == pytest.approx(3.1291)
    assert readability.smog(text) > 8
    assert {"pertuzumab", "emtansine", "metastatic", "therapy"} <= KNOWN


def test_a_respelling_is_not_read_as_prose():
    say = '<span class="mbc-say">Say it: <span class="mbc-say__respelling" aria-hidden="true">per-TOO-zoo-mab</span></span>'
    assert "TOO" not in readability.page_text(say)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_front_matter_names_sources_and_review_dates(path):
    inventory = load_inventory()
    page = read_page(ROOT / "docs", path)
    errors, _ = page_meta_problems(page.meta, inventory, dt.date.today())
    assert errors == []
    assert page.meta.get("title") and page.meta.get("description"), "add a title and a description"


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_starts_with_a_summary(path):
    body = read_page(ROOT / "docs", path).body.lstrip()
    lines = [line for line in body.splitlines() if line.strip()]
    assert lines[0].startswith("# "), "start with a # heading"
    assert lines[1].startswith('!!! summary "In short"'), 'follow the heading with a !!! summary "In short" box'


def test_missing_front_matter_is_reported():
    inventory = load_inventory()
    errors, _ = page_meta_problems({}, inventory, dt.date.today())
    assert len(errors) == 3  # no sources, no reviewed, no next_review


@pytest.mark.reports
@pytest.mark.skipif(not OVERLAP_TOOL.exists(), reason=f"the own-words tool is not at {OVERLAP_TOOL}")
def test_no_sentence_of_a_source_stands_in_the_site(tmp_path):
    for name, text in generated_pages().items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text)
    for docs in (ROOT / "docs", tmp_path / "docs"):
        result = subprocess.run([sys.executable, str(OVERLAP_TOOL), str(docs)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


SAID_ON_EVERY_PAGE = {
    "en": ("Sources for this page", "Page last reviewed:", "Next review due:",
           "does not replace advice from your own care team", "It is not a medical review.",
           "What this page says about metastatic breast cancer comes only from these sources.",
           "We add only two things. One is the plain meaning of some everyday medical words.",
           "The other is how to say drug names, and their brand names.", "Made with"),
    "es": ("Fuentes de esta página", "Página en inglés revisada por última vez:", "Próxima revisión:",
           "No reemplaza los consejos de su propio equipo de atención médica", "No es una revisión médica.",
           "Lo que esta página dice sobre el cáncer de mama metastásico viene solo de estas fuentes.",
           "Esta página es la traducción que hizo este proyecto de su página en inglés.",
           "Nadie fuera de este proyecto ha revisado esta traducción.", "Hecho con"),
}


@pytest.mark.parametrize("language", SAID_ON_EVERY_PAGE)
def test_every_built_page_shows_sources_review_dates_and_disclaimer(built_site, language):
    edition = built_site / language if language != "en" else built_site
    pages = [p for p in edition.rglob("*.html") if p.name == "index.html" and p.parent != edition / "search"
             and (language != "en" or (built_site / "es") not in p.parents)]
    made_from_data = {"glossary", "side-effects", "whats-new"}  # built from data/es.yml: a notice of their own
    pages = [p for p in pages if '<article class="md-content__inner' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 17
    for page in pages:
        html = " ".join(page.read_text(encoding="utf-8").split())
        where = page.relative_to(built_site)
        assert f'<html lang="{language}"' in html, where
        for said in SAID_ON_EVERY_PAGE[language]:
            if said.startswith("Esta página es la traducción") and page.parent.name in made_from_data:
                said = "Esta página se hace a partir de los datos del sitio"
            assert said in html, (where, said)


def test_home_page_names_the_source_citation(built_site):
    html = (built_site / "treatment" / "chemotherapy" / "index.html").read_text(encoding="utf-8")
    assert "Medical News Today. <a href=\"https://www.medicalnewstoday.com/articles/treating-metastatic-breast-cancer\"" in html
    assert '<time datetime="2026-11-21">21 November 2026</time>' in html


# --- What the sources say, where a page once said something else (issue: pages say only what the
# --- sources say). Each reads the page a reader sees, as plain text.


def plain(page: str) -> str:
    return " ".join(readability.page_text((ROOT / "docs" / page).read_text(encoding="utf-8")).split())


def test_treatment_controls_the_spread_it_does_not_stop_it():
    assert "no proven way yet to prevent metastatic breast cancer" in plain("living/index.md")
    assert "treatment can help control its spread" in plain("living/index.md")
    assert "no proven way to stop breast cancer from spreading" not in plain("living/index.md")
    changing = plain("treatment/changing-pausing-stopping.md")
    assert "Medicines help control the spread of the cancer." in changing
    assert "keep the cancer from spreading" not in changing


def test_the_cancer_spreads_without_treatment_is_said_of_de_novo_cancer_only():
    """The source says it of cancer that has already spread when it is first found, not of every reader's."""
    understanding = plain("understanding/index.md")
    de_novo = understanding.split('Doctors call this "de novo"', 1)[1].split("distant recurrence", 1)[0]
    assert "Without treatment, cancer found this way keeps spreading." in de_novo
    assert "If breast cancer has already spread when it is first found, it will keep spreading without treatment." \
        in plain("treatment/index.md")
    for page in PAGES:
        assert "Without treatment, the cancer spreads." not in plain(page.relative_to(ROOT / "docs").as_posix()), page


def test_the_170000_figure_is_dated():
    assert "about 170,000 people were living with metastatic breast cancer. This figure comes from a source " \
           "that was last reviewed in 2021." in plain("understanding/index.md")


def test_liver_surgery_needs_all_three_conditions():
    text = plain("treatment/surgery-and-radiation.md")
    assert "if all three of these are true: the tumors are hormone receptor-positive, and. chemo worked on " \
           "them before the surgery, and. they did not grow" in text


def test_about_page_states_exactly_what_is_added():
    about = plain("about/index.md")
    assert "Everything this site says about metastatic breast cancer comes from these two articles" in about
    assert "we add no tip, question or claim about the cancer that the articles do not give" in about
    assert "We explain some everyday medical words in plain language" in about
    assert "And we show how to say drug names, and some brand names that drugs are sold under." in about
    assert "We do not add facts from anywhere else" not in about
    assert "There is one thing we add" not in about


@pytest.mark.parametrize("word", ["lymph nodes", "mammogram", "hospice", "menopause", "antibodies"])
def test_everyday_words_are_explained_in_the_glossary(word):
    inventory, glossary = load_all()
    entry = glossary.find(word)
    assert entry is not None and entry.kind == "term" and entry.definition
    pages = [p for p in PAGES if normalise(word) in normalise(p.read_text(encoding="utf-8"))]
    assert pages, f"no page uses '{word}'"


def test_pd_l1_entry_keeps_its_condition():
    _, glossary = load_all()
    assert "hormone receptor-negative and HER2-negative" in glossary.find("PD-L1").definition
