"""The misspelt drug names of tests/search_queries.yml (scripts/misspell.py, mbc_guide.search.misspellings) and the
query set itself."""
from __future__ import annotations

import subprocess
import sys

import yaml

from mbc_guide.data.site import site_data
from mbc_guide.search import misspellings
from tests.helpers import ROOT


def test_the_generated_queries_are_up_to_date(built_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "misspell.py"), "--site", str(built_site), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"run scripts/misspell.py (after make build): {result.stderr}"


def test_every_drug_and_class_has_misspellings_that_are_not_real_words(built_site):
    _, glossary = site_data()
    real = misspellings.index_words(built_site)
    rows = misspellings.misspellings(glossary, real)
    drugs = {e.term for e in glossary.entries if e.kind in ("drug", "class")}
    assert {drug for _, drug, _, _ in rows} == drugs
    kinds = {how.split(" ")[0] for _, _, how, _ in rows}
    assert {"sound-alike", "letter", "letters"} <= kinds
    for query, drug, how, _ in rows:
        new = [w for w in query.split() if w not in real]
        assert len(new) == 1, f"{query!r} ({drug}, {how}) must hold exactly one word the index does not have"


def test_variants_are_within_what_the_search_forgives():
    for kind, found in misspellings.variants("pertuzumab").items():
        for how, wrong in found:
            assert 0 < misspellings.distance("pertuzumab", wrong) <= 2, (kind, how, wrong)
    assert misspellings.distance("tamoxifen", "tamoixfen") == 1


def test_the_query_set_is_large_and_mostly_in_readers_words():
    text = (ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8")
    queries = yaml.safe_load(text)
    assert len(queries) >= 150
    part = text.split("# --- In readers' own words")[1].split(misspellings.MARKER)[0]
    readers = yaml.safe_load(part.split("\n", 1)[1])
    assert len(readers) >= 40
    assert all(q["query"] == q["query"].lower() and "-" not in q["query"] for q in readers), "typed as on a phone"
