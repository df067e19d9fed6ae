"""The misspelt drug names of tests/search_queries.yml (scripts/misspell.py) and the query set itself."""
from __future__ import annotations

import yaml

import misspell
from mbc_guide.data.site import site_data
from tests.helpers import ROOT


def test_the_generated_queries_are_up_to_date(built_site):
    assert misspell.main(["--site", str(built_site), "--check"]) == 0, "run scripts/misspell.py (after make build)"


def test_every_drug_and_class_has_misspellings_that_are_not_real_words(built_site):
    _, glossary = site_data()
    real = misspell.index_words(built_site)
    rows = misspell.misspellings(glossary, real)
    drugs = {e.term for e in glossary.entries if e.kind in ("drug", "class")}
    assert {drug for _, drug, _, _ in rows} == drugs
    kinds = {how.split(" ")[0] for _, _, how, _ in rows}
    assert {"sound-alike", "letter", "letters"} <= kinds
    for query, drug, how, _ in rows:
        new = [w for w in query.split() if w not in real]
        assert len(new) == 1, f"{query!r} ({drug}, {how}) must hold exactly one word the index does not have"


def test_variants_are_within_what_the_search_forgives():
    for kind, found in misspell.variants("pertuzumab").items():
        for how, wrong in found:
            assert 0 < misspell.distance("pertuzumab", wrong) <= 2, (kind, how, wrong)
    assert misspell.distance("tamoxifen", "tamoixfen") == 1


def test_the_query_set_is_large_and_mostly_in_readers_words():
    text = (ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8")
    queries = yaml.safe_load(text)
    assert len(queries) >= 150
    part = text.split("# --- In readers' own words")[1].split(misspell.MARKER)[0]
    readers = yaml.safe_load(part.split("\n", 1)[1])
    assert len(readers) >= 40
    assert all(q["query"] == q["query"].lower() and "-" not in q["query"] for q in readers), "typed as on a phone"
