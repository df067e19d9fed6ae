"""Lists of links are lists, and tables have captions, in the hosted build and the offline copy."""
from __future__ import annotations

from pathlib import Path

import pytest

from mbc_guide.html.tree import parse_document


def glossary_page(site: Path):
    path = site / "glossary" / "index.html" if (site / "glossary").is_dir() else site / "glossary.html"
    return parse_document(path.read_text(encoding="utf-8"))


@pytest.fixture(params=["hosted", "offline"])
def site(request, built_site, offline_site) -> Path:
    return built_site if request.param == "hosted" else offline_site


def test_every_table_has_a_caption(site):
    tables = 0
    for page in site.rglob("*.html"):
        for table in parse_document(page.read_text(encoding="utf-8")).css("table"):
            tables += 1
            first = next(table.iter(), None)
            assert first is not None and first.tag == "caption", f"{page}: a table has no <caption>"
            assert first.text(deep=True).strip(), f"{page}: a table's caption is empty"
    assert tables >= 2, "the tumour testing and About pages each have a table"


def test_jump_to_a_letter_is_a_list_of_links(site):
    letters = [a for a in glossary_page(site).css('a[href^="#letter-"]') if "headerlink" not in (a.attributes.get("class") or "")]
    assert len(letters) > 5
    for link in letters:
        assert (link.parent.tag, link.parent.parent.tag) == ("li", "ul"), f"{link.attributes['href']} is not a list item"


def test_mentioned_on_is_a_list_of_links(site):
    tree = glossary_page(site)
    lists = tree.css("ul.mbc-mentions__pages")
    assert len(lists) > 10
    for pages in lists:
        label = pages.prev
        while label is not None and not label.is_element_node:
            label = label.prev
        assert label is not None and label.tag == "p" and label.text() == "Mentioned on:"
        links = pages.css("a")
        assert links and all((a.parent.tag, a.parent.parent.tag) == ("li", "ul") for a in links)
    assert not any(p.text().startswith("Mentioned on: ") for p in tree.css("p.mbc-mentions")), "a sentence of links"
