"""The validator reads the source texts: the reading itself, both directions of the check, the
evidence it shows, what happens without the texts, and adding a new source end to end.

The fixture site (tests/fixtures/covered) has made-up source texts in texts/; the tests that use
the real texts (../shared/sources) are skipped without them, and fail under REQUIRE_SOURCES=1.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mbc_guide.checks import source_check, validator
from mbc_guide.data.inventory import load_inventory
from tests.helpers import ROOT, need_source_texts

FIXTURE = ROOT / "tests" / "fixtures" / "covered"
NEW_SOURCE = ROOT / "tests" / "fixtures" / "new-source" / "made-up-article.txt"
TREATMENTS = {"hormone-therapy": "Hormone therapy", "chemotherapy": "Chemotherapy",
              "targeted-therapy": "Targeted therapy", "immunotherapy": "Immunotherapy"}
TODAY = "2026-06-01"


# --- Reading a text ---------------------------------------------------------------------------


def mentions(text: str) -> list[tuple[str, str, str | None, int]]:
    return [(m.kind, m.name, m.treatment, m.line) for m in source_check.read_text(text, TREATMENTS).mentions]


def test_dictionary_finds_drugs_with_punctuation_split_off():
    found = mentions("Chemotherapy may use sacituzumab govitecan. Or eribulin, or capecitabine.")
    assert ("drug", "sacituzumab govitecan", "chemotherapy", 1) in found
    assert ("drug", "eribulin", "chemotherapy", 1) in found and ("drug", "capecitabine", "chemotherapy", 1) in found


def test_dictionary_ignores_everyday_words():
    assert mentions("Chemotherapy and therapy for cancer can cause pain, nausea and fatigue.") == []


def test_class_patterns_read_the_sources_own_names():
    found = {m[1] for m in mentions("Immunotherapy can mean PD-1 or PD-L1 inhibitors. Targeted therapy "
                                    "uses drugs such as aromatase inhibitors, or cyclin-dependent kinase inhibitor "
                                    "therapy, taxanes, anthracyclines, antibody drug conjugates and platinum "
                                    "chemotherapy.")}
    assert {"PD-1 inhibitors", "PD-L1 inhibitors", "aromatase inhibitors", "cyclin-dependent kinase inhibitor",
            "taxanes", "anthracyclines", "antibody drug conjugates", "platinum chemotherapy"} <= found
    assert not any(name.startswith(("as ", "such ", "or ")) for name in found)


def test_sections_follow_paragraphs_that_start_with_a_treatment():
    text = ("Hormone therapy involves tamoxifen.\n\nIt is one choice.\n\nChemotherapy involves eribulin.\n"
            "  • tamoxifen is not a new section\n")
    found = mentions(text)
    assert ("drug", "tamoxifen", "hormone-therapy", 1) in found
    assert ("drug", "eribulin", "chemotherapy", 5) in found
    assert ("drug", "tamoxifen", "chemotherapy", 6) in found


def test_side_effects_are_the_items_of_lists_introduced_as_side_effects():
    text = ("Immunotherapy helps.\nThe possible side effects of immunotherapy include:\n\n  • cough\n"
            "  • nausea and vomiting\n\nIt may see if you have side effects. The tests include:\n  • blood tests\n")
    assert mentions(text) == [("side effect", "cough", "immunotherapy", 4),
                              ("side effect", "nausea", "immunotherapy", 5),
                              ("side effect", "vomiting", "immunotherapy", 5)]


def test_names_compare_across_plural_case_and_hyphens():
    assert source_check.key("Antibody-drug conjugates") == source_check.key("antibody drug conjugate")
    assert source_check.occurs("lymph nodes", "the surrounding lymph node area")
    assert source_check.occurs("antibodies", "the antibody it makes")
    assert source_check.occurs("hot flashes", "Hot flashes.")
    assert not source_check.occurs("rash", "a brash word")


def test_drug_dictionary_works_offline():
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('no network in this test')\n"
            "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
            "from mbc_guide.checks import source_check\n"
            "print([m.name for m in source_check.read_text('Chemotherapy uses eribulin.', "
            "{'chemotherapy': 'Chemotherapy'}).mentions])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "['eribulin']" in result.stdout


# --- The check, on the fixture site and its made-up texts -----------------------------------------


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    return tmp_path / "site"


def run(site: Path, *extra: str, capsys, texts: Path | None = None) -> tuple[int, str, str]:
    code = validator.main(["--docs", str(site / "docs"), "--sources", str(site / "data" / "sources.yml"),
                          "--glossary", str(site / "data" / "glossary.yml"), "--today", TODAY,
                          "--source-texts", str(texts or site / "texts"), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_drug_removed_from_inventory_glossary_and_page_together_fails(site, capsys):
    edit(site / "data" / "sources.yml", "      - {name: cisplatin, treatment: chemotherapy}\n", "")
    edit(site / "data" / "glossary.yml", "  - term: cisplatin\n    say: sis-PLA-tin\n    say_source: own\n    no_brand: a made-up site\n    kind: drug\n    treatments: [chemotherapy]\n"
         "    definition: A chemotherapy drug.\n", "")
    edit(site / "docs" / "treatment" / "chemo.md", " and cisplatin", "")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "src-a, line 9 of a.txt: the text names drug 'cisplatin' under chemotherapy" in out
    assert "add `- {name: cisplatin, treatment: chemotherapy}` to src-a's drugs in data/sources.yml" in out


def test_side_effect_removed_everywhere_fails(site, capsys):
    edit(site / "data" / "sources.yml", "      - {name: nausea, treatment: chemotherapy}\n", "")
    edit(site / "docs" / "treatment" / "chemo.md", "nausea", "tiredness")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "src-a, line 14 of a.txt: the text names side effect 'nausea' under chemotherapy" in out


def test_drug_the_source_never_names_fails_even_when_added_everywhere(site, capsys):
    edit(site / "data" / "sources.yml", "      - {name: cisplatin, treatment: chemotherapy}\n",
         "      - {name: cisplatin, treatment: chemotherapy}\n      - {name: aspirin, treatment: chemotherapy}\n")
    (site / "data" / "glossary.yml").write_text((site / "data" / "glossary.yml").read_text() +
                                                "  - term: aspirin\n    kind: drug\n    treatments: [chemotherapy]\n"
                                                "    definition: Not in any source.\n")
    edit(site / "docs" / "treatment" / "chemo.md", "and cisplatin", "and cisplatin and aspirin")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert re.search(r"src-a: drug 'aspirin' under chemotherapy \(data/sources\.yml line \d+\) occurs nowhere in a\.txt",
                     out), out


def test_item_under_the_wrong_treatment_fails(site, capsys):
    edit(site / "data" / "sources.yml", "{name: tamoxifen, treatment: hormone-therapy}",
         "{name: tamoxifen, treatment: chemotherapy}")
    edit(site / "data" / "glossary.yml", "treatments: [hormone-therapy]", "treatments: [chemotherapy]")
    edit(site / "docs" / "treatment" / "chemo.md", "taxanes", "taxanes, tamoxifen")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert "the text names drug 'tamoxifen' under hormone therapy, but the inventory does not list it there " \
           "(the inventory lists it only under chemotherapy)" in out
    assert "occurs only in other treatments' sections, not its chemotherapy section (line 3)" in out


def test_not_covered_names_are_shown_with_their_reason(site, capsys):
    edit(site / "texts" / "b.txt", "It names no drug", "It names estrogen, and no drug")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1 and "src-b, line 1 of b.txt: the text names drug 'estrogen' outside any treatment" in out
    edit(site / "data" / "sources.yml", "    reviewed: 2021-04-14",
         "    reviewed: 2021-04-14\n    not_covered:\n      - {name: estrogen, reason: \"a hormone, not a drug given\"}")
    code, out, _ = run(site, capsys=capsys)
    assert code == 0, out
    assert "src-b, line 1: estrogen: a hormone, not a drug given" in out


def test_not_covered_name_the_text_does_not_use_fails(site, capsys):
    edit(site / "data" / "sources.yml", "    reviewed: 2021-04-14",
         "    reviewed: 2021-04-14\n    not_covered:\n      - {name: insulin, reason: not in the text}")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    assert re.search(r"src-b: not_covered 'insulin' \(data/sources\.yml line \d+\) does not occur in b\.txt", out)


def test_verbose_and_json_show_where_each_item_is_named_and_covered(site, capsys):
    code, out, _ = run(site, "--verbose", capsys=capsys)
    assert code == 0
    assert "drug 'tamoxifen' (hormone-therapy): src-a line 3 -> treatment/hormone.md, glossary.md#tamoxifen" in out
    assert "side effect 'nausea' (chemotherapy): src-a line 14 -> treatment/chemo.md" in out
    code, out, _ = run(site, "--format", "json", capsys=capsys)
    data = json.loads(out)
    row = next(r for r in data["covered"] if r["name"] == "cisplatin")
    assert row["named_in"] == [{"source": "src-a", "file": "a.txt", "lines": [9]}]
    assert row["page"] == "treatment/chemo.md" and row["glossary"] == "glossary.md#cisplatin"
    assert data["source_check"]["texts"] == {"src-a": "a.txt", "src-b": "b.txt"}


def test_without_the_texts_the_source_check_is_skipped_in_one_line(site, capsys, monkeypatch):
    monkeypatch.delenv("REQUIRE_SOURCES", raising=False)
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 0 and "All covered." in out
    skipped = [line for line in out.splitlines() if "source check" in line.lower()]
    assert len(skipped) == 1 and skipped[0].startswith("Source check skipped: no source texts at")
    edit(site / "docs" / "treatment" / "chemo.md", "hair loss", "")  # every other check still runs
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 1 and "side effect 'hair loss'" in out


@pytest.mark.parametrize("how", ["flag", "env"])
def test_required_texts_missing_exits_2(site, capsys, monkeypatch, how):
    extra = ["--require-sources"] if how == "flag" else []
    if how == "env":
        monkeypatch.setenv("REQUIRE_SOURCES", "1")
    code, out, err = run(site, *extra, capsys=capsys, texts=site / "no-such-folder")
    assert code == 2 and out == ""
    assert "no-such-folder: the source-texts folder is missing" in err and "Traceback" not in err


def test_missing_text_file_exits_2_naming_the_source(site, capsys):
    (site / "texts" / "b.txt").unlink()
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and re.search(r"sources\.yml:\d+: the source text \S+b\.txt is not there", err), err


@pytest.mark.parametrize("bad", ["../secret.txt", "/etc/passwd", ".hidden"])
def test_file_must_be_a_plain_file_name(site, capsys, bad):
    edit(site / "data" / "sources.yml", "file: b.txt", f"file: {bad}")
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and "'file' must be the text's file name alone" in err


def test_not_covered_needs_a_reason(site, capsys):
    edit(site / "data" / "sources.yml", "    reviewed: 2021-04-14",
         "    reviewed: 2021-04-14\n    not_covered:\n      - {name: estrogen}")
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and re.search(r"sources\.yml:\d+: not_covered 'estrogen' of source 'src-b' has no 'reason'", err)


# --- A new source, end to end: propose, paste, and the validator says what to write ----------------


def test_new_source_end_to_end(site, capsys):
    shutil.copy(NEW_SOURCE, site / "texts")
    assert validator.main(["--sources", str(site / "data" / "sources.yml"), "--today", TODAY,
                          "--propose", str(site / "texts" / NEW_SOURCE.name)]) == 0
    draft = capsys.readouterr().out
    assert "  made-up-article:\n" in draft and "    file: made-up-article.txt\n" in draft
    assert "      - {name: sacituzumab govitecan, treatment: chemotherapy}  # line 3\n" in draft
    assert "      - {name: eribulin, treatment: chemotherapy}  # line 3\n" in draft
    assert "      - {name: mouth sores, treatment: chemotherapy}  # line 7\n" in draft
    assert "      - {name: vomiting, treatment: chemotherapy}  # line 8\n" in draft

    sources = site / "data" / "sources.yml"
    sources.write_text(sources.read_text() + draft)  # pasted as it is: the blanks are reported first
    code, _, err = run(site, capsys=capsys)
    assert code == 2 and "source 'made-up-article': 'publisher' is empty; write a value." in err

    for field, value in (("publisher", "Made-up Press"), ("title", "A made-up article"),
                         ("url", "https://example.org/made-up")):
        edit(sources, f'    {field}: ""', f"    {field}: {value}")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1
    for drug in ("sacituzumab govitecan", "eribulin"):
        assert f"add an entry with term '{drug}' to data/glossary.yml" in out
        assert f"mention '{drug}' in the text of treatment/chemo.md" in out
    for effect in ("mouth sores", "vomiting"):
        assert f"mention '{effect}' in the text of treatment/chemo.md" in out
    assert "made-up-article, line" not in out  # the inventory now matches the text

    glossary = site / "data" / "glossary.yml"
    before = glossary.read_text()
    glossary.write_text(before + "".join(
        f"  - term: {drug}\n    kind: drug\n    treatments: [chemotherapy]\n    definition: A chemo drug.\n"
        for drug in ("sacituzumab govitecan", "eribulin")))
    edit(site / "docs" / "treatment" / "chemo.md", "hair loss",
         "hair loss, mouth sores and vomiting. Drugs include sacituzumab govitecan and eribulin")
    code, out, _ = run(site, capsys=capsys)
    assert code == 1  # a new drug needs a respelling
    assert "drug 'eribulin' has no respelling" in out and "drug 'sacituzumab govitecan' has no respelling" in out

    glossary.write_text(before + "".join(
        f"  - term: {drug}\n    say: {say}\n    say_source: own\n    no_brand: a made-up site\n    kind: drug\n    treatments: [chemotherapy]\n"
        "    definition: A chemo drug.\n"
        for drug, say in (("sacituzumab govitecan", "sa-kih-TOO-zoo-mab goh-vih-TEE-kan"),
                          ("eribulin", "eh-RIH-byoo-lin"))))
    code, out, _ = run(site, capsys=capsys)
    assert code == 0, out


def test_propose_of_a_missing_file_exits_2(site, capsys):
    code = validator.main(["--sources", str(site / "data" / "sources.yml"), "--propose", str(site / "nope.txt")])
    assert code == 2 and "nope.txt is not there" in capsys.readouterr().err


# --- The real source texts ------------------------------------------------------------------------


@pytest.fixture
def real_site(tmp_path) -> Path:
    """A writable copy of the real data and pages."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def run_real(site: Path, capsys) -> tuple[int, str]:
    code = validator.main(["--docs", str(site / "docs"), "--sources", str(site / "data" / "sources.yml"),
                          "--glossary", str(site / "data" / "glossary.yml"),
                          "--source-texts", str(need_source_texts())])
    return code, capsys.readouterr().out


def test_real_inventory_matches_the_real_texts(real_site, capsys):
    code, out = run_real(real_site, capsys)
    assert code == 0, out
    assert "Source texts read: medical-news-today" in out


def test_real_drug_removed_everywhere_is_named_with_its_line(real_site, capsys):
    edit(real_site / "data" / "sources.yml", "      - {name: eribulin, treatment: chemotherapy}\n", "")
    glossary = real_site / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text().replace(
        "  - term: eribulin\n    say: eh-RIH-byoo-lin\n    say_source: own\n    kind: drug\n"
        "    no_brand: No brand name for it has been found in the NCI dictionaries yet.\n    treatments: [chemotherapy]\n"
        "    definition: A chemo drug. It is used for breast cancer that has spread.\n\n", ""))
    edit(real_site / "docs" / "treatment" / "chemotherapy.md", "- eribulin\n", "")
    code, out = run_real(real_site, capsys)
    assert code == 1
    assert "medical-news-today, line 45 of 000_e6e4833f964c0afc.txt: the text names drug 'eribulin' under " \
           "chemotherapy" in out


def test_real_side_effect_removed_everywhere_is_named_with_its_line(real_site, capsys):
    edit(real_site / "data" / "sources.yml", "      - {name: cough, treatment: immunotherapy}\n", "")
    edit(real_site / "docs" / "treatment" / "immunotherapy.md", "- cough\n", "")
    code, out = run_real(real_site, capsys)
    assert code == 1
    assert "medical-news-today, line 119 of 000_e6e4833f964c0afc.txt: the text names side effect 'cough' under " \
           "immunotherapy" in out


def test_real_drug_the_sources_never_name_fails(real_site, capsys):
    edit(real_site / "data" / "sources.yml", "      - {name: eribulin, treatment: chemotherapy}\n",
         "      - {name: eribulin, treatment: chemotherapy}\n      - {name: doxorubicin, treatment: chemotherapy}\n")
    (real_site / "data" / "glossary.yml").write_text((real_site / "data" / "glossary.yml").read_text() +
                                                     "\n  - term: doxorubicin\n    kind: drug\n"
                                                     "    treatments: [chemotherapy]\n    definition: A chemo drug.\n")
    edit(real_site / "docs" / "treatment" / "chemotherapy.md", "- eribulin\n", "- eribulin\n- doxorubicin\n")
    code, out = run_real(real_site, capsys)
    assert code == 1
    assert "medical-news-today: drug 'doxorubicin' under chemotherapy" in out and "occurs nowhere in" in out


def test_propose_writes_valid_yaml_for_any_name(site, capsys):
    text = site / "texts" / "odd.txt"
    text.write_text("Estrogen: a name outside any section.\n\nChemotherapy side effects include:\n"
                    "  • rash, mild: at times {odd}\n", encoding="utf-8")
    assert validator.main(["--sources", str(site / "data" / "sources.yml"), "--today", TODAY,
                          "--propose", str(text)]) == 0
    draft = yaml.safe_load(capsys.readouterr().out)
    block = draft["odd"]
    assert block["side_effects"] == [{"name": "rash, mild: at times {odd}", "treatment": "chemotherapy"}]
    assert block["not_covered"] == [{"name": "Estrogen", "reason": ""}]


# --- Without the texts: the recorded reading (a pull request from a fork) -----------------------------


def record(site: Path, capsys) -> None:
    code, out, _ = run(site, "--record", capsys=capsys)
    assert code == 0 and (site / "data" / "source_readings.json").is_file(), out


def test_without_the_texts_the_recorded_reading_is_checked(site, capsys, monkeypatch):
    monkeypatch.delenv("REQUIRE_SOURCES", raising=False)
    record(site, capsys)
    saved = (site / "data" / "source_readings.json").read_text()
    assert "Hormone therapy is the first" not in saved and "tamoxifen" in saved  # names and lines, no text
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 0, out
    assert "Source texts not here: the inventory was checked against their recorded reading" in out


def test_without_the_texts_a_drug_the_text_names_is_still_required(site, capsys, monkeypatch):
    monkeypatch.delenv("REQUIRE_SOURCES", raising=False)
    record(site, capsys)
    edit(site / "data" / "sources.yml", "      - {name: cisplatin, treatment: chemotherapy}\n", "")
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 1
    assert "src-a, line 9 of a.txt: the text names drug 'cisplatin' under chemotherapy" in out


def test_without_the_texts_an_item_under_the_wrong_treatment_is_an_error(site, capsys, monkeypatch):
    monkeypatch.delenv("REQUIRE_SOURCES", raising=False)
    record(site, capsys)
    edit(site / "data" / "sources.yml", "{name: hair loss, treatment: chemotherapy}",
         "{name: hair loss, treatment: hormone-therapy}")
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 1 and "side effect 'hair loss'" in out


def test_without_the_texts_a_new_name_is_a_warning_for_the_run_with_texts(site, capsys, monkeypatch):
    monkeypatch.delenv("REQUIRE_SOURCES", raising=False)
    record(site, capsys)
    edit(site / "data" / "sources.yml", "      - {name: HER2}\n", "      - {name: HER2}\n      - {name: tumors}\n")
    code, out, _ = run(site, capsys=capsys, texts=site / "no-such-folder")
    assert code == 0, out
    assert re.search(r"warn  \S*data/sources\.yml:\d+: src-a: term 'tumors' is new since the recorded "
                     r"reading of a\.txt", out), out
    code, out, _ = run(site, capsys=capsys)  # where the texts are, it is checked
    assert code == 0 and "new since" not in out, out


def test_the_recorded_reading_is_up_to_date_with_the_texts():
    folder = need_source_texts()
    inventory = load_inventory()
    committed = json.loads(source_check.record_path(inventory).read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(source_check.record_readings(inventory, folder))), \
        "run `.venv/bin/python scripts/validate.py --record` (where the texts are) and commit data/source_readings.json"
