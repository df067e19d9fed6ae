"""scripts/offline.py (mbc_guide.publish.offline_copy) and the offline_shim hook: pruning, the zip, publishing, clear
errors."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from mbc_guide.publish import offline_copy, offline_shim
from tests.helpers import need_npm_packages

ROOT = Path(__file__).resolve().parents[2]


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


def test_missing_node_modules_is_one_clear_line(tmp_path):
    script = tmp_path / "project" / "scripts" / "offline.py"  # the script in a project without node_modules/
    script.parent.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "offline.py", script)
    result = subprocess.run([sys.executable, str(script), "--site-dir", str(tmp_path / "site"), "--zip",
                             str(tmp_path / "x.zip")], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == ("error: node_modules/iframe-worker is missing; "
                                     "run `npm ci` in the repository root first.")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("args, message", [
    (["--zip", "bundle.tar"], "--zip must name a .zip file"),
    (["--site-dir", "out", "--zip", "out/x.zip"], "--zip must be outside --site-dir"),
])
def test_bad_arguments_get_a_message_not_a_traceback(tmp_path, args, message):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/offline.py"), *args], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


# The offline_shim hook


def test_offline_config_uses_the_local_shim_before_materials_plugin(monkeypatch):
    need_npm_packages()
    monkeypatch.setenv("OFFLINE", "true")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert config.extra["polyfills"] == [offline_shim.SHIM_PATH]
    assert config.use_directory_urls is False


def test_normal_config_is_unchanged(monkeypatch):
    monkeypatch.delenv("OFFLINE", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert not config.extra.get("polyfills")
    assert config.use_directory_urls is True


def test_hook_stops_with_npm_ci_message_when_the_shim_is_missing(tmp_path):
    plugin = SimpleNamespace(config=SimpleNamespace(enabled=True))
    config = SimpleNamespace(plugins={"material/offline": plugin}, config_file_path=str(tmp_path / "mkdocs.yml"),
                             extra={})
    with pytest.raises(PluginError, match=r"run `npm ci`"):
        offline_shim.on_config(config)


@pytest.mark.parametrize("page_url, offline_mode, expected", [
    ("about/offline/", False, 'href="../../downloads/mbc-guide-offline.zip"'),
    ("about/offline.html", False, 'href="../downloads/mbc-guide-offline.zip"'),
    ("", False, 'href="downloads/mbc-guide-offline.zip"'),
    ("about/offline.html", True, 'href="https://example.org/guide/downloads/mbc-guide-offline.zip"'),
])
def test_site_links_resolve_per_page(page_url, offline_mode, expected):
    html = '<a href="site:downloads/mbc-guide-offline.zip" download="">Download</a>'
    out = offline_shim.resolve_site_links(html, page_url, "https://example.org/guide/", offline_mode)
    assert out == html.replace('href="site:downloads/mbc-guide-offline.zip"', expected)


def test_site_links_are_found_by_the_parser_not_by_text():
    html = '<p title=\'href="site:x"\'>href="site:y"</p>'
    assert offline_shim.resolve_site_links(html, "", "https://example.org/", False) == html


@pytest.mark.parametrize("href", ["site:javascript:alert(1)", "site:JavaScript:alert(1)", "site://evil.example/",
                                  "site:/\\evil.example/", "site:../../other/", " site:javascript:alert(1)",
                                  "SITE:javascript:alert(1)"])
@pytest.mark.parametrize("offline_mode", [False, True])
def test_a_site_link_that_is_not_a_plain_path_loses_its_address(href, offline_mode):
    html = f'<a href="{href}">x</a>'
    out = offline_shim.resolve_site_links(html, "about/offline/", "https://example.org/guide/", offline_mode)
    assert out == "<a>x</a>"
