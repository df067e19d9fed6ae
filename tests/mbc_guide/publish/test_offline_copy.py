"""The offline copy: pruning what offline readers never use, the zip, publishing it into a built site."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from mbc_guide.publish import offline_copy


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def fake_site(tmp_path) -> Path:
    """A small built site with everything prune() should keep or remove."""
    site = tmp_path / "site"
    write(site / "index.html", '<link href="assets/stylesheets/main.css"><script src="assets/javascripts/bundle.js">'
                               '</script><script src="assets/javascripts/iframe-worker/shim.js"></script>')
    write(site / "about/index.html", '<script src="../assets/javascripts/bundle.js"></script>')
    write(site / "assets/stylesheets/main.css", "body{}")
    write(site / "assets/stylesheets/main.css.map", "{}")
    write(site / "assets/javascripts/bundle.js", 'worker("assets/javascripts/workers/search.js")')
    write(site / "assets/javascripts/bundle.js.map", "{}")
    write(site / "assets/javascripts/workers/search.js", "")
    write(site / "assets/javascripts/iframe-worker/shim.js", "")
    write(site / "assets/javascripts/iframe-worker/LICENSE", "MIT")
    write(site / "assets/javascripts/lunr/min/lunr.de.min.js", "")
    write(site / "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "")
    write(site / "assets/javascripts/lunr/tinyseg.js", "")
    write(site / "assets/images/favicon.png", "png")
    write(site / "search/search_index.json", json.dumps({"config": {"lang": ["en"]}, "docs": []}))
    write(site / "search/search_index.js", 'var __index = {"config": {"lang": ["en"]}, "docs": []}')
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        write(site / name)
    return site


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_prune_removes_what_offline_readers_never_use(fake_site):
    removed = offline_copy.prune(fake_site)
    assert files(fake_site) == {
        "index.html", "about/index.html", "assets/stylesheets/main.css", "assets/javascripts/bundle.js",
        "assets/javascripts/workers/search.js", "assets/javascripts/iframe-worker/shim.js",
        "assets/javascripts/iframe-worker/LICENSE", "search/search_index.js"}
    assert removed["assets/javascripts/bundle.js.map"] == "source map"
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in removed
    assert removed["assets/images/favicon.png"] == "not referenced by any page, style or script"
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= removed.keys()
    assert not (fake_site / "assets/images").exists(), "empty folders are removed"


def test_prune_keeps_the_lunr_files_another_language_needs(fake_site):
    write(fake_site / "search/search_index.json", json.dumps({"config": {"lang": ["de"]}}))
    offline_copy.prune(fake_site)
    assert {"assets/javascripts/lunr/min/lunr.de.min.js",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} <= files(fake_site)
    assert "assets/javascripts/lunr/tinyseg.js" not in files(fake_site)


@pytest.mark.parametrize("languages, expected", [
    (["en"], set()),
    (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
    (["en", "ja"], {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"}),
    (["th"], {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
])
def test_needed_lunr_files_follow_the_search_worker(languages, expected):
    assert offline_copy.needed_lunr_files(languages) == {offline_copy.LUNR_DIR + name for name in expected}


def test_search_languages_read_from_the_inlined_index(tmp_path):
    write(tmp_path / "search/search_index.js", 'var __index = {"config": {"lang": ["fr"]}}')
    assert offline_copy.search_languages(tmp_path) == ["fr"]
    assert offline_copy.search_languages(tmp_path / "nothing") == ["en"]


def test_zip_holds_one_folder_with_the_site(fake_site, tmp_path):
    bundle = tmp_path / "dist" / "mbc-guide-offline.zip"
    size = offline_copy.make_zip(fake_site, bundle)
    assert size == bundle.stat().st_size > 0
    with zipfile.ZipFile(bundle) as z:
        names = set(z.namelist())
        assert z.testzip() is None
    assert names == {f"mbc-guide-offline/{name}" for name in files(fake_site)}
    assert "mbc-guide-offline/index.html" in names
    assert not list(tmp_path.glob("dist/*.partial"))


def test_publish_copies_the_zip_into_a_built_site_only(fake_site, tmp_path):
    bundle = write(tmp_path / "mbc-guide-offline.zip", "zip")
    copy = offline_copy.publish(bundle, fake_site)
    assert copy == fake_site / "downloads" / "mbc-guide-offline.zip" and copy.read_text() == "zip"
    assert offline_copy.publish(bundle, tmp_path / "not-built") is None
    assert not (tmp_path / "not-built").exists()
