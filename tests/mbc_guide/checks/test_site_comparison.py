"""Comparing two builds: what a reader sees on a page and in the search index, read from small HTML strings."""
from __future__ import annotations

import json

from mbc_guide.checks import site_comparison

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="script-src 'sha256-abc='">
  <meta name="description" content="What chemo is.">
  <title>Chemotherapy</title>
  <link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
  <link rel="canonical" href="https://example.org/chemo/">
  <script type="application/ld+json">{"@type": "MedicalWebPage", "name": "Chemotherapy"}</script>
  <script>var x = 1;</script>
</head>
<body>
  <h1>Chemotherapy</h1>
  <p class="lead" id="intro">Chemo is a <b>medicine</b> that kills cancer cells.</p>
  <p>Ask about <a class="mbc-term" href="../glossary/#nausea" data-say="NAW-zee-uh">nausea</a>.</p>
  <p><abbr title="Human epidermal growth factor receptor 2">HER2</abbr> matters.</p>
  <div hidden>Saved on this device.</div>
  <span aria-hidden="true">Decorative words</span>
  <noscript>Turn on JavaScript.</noscript>
</body>
</html>
"""


def changes(old: str, new: str) -> dict[str, list[str]]:
    """What differs for a reader between two pages."""
    return site_comparison.fact_changes(site_comparison.page_facts(old), site_comparison.page_facts(new))


def test_visible_text_skips_what_is_never_shown_and_keeps_aria_hidden():
    text = site_comparison.page_facts(PAGE)["text"]
    assert text == ["Chemotherapy", "Chemo is a medicine that kills cancer cells.", "Ask about nausea.",
                    "HER2 matters.", "Decorative words"]


def test_a_changed_word_is_found():
    found = changes(PAGE, PAGE.replace("kills cancer cells", "kills some cancer cells"))
    assert list(found) == ["text"]
    assert found["text"] == ["- Chemo is a medicine that kills cancer cells.",
                             "+ Chemo is a medicine that kills some cancer cells."]


def test_a_changed_href_is_found():
    found = changes(PAGE, PAGE.replace("#nausea", "#vomiting"))
    assert found == {"links": ['- ["../glossary/#nausea", "nausea"]', '+ ["../glossary/#vomiting", "nausea"]']}


def test_a_changed_title_attribute_is_found():
    found = changes(PAGE, PAGE.replace("growth factor receptor 2", "growth factor 2"))
    assert list(found) == ["tooltips"]


def test_a_changed_pronunciation_is_found():
    assert list(changes(PAGE, PAGE.replace("NAW-zee-uh", "NAW-see-uh"))) == ["tooltips"]


def test_changed_metadata_is_found_but_not_the_csp_or_hashed_stylesheets():
    assert list(changes(PAGE, PAGE.replace("What chemo is.", "What chemo does."))) == ["metadata"]
    assert list(changes(PAGE, PAGE.replace('"name": "Chemotherapy"', '"name": "Chemo"'))) == ["metadata"]
    assert changes(PAGE, PAGE.replace("sha256-abc=", "sha256-xyz=").replace("57a0d79d", "0123abcd")) == {}


def test_whitespace_and_attribute_order_are_not_reader_visible():
    reordered = PAGE.replace('<p class="lead" id="intro">Chemo is a <b>medicine</b>',
                             '<p id="intro"   class="lead">\n    Chemo  is a\n<b>medicine</b>')
    reordered = reordered.replace('class="mbc-term" href="../glossary/#nausea"',
                                  'href="../glossary/#nausea" class="mbc-term"')
    assert changes(PAGE, reordered) == {}
    assert site_comparison.markup_tokens(PAGE) == site_comparison.markup_tokens(reordered)


def test_a_markup_only_change_is_seen_in_the_markup_alone():
    marked = PAGE.replace('<p class="lead"', '<p class="lead big"')
    assert changes(PAGE, marked) == {}
    old, new = site_comparison.first_difference(" ".join(site_comparison.markup_tokens(PAGE)),
                                               " ".join(site_comparison.markup_tokens(marked)))
    assert 'class="lead"' in old and 'class="lead big"' in new


def test_a_hidden_paragraph_is_not_visible_text():
    assert changes(PAGE, PAGE.replace("Saved on this device.", "Saved on your phone.")) == {}


def index(*entries: dict) -> str:
    """A search index as MkDocs writes it."""
    return json.dumps({"config": {"lang": ["en"]}, "docs": list(entries)})


ENTRY = {"location": "chemo/#side-effects", "title": "Side effects", "text": "<p>You may feel sick.</p>"}


def test_a_search_entry_change_is_found():
    found = site_comparison.search_changes(index(ENTRY), index({**ENTRY, "text": "<p>You may feel tired.</p>"}))
    assert len(found) == 1 and found[0].startswith("'chemo/#side-effects' text:")
    assert "sick" in found[0] and "tired" in found[0]


def test_search_entries_added_removed_or_given_a_new_field_are_found():
    other = {"location": "chemo/", "title": "Chemotherapy", "text": ""}
    assert site_comparison.search_changes(index(ENTRY), index(ENTRY, other)) == \
        ["'chemo/': 0 entries in base, 1 in head"]
    assert site_comparison.search_changes(index(ENTRY), index({**ENTRY, "title_words": "being sick"})) == \
        ["'chemo/#side-effects' title_words: - null / + being sick"]


def test_the_offline_copys_inlined_index_reads_like_the_json_one():
    assert site_comparison.search_changes(index(ENTRY), "var __index = " + index(ENTRY)) == []
