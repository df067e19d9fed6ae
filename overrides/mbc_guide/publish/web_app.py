"""The installable app: web app manifest, home-screen icons drawn from the favicon, and the service worker.

Only the hosted site gets them: browsers refuse a manifest and a service worker from file://. The worker's file
list gives each file's Subresource Integrity hash, which it checks every saved copy against.
"""
from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import resvg_py
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from mbc_guide.paths import edition_folders

MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
PLACEHOLDER = "self.__MBC_BUILD__"
SETTINGS = ("short_name", "theme_color", "background_color")
SVG = "http://www.w3.org/2000/svg"
# path -> (size in pixels, manifest purpose or None, share of the side kept free around the ribbon).
# "maskable" icons keep the ribbon inside the middle 80% that every launcher's mask leaves.
ICONS = {
    "assets/icons/icon-192.png": (192, "any", 0.08),
    "assets/icons/icon-512.png": (512, "any", 0.08),
    "assets/icons/maskable-512.png": (512, "maskable", 0.2),
    "assets/icons/apple-touch-icon.png": (180, None, 0.12),  # iPhone and iPad home screens
}
# Files of the built site that are not kept on the device, and why. (sitemap.xml is kept: the theme reads it
# on every page, for the feed's rel=alternate link in the head.)
NOT_PRECACHED = {
    SERVICE_WORKER: "the service worker itself",
    "404.html": "error page for the web server",
    "sitemap.xml.gz": "for search engines",
    "assets/images/favicon.png": "Material's own favicon; this site uses its SVG one",
}
LUNR = "assets/javascripts/lunr/min/"  # the theme's search files for languages other than English
NOT_PRECACHED_FOLDERS = {
    "downloads/": "the offline zip and the PDF: large, and downloaded on purpose",
    "assets/javascripts/lunr/": "search files for languages other than English",
}
@dataclass(frozen=True)
class Entry:
    """One file kept on the device: path from the site root, integrity hash, bytes raw and gzipped."""

    path: str
    revision: str
    raw: int
    gzip: int


def add_app_files(files: Files, config, app, *, manifest: bool, service_worker: bool) -> None:
    """Add the manifest and the icons to the hosted site; drop the service worker where it has none."""
    worker = files.get_file_from_path(SERVICE_WORKER)
    if worker and not service_worker:
        files.remove(worker)
    if not manifest:
        return
    name = config.theme["favicon"]
    favicon = Path(config.docs_dir) / name
    if favicon.suffix != ".svg" or not favicon.is_file():
        raise PluginError(f"theme.favicon must be an SVG file in docs/ (the app icons are drawn from it), "
                          f"not '{name}'.")
    svg = favicon.read_text(encoding="utf-8")
    files.append(File.generated(config, MANIFEST, content=manifest_json(config, app)))
    for path, (size, purpose, padding) in ICONS.items():
        background = None if purpose == "any" else app["background_color"]
        files.append(File.generated(config, path, content=icon_png(svg, size, padding, background)))


def template_globals(app, date: dt.date, *, manifest: bool, service_worker: bool) -> dict:
    """What the templates need to link the manifest and register the service worker."""
    return {
        "manifest": MANIFEST if manifest else None,
        "service_worker": SERVICE_WORKER if service_worker else None,
        "theme_color": app["theme_color"],
        "build_date": date.isoformat(),
        "build_label": f"{date.day} {date:%B %Y}",
    }


def write_service_worker(site_dir: Path, date: dt.date, language: str = "en") -> None:
    """Write sw.js with the list of every file the site needs, once all are written."""
    worker = site_dir / SERVICE_WORKER
    if not worker.is_file():
        raise PluginError(f"overrides/{SERVICE_WORKER} is missing; restore it from git.")
    entries = precache_entries(site_dir, language)
    worker.write_text(service_worker_js(worker.read_text(encoding="utf-8"), entries, date), encoding="utf-8")


def manifest_json(config, app) -> str:
    """The web app manifest; its URLs are relative to itself, at the site root."""
    icons = [{"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
             for path, (size, purpose, _) in ICONS.items() if purpose]
    icons.append({"src": config.theme["favicon"], "sizes": "any", "type": "image/svg+xml", "purpose": "any"})
    return json.dumps({
        "id": "./", "start_url": "./", "scope": "./", "display": "standalone", "lang": config.theme["language"],
        "name": config.site_name, "short_name": app["short_name"], "description": config.site_description,
        "theme_color": app["theme_color"], "background_color": app["background_color"], "icons": icons,
    }, indent=2, ensure_ascii=False) + "\n"


def icon_png(favicon_svg: str, size: int, padding: float, background: str | None) -> bytes:
    """The favicon drawn as a square PNG icon, with free space around it and an optional background."""
    ET.register_namespace("", SVG)
    try:
        ribbon = ET.fromstring(favicon_svg)
    except ET.ParseError as err:
        raise PluginError(f"the favicon is not valid SVG ({err}); fix it or point theme.favicon at another.") from None
    inner = size * (1 - 2 * padding)
    ribbon.attrib.update(x=f"{size * padding:g}", y=f"{size * padding:g}", width=f"{inner:g}", height=f"{inner:g}")
    canvas = ET.Element(f"{{{SVG}}}svg", width=str(size), height=str(size), viewBox=f"0 0 {size} {size}")
    if background:
        ET.SubElement(canvas, f"{{{SVG}}}rect", width=str(size), height=str(size), fill=background)
    canvas.append(ribbon)
    return bytes(resvg_py.svg_to_bytes(svg_string=ET.tostring(canvas, encoding="unicode")))


def precache_reason(path: str, language: str = "en") -> str | None:
    """Why the built file at path is not kept on the device, or None to keep it (in an edition of this language)."""
    if path.endswith(".map"):
        return "source map, used only by developer tools"
    if path in (f"{LUNR}lunr.stemmer.support.min.js", f"{LUNR}lunr.{language}.min.js"):
        return None  # a translated edition's search needs its language's stemmer
    if path in NOT_PRECACHED:
        return NOT_PRECACHED[path]
    return next((why for folder, why in NOT_PRECACHED_FOLDERS.items() if path.startswith(folder)), None)


def integrity(data: bytes) -> str:
    """The sha256 of data as Subresource Integrity writes it, as the service worker computes it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def precache_entries(site_dir: Path, language: str = "en") -> list[Entry]:
    """Every file of the built site that the service worker keeps, sorted by path; not those of another edition,
    an app of its own (site/es/)."""
    editions = edition_folders(site_dir)
    entries = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file() and not any(e in p.parents for e in editions)):
        path = file.relative_to(site_dir).as_posix()
        if precache_reason(path, language) is None:
            data = file.read_bytes()
            entries.append(Entry(path, integrity(data), len(data), len(gzip.compress(data, compresslevel=6, mtime=0))))
    return entries


def service_worker_js(template: str, entries: list[Entry], date: dt.date) -> str:
    """The service worker's source with the build's file list in place of the placeholder."""
    files = [[e.path, e.revision] for e in entries]
    version = hashlib.sha256(json.dumps(files).encode()).hexdigest()[:16]
    if template.count(PLACEHOLDER) != 1:
        raise PluginError(f"overrides/{SERVICE_WORKER} must hold the placeholder '{PLACEHOLDER}' exactly once "
                          f"(found {template.count(PLACEHOLDER)}); the file list goes there.")
    build = json.dumps({"version": version, "date": date.isoformat(), "files": files}, separators=(",", ":"))
    return template.replace(PLACEHOLDER, build, 1)


def precache_paths(site_dir: Path) -> list[str]:
    """The files a built sw.js keeps, read back from it (for the benchmark and the tests)."""
    text = (site_dir / SERVICE_WORKER).read_text(encoding="utf-8")
    start = text.index('{"version":')
    build, _ = json.JSONDecoder().raw_decode(text, start)
    return [path for path, _ in build["files"]]
