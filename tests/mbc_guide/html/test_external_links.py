"""External links keep working and open safely."""
from mbc_guide.html import external_links
from tests.helpers import as_parsed, on_fragment


def add_rel(html: str) -> str:
    return on_fragment(external_links.add_rel, html)[0]


def test_external_links_get_noopener():
    html = add_rel('<p><a href="https://example.org/a">A</a> <a href="../b/">B</a></p>')
    assert '<a href="https://example.org/a" rel="noopener noreferrer">A</a>' in html
    assert '<a href="../b/">B</a>' in html


def test_existing_rel_is_left_alone():
    html = '<a href="https://example.org" rel="nofollow">x</a>'
    assert add_rel(html) == as_parsed(html)


def test_only_real_links_change():
    html = '<p title=\'<a href="https://example.org">\'>&lt;a href="https://x.org"&gt;</p><a name="x">y</a>'
    assert add_rel(html) == as_parsed(html)
