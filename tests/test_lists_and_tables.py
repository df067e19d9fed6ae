"""Lists of links are lists, and tables have captions, in the hosted build and the offline copy."""
from __future__ import annotations

from pathlib import Path

import pytest

from html_edit import scan, text_of

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def elements(html: str):
    """Yield (token index, start token, names of its open ancestors) for each start tag, read by a parser."""
    tokens, stack = scan(html), []
    for index, token in enumerate(tokens):
        if token.kind == "start":
            yield index, token, tuple(stack), tokens
            if token.tag not in VOID:
                stack.append(token.tag)
        elif token.kind == "end" and token.tag in stack:
            while stack.pop() != token.tag:
                pass


def glossary_html(site: Path) -> str:
    path = site / "glossary" / "index.html" if (site / "glossary").is_dir() else site / "glossary.html"
    return path.read_text(encoding="utf-8")


@pytest.fixture(params=["hosted", "offline"])
def site(request, built_site, offline_site) -> Path:
    return built_site if request.param == "hosted" else offline_site


def test_every_table_has_a_caption(site):
    tables = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for index, token, _, tokens in elements(html):
            if token.tag == "table":
                tables += 1
                first = next(t for t in tokens[index + 1:] if t.kind != "text" or t.text.strip())
                assert first.kind == "start" and first.tag == "caption", f"{page}: a table has no <caption>"
                assert text_of(tokens, tokens.index(first)), f"{page}: a table's caption is empty"
    assert tables >= 2, "the tumour testing and About pages each have a table"


def test_jump_to_a_letter_is_a_list_of_links(site):
    letters = [(token, ancestors) for _, token, ancestors, _ in elements(glossary_html(site))
               if token.tag == "a" and (token.attrs.get("href") or "").startswith("#letter-")
               and not token.has_class("headerlink")]
    assert len(letters) > 5
    for token, ancestors in letters:
        assert ancestors[-2:] == ("ul", "li"), f"{token.attrs['href']} is not a list item"


def test_mentioned_on_is_a_list_of_links(site):
    html = glossary_html(site)
    assert "Mentioned on: <a" not in html
    found = 0
    for index, token, ancestors, tokens in elements(html):
        if token.tag == "div" and token.has_class("mbc-mentions"):
            found += 1
            inner = [t for t in tokens[index + 1:index + 12] if t.kind == "start"]
            assert [t.tag for t in inner][:4] == ["p", "ul", "li", "a"], f"mentions not a list: {inner}"
    assert found > 10
