"""The Content-Security-Policy hook: which inline code it allows, and the policy's fixed parts."""
from __future__ import annotations

import base64
import hashlib

import pytest
from mkdocs.exceptions import PluginError

from mbc_guide.html.tree import parse_document
from mbc_guide.publish import csp
from mbc_guide.publish.csp import sha256_source
from mbc_guide.publish.offline_shim import SHIM_SOURCE, frame_script
from tests.helpers import ROOT, need_npm_packages, on_document

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>T</title>
<script>var theme = 1;</script></head><body>
<script id="__config" type="application/json">{"a": 1}</script>
<article class="md-content__inner md-typeset"><p>Text</p><script>alert("content")</script>
<table><tr><td style="text-align: right;">1</td></tr></table></article>
<script src="assets/bundle.js"></script><script>var palette = 2;</script></body></html>"""


def add_policy(html: str, theme: frozenset[str] = frozenset(), shim=None) -> str:
    return on_document(csp.add_policy, html, theme, shim)[0]


THEME = frozenset({"var theme = 1;", "var palette = 2;"})  # what the theme's script partials made for PAGE


def policy(html: str = PAGE, shim=None, theme: frozenset[str] = THEME) -> dict[str, list[str]]:
    meta = parse_document(add_policy(html, theme, shim)).css_first('meta[http-equiv="Content-Security-Policy"]')
    return {d.split()[0]: d.split()[1:] for d in meta.attributes["content"].split("; ")}


def test_hash_format():
    expected = base64.b64encode(hashlib.sha256(b"var theme = 1;").digest()).decode()
    assert sha256_source("var theme = 1;") == f"'sha256-{expected}'"


def test_theme_inline_scripts_are_hashed_content_scripts_are_not():
    sources = policy()["script-src"]
    assert sources[0] == "'self'"
    assert sha256_source("var theme = 1;") in sources and sha256_source("var palette = 2;") in sources
    assert sha256_source('alert("content")') not in sources
    assert sha256_source('{"a": 1}') not in sources  # a data block is never run
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources


def test_only_scripts_the_theme_made_are_hashed_wherever_they_stand():
    injected = PAGE.replace("<title>T</title>", "<title>T</title><script>window.__pwned=1</script>")
    sources = policy(injected)["script-src"]
    assert sha256_source("window.__pwned=1") not in sources  # in <head>, outside the content, yet not the theme's
    assert sha256_source("var theme = 1;") in sources
    assert policy(theme=frozenset())["script-src"] == ["'self'"]


def test_fixed_directives():
    p = policy()
    assert p["object-src"] == ["'none'"] and p["base-uri"] == ["'self'"] and p["form-action"] == ["'none'"]
    assert p["worker-src"] == ["'self'"] and p["default-src"] == ["'self'"]
    everything = " ".join(" ".join(v) for v in p.values())
    assert "http" not in everything and "*" not in everything  # no other host


def test_style_attributes_are_allowed_only_by_hash():
    assert policy()["style-src"] == ["'self'", "'unsafe-hashes'", sha256_source("text-align: right;")]


WORKER = "../assets/javascripts/workers/search-readers.js#search.1234abcd.min.js"


@pytest.fixture
def shim():
    need_npm_packages()
    return ROOT / SHIM_SOURCE


def test_offline_policy_allows_the_theme_scripts_and_the_search_frame_by_hash_only(shim):
    page = PAGE.replace('{"a": 1}', f'{{"search": "{WORKER}"}}')
    sources = policy(page, shim)["script-src"]
    frame = frame_script(shim, WORKER)
    assert sources == ["'self'", sha256_source("var theme = 1;"), sha256_source("var palette = 2;"),
                       sha256_source(frame)]
    assert f'filename:"{WORKER}"' in frame and frame.startswith("postMessage=function")
    assert policy(page, shim)["object-src"] == ["'none'"] and policy(page, shim)["manifest-src"] == ["'none'"]


@pytest.mark.parametrize("worker", ['x.js"});alert(1);//', "x.js</script><script>alert(1)", ""])
def test_a_worker_address_that_could_leave_the_frames_string_is_refused(shim, worker):
    with pytest.raises(PluginError, match="may hold only letters, digits"):
        frame_script(shim, worker)


def test_meta_comes_first_after_the_charset():
    head = parse_document(add_policy(PAGE)).head
    tags = [node.tag for node in head.iter()]
    assert tags[:3] == ["meta", "meta", "title"]
    assert head.css("meta")[1].attributes["http-equiv"] == "Content-Security-Policy"


def test_every_built_html_file_has_a_policy(built_site):
    """Pages and the theme's own templates (404.html) alike."""
    missing = [str(path.relative_to(built_site)) for path in built_site.rglob("*.html")
               if 'http-equiv="Content-Security-Policy"' not in path.read_text(encoding="utf-8")]
    assert missing == []
