"""What the build makes for reading offline and on paper, and for reporting a problem (built HTML).

- The hosted build links a web app manifest and has a service worker listing every page;
  the file:// copy has neither (browsers refuse both there).
- The whole guide holds every page of the nav once, with unique ids and no link that would
  lead to the machine that printed it.
- Every page ends with the report link (prefilled, escaped) and the contributors' link; the
  edit pencil is gone from the top of the page; the offline copy says the links need a connection.
- With a PDF made, the home and About pages link it with its size, and it is published.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from mbc_guide.html.tree import parse_document
from mbc_guide.publish import web_app
from tests.helpers import ROOT, build_site, need_npm_packages

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def soup(path: Path):
    """The built page, read with the parser the content gate uses."""
    return parse_document(path.read_text(encoding="utf-8"))


def link_named(node, text: str):
    """The first link inside node whose text is text."""
    return next(link for link in node.css("a") if link.text(strip=True) == text)


def nav_sources(nav) -> list[str]:
    """The Markdown paths of the nav, in order."""
    found = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_sources(value) if isinstance(value, list) else [value]
    return found


def html_path(site: Path, src: str, directory_urls: bool = True) -> Path:
    stem = src.removesuffix(".md")
    if not directory_urls:
        return site / f"{stem}.html"
    return site / (f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html")


PAGES = nav_sources(CONFIG["nav"])


# --- The installable app ------------------------------------------------------------------

def test_hosted_pages_link_the_manifest_and_name_the_service_worker(built_site):
    head = soup(built_site / "index.html").head
    assert head.css_first('link[rel~="manifest"]').attrs["href"] == "manifest.webmanifest"
    assert head.css_first('meta[name="mbc-service-worker"]').attrs["content"] == "sw.js"
    assert head.css_first('link[rel~="apple-touch-icon"]')
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        if icon["type"] == "image/png":
            width, height = struct.unpack(">II", data[16:24])
            assert f"{width}x{height}" == icon["sizes"], icon


def test_the_service_worker_keeps_every_page_search_and_scripts(built_site):
    kept = set(web_app.precache_paths(built_site))
    pages = {html_path(built_site, src).relative_to(built_site).as_posix() for src in PAGES}
    assert pages <= kept, f"pages not kept offline: {sorted(pages - kept)}"
    assert {"search/search_index.json", "assets/javascripts/glossary.js", "assets/javascripts/app.js",
            "manifest.webmanifest"} <= kept
    assert any(p.startswith("assets/javascripts/workers/search.") for p in kept)
    assert not any(p.endswith(".map") for p in kept)
    revisions = json.loads((built_site / "sw.js").read_text(encoding="utf-8").split("const BUILD = ", 1)[1]
                           .split(";\n", 1)[0])["files"]
    assert dict(revisions) == {e.path: e.revision for e in web_app.precache_entries(built_site)}, \
        "sw.js does not match the built files: was a file changed after the build?"


def test_the_offline_copy_has_no_manifest_and_no_service_worker(offline_site):
    assert not (offline_site / "sw.js").exists() and not (offline_site / "manifest.webmanifest").exists()
    for page in offline_site.rglob("*.html"):
        head = soup(page).head
        assert not head.css('link[rel~="manifest"], meta[name="mbc-service-worker"]')


def test_the_registration_script_never_runs_from_file_urls():
    script = (ROOT / "docs" / "assets" / "javascripts" / "app.js").read_text(encoding="utf-8")
    assert '/^https?:$/.test(location.protocol)' in script
    assert 'window.addEventListener("load"' in script, "register the service worker after the page has loaded"


# --- The whole guide ----------------------------------------------------------------------

def test_the_whole_guide_holds_every_page_once_in_order_with_the_glossary_last(built_site):
    guide = soup(built_site / "whole-guide" / "index.html")
    sections = [s.attrs["id"] for s in guide.css(".mbc-guide__section")]
    expected = [p for p in PAGES if p not in ("whole-guide.md", "glossary.md")] + ["glossary.md"]
    assert len(sections) == len(expected)
    assert sections[-1] == "glossary" and sections[0] == "home"
    for section, src in zip(guide.css(".mbc-guide__section"), expected):
        title = soup(html_path(built_site, src)).css_first("h1").text(separator=" ", strip=True).rstrip("¶").strip()
        assert title in section.css_first("h2").text(separator=" ", strip=True), \
            f"{src}: its section starts with another title"
        assert section.css_first(".mbc-page-meta time"), f"{src}: its sources and review dates are missing"


def test_the_whole_guide_has_unique_ids_and_no_link_to_the_machine(built_site):
    guide = soup(built_site / "whole-guide" / "index.html")
    ids = Counter(tag.attrs["id"] for tag in guide.css("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    for link in guide.css(".mbc-guide a[href]"):
        href = link.attrs["href"]
        assert href.startswith(("#", "https://", "mailto:")), f"relative link in the whole guide: {href}"
        if href.startswith("#") and len(href) > 1:
            assert href[1:] in ids, f"link to a missing anchor: {href}"


def test_the_whole_guide_is_not_a_search_result(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("whole-guide/") for doc in index["docs"])


# --- Report a problem, suggest a change ---------------------------------------------------

@pytest.mark.parametrize("src", ["index.md", "treatment/chemotherapy.md", "glossary.md", "whole-guide.md"])
def test_every_page_ends_with_the_report_link_and_the_contributors_link(built_site, src):
    page = soup(html_path(built_site, src))
    assert not page.css("article a.md-content__button"), "the edit pencil should be in the footer now"
    footer = page.css_first("article footer.mbc-page-actions")
    assert footer is not None and page.css("article > *")[-1].mem_id == footer.mem_id, \
        "the page should end with its footer"
    report = link_named(footer, "Report a problem with this page")
    query = parse_qs(urlsplit(report.attrs["href"]).query)
    canonical = page.css_first('link[rel~="canonical"]').attrs["href"]
    reviewed = page.css_first("article > .mbc-page-meta .mbc-page-meta__dates time").attrs["datetime"]
    title = page.css_first("h1").text(strip=True).rstrip("¶")
    assert query["page-address"] == [canonical] and query["reviewed"] == [reviewed]
    assert query["template"] == ["report-a-problem.yml"] and query["page-title"] == [title]
    assert report.attrs["href"].startswith(CONFIG["repo_url"] + "/issues/new?")
    edit = link_named(footer, "Suggest a change (for contributors)")
    assert "/edit/main/" in edit.attrs["href"]
    assert "hidden" in footer.css_first(".mbc-needs-connection").attrs, "online, the note shows only on a saved copy"


def test_the_offline_copy_says_the_links_need_a_connection(offline_site):
    footer = soup(offline_site / "treatment" / "chemotherapy.html").css_first("footer.mbc-page-actions")
    note = footer.css_first(".mbc-needs-connection")
    assert "hidden" not in note.attrs and "internet connection" in note.text()
    assert link_named(footer, "Report a problem with this page").attrs["href"].startswith("https://github.com/")


@pytest.mark.builds
def test_titles_are_escaped_in_the_report_link(tmp_path):
    copy = tmp_path / "project"
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ("mkdocs.yml", "mkdocs.es.yml"):
        shutil.copy(ROOT / config, copy / config)
    page = copy / "docs" / "questions.md"
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    page.write_text(text.replace(title, "title: 'A &amp; \"b\" question'", 1), encoding="utf-8")
    result = build_site(copy / "site", project=copy)
    assert result.returncode == 0, result.stderr
    html = (copy / "site" / "questions" / "index.html").read_text(encoding="utf-8")
    link = link_named(soup(copy / "site" / "questions" / "index.html"), "Report a problem with this page")
    assert "%26amp%3B%20%22b%22" in link.attrs["href"]  # the title as written, never as HTML
    assert 'href="https://github.com/mbc-plain-guide/mbc-plain-guide/issues/new?template=report-a-problem.yml&amp;' in html


# --- The PDF, published with the site -----------------------------------------------------

@pytest.fixture(scope="module")
def fake_pdf(tmp_path_factory) -> Path:
    """A stand-in for dist/mbc-guide.pdf (the real one is checked in tests/browser/test_whole_guide_pdf.py)."""
    path = tmp_path_factory.mktemp("pdf") / "guide.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 1_234_000)
    return path


def test_without_a_pdf_the_home_page_links_the_whole_guide_only(built_site):
    home = soup(built_site / "index.html")
    assert home.css_first('article a[href="whole-guide/"]')
    assert not home.css('a[href$=".pdf"]')
    assert not (built_site / "downloads" / "mbc-guide.pdf").exists()


@pytest.mark.builds
def test_with_a_pdf_home_and_about_link_it_with_its_size(tmp_path, fake_pdf):
    site = tmp_path / "site"
    result = build_site(site, env={"WHOLE_GUIDE_PDF": str(fake_pdf)})
    assert result.returncode == 0, result.stderr
    assert (site / "downloads" / "mbc-guide.pdf").read_bytes() == fake_pdf.read_bytes()
    for page, href in ((site / "index.html", "downloads/mbc-guide.pdf"),
                       (site / "about" / "index.html", "../downloads/mbc-guide.pdf")):
        link = soup(page).css_first(f'article a[href="{href}"]')
        assert link is not None, f"{page.relative_to(site)} does not link the PDF"
        assert "(1.2 MB)" in link.parent.text(), f"{page.relative_to(site)} does not give the PDF's size"
    assert "downloads/mbc-guide.pdf" not in web_app.precache_paths(site), "the PDF is downloaded on purpose only"


@pytest.mark.builds
def test_with_a_pdf_the_offline_zip_holds_it_and_links_it_locally(tmp_path, fake_pdf):
    need_npm_packages()
    bundle = tmp_path / "mbc-guide-offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline.py"), "--site-dir", str(tmp_path / "site"),
                             "--zip", str(bundle)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WHOLE_GUIDE_PDF": str(fake_pdf)})
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(bundle) as archive:
        assert "mbc-guide-offline/downloads/mbc-guide.pdf" in archive.namelist()
    home = soup(tmp_path / "site" / "index.html")
    assert home.css_first('article a[href="downloads/mbc-guide.pdf"]'), "the offline home page links its own PDF"
