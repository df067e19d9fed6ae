#!/usr/bin/env python3
"""Build the offline copy of the site (opens from file://, no network) and zip it.

Runs `mkdocs build --strict` with Material's offline plugin on (OFFLINE=true),
so links end in .html and the search index is inlined; the offline_shim hook
loads the iframe-worker shim from node_modules (`npm ci`), never from a CDN.
It then removes what an offline reader never uses (source maps, lunr language
files search does not load, the JSON search index that only a web server
uses, the sitemap, the 404 page, unreferenced assets other than licences) and zips the result as
one folder, mbc-guide-offline/, with index.html inside.

Publishing: the online site links to downloads/mbc-guide-offline.zip (see
docs/about/offline.md). With --publish-dir DIR (`make offline` passes
--publish-dir site), the zip is also copied to DIR/downloads/ when DIR holds a
built site, so `make build` then `make offline` leaves a complete site/ to
publish (`make build` cleans site/, so run it first). When DIR has no built
site the copy is skipped with a note.

usage: offline.py [--site-dir DIR] [--zip PATH] [--publish-dir DIR]
exit status: 0 built, 1 the build failed, 2 missing tools or bad arguments.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
DEFAULT_SITE = ROOT / "site-offline"
DEFAULT_ZIP = ROOT / "dist" / "mbc-guide-offline.zip"
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


class OfflineError(Exception):
    """A problem the reader can fix; its message is printed as one line."""


def check_shim(shim: Path | None = None) -> Path:
    """Return the installed iframe-worker shim, or fail with how to install it."""
    shim = shim or SHIM
    if not shim.is_file():
        raise OfflineError("node_modules/iframe-worker is missing; run `npm ci` in the repository root first.")
    return shim


def strict_build(site_dir: Path, **env: str) -> str | None:
    """Build the site strictly into site_dir, with these environment variables; MkDocs' output if it failed."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                            capture_output=True, text=True)
    return None if result.returncode == 0 else result.stdout + result.stderr


def build(site_dir: Path) -> None:
    """Run the strict MkDocs build with the offline plugin on, into site_dir."""
    failed = strict_build(site_dir, OFFLINE="true")
    if failed is not None:
        sys.stderr.write(failed)
        raise OfflineError("the offline build failed (MkDocs' messages are above).")
    index = site_dir / "index.html"
    html = index.read_text(encoding="utf-8") if index.is_file() else ""
    if "iframe-worker/shim.js" not in html or "unpkg.com" in html:
        raise OfflineError(f"{index} does not load the local iframe-worker shim; is overrides/hooks/offline_shim.py "
                           "listed under hooks: in mkdocs.yml?")


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
    """Delete what offline readers never use; return {path from site root: reason}."""
    keep_lunr = needed_lunr_files(search_languages(site_dir))
    removed: dict[str, str] = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        reason = prune_reason(rel, keep_lunr)
        if reason:
            path.unlink()
            removed[rel] = reason
    texts = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in site_dir.rglob("*") if p.suffix in TEXT_SUFFIXES)
    for path in sorted(p for p in (site_dir / "assets").rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if not rel.startswith(LUNR_DIR) and path.name != "LICENSE" and path.name not in texts:
            path.unlink()
            removed[rel] = "not referenced by any page, style or script"
    for folder in sorted((p for p in site_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed


def make_zip(site_dir: Path, zip_path: Path) -> int:
    """Zip site_dir as one folder named after the zip; return the zip's size in bytes."""
    folder = zip_path.stem
    stamp = time.localtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    partial.replace(zip_path)
    return zip_path.stat().st_size


def publish(zip_path: Path, publish_dir: Path) -> Path | None:
    """Copy the zip to publish_dir/downloads/ when publish_dir holds a built site; return the copy."""
    if not (publish_dir / "index.html").is_file():
        return None
    target = publish_dir / "downloads" / zip_path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(zip_path, target)
    return target


def human(size: int) -> str:
    """A byte count as kB or MB."""
    return f"{size / 1_000_000:.2f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=DEFAULT_SITE, help="where to build (default: site-offline/)")
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP,
                        help="the zip to write (default: dist/mbc-guide-offline.zip)")
    parser.add_argument("--publish-dir", type=Path, default=None,
                        help="a built online site to copy the zip into, under downloads/ (e.g. site)")
    args = parser.parse_args(argv)
    if args.zip.suffix != ".zip":
        parser.error(f"--zip must name a .zip file, not '{args.zip}'")
    args.site_dir, args.zip = args.site_dir.resolve(), args.zip.resolve()
    if args.zip.is_relative_to(args.site_dir):
        parser.error("--zip must be outside --site-dir (the zip cannot contain itself)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        check_shim()
        build(args.site_dir)
    except OfflineError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2 if "npm ci" in str(err) else 1
    removed = prune(args.site_dir)
    pages = len(list(args.site_dir.rglob("*.html")))
    size = make_zip(args.site_dir, args.zip)
    print(f"offline site: {args.site_dir} ({pages} pages; removed {len(removed)} files offline readers never use)")
    print(f"zip: {args.zip} ({human(size)})")
    if args.publish_dir is not None:
        copy = publish(args.zip, args.publish_dir.resolve())
        print(f"published: {copy}" if copy else
              f"note: {args.publish_dir} has no built site, so the zip was not copied into it "
              "(run `make build`, then `make offline`).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
