"""The installable app's hook: icons, manifest, the service worker's file list."""
from __future__ import annotations

import datetime as dt
import json
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from mbc_guide.publish import web_app
from tests.helpers import ROOT

FAVICON = (ROOT / "docs" / "assets" / "favicon.svg").read_text(encoding="utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("size", "padding", "background"), [(192, 0.08, None), (512, 0.2, "#ffffff")])
def test_icons_are_drawn_from_the_favicon_at_the_size_asked(size, padding, background):
    png = web_app.icon_png(FAVICON, size, padding, background)
    assert png_size(png) == (size, size)


def test_an_icon_with_a_background_differs_from_one_without():
    assert web_app.icon_png(FAVICON, 64, 0.1, "#ffffff") != web_app.icon_png(FAVICON, 64, 0.1, None)


def test_a_broken_favicon_is_a_clear_error():
    with pytest.raises(PluginError, match="not valid SVG"):
        web_app.icon_png("<svg", 64, 0.1, None)


def test_manifest_has_what_phones_need():
    config = SimpleNamespace(theme={"favicon": "assets/favicon.svg", "language": "en"}, site_name="A <guide>",
                             site_description="About it.")
    manifest = json.loads(web_app.manifest_json(config, {"short_name": "Guide", "theme_color": "#c2185b",
                                                         "background_color": "#ffffff"}))
    assert manifest["name"] == "A <guide>" and manifest["short_name"] == "Guide"
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


@pytest.mark.parametrize(("path", "kept"), [
    ("index.html", True), ("treatment/chemotherapy/index.html", True), ("search/search_index.json", True),
    ("assets/javascripts/glossary.js", True), ("assets/javascripts/bundle.a5f9d56c.min.js", True),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", False), ("sw.js", False), ("404.html", False),
    ("downloads/mbc-guide.pdf", False), ("assets/javascripts/lunr/wordcut.js", False), ("sitemap.xml", True), ("sitemap.xml.gz", False),
])
def test_what_is_kept_on_the_device(path, kept):
    assert (web_app.precache_reason(path) is None) is kept


def test_the_file_list_goes_in_place_of_the_placeholder(tmp_path: Path):
    (tmp_path / "index.html").write_text("home")
    (tmp_path / "page.js.map").write_text("map")
    entries = web_app.precache_entries(tmp_path)
    assert [e.path for e in entries] == ["index.html"]
    js = web_app.service_worker_js("const BUILD = self.__MBC_BUILD__;", entries, dt.date(2026, 11, 27))
    build = json.loads(js.removeprefix("const BUILD = ").removesuffix(";"))
    assert build["date"] == "2026-11-27" and build["files"] == [["index.html", entries[0].revision]]


def test_each_file_has_its_subresource_integrity_hash(tmp_path: Path):
    (tmp_path / "index.html").write_text("home")
    # printf home | openssl dgst -sha256 -binary | base64
    assert web_app.precache_entries(tmp_path)[0].revision == "sha256-TqFAWIFQdzzjqs54au739ASc4QD6ZJyU+73blg8dqUI="


def test_a_changed_file_changes_the_version(tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text("one")
    first = web_app.service_worker_js("x = self.__MBC_BUILD__", web_app.precache_entries(tmp_path), dt.date.today())
    page.write_text("two")
    second = web_app.service_worker_js("x = self.__MBC_BUILD__", web_app.precache_entries(tmp_path), dt.date.today())
    assert json.loads(first[4:])["version"] != json.loads(second[4:])["version"]


@pytest.mark.parametrize("template", ["no placeholder", "self.__MBC_BUILD__ and self.__MBC_BUILD__"])
def test_a_lost_or_doubled_placeholder_stops_the_build(template):
    with pytest.raises(PluginError, match="exactly once"):
        web_app.service_worker_js(template, [], dt.date.today())
