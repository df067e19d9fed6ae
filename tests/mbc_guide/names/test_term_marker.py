"""The glossary matcher: which words get marked, and how."""
from __future__ import annotations

import re

import pytest

from mbc_guide.data.glossary import GlossaryEntry
from mbc_guide.html.tree import parse_fragment
from mbc_guide.names.finder import NameFinder, fold_text
from mbc_guide.names.term_marker import TermMarker
from tests.helpers import as_parsed, on_fragment


def entry(term: str, *aliases: str, definition: str = "A plain definition.") -> GlossaryEntry:
    return GlossaryEntry(term=term, kind="drug", treatments=("chemotherapy",), member_of=None,
                         aliases=aliases, definition=definition, line=1)


ENTRIES = [
    entry("taxanes", "taxane"),
    entry("PD-L1"),
    entry("PD-L1 inhibitors", "PD-L1 inhibitor"),
    entry("ado-trastuzumab emtansine", "ado trastuzumab emtansine"),
    entry("trastuzumab"),
    entry("HER2"),
    entry("hormone receptor", "hormone receptors"),
    entry("antibody-drug conjugates", "antibody drug conjugates"),
]


def mark(html: str, entries=ENTRIES) -> str:
    return on_fragment(TermMarker(entries).mark, html, lambda e: f"../glossary/#{e.anchor}")[0]


def marked_terms(html: str) -> list[str]:
    """The visible text of every marked term, in order."""
    return re.findall(r'<a class="mbc-term"[^>]*>(.*?)</a>', html, re.DOTALL)


@pytest.mark.parametrize(("text", "expected"), [
    ("<p>Taxanes are drugs.</p>", ["Taxanes"]),  # sentence start, capital letter
    ("<p>A taxane is one.</p>", ["taxane"]),  # singular alias
    ("<p>TAXANES in capitals.</p>", ["TAXANES"]),
    ("<p>her2 in lower case.</p>", ["her2"]),
])
def test_case_and_plural_variants(text, expected):
    assert marked_terms(mark(text)) == expected


def test_longest_term_wins():
    html = mark("<p>PD-L1 inhibitors help. A PD-L1 test too.</p>")
    assert marked_terms(html) == ["PD-L1 inhibitors", "PD-L1"]
    assert 'href="../glossary/#pd-l1-inhibitors"' in html and 'href="../glossary/#pd-l1"' in html


def test_multi_word_and_hyphenated_terms():
    html = mark("<p>Ado-trastuzumab emtansine is one of the antibody-drug conjugates.</p>")
    assert marked_terms(html) == ["Ado-trastuzumab emtansine", "antibody-drug conjugates"]


def test_spacing_alias_and_line_breaks_inside_a_term():
    html = mark("<p>ado trastuzumab\nemtansine</p>")
    assert marked_terms(html) == ["ado trastuzumab\nemtansine"]


def test_term_inside_a_longer_term_is_not_marked_separately():
    html = mark("<p>Ado-trastuzumab emtansine, then trastuzumab.</p>")
    assert marked_terms(html) == ["Ado-trastuzumab emtansine", "trastuzumab"]
    assert html.count('href="../glossary/#trastuzumab"') == 1


def test_part_of_a_hyphenated_word_is_not_a_term():
    # "trastuzumab" inside "ado-trastuzumab" (no full name given) must not be marked.
    assert marked_terms(mark("<p>ado-trastuzumab alone</p>")) == []


def test_word_boundaries():
    assert marked_terms(mark("<p>taxanesque HER22 xHER2</p>")) == []


def test_term_before_a_hyphenated_suffix_is_marked():
    assert marked_terms(mark("<p>HER2-positive cancer</p>")) == ["HER2"]
    assert marked_terms(mark("<p>hormone receptor-positive</p>")) == ["hormone receptor"]


def test_first_mention_only():
    html = mark("<p>Taxanes here.</p><p>Taxanes again, a taxane.</p>")
    assert marked_terms(html) == ["Taxanes"]


def test_terms_in_tables_lists_and_admonitions():
    html = mark('<table><tr><td>taxanes</td></tr></table><ul><li>HER2</li></ul>'
                '<div class="admonition note"><p class="admonition-title">Note</p><p>PD-L1 result</p></div>')
    assert marked_terms(html) == ["taxanes", "HER2", "PD-L1"]


@pytest.mark.parametrize("html", [
    "<h1>Taxanes</h1>", "<h2 id='x'>About <em>taxanes</em></h2>", "<h3>HER2</h3>",
    "<p><code>taxanes</code></p>", "<pre><code>taxanes</code></pre>",
    '<p><a href="x.md">taxanes</a></p>', '<p><a href="x"><strong>taxanes</strong></a></p>',
    "<details><summary>taxanes</summary></details>", "<script>var taxanes = 1;</script>",
])
def test_never_marked_in_headings_code_links(html):
    assert marked_terms(mark(html)) == []


def test_marking_resumes_after_a_skipped_element():
    html = mark("<h2>Taxanes</h2><p>Taxanes in text.</p>")
    assert marked_terms(html) == ["Taxanes"]
    assert html.startswith("<h2>Taxanes</h2>")


def test_attributes_and_comments_are_left_alone():
    source = '<p title="taxanes"><img alt="HER2"><!-- taxanes --></p>'
    assert mark(source) == as_parsed(source)


def test_hostile_definitions_are_escaped():
    definition = '<script>alert("x")</script> & "quotes" \'single\''
    html = mark("<p>taxanes</p>", [entry("taxanes", definition=definition)])
    tree = parse_fragment(html)
    assert tree.css("script") == []
    assert [a.attributes["data-definition"] for a in tree.css("a.mbc-term")] == [definition]


def test_a_greater_than_sign_in_an_attribute_is_not_the_end_of_the_tag():
    source = '<p title="a > taxanes here">text</p><img alt="x > HER2 y">'
    assert mark(source) == as_parsed(source)


def test_a_term_that_is_also_an_entity_name_leaves_entities_alone():
    html = mark("<p>Salt &amp; pepper, then amp.</p>", [entry("amp")])
    assert "&amp; pepper" in html
    assert marked_terms(html) == ["amp"]
    assert parse_fragment(html).css_first("p").text() == "Salt & pepper, then amp."


@pytest.mark.parametrize(("term", "text", "expected"), [
    ("İbrance", "<p>İBRANCE and İbrance</p>", ["İBRANCE"]),   # Turkish dotted capital I
    ("µ-blocker", "<p>A µ-blocker and a μ-BLOCKER</p>", ["µ-blocker"]),  # micro sign and Greek mu fold alike
    ("Straße", "<p>STRASSE</p>", ["STRASSE"]),  # ß folds to ss
])
def test_unicode_case_folding_is_one_rule(term, text, expected):
    assert marked_terms(mark(text, [entry(term)])) == expected


def test_first_mention_of_each_entry_across_text_nodes():
    html = mark("<p>taxanes <em>and</em> taxanes and <strong>HER2</strong></p>")
    assert marked_terms(html) == ["taxanes", "HER2"]


def test_page_without_terms_is_left_unchanged():
    source = '<p hidden class=x>No terms here &nbsp; at all<br/></p>'
    assert mark(source) == as_parsed(source)


def test_link_carries_the_term_and_its_glossary_anchor():
    html = mark("<p>hormone receptors</p>")
    assert ('<a class="mbc-term" href="../glossary/#hormone-receptor" data-term="hormone receptor" '
            'data-definition="A plain definition.">hormone receptors</a>') in html


def test_mentions_are_reported():
    _, entries = on_fragment(TermMarker(ENTRIES).mark, "<p>HER2 and taxanes and HER2</p>", lambda e: "#")
    assert [e.term for e in entries] == ["HER2", "taxanes"]


def test_empty_glossary_marks_nothing():
    assert on_fragment(TermMarker([]).mark, "<p>taxanes</p>", lambda e: "#") == ("<p>taxanes</p>", [])


def test_fold_text_keeps_positions():
    folded, starts = fold_text("A  İb\nC")
    assert folded == "a i̇b c"
    assert [starts[i] for i in range(len(folded))] == [0, 1, 3, 3, 4, 5, 6]


def test_all_occurrences_include_names_inside_longer_names():
    finder = NameFinder([("PD-L1", 1), ("PD-L1 inhibitors", 2)])
    text = "PD-L1 inhibitors"
    assert [(s, e, v) for s, e, v in finder.all(text)] == [(0, 16, 2), (0, 5, 1)]
    assert finder.longest(text) == [(0, 16, 2)]
