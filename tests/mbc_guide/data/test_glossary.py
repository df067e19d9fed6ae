"""Glossary names that would quietly take over the site are refused with file and line."""
from __future__ import annotations

import json

import pytest

from tests.test_hostile_input import assert_clean_failure, edit, validate

TAMOXIFEN = "  - term: tamoxifen\n"


@pytest.mark.parametrize(("alias", "expected"), [
    ("the", "is a common word"), ("and", "is a common word"), ("you", "is a common word"),
    ("tam", "is a common word"), ("tamoxi\u200bfen", "U\\+200B"), ("\u202enefixomat", "U\\+202E"),
])
def test_common_words_and_invisible_characters_are_refused_as_names(site_copy, alias, expected):
    edit(site_copy / "data" / "glossary.yml", TAMOXIFEN, f"{TAMOXIFEN}    aliases: [{json.dumps(alias)}]\n")
    assert_clean_failure(validate(site_copy), rf"data/glossary\.yml:\d+: entry 'tamoxifen': .*{expected}", 2)


def test_another_drugs_name_as_an_alias_is_refused(site_copy):
    edit(site_copy / "data" / "glossary.yml", TAMOXIFEN, f"{TAMOXIFEN}    aliases: [fulvestrant]\n")
    assert_clean_failure(validate(site_copy), r"glossary\.yml.*'fulvestrant' on 'tamoxifen' is the name of another drug",
                         1)



def test_the_validator_checks_the_readers_words_as_the_build_does(site_copy):
    with (site_copy / "data" / "search_words.yml").open("a", encoding="utf-8") as handle:
        handle.write("bogus_key: 1\n")
    assert_clean_failure(validate(site_copy), r"data/search_words\.yml:\d+: unknown key 'bogus_key'", 2)
