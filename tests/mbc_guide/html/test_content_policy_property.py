"""Property: any page body built from hostile pieces is refused by the gate, or harmless wherever it goes.

Hypothesis joins Markdown and raw-HTML pieces that attackers use (scripts, handlers, comments that two
parsers read differently, script-like and off-site addresses, the theme's own ids). The page is rendered
with the site's Markdown settings; then either the content policy refuses it with a message, or the HTML,
as published and as the whole guide (and so the offline copy and the PDF) carries it, has no script,
no handler, no comment, no script-like address and no off-site image, and all of it within a time bound.
"""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from mbc_guide.checks import rendering
from mbc_guide.html import content_policy
from mbc_guide.html.tree import elements, parse_fragment, walk
from mbc_guide.pages import whole_guide
from tests.helpers import ROOT

THEME = content_policy.theme_ids(rendering.theme_dirs(ROOT / "mkdocs.yml"), ROOT / "docs")
RENDER = rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))
PIECES = [
    "Plain words about treatment.", "<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>",
    "<!-- c -- > <img src=x onerror=alert(1)> -->", "<!--", "-->", "<div id=\"__config\" hidden>{}</div>",
    '<label for="__search">x</label>', "[a](javascript:alert(1))", "[a](site:javascript:alert(1))",
    "![t](https://evil.example/t.png)", "![t](//evil.example/t.png)", "![t](/\\evil.example/t.png)",
    '<a href="jav&#x09;ascript:alert(1)">x</a>', "<svg onload=alert(1)>", "<style>*{}</style>",
    "<iframe src=//evil.example>", '<p title="x" onclick="alert(1)">y</p>', "{: onclick=alert(1) }",
    "<details open ontoggle=alert(1)>", "</textarea><script>1</script>", "<![CDATA[<script>1</script>]]>",
    "<math><mi xlink:href=javascript:1>", "```\n<script>code</script>\n```", "&lt;script&gt;",
    "<meta http-equiv=refresh content=0;url=//evil.example>", "<base href=//evil.example/>", "\n\n", "* item",
]
SCRIPT_LIKE = ("javascript:", "vbscript:", "data:")


def harmful(html: str) -> list[str]:
    """What in this HTML could run, load from elsewhere or leave the page: empty when harmless."""
    tree = parse_fragment(html)
    found = [f"<{e.tag}>" for e in elements(tree) if e.tag in ("script", "iframe", "svg", "math", "style", "meta",
                                                                 "base", "object", "embed", "form")]
    for element in elements(tree):
        for name, value in element.attributes.items():
            address = "".join((value or "").split()).lower()
            if name.startswith("on") or (name in ("href", "src") and address.startswith(SCRIPT_LIKE)):
                found.append(f"{name}={value}")
            if element.tag == "img" and name == "src" and address.startswith(("http", "//", "/\\", "\\\\")):
                found.append(f"off-site image {value}")
    found += ["a comment" for node in walk(tree) if node.is_comment_node]
    return found


@settings(deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
def test_hostile_pages_are_refused_or_harmless_everywhere(pieces):
    start = time.monotonic()
    html = RENDER("\n".join(pieces))
    refused = content_policy.check_html(html, THEME)
    if not refused:
        guide = whole_guide.rebase(html, page_url="treatment/chemotherapy/", prefix="treatment-chemotherapy",
                                   sections={}, guide_url="whole-guide/", site_url="https://example.org/")
        assert harmful(html) == [] and harmful(guide) == [], pieces
    else:
        assert all(v.what for v in refused)
    assert time.monotonic() - start < 5
