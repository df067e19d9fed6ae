"""Readers' words lead to every side effect, term and treatment the sources name (data/search_words.yml)."""
from __future__ import annotations

import pytest

from mbc_guide.data.errors import DataError
from mbc_guide.data.inventory import load_inventory
from mbc_guide.search import readers_words as rw
from tests.test_hostile_input import assert_clean_failure, edit, validate


def test_every_side_effect_term_and_treatment_has_readers_words_or_a_reason():
    """A reader who types an everyday word finds each one; a name readers use alone is listed with why."""
    problems = rw.unreached(rw.load_search_words(), load_inventory())
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("names, leads", [
    (("vomiting",), True),                    # {site: vomiting, readers: [throwing up, ...]}
    (("infection",), True),                   # the alias, inside {site: risk of infection, ...}
    (("Hormone receptor",), True),            # inside {site: hormone receptor-positive, ...}, capitals ignored
    (("weight loss",), False),                # a reader's word is not a site word
    (("zorblax",), False),
])
def test_a_readers_word_leads_to_a_name_its_site_phrase_holds(names, leads):
    assert rw.leads_to(rw.load_search_words(), names) is leads


def words_file(tmp_path, text: str):
    path = tmp_path / "search_words.yml"
    path.write_text("words:\n  - {site: throwing up, readers: [being sick]}\n  - {site: vomiting, readers: [puking]}\n"
                    + text, encoding="utf-8")
    return rw.load_search_words(path)


def test_each_thing_without_readers_words_is_named_with_its_line_and_what_to_do(tmp_path):
    problems = [str(p) for p in rw.unreached(words_file(tmp_path, ""), load_inventory())]
    assert not any("'vomiting'" in p for p in problems)
    fatigue = next(p for p in problems if "'fatigue'" in p)
    assert fatigue.startswith("data/sources.yml:") and "side effect 'fatigue' has no readers' words" in fatigue
    assert "{site: fatigue, readers: [...]}" in fatigue and "own_name_only" in fatigue
    assert any(p.startswith("data/sources.yml:") and "treatment 'Targeted therapy'" in p for p in problems)
    assert any("term 'hospice'" in p for p in problems)
    assert len([p for p in problems if "'rash'" in p]) == 1, "a side effect under two treatments is named once"


def test_own_name_only_needs_a_reason_and_a_real_thing_that_has_no_readers_words(tmp_path):
    with pytest.raises(DataError, match=r"search_words\.yml:5: .*'hospice' has no 'reason'; add it"):
        words_file(tmp_path, "own_name_only:\n  - {name: hospice}\n")
    words = words_file(tmp_path, "own_name_only:\n  - {name: Hospice, reason: an everyday word}\n"
                                 "  - {name: vomiting, reason: x}\n  - {name: zorblax, reason: y}\n")
    assert [o.name for o in words.own_names] == ["Hospice", "vomiting", "zorblax"]
    problems = "\n".join(str(p) for p in rw.unreached(words, load_inventory()))
    assert "term 'hospice'" not in problems
    assert "search_words.yml:6: 'vomiting' has readers' words" in problems
    assert "search_words.yml:7: 'zorblax' under own_name_only is no side effect, term or treatment" in problems


def test_the_validator_names_a_side_effect_readers_have_no_words_for(site_copy):
    edit(site_copy / "data" / "search_words.yml", "  - {site: vomiting, readers:", "  - {site: vomitting, readers:")
    assert_clean_failure(validate(site_copy), r"data/sources\.yml:\d+: side effect 'vomiting' has no readers' words", 2)
