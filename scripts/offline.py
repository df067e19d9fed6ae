#!/usr/bin/env python3
"""Build the offline copy of the site (opens from file://, no network) and zip it.

Builds the site strictly, as `mkdocs build --strict` does (MkDocs' own build, in
this process), with Material's offline plugin on (OFFLINE=true), so links end
in .html and the search index is inlined; the offline_shim hook loads the
iframe-worker shim from node_modules (`npm ci`), never from a CDN.
It then removes what an offline reader never uses (source maps, lunr language
files search does not load, the JSON search index that only a web server
uses, the sitemap, the 404 page, unreferenced assets other than licences) and zips each edition as
one folder, mbc-guide-offline/, with index.html inside: the English site to dist/mbc-guide-offline.zip,
the Spanish one (site-offline/es/) to dist/es/mbc-guide-offline.zip. An offline page links to the
other edition's page on the hosted site.

Publishing: the online site links to downloads/mbc-guide-offline.zip (see
docs/about/offline.md; the Spanish site to es/downloads/). With --publish-dir DIR (`make offline` passes
--publish-dir site), each zip is also copied to DIR/downloads/ (DIR/es/downloads/) when DIR holds a
built site, so `make build` then `make offline` leaves a complete site/ to
publish (`make build` cleans site/, so run it first). When DIR has no built
site the copy is skipped with a note.

usage: offline.py [--site-dir DIR] [--zip PATH] [--publish-dir DIR]
exit status: 0 built, 1 the build failed, 2 missing tools or bad arguments.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mbc_guide.publish import offline_copy
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.sizes import human_size
from mbc_guide.tools.strict_build import strict_build

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = ROOT / "site-offline"
DEFAULT_ZIP = ROOT / "dist" / "mbc-guide-offline.zip"


def build(site_dir: Path) -> None:
    """Run the strict MkDocs build with the offline plugin on, into site_dir (MkDocs' messages to stderr)."""
    failed = strict_build(site_dir, ROOT, OFFLINE="true")
    if failed is not None:
        sys.stderr.write(failed)
        raise ToolError("the offline build failed (MkDocs' messages are above).")
    index = site_dir / "index.html"
    html = index.read_text(encoding="utf-8") if index.is_file() else ""
    if "iframe-worker/shim.js" not in html or "unpkg.com" in html:
        raise ToolError(f"{index} does not load the local iframe-worker shim; is overrides/hooks/build.py "
                        "listed under hooks: in mkdocs.yml?")


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
        offline_copy.check_shim(ROOT)
    except ToolError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        build(args.site_dir)
    except ToolError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    removed = offline_copy.prune(args.site_dir)
    pages = len(list(args.site_dir.rglob("*.html")))
    print(f"offline site: {args.site_dir} ({pages} pages; removed {len(removed)} files offline readers never use)")
    for folder, bundle in offline_copy.edition_zips(args.site_dir, args.zip):
        size = offline_copy.make_zip(folder, bundle)
        print(f"zip: {bundle} ({human_size(size)})")
        if args.publish_dir is not None:
            edition = folder.relative_to(args.site_dir)
            copy = offline_copy.publish(bundle, (args.publish_dir / edition).resolve())
            print(f"published: {copy}" if copy else
                  f"note: {args.publish_dir / edition} has no built site, so the zip was not copied into it "
                  "(run `make build`, then `make offline`).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
