"""Privacy by construction: nothing in either build would make a browser contact another host.

Every .html, .css and .js file of the online build (`built_site`) and the
offline copy (`offline_site`) is scanned. The rule:

- HTML: attributes that load something by themselves (src, srcset, poster,
  <object data>, SVG <image>/<use> href, <link href> of any rel except the
  non-fetching canonical/prev/next/alternate/author/license/help,
  <meta http-equiv="refresh">), url() and @import in <style> blocks and style
  attributes, and URLs in inline <script>s must not point to another host
  (http:, https: or //); JSON data blocks (application/json, application/ld+json)
  are never run, so their URLs are not counted. <a href> is a link the reader chooses to follow and
  is allowed; external links in the page content must carry
  rel="noopener noreferrer", and every page sets <meta name="referrer"
  content="no-referrer">.
- CSS: url() other than data: and @import must not point to another host.
- JS that the site loads (every <script src>, the search worker named in
  each page's config and Material's worker that it imports, and the lunr
  files the worker imports for the search language, as scripts/offline.py
  computes them): after removing the reviewed URL strings of Material's own
  bundle listed in VENDOR_URLS (licence comments, and optional features that
  this site never triggers; the guards are checked below), no http(s) URL may
  remain. Scripts no page loads (the online build's lunr files for other
  languages) hold only licence-comment URLs and are checked for DANGEROUS
  strings only.
- Everywhere: the DANGEROUS strings (CDNs, font and analytics hosts) must not
  appear at all (in JS: after removing VENDOR_URLS), and no script touches
  document.cookie.

The browser tests (tests/browser/test_every_page.py, test_every_offline_page.py
and test_offline_privacy.py) check the same promise by recording real requests.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mbc_guide.publish.offline_copy import needed_lunr_files, search_languages

REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(?:(["'])(.*?)\1|([^)"'\s]*))\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
JS_URL = re.compile(r"""https?://[^\s"'`)<>\\]*""", re.IGNORECASE)
DANGEROUS = ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis", "fonts.gstatic",
             "googletagmanager", "google-analytics", "doubleclick", "facebook.net", "document.cookie")
# <script> blocks of these types are data that a browser never runs (Material's config, JSON-LD):
# their URLs (e.g. a page's sources in its schema.org citation) load nothing.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
NON_FETCHING_LINK_RELS = {"canonical", "prev", "next", "alternate", "author", "license", "help"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background", "lowsrc", "dynsrc"}
# URL strings inside Material's bundled JS (mkdocs-material 9.8), each reviewed: why it never loads here.
VENDOR_URLS = {
    "https://api.github.com/repos/": "repository facts; only for [data-md-component=source], "
                                     "which overrides/partials/source.html removes (guard below)",
    "https://api.github.com/users/": "same as above",
    "https://${e}/api/v4/projects/": "GitLab repository facts; same guard as above",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for .mermaid diagrams; the site has none (guard below)",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver (none supported)",
    "https://clipboardjs.com/": "licence comment",
    "http://lunrjs.com": "licence comment",
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "licence comment",
    "https://bit.ly/2s3ChXG": "text of a console warning for a bad search query",
}


class _HtmlScan(HTMLParser):
    """Collect remote references from one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.bare_links: list[str] = []  # external <a> in the article without rel="noopener noreferrer"
        self.referrer_policy: str | None = None
        self._article = 0
        self._in: str | None = None  # "style" or "script" while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "article":
            self._article += 1
        if tag == "style" or tag == "script" and a.get("type", "").lower() not in DATA_SCRIPT_TYPES:
            self._in = tag
        for name in LOADING_ATTRIBUTES & a.keys():
            urls = [part.strip().split(" ")[0] for part in a[name].split(",")] if "srcset" in name else [a[name]]
            self.found += [f"<{tag} {name}={u}>" for u in urls if REMOTE.match(u)]
        if tag == "object" and REMOTE.match(a.get("data", "")):
            self.found.append(f"<object data={a['data']}>")
        if tag in ("image", "use", "feimage"):
            self.found += [f"<{tag} {k}={a[k]}>" for k in ("href", "xlink:href") if REMOTE.match(a.get(k, ""))]
        if tag == "link" and REMOTE.match(a.get("href", "")):
            rels = set(a.get("rel", "").lower().split())
            if not rels or not rels <= NON_FETCHING_LINK_RELS:
                self.found.append(f"<link rel={a.get('rel', '')} href={a['href']}>")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" and re.search(r"url=\s*(https?:)?//",
                                                                                          a.get("content", ""), re.I):
            self.found.append(f"<meta http-equiv=refresh content={a['content']}>")
        if tag == "meta" and a.get("name", "").lower() == "referrer":
            self.referrer_policy = a.get("content", "")
        if "style" in a:
            self.found += [f'style="{r}"' for r in css_references(a["style"])]
        if (tag == "a" and self._article and REMOTE.match(a.get("href", ""))
                and "md-content__button" not in a.get("class", "")
                and not {"noopener", "noreferrer"} <= set(a.get("rel", "").lower().split())):
            self.bare_links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        if tag in ("style", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.found += [f"<style> {r}" for r in css_references(data)]
        elif self._in == "script":
            self.found += [f"<script> {r}" for r in js_references(data)]


def css_references(css: str) -> list[str]:
    """url(...) and @import targets on another host."""
    found = [m.group(2) if m.group(1) else m.group(3) for m in CSS_URL.finditer(css)]
    found = [u for u in found if not u.strip().lower().startswith("data:")]
    found += CSS_IMPORT.findall(css)
    return [u for u in found if REMOTE.match(u)]


def js_references(js: str) -> list[str]:
    """http(s) URLs in a script, other than the reviewed VENDOR_URLS."""
    for url in VENDOR_URLS:
        js = js.replace(url, "")
    return JS_URL.findall(js)


def scan_html(html: str) -> list[str]:
    """Remote references an HTML document would load by itself, and content links without rel."""
    scan = _HtmlScan()
    scan.feed(html)
    scan.close()
    problems = list(scan.found)
    problems += [f'<a href={u}> without rel="noopener noreferrer"' for u in scan.bare_links]
    if scan.referrer_policy != "no-referrer":
        problems.append('no <meta name="referrer" content="no-referrer">')
    return problems


def dangerous_strings(text: str, suffix: str) -> list[str]:
    """Known CDN, font, analytics and cookie strings in a file (JS: after removing VENDOR_URLS)."""
    if suffix == ".js":
        for url in VENDOR_URLS:
            text = text.replace(url, "")
    return [s for s in DANGEROUS if s in text.lower()]


def scan_file(path: Path, loaded: bool = True) -> list[str]:
    """Every privacy problem in one .html, .css or .js file (a JS file no page loads: DANGEROUS only)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = dangerous_strings(text, path.suffix)
    if path.suffix == ".html":
        problems += scan_html(text)
    elif path.suffix == ".css":
        problems += css_references(text)
    elif path.suffix == ".js" and loaded:
        problems += js_references(text)
    return problems


def loaded_scripts(site: Path) -> set[Path]:
    """The JS files the site loads: <script src>, the search worker, and the lunr files it imports."""
    loaded = {(site / name).resolve() for name in needed_lunr_files(search_languages(site))}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        workers = re.findall(r'"search":\s*"([^"]+)"', html)
        # the site's search worker imports Material's, named after its "#" (overrides/main.html)
        workers += [w.split("#")[0].rsplit("/", 1)[0] + "/" + urlsplit(w).fragment for w in workers if "#" in w]
        refs = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html) + workers
        loaded |= {(page.parent / urlsplit(ref).path).resolve() for ref in refs if not REMOTE.match(ref)}
    return loaded


def scan_site(site: Path) -> dict[str, list[str]]:
    """{file: problems} for every .html, .css and .js file with a problem."""
    report = {}
    loaded = loaded_scripts(site)
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            problems = scan_file(path, loaded=path.resolve() in loaded)
            if problems:
                report[path.relative_to(site).as_posix()] = problems
    return report


@pytest.fixture(params=["built_site", "offline_site"])
def site(request) -> Path:
    """Each build in turn: the online site and the offline copy."""
    return request.getfixturevalue(request.param)


def test_no_file_refers_to_another_host(site):
    assert scan_site(site) == {}


def test_vendor_url_guards_hold(site):
    """The optional features behind VENDOR_URLS are never switched on."""
    pages = list(site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, f"{page}: the GitHub API would be asked for repo facts"
        assert not re.search(r'class="[^"]*\bmermaid\b', html), f"{page}: Mermaid would load from unpkg.com"


def test_loaded_scripts_are_found(site):
    names = {p.name for p in loaded_scripts(site)}
    assert {"glossary.js"} < names
    assert any(n.startswith("bundle.") for n in names) and any(n.startswith("search.") for n in names)


def test_offline_copy_loads_the_local_shim(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker/shim.js"></script>' in home
    assert (offline_site / "assets/javascripts/iframe-worker/shim.js").is_file()


def test_online_build_is_unchanged_by_offline_mode(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in home
    assert not (built_site / "assets/javascripts/iframe-worker").exists()


@pytest.mark.parametrize("html", [
    '<script src="https://unpkg.com/iframe-worker/shim"></script>',
    '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
    '<link rel="dns-prefetch" href="//example.org">',
    '<link rel="stylesheet" href="https://example.org/a.css">',
    '<img srcset="a.png 1x, https://example.org/b.png 2x">',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<div style="background: url(https://example.org/x.png)"></div>',
    '<style>@import "https://example.org/x.css";</style>',
    '<script>fetch("https://example.org/collect")</script>',
    '<script type="module">import "https://example.org/x.js"</script>',
])
def test_the_check_can_fail(html):
    page = f'<html><head><meta name="referrer" content="no-referrer"></head><body>{html}</body></html>'
    assert scan_html(page) or dangerous_strings(page, ".html")


def test_the_check_allows_links_and_local_files():
    page = ('<html><head><meta name="referrer" content="no-referrer">'
            '<link rel="canonical" href="https://example.org/"><link rel="stylesheet" href="assets/a.css">'
            '<script src="../assets/b.js"></script></head><body><article>'
            '<a href="https://example.org/" rel="noopener noreferrer">a source</a>'
            '<img src="data:image/png;base64,AAAA"></article>'
            '<script type="application/ld+json">{"citation": {"url": "https://example.org/"}}</script></body></html>')
    assert scan_html(page) == []
    assert scan_html(page.replace(' rel="noopener noreferrer"', "")) == [
        '<a href=https://example.org/> without rel="noopener noreferrer"']
    assert scan_html(page.replace('<meta name="referrer" content="no-referrer">', "")) == [
        'no <meta name="referrer" content="no-referrer">']


def test_css_and_js_checks_can_fail():
    assert css_references('a{background:url("https://example.org/x.png")} b{mask:url("data:image/svg+xml;'
                          'xmlns=\'http://www.w3.org/2000/svg\'")}') == ["https://example.org/x.png"]
    assert css_references("@import url(//fonts.googleapis.com/css?family=Roboto);")
    assert js_references('x="https://unpkg.com/mermaid@11/dist/mermaid.min.js";'
                         'fetch("https://example.org/beacon")') == ["https://example.org/beacon"]
    assert dangerous_strings('s.src="https://www.googletagmanager.com/gtag/js"', ".js") == ["googletagmanager"]
