"""The readers' words in the search index (mbc_guide.search.readers_words and search_index)."""
from __future__ import annotations

import copy
import json

import pytest

from mbc_guide.data.errors import DataError
from mbc_guide.data.site import load_all
from mbc_guide.html.tree import parse_document
from mbc_guide.search import readers_words as rw
from mbc_guide.search import search_index as search_words
from mbc_guide.text import respelling

WORDS = rw.SearchWords(rw.WORDS_FILE, (rw.WordMap("fatigue", ("tiredness",), 1),
                                       rw.WordMap("stage 4", ("stage four",), 2),
                                       rw.WordMap("tamoxifen", ("nolvadex",), 3)), ("happens",))


def index(*docs) -> dict:
    return {"config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": [dict(d) for d in docs]}


def hidden(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k in rw.HIDDEN_FIELDS}


def test_the_data_file_loads_and_says_its_mappings_are_no_medical_claims():
    words = rw.load_search_words()
    assert len(words.maps) >= 20 and words.common_words
    header = rw.WORDS_FILE.read_text(encoding="utf-8").split("\nwords:")[0]
    assert "word-for-word equivalent, never a medical claim" in " ".join(header.replace("#", " ").split())


@pytest.mark.parametrize("text, problem", [
    ("words:\n  - {site: fatigue}\n", "line 2"),
    ("words:\n  - {site: fatigue, readers: tiredness}\n", "'readers' must be a list"),
    ("words:\n  - {site: fatigue, readers: [Fatigue]}\n", "is the site's own word"),
    ("words: []\n", "'words' must be a list"),
    ("words:\n  - {site: a, readers: [b]}\nextra: 1\n", "unknown key 'extra'"),
])
def test_bad_data_names_the_file_line_and_fix(tmp_path, text, problem):
    path = tmp_path / "search_words.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        rw.load_search_words(path)
    assert "search_words.yml" in str(err.value)
    assert problem in str(err.value) or problem.replace("line ", ":") in str(err.value)


def test_words_are_split_as_the_search_splits_them():
    assert rw.html_words("<p>Fatigue (tiredness) &amp; PD-L1.</p>") == ("fatigue", "tiredness", "pd", "l1")
    assert rw.has_phrase(("is", "stage", "4", "now"), ("stage", "4"))
    assert not rw.has_phrase(("stage", "iv", "4"), ("stage", "4"))


def test_readers_words_go_only_to_entries_whose_own_text_has_the_site_word():
    data = index({"location": "a/", "title": "Fatigue", "text": "<p>Rest.</p>"},
                 {"location": "b/", "title": "Stage 4", "text": "<p>Stage 4 is also called ...</p>"},
                 {"location": "c/", "title": "Other", "text": "<p>Nothing here.</p>"},
                 {"location": "c/#x", "title": "More", "text": "<p>Fatigue is common. Fatigue.</p>"},
                 {"location": "c/#y", "title": "Again", "text": "<p>Fatigue again.</p>"})
    rw.enrich(data, WORDS, [])
    assert hidden(data["docs"][0]) == {"title_words": "tiredness"}
    assert hidden(data["docs"][1]) == {"title_words": "four"}  # "stage" is the entry's own word already
    assert hidden(data["docs"][2]) == {}
    assert hidden(data["docs"][3]) == {"text_words": "tiredness"}
    assert hidden(data["docs"][4]) == {}  # from a text, once per page


def test_a_drugs_words_go_to_its_treatment_page_where_it_is_named_and_its_names_to_its_glossary_entry():
    drugs = [rw.Drug(("tamoxifen",), ("hormone/",), "glossary/#tamoxifen"),
             rw.Drug(("aromatase inhibitors", "aromatase inhibitor"), ("hormone/",), "glossary/#aromatase-inhibitors"),
             rw.Drug(("PARP inhibitors",), ("targeted/",), "glossary/#parp-inhibitors"),
             rw.Drug(("HER2",), (), "glossary/#her2")]
    data = index({"location": "hormone/", "title": "Hormone therapy", "text": "<p>Pills.</p>"},
                 {"location": "hormone/#drugs", "title": "The drugs", "text": "<p>Tamoxifen, aromatase inhibitors.</p>"},
                 {"location": "targeted/#drugs", "title": "The drugs", "text": "<p>Tamoxifen is elsewhere.</p>"},
                 {"location": "glossary/#tamoxifen", "title": "Tamoxifen", "text": "<p>A drug.</p>"},
                 {"location": "glossary/#her2", "title": "HER2", "text": "<p>A protein.</p>"},
                 *({"location": f"{name}/", "title": name, "text": "<p>Other pages.</p>"} for name in "defg"))
    rw.enrich(data, WORDS, drugs)
    docs = data["docs"]
    assert "drugs" not in docs[0]  # the page's own text does not name a drug
    # "inhibitors" also names the PARP inhibitors, covered elsewhere: it does not point here alone
    assert docs[1]["drugs"] == "tamoxifen nolvadex aromatase inhibitor"
    assert docs[1]["drug_names"] == "tamoxifen aromatase inhibitors inhibitor"
    assert "drugs" not in docs[2]  # not a page that covers tamoxifen
    assert hidden(docs[3]) == {"entry_names": "tamoxifen", "title_words": "nolvadex"}
    assert hidden(docs[4]) == {}  # a term with no treatment page


def test_only_hidden_fields_are_added_and_nothing_readers_see_changes():
    data = index({"location": "a/", "title": "Fatigue <code>x</code>", "text": "<p>Stage 4 and fatigue.</p>",
                  "boost": 0.5})
    before = copy.deepcopy(data)
    rw.enrich(data, WORDS, [rw.Drug(("fatigue",), ("a/",), "g/#f")])
    after = data["docs"][0]
    assert set(after) - set(before["docs"][0]) <= set(rw.HIDDEN_FIELDS)
    assert {k: after[k] for k in before["docs"][0]} == before["docs"][0]
    assert data["config"] == before["config"]


def test_site_words_on_no_page_are_reported():
    missing = rw.missing_site_words(WORDS, ["<p>Fatigue.</p>", "Stage 4"])
    assert [m.site for m in missing] == ["tamoxifen"]


def test_the_built_index_has_the_hidden_fields_and_the_workers_settings(built_site):
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert set(rw.HIDDEN_FIELDS) <= set(data["config"]["fields"])
    readers = data["config"]["readers"]
    assert readers["glossary"] == "glossary/" and readers["help"] == ["glossary/", "treatment/side-effects/"]
    tamoxifen = next(row for row in readers["terms"] if row[:2] == ["tamoxifen", "tamoxifen"])
    _, glossary = load_all()
    assert all(b.name.lower() in tamoxifen for b in glossary.find("tamoxifen").brands)  # its brands find it too
    fatigue = next(d for d in data["docs"] if d["location"] == "treatment/side-effects/#fatigue")
    assert "tiredness" in fatigue["title_words"]
    drugs = next(d for d in data["docs"] if d["location"] == "treatment/chemotherapy/#the-drugs")
    assert "eribulin" in drugs["drugs"].split()


def test_the_built_index_holds_only_what_a_sighted_reader_sees(built_site):
    """No entry, on any page, has a glossary name's spoken form (for screen readers); its respelling stays once."""
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    _, glossary = load_all()
    spoken = {entry.say: respelling.spoken(entry.say) for entry in glossary.entries if entry.say}
    # Its syllables alone too ("kay peh sy tuh been"): spaced, unlike the respelling shown ("kay-peh-SY-tuh-been").
    syllables = [words.split(",")[0] for words in spoken.values() if " " in words.split(",")[0]]
    found = [f"{doc['location']}: {text!r}" for doc in data["docs"] for field in ("title", "text")
             for text in (*spoken.values(), *syllables) if text in doc[field].lower()]
    assert not found, "text for screen readers only is in the search index:\n" + "\n".join(found)
    capecitabine = next(d for d in data["docs"] if d["location"] == "glossary/#capecitabine")
    assert capecitabine["text"].count("kay-peh-SY-tuh-been") == 1
    assert len(spoken) >= 20


@pytest.mark.parametrize("page, say", [("glossary/index.html", "#capecitabine ~ p .mbc-say"),
                                       ("whole-guide/index.html", "#glossary--capecitabine ~ p .mbc-say")])
def test_the_built_pages_still_show_and_say_what_they_did(built_site, page, say):
    """The spoken form is still on the page for screen readers, with no mark for the search left on it."""
    tree = parse_document((built_site / page).read_text(encoding="utf-8"))
    line = tree.css_first(say)
    assert line.css_first(".mbc-say__respelling").text() == "kay-peh-SY-tuh-been"
    assert line.css_first(".mbc-visually-hidden").text() == "kay peh sy tuh been, stress on sy"
    assert not tree.css("[data-search-exclude]")


@pytest.mark.parametrize("search, problem", [
    (False, "no <script id=\"__config\">"),
    ("", "has no 'search' entry"),
    ("assets/javascripts/workers/search.a7633da7.min.js", "not '.../workers/search-readers.js#"),
    ("assets/javascripts/workers/search-readers.js#search.00000000.min.js", "is not in the build"),
    ("assets/javascripts/workers/search-readers.js#https://evil.example/x.js", "not '.../workers/search-readers.js#"),
])
def test_the_worker_check_says_what_to_check(tmp_path, search, problem):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search-readers.js").write_text("//", encoding="utf-8")
    with pytest.raises(search_words.SearchSetupError) as err:
        search_words.check_worker(search, tmp_path)
    assert problem in str(err.value)


def test_the_worker_check_fails_when_materials_worker_stops_using_messages(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search-readers.js").write_text("//", encoding="utf-8")
    (workers / "search.abc12345.min.js").write_text("onmessage=function(){}", encoding="utf-8")
    with pytest.raises(search_words.SearchSetupError, match="no longer contains") as err:
        search_words.check_worker("workers/search-readers.js#search.abc12345.min.js", tmp_path)
    assert "overrides/main.html" in str(err.value)


def test_config_search_reads_the_pages_config():
    html = '<script id="__config" type="application/json">{"search": "a/b.js#c"}</script>'
    assert search_words.config_search(parse_document(html)) == "a/b.js#c"
    assert search_words.config_search(parse_document("<p>no config</p>")) is False
