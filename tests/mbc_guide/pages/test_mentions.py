"""The glossary page's "Mentioned on" lists: a label, then one list item (a large target) per page."""
from __future__ import annotations

from mbc_guide.pages.mentions import fill_mentions


def test_mentions_become_a_label_and_a_list_of_links():
    html = fill_mentions("<h3>x</h3><!-- mentions:x -->", lambda anchor: [("../a/", "A <b>page</b>"), ("../b/", "B")])
    assert html == ('<h3>x</h3><p class="mbc-mentions">Mentioned on:</p><ul class="mbc-mentions__pages">'
                    '<li><a href="../a/">A &lt;b&gt;page&lt;/b&gt;</a></li><li><a href="../b/">B</a></li></ul>')


def test_an_entry_no_page_mentions_says_so():
    assert fill_mentions("<!-- mentions:y -->", lambda anchor: []) == \
        '<p class="mbc-mentions">Not mentioned on other pages yet.</p>'


def test_other_comments_are_left_alone():
    assert fill_mentions("<!-- a note -->", lambda anchor: []) == "<!-- a note -->"
