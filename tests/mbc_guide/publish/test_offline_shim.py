"""The offline copy's search shim: served from the site, never a CDN; site: addresses resolved per page."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from mbc_guide.publish import offline_shim
from tests.helpers import ROOT, as_parsed, need_npm_packages, on_fragment


def resolve(html: str, page_url: str, site_url: str, offline: bool) -> str:
    return on_fragment(offline_shim.resolve_site_links, html, page_url, site_url, offline)[0]


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


def test_the_build_stops_with_npm_ci_message_when_the_shim_is_missing(tmp_path):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra={})
    with pytest.raises(PluginError, match=r"run `npm ci`"):
        offline_shim.use_local_shim(config)


@pytest.mark.parametrize("page_url, offline_mode, expected", [
    ("about/offline/", False, 'href="../../downloads/mbc-guide-offline.zip"'),
    ("about/offline.html", False, 'href="../downloads/mbc-guide-offline.zip"'),
    ("", False, 'href="downloads/mbc-guide-offline.zip"'),
    ("about/offline.html", True, 'href="https://example.org/guide/downloads/mbc-guide-offline.zip"'),
])
def test_site_links_resolve_per_page(page_url, offline_mode, expected):
    html = '<a href="site:downloads/mbc-guide-offline.zip" download="">Download</a>'
    out = resolve(html, page_url, "https://example.org/guide/", offline_mode)
    assert out == html.replace('href="site:downloads/mbc-guide-offline.zip"', expected)


def test_site_links_are_found_by_the_parser_not_by_text():
    html = '<p title=\'href="site:x"\'>href="site:y"</p>'
    assert resolve(html, "", "https://example.org/", False) == as_parsed(html)


@pytest.mark.parametrize("href", ["site:javascript:alert(1)", "site:JavaScript:alert(1)", "site://evil.example/",
                                  "site:/\\evil.example/", "site:../../other/", " site:javascript:alert(1)",
                                  "SITE:javascript:alert(1)"])
@pytest.mark.parametrize("offline_mode", [False, True])
def test_a_site_link_that_is_not_a_plain_path_loses_its_address(href, offline_mode):
    html = f'<a href="{href}">x</a>'
    out = resolve(html, "about/offline/", "https://example.org/guide/", offline_mode)
    assert out == "<a>x</a>"
