"""The content policy: what a page may carry, checked on its rendered HTML."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import content_policy
import rendering
from content_policy import check_html, needs_rendering, url_allowed

ROOT = Path(__file__).resolve().parents[2]
RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))


def refused(markdown_text: str) -> list[str]:
    return [v.what for v in check_html(RENDER(markdown_text))]


@pytest.mark.parametrize("markdown_text", [
    "<script>alert(1)</script>",
    "Text <script src='https://example.org/x.js'></script> here.",
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object>', '<embed src="x.swf">',
    '<form action="https://example.org"><input name="q"></form>',
    '<button type="button">Go</button>', '<textarea>x</textarea>',
    '<img src="x.png" onerror="alert(1)">', '<p onclick="alert(1)">Hi</p>', '<a href="#" OnMouseOver="x()">a</a>',
    "[More](javascript:alert(1))", "[More](JaVaScRiPt:alert(1))", "[More](vbscript:msgbox)",
    "![pic](data:image/svg+xml;base64,PHN2Zz4=)", '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>', "[x][ref]\n\n[ref]: javascript:alert(1)\n",
    "A paragraph.\n{: onclick=\"alert(1)\" }", "<style>body{display:none}</style>",
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', '<base href="https://example.org/">',
    '<meta http-equiv="refresh" content="0;url=https://example.org">', '<p style="position:fixed">x</p>',
])
def test_hostile_markup_is_refused(markdown_text):
    assert refused(markdown_text), f"not refused: {markdown_text!r}"
    assert needs_rendering(markdown_text)


@pytest.mark.parametrize("markdown_text", [
    "Plain **text** with [a page](../treatment/chemotherapy.md) and [a site](https://example.org).",
    "| Drug | Use |\n| :--- | ---: |\n| tamoxifen | hormone therapy |\n",
    '!!! summary "In short"\n\n    Two short sentences.\n',
    "- [ ] A question to ask?\n- [ ] Another one?\n",
    "Text[^1].\n\n[^1]: A note.\n", "??? note \"More\"\n    Hidden until opened.\n",
    '<a href="site:downloads/guide.zip" download>Download</a>', "Call [us](tel:+440000) or [mail](mailto:a@b.c).",
    "*[HER2]: a protein\n\nHER2 tests.", "<!-- a comment for editors -->",
])
def test_what_pages_use_is_allowed(markdown_text):
    assert refused(markdown_text) == []


def test_every_page_of_the_site_is_allowed():
    for path in (ROOT / "docs").rglob("*.md"):
        assert refused(path.read_text(encoding="utf-8")) == [], path


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://example.org", True), ("../x.md#y", True), ("#top", True), ("?q=1", True), ("x/y:z", True),
    ("javascript:alert(1)", False), (" java\nscript:x", False), ("DATA:text/html,x", False), ("file:///etc", False),
])
def test_url_allowed(url, allowed):
    assert url_allowed(url) is allowed


def test_line_of_finds_the_clue():
    assert content_policy.line_of("one\ntwo <SCRIPT>\n", "<script") == 2
    assert content_policy.line_of("one", "onerror") is None


# Markdown made of prose, link syntax and script-like words, but none of "<", "{" or "&".
_WORDS = st.sampled_from(["tamoxifen", "javascript", "data", "vbscript", "http", "https", "site", "x", "note",
                          ":", "(", ")", "[", "]", "!", "*", "_", "-", "#", "|", ">", "`", "~", "?", "/",
                          " ", " ", "\n", "\n\n", "    ", "](", "]:", "!!! note", "- [ ]", "[^1]"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join))
def test_pages_the_validator_does_not_render_are_safe(markdown_text):
    """needs_rendering() is False only when the rendered page really carries nothing refused."""
    if not needs_rendering(markdown_text):
        assert check_html(RENDER(markdown_text)) == []
