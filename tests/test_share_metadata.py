"""What search engines and chat apps see: share tags, schema.org JSON-LD, titles, canonical links, sitemap, robots.txt.

Checked on every page of the hosted build and of the offline copy. JSON-LD is checked against
tests/fixtures/schema_org.yml, a list of schema.org's own definitions for the terms the site uses.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from mbc_guide.data.front_matter import Page, read_page, split_page
from mbc_guide.data.inventory import Source
from mbc_guide.data.reviews import load_reviews
from mbc_guide.data.site import load_all
from mbc_guide.html.tree import parse_document
from mbc_guide.pages.generated_pages import glossary_markdown, side_effects_markdown
from mbc_guide.pages.share_metadata import (
    hosted_url,
    medical_web_page,
    script_safe_json,
)
from mbc_guide.pages.whats_new import whats_new_markdown
from mbc_guide.paths import page_files
from tests.helpers import ROOT
from tests.test_build import build_copy

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
SITE_URL, SITE_NAME = CONFIG["site_url"], CONFIG["site_name"]
SCHEMA = yaml.safe_load((ROOT / "tests" / "fixtures" / "schema_org.yml").read_text(encoding="utf-8"))
OG = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image", "og:image:alt",
      "og:image:width", "og:image:height")
TWITTER = ("twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt")


def head(page_html: str) -> dict:
    """The page's <title>, canonical links, meta tags (by property or name) and JSON-LD blocks, read by a parser."""
    tree = parse_document(page_html)
    meta = {}
    for tag in tree.css("meta[property], meta[name]"):
        key = tag.attributes.get("property") or tag.attributes.get("name")
        assert key not in meta, f"meta {key} appears twice"
        meta[key] = tag.attributes.get("content")
    title = tree.css_first("title")
    return {"meta": meta, "title": title.text() if title is not None else None,
            "canonical": [link.attributes["href"] for link in tree.css('link[rel="canonical"]')],
            "json_ld": [script.text(deep=True) for script in tree.css('script[type="application/ld+json"]')]}


def docs_pages() -> dict[str, Page]:
    """Every page of the site by its src path, with its front matter; the generated pages included."""
    pages = {p.relative_to(ROOT / "docs").as_posix(): read_page(ROOT / "docs", p)
             for p in page_files(ROOT / "docs")}
    inventory, glossary = load_all()
    pages["glossary.md"] = split_page("glossary.md", glossary_markdown(inventory, glossary))
    pages["treatment/side-effects.md"] = split_page("treatment/side-effects.md", side_effects_markdown(inventory))
    sources = [source.id for source in inventory.sources.values() if not source.names_only]
    pages["whats-new.md"] = split_page("whats-new.md", whats_new_markdown(load_reviews(), {}, sources))
    return pages


def built_file(site: Path, src: str, directory_urls: bool) -> Path:
    stem = src.removesuffix(".md")
    if not directory_urls:
        return site / f"{stem}.html"
    return site / (f"{stem}.html" if stem == "404" else "index.html" if stem == "index"
                   else f"{stem.removesuffix('/index')}/index.html" if stem.endswith("/index") else f"{stem}/index.html")


def hosted_file(built_site: Path, url: str) -> Path:
    """The file of the hosted build that serves `url` (an address under site_url)."""
    assert url.startswith(SITE_URL), f"{url} is not on the hosted site {SITE_URL}"
    path = url.removeprefix(SITE_URL)
    return built_site / (path + "index.html" if path == "" or path.endswith("/") else path)


@pytest.fixture(params=["hosted", "offline"])
def build(request, built_site, offline_site):
    """(site folder, whether it uses directory URLs) for each build."""
    return (built_site, True) if request.param == "hosted" else (offline_site, False)


# --- Share tags ------------------------------------------------------------------------------


def test_every_page_has_open_graph_and_twitter_tags(build, built_site):
    site, directory_urls = build
    for src, page in docs_pages().items():
        data = head(built_file(site, src, directory_urls).read_text(encoding="utf-8"))
        meta = data["meta"]
        missing = [key for key in OG + TWITTER if not meta.get(key)]
        assert missing == [], f"{src}: no {missing}"
        title = SITE_NAME if src == "index.md" else page.meta.get("title") or meta["og:title"]
        assert meta["og:title"] == meta["twitter:title"] == title, src
        description = page.meta.get("description") or CONFIG["site_description"].strip()
        assert meta["og:description"] == meta["twitter:description"] == description, src
        assert meta["og:site_name"] == SITE_NAME
        assert meta["og:url"] == hosted_url(src, SITE_URL) and hosted_file(built_site, meta["og:url"]).is_file(), src
        assert meta["og:image"] == meta["twitter:image"] == SITE_URL + "assets/images/share.png"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:type"] == ("website" if src == "index.md" else "article")


def test_the_share_image_is_the_sites_own_png(built_site):
    image = built_site / "assets" / "images" / "share.png"
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (1200, 630)
    meta = head((built_site / "index.html").read_text(encoding="utf-8"))["meta"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert "ribbon" in meta["og:image:alt"]


# --- Titles, canonical links, sitemap, robots.txt ------------------------------------------------


def test_the_home_title_names_the_site_once(build):
    site, _ = build
    title = head((site / "index.html").read_text(encoding="utf-8"))["title"]
    assert title == SITE_NAME
    other = head(built_file(site, "questions.md", build[1]).read_text(encoding="utf-8"))["title"]
    assert other == f"Questions to ask your care team - {SITE_NAME}"


def test_canonical_links_exist_on_the_hosted_site(build, built_site):
    site, _ = build
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(("assets/", "404"))]
    assert len(pages) > 15
    for page in pages:
        canonical = head(page.read_text(encoding="utf-8"))["canonical"]
        assert len(canonical) <= 1, f"{page}: several canonical links"
        for url in canonical:
            assert hosted_file(built_site, url).is_file(), f"{page}: canonical {url} does not exist on the hosted site"


def test_sitemap_dates_are_review_dates(built_site):
    dates = {hosted_url(src, SITE_URL): page.meta["reviewed"] for src, page in docs_pages().items()}
    urls = ET.parse(built_site / "sitemap.xml").getroot().findall("{*}url")
    assert len(urls) == len(dates)
    for url in urls:
        loc, lastmod = url.findtext("{*}loc"), url.findtext("{*}lastmod")
        assert lastmod == dates[loc].isoformat(), f"{loc}: lastmod {lastmod}, reviewed {dates[loc]}"


def test_robots_txt_names_the_sitemap(built_site, offline_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots and "Disallow: /\n" not in robots
    assert not (offline_site / "robots.txt").exists(), "the offline copy is not crawled"


# --- JSON-LD ----------------------------------------------------------------------------------


def ancestors(type_name: str) -> set[str]:
    """The type and all its parents, from tests/fixtures/schema_org.yml."""
    found, todo = set(), [type_name]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += SCHEMA["types"][name]
    return found


def schema_problems(node, where: str = "$") -> list[str]:
    """Every type, property or value in a JSON-LD node that schema.org does not define that way."""
    if not isinstance(node, dict):
        return [f"{where}: expected an object"]
    kind = node.get("@type")
    if kind not in SCHEMA["types"]:
        return [f"{where}: @type {kind!r} is not in tests/fixtures/schema_org.yml"]
    problems = []
    for prop, value in node.items():
        if prop in ("@context", "@type"):
            continue
        rule = SCHEMA["properties"].get(prop)
        if rule is None or not ancestors(kind) & set(rule["domain"]):
            problems.append(f"{where}.{prop}: not a property of {kind}")
            continue
        for item in value if isinstance(value, list) else [value]:
            problems += value_problems(item, rule["range"], f"{where}.{prop}")
    return problems


def value_problems(value, expects: list[str], where: str) -> list[str]:
    if isinstance(value, dict):
        kind = value.get("@type")
        if kind not in SCHEMA["types"] or not ancestors(kind) & set(expects):
            return [f"{where}: a {kind!r} where schema.org expects {expects}"]
        return schema_problems(value, where)
    if not isinstance(value, str) or not value.strip():
        return [f"{where}: {value!r} is not a value schema.org expects ({expects})"]
    if "Text" in expects:
        return []
    if "URL" in expects:
        return [] if re.match(r"https?://", value) else [f"{where}: {value!r} is not a URL"]
    if "Date" in expects:
        try:
            dt.date.fromisoformat(value)
            return []
        except ValueError:
            return [f"{where}: {value!r} is not a date"]
    return [f"{where}: text where schema.org expects {expects}"]


def test_every_page_has_a_medical_web_page(build):
    site, directory_urls = build
    inventory, _ = load_all()
    for src, page in docs_pages().items():
        blocks = head(built_file(site, src, directory_urls).read_text(encoding="utf-8"))["json_ld"]
        assert len(blocks) == 1, f"{src}: {len(blocks)} JSON-LD blocks"
        assert "<" not in blocks[0] and ">" not in blocks[0], f"{src}: < or > written raw in the JSON-LD"
        data = json.loads(blocks[0])
        assert schema_problems(data) == [], src
        assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
        assert data["lastReviewed"] == page.meta["reviewed"].isoformat(), src
        assert data["inLanguage"] == "en" and data["audience"] == {"@type": "Patient"}
        assert data["about"]["@type"] == "MedicalCondition" and data["about"]["name"] == "Metastatic breast cancer"
        assert data["url"] == hosted_url(src, SITE_URL)
        meta = head(built_file(site, src, directory_urls).read_text(encoding="utf-8"))["meta"]
        assert (data["name"], data["description"]) == (meta["og:title"], meta["og:description"])
        if "sources" in page.meta:
            expected = [inventory.sources[s] for s in page.meta["sources"]]
            assert [(c["name"], c["url"], c["publisher"]["name"]) for c in data["citation"]] == \
                [(s.title, s.url, s.publisher) for s in expected], src


@pytest.mark.parametrize("bad", [
    {"@context": "https://schema.org", "@type": "MedicalWebPage", "lastReviewd": "2026-11-21"},
    {"@context": "https://schema.org", "@type": "MedicalWebPage", "audience": {"@type": "Organization"}},
    {"@context": "https://schema.org", "@type": "WebSite", "lastReviewed": "2026-11-21"},
    {"@context": "https://schema.org", "@type": "MedicalPage", "name": "x"},
    {"@context": "https://schema.org", "@type": "MedicalWebPage", "lastReviewed": "21 November 2026"},
    {"@context": "https://schema.org", "@type": "MedicalWebPage", "url": "questions/"},
])
def test_the_schema_check_can_fail(bad):
    assert schema_problems(bad)


def test_json_ld_cannot_close_its_script_block():
    hostile = 'Tom\'s "guide" </script><script>alert(1)</script> & <!-- more'
    text = str(script_safe_json({"name": hostile}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": hostile}
    assert "\\u003c/script\\u003e" in text


def test_the_json_ld_uses_only_what_schema_org_defines():
    source = Source("s", "Pub", "A title", "https://example.org/a", "a.pdf", dt.date(2026, 1, 1), None, (), 1)
    data = medical_web_page(name="N", description="D", url="https://example.org/p/", language="en",
                            reviewed=dt.date(2026, 11, 21), condition="C", also_called=["C2"], sources=[source],
                            site_name="S", site_url="https://example.org/")
    assert schema_problems(data) == []


@pytest.mark.builds
def test_front_matter_is_escaped_in_every_tag(site_copy):
    page = site_copy / "docs" / "questions.md"
    hostile = 'Ask "why" & &lt;when&gt;, then \' close'  # markup itself is refused (tests/test_front_matter.py)
    text = page.read_text()
    assert "\ndescription: " in text, "the breakage no longer applies: update the test"
    page.write_text(re.sub(r"\ndescription: [^\n]*", "\ndescription: " + json.dumps(hostile), text, count=1))
    result = build_copy(site_copy)
    assert result.returncode == 0, result.stderr
    built = (site_copy / "site" / "questions" / "index.html").read_text(encoding="utf-8")
    data = head(built)  # an unescaped quote would cut the value short, a raw < would start a tag
    assert data["meta"]["og:description"] == data["meta"]["twitter:description"] == hostile
    assert json.loads(data["json_ld"][0])["description"] == hostile
    assert parse_document(built).css("head b") == [], "markup from the front matter became an element"


def test_each_page_says_its_language_and_the_sitemaps_list_both_addresses(built_site):
    """og:locale and the JSON-LD inLanguage say a Spanish page's language; each edition's sitemap gives every page's
    address in both editions (hreflang) where both have it, the way search engines pair a page with its
    translation."""
    translated = [path.relative_to(ROOT / "docs" / "es").as_posix() for path in page_files(ROOT / "docs", "es")]
    assert len(translated) >= 17
    for src in translated:
        tags = head(built_file(built_site / "es", src, True).read_text(encoding="utf-8"))
        assert (tags["meta"]["og:locale"], tags["meta"]["og:locale:alternate"]) == ("es_US", "en_US"), src
        assert json.loads(tags["json_ld"][0])["inLanguage"] == "es", src
    for sitemap, here in ((built_site / "sitemap.xml", ""), (built_site / "es" / "sitemap.xml", "es/")):
        for url in ET.parse(sitemap).getroot().findall("{*}url"):
            loc = url.findtext("{*}loc")
            path = loc.removeprefix(SITE_URL).removeprefix(here)
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("{http://www.w3.org/1999/xhtml}link")}
            expected = {"en": SITE_URL + path, "es": SITE_URL + "es/" + path}
            both = all(hosted_file(built_site, url).is_file() for url in expected.values())
            assert alternates == (expected if both else {}), loc  # a page not yet translated has none
