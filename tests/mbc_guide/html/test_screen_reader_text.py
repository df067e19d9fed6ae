"""Text for screen readers only is marked for the search to leave out; nothing else changes."""
from mbc_guide.html import screen_reader_text
from mbc_guide.pages.generated_pages import say_it
from tests.helpers import on_fragment


def keep_out(html: str) -> str:
    return on_fragment(screen_reader_text.keep_out_of_search, html)[0]


def test_the_spoken_form_of_a_name_is_marked_and_its_respelling_is_not():
    html = keep_out(f"<p>{say_it('kay-peh-SY-tuh-been')}</p>")
    assert ('<span class="mbc-say__respelling" aria-hidden="true">kay-peh-SY-tuh-been</span>'
            '<span class="mbc-visually-hidden" data-search-exclude="screen-reader-only">'
            'kay peh sy tuh been, stress on sy</span>') in html


def test_the_finished_page_loses_the_marks_and_keeps_the_text():
    html = keep_out(f"<p>{say_it('kay-peh-SY-tuh-been')}</p>")
    assert on_fragment(screen_reader_text.remove_search_marks, html)[0] == f"<p>{say_it('kay-peh-SY-tuh-been')}</p>"


def test_text_a_sighted_reader_sees_is_left_alone():
    html = ('<p>Say it: <span aria-hidden="true">per-TOO-zoo-mab</span> <a class="mbc-term" '
            'data-say-spoken="per too zoo mab, stress on too">pertuzumab</a> <span class="visually">x</span></p>')
    assert keep_out(html) == html
