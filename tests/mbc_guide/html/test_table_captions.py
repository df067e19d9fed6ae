"""A "Table: ..." paragraph just above a table becomes its caption; other tables are counted."""
from mbc_guide.html import table_captions
from tests.helpers import on_fragment


def add_captions(html: str) -> tuple[str, int]:
    return on_fragment(table_captions.add_captions, html)

TABLE = "<table>\n<thead><tr><th>A</th></tr></thead>\n</table>"


def test_the_paragraph_above_becomes_the_caption():
    html, missing = add_captions(f"<p>Intro.</p>\n<p>Table: What <em>each</em> result &amp; means</p>\n{TABLE}")
    assert html == ("<p>Intro.</p>\n\n<table><caption>What <em>each</em> result &amp; means</caption>\n"
                    "<thead><tr><th>A</th></tr></thead>\n</table>")
    assert missing == 0


def test_a_table_without_one_is_counted_and_left_alone():
    for html in (TABLE, f"<p>A table: see below</p>\n{TABLE}", f"<p>Table: far away</p><p>x</p>{TABLE}"):
        assert add_captions(html) == (html, 1)


def test_two_tables_each_get_their_own():
    html, missing = add_captions(f"<p>Table: One</p>{TABLE}<p>Table: Two</p>{TABLE}")
    assert html.count("<caption>") == 2 and "<caption>One</caption>" in html and "<caption>Two</caption>" in html
    assert missing == 0


def test_only_a_paragraph_that_starts_with_the_word_counts():
    html = f"<p><em>Table:</em> styled</p>{TABLE}"
    assert add_captions(html) == (html, 1)
