"""Links that stand alone get a class for a large target; links inside a sentence do not."""
from __future__ import annotations

import pytest

from mbc_guide.html import standalone_links
from tests.helpers import on_fragment


def mark(html: str) -> str:
    return on_fragment(standalone_links.mark, html)[0]


@pytest.mark.parametrize("html", [
    '<ul><li><a href="a/">Chemotherapy</a></li></ul>',
    '<ul><li><a href="a/">chemotherapy</a> (chemo)</li></ul>',
    '<ul><li><p><a href="a/">Chemotherapy</a></p></li></ul>',
    '<p><a href="x.zip">Download the offline copy (zip file)</a></p>',
    '<ul><li><a href="a/">Chemotherapy</a>.</li></ul>',
])
def test_a_link_alone_in_its_item_or_paragraph_is_marked(html):
    assert 'class="mbc-alone"' in mark(html)


@pytest.mark.parametrize("html", [
    '<p>Read about <a href="a/">chemotherapy</a> here.</p>',
    '<ul><li><a href="a/">Chemotherapy</a>: drugs that kill cancer cells</li></ul>',
    '<ul><li><a href="a/">One</a>, <a href="b/">two</a></li></ul>',
    '<h2><a href="a/">A heading link</a></h2>',
    '<ul><li><a name="x">No address</a></li></ul>',
])
def test_a_link_in_a_sentence_or_among_others_is_not(html):
    assert "mbc-alone" not in mark(html)


def test_existing_classes_are_kept():
    assert 'class="mbc-term mbc-alone"' in mark('<ul><li><a class="mbc-term" href="g/#x">tamoxifen</a></li></ul>')
