"""The content policy: what a page may carry, checked on its rendered HTML."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mbc_guide.checks import rendering
from mbc_guide.html import content_policy
from mbc_guide.html.content_policy import check_html, needs_rendering, url_allowed
from tests.helpers import ROOT  # noqa: E402

RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
THEME = content_policy.theme_ids(rendering.theme_dirs(ROOT / "mkdocs.yml"), ROOT / "docs")


def refused(markdown_text: str) -> list[str]:
    return [v.what for v in check_html(RENDER(markdown_text), THEME)]


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
    # comments, including one that a second parser would end early ("-- >")
    "<!-- a comment for editors -->", "<!-- c -- > <img src=x onerror=alert(1)> -->", "Text <!-- c --> here.",
    "a <!-- c -- > <img src=x onerror=alert(1)> --> b",
    "<?xml version='1.0'?>", "<!-- whole-guide --><!-- c -->",
    "<!-- mentions:x -- > <img src=x onerror=alert(1)> -->", "<!-- mentions: -->", "<!-- mentions:A B -->",
    # the theme's ids and settings
    '<div id="__config" hidden>{"search": "https://evil.example/x.js"}</div>', '<label for="__search">Search</label>',
    "## Settings {#__drawer}", '<p id="__palette_0">x</p>', '<p id="__nav_2">x</p>', '<p id="mbc-app-notice">x</p>',
    '<p data-md-component="search">x</p>', '<a name="__search">x</a>', '<p id=" __config">x</p>',
    # images from anywhere but this site
    "![t](https://tracker.example/p.png)", "![t](http://tracker.example/p.png)", "![t](//tracker.example/p.png)",
    '<img src="/\\tracker.example/p.png">', '<img src="\\\\tracker.example\\p.png">', "![t](/assets/x.png)",
    '<img src="site:x.png">', '<img src=" https://tracker.example/p.png">', "![t][r]\n\n[r]: https://t.example/p.png",
    '<img srcset="https://tracker.example/p.png 2x">', '<video src="v.mp4"></video>', '<audio src="a.mp3"></audio>',
    # site: addresses that would resolve to something else
    "[x](site:javascript:alert(1))", '<a href="site:javascript:alert(1)">x</a>', '<a href="site://evil.example/">x</a>',
    '<a href="site:/\\evil.example/">x</a>', '<a href="site:../../other-repo/">x</a>', '<a href="SITE:x">x</a>',
    '<a href="site:a&#9;b">x</a>', '<a href="site:a b">x</a>',
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
    "*[HER2]: a protein\n\nHER2 tests.", "<!-- whole-guide -->", "<!-- whole-guide-pdf -->",
    "<!-- mentions:ado-trastuzumab-emtansine -->",
    "![Logo](../assets/images/share.png)", '<img src="x.png" alt="x">', "## Search {#search}", '<p id="my__id">x</p>',
])
def test_what_pages_use_is_allowed(markdown_text):
    assert refused(markdown_text) == []


def test_every_page_of_the_site_is_allowed():
    for path in (ROOT / "docs").rglob("*.md"):
        assert refused(path.read_text(encoding="utf-8")) == [], path


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://example.org", True), ("../x.md#y", True), ("#top", True), ("?q=1", True), ("x/y:z", True),
    ("!!! note:", True), ("1x:y", True),  # no scheme: a browser reads them as relative paths
    ("javascript:alert(1)", False), (" java\nscript:x", False), ("DATA:text/html,x", False), ("file:///etc", False),
])
def test_url_allowed(url, allowed):
    assert url_allowed(url) is allowed


def test_every_theme_id_starts_as_the_validators_shortcut_expects():
    assert all(name.startswith(content_policy.THEME_ID_STARTS) for name in [*THEME.names, *THEME.prefixes])


def test_the_theme_ids_come_from_the_templates_and_scripts():
    assert {"__config", "__search", "__drawer", "__toc", "__consent", "mbc-app-notice", "mbc-app-reload"} <= THEME.names
    assert "__palette_" in THEME.prefixes


def test_the_site_markers_are_the_hooks_own():
    from mbc_guide.checks import coverage_figures as coverage_gate
    from mbc_guide.pages import mentions as glossary
    from mbc_guide.pages import whole_guide
    assert {f"<!-- {marker} -->" for marker in content_policy.SITE_MARKERS} == {
        whole_guide.MARKER, whole_guide.PDF_MARKER, coverage_gate.MARKER}
    assert content_policy.MENTIONS_MARKER.pattern.startswith(glossary.MENTIONS_PREFIX)


@pytest.mark.parametrize("path", sorted(content_policy.OWN_ASSETS))
def test_the_listed_assets_exist(path):
    assert (ROOT / "docs" / path).is_file()


@pytest.mark.parametrize(("path", "allowed"), [
    ("treatment/chemotherapy.md", True), ("assets/favicon.svg", True), ("assets/images/share.png", True),
    ("img/Photo.JPG", True), (".DS_Store", True),
    ("help.html", False), ("x.svg", False), ("evil.js", False), ("assets/x.css", False), ("a.htm", False),
    ("a.xhtml", False), ("a.shtml", False), ("a.xml", False), ("a.xsl", False), ("a.svgz", False), ("a.mjs", False),
    ("a.pdf", False), ("a.swf", False), ("a.txt", False), ("a.json", False), ("page.MD", False), ("a.markdown", False),
    ("x.png.html", False), ("README", False), ("assets/javascripts/workers/search.a7633da7.min.js", False),
])
def test_file_problem(path, allowed):
    assert (content_policy.file_problem(path) is None) is allowed


@pytest.mark.parametrize(("url", "path"), [
    ("site:downloads/mbc-guide-offline.zip", "downloads/mbc-guide-offline.zip"), ("site:about/#top", "about/"),
    ("site:javascript:alert(1)", None), ("site://evil.example", None), ("site:/x", None), ("site:a\\b", None),
    ("site:../x", None), ("site:a/../../x", None), ("site:a\tb", None), ("site:", None), ("https://x", None),
    ("site:a%2e%2e/b", None),
])
def test_site_path(url, path):
    assert content_policy.site_path(url) == path


def test_line_of_finds_the_clue():
    assert content_policy.line_of("one\ntwo <SCRIPT>\n", "<script") == 2
    assert content_policy.line_of("one", "onerror") is None


# Markdown made of prose, link syntax and script-like words, but none of "<", "{" or "&".
_WORDS = st.sampled_from(["tamoxifen", "javascript", "data", "vbscript", "http", "https", "site", "x", "note", "//",
                          ":", "(", ")", "[", "]", "!", "*", "_", "-", "#", "|", ">", "`", "~", "?", "/",
                          " ", " ", "\n", "\n\n", "    ", "](", "]:", "!!! note", "- [ ]", "[^1]"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map("".join))
def test_pages_the_validator_does_not_render_are_safe(markdown_text):
    """needs_rendering() is False only when the rendered page really carries nothing refused."""
    if not needs_rendering(markdown_text):
        assert check_html(RENDER(markdown_text), THEME) == []
