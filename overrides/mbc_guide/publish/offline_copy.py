"""The offline copy: what its readers never use removed, zipped as one folder, and published beside the site."""
from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from pathlib import Path

from mbc_guide.paths import edition_folders
from mbc_guide.publish.offline_shim import SHIM_SOURCE
from mbc_guide.tools.errors import ToolError

LUNR_DIR = "assets/javascripts/lunr/"
# Files an offline reader never loads, by path from the site root, and why.
UNUSED_FILES = {
    "404.html": "error page for a web server; its links only work on the published site",
    "sitemap.xml": "for search engines",
    "sitemap.xml.gz": "for search engines",
    "search/search_index.json": "search index for a web server; file:// reads search/search_index.js",
    "assets/images/share.png": "share image for chat apps; pages name its address on the hosted site",
}
TEXT_SUFFIXES = (".html", ".css", ".js")


def check_shim(root: Path) -> Path:
    """The iframe-worker shim installed in the project at root (`npm ci`), or a ToolError saying how to install it."""
    shim = root / SHIM_SOURCE
    if not shim.is_file():
        raise ToolError("node_modules/iframe-worker is missing; run `npm ci` in the repository root first.")
    return shim


def search_languages(site_dir: Path) -> list[str]:
    """The languages the search index was built for (["en"] when unknown)."""
    for name in ("search/search_index.json", "search/search_index.js"):
        path = site_dir / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            data = json.loads(text[text.index("{"):])
            return list(data.get("config", {}).get("lang") or ["en"])
    return ["en"]


def needed_lunr_files(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker loads for these languages (none for English alone)."""
    files: set[str] = set()
    for lang in languages:
        if lang == "ja":
            files.add("tinyseg.js")
        if lang in ("hi", "th"):
            files.add("wordcut.js")
        if lang != "en":
            files.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return {LUNR_DIR + name for name in files}


def prune_reason(rel: str, keep_lunr: set[str]) -> str | None:
    """Why the file at rel (path from the site root) is not needed offline, or None to keep it."""
    if rel.endswith(".map"):
        return "source map"
    if rel in UNUSED_FILES:
        return UNUSED_FILES[rel]
    if rel.startswith(LUNR_DIR) and rel not in keep_lunr:
        return "lunr file search does not load for this language"
    return None


def prune(site_dir: Path) -> dict[str, str]:
    """Delete what offline readers never use, in each edition too; return {path from site root: reason}."""
    others = edition_folders(site_dir)
    removed: dict[str, str] = {}
    for edition in others:
        removed.update({f"{edition.name}/{rel}": why for rel, why in prune(edition).items()})
    keep_lunr = needed_lunr_files(search_languages(site_dir))
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and not any(e in p.parents for e in others)):
        rel = path.relative_to(site_dir).as_posix()
        reason = prune_reason(rel, keep_lunr)
        if reason:
            path.unlink()
            removed[rel] = reason
    texts = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site_dir.rglob("*")
                      if p.suffix in TEXT_SUFFIXES and not any(e in p.parents for e in others))
    for path in sorted(p for p in (site_dir / "assets").rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if not rel.startswith(LUNR_DIR) and path.name != "LICENSE" and path.name not in texts:
            path.unlink()
            removed[rel] = "not referenced by any page, style or script"
    for folder in sorted((p for p in site_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed


def edition_zips(site_dir: Path, zip_path: Path) -> list[tuple[Path, Path]]:
    """Each edition's folder and its zip: the English site (without the other editions) to zip_path, and each
    other edition, such as site/es/, to a folder of the same name beside it (dist/es/mbc-guide-offline.zip)."""
    return [(site_dir, zip_path)] + [(folder, zip_path.parent / folder.name / zip_path.name)
                                     for folder in edition_folders(site_dir)]


def make_zip(site_dir: Path, zip_path: Path) -> int:
    """Zip site_dir, without the other editions' folders, as one folder named after the zip; its size in bytes."""
    others = edition_folders(site_dir)
    folder = zip_path.stem
    stamp = time.localtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and not any(e in p.parents for e in others)):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return zip_path.stat().st_size


def publish(zip_path: Path, publish_dir: Path) -> Path | None:
    """Copy the zip to publish_dir/downloads/ when publish_dir holds a built site (an edition's zip to its folder of
    it, such as site/es/downloads/); return the copy."""
    if not (publish_dir / "index.html").is_file():
        return None
    target = publish_dir / "downloads" / zip_path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(zip_path, target)
    return target
