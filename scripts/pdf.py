#!/usr/bin/env python3
"""Print the whole guide (docs/whole-guide.md) to one PDF with headless Chromium.

Builds the site strictly into a temporary folder (MkDocs' own build, in this
process; or takes an already built one with --site-dir), serves it on a free local
port, opens the whole guide's page in Chromium through Playwright, with service
workers blocked, and prints it: A4, the site's title and
the date at the top of every sheet, "Page N of M" at the foot, a PDF outline (bookmarks)
and tags for screen readers. The print stylesheet (extra.css) leaves out the menus and
buttons and starts each page of the guide on a new sheet.

The PDF goes to dist/mbc-guide.pdf. `make build` (or `make offline`) after it publishes
the file as downloads/mbc-guide.pdf and links it, with its size, from the home and About
pages (extra.whole_guide in mkdocs.yml).

usage: pdf.py [--site-dir DIR] [--pdf PATH]
Chromium is looked for in $CHROMIUM_PATH, then the usual install paths, PATH and Playwright's own.
exit status: 0 written, 1 the build or the printing failed, 2 no Chromium or bad arguments.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from mbc_guide.tools import browser
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.pdf import GUIDE_PDF, pdf_pages
from mbc_guide.tools.serve import serve
from mbc_guide.tools.sizes import human_size
from mbc_guide.tools.strict_build import strict_build

ROOT = Path(__file__).resolve().parents[1]
GUIDE_URL = "whole-guide/"  # the whole guide's address, from the site root
STYLE = "width:100%;margin:0 12mm;font:8px sans-serif;color:#222"
HEADER = f'<div style="{STYLE}"><span class="title"></span>, printed on {{date}}</div>'
FOOTER = f'<div style="{STYLE};text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
MARGINS = {"top": "16mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}


def build_site(site_dir: Path) -> None:
    """Build the site strictly into site_dir, without any earlier PDF in it (MkDocs' messages to stderr)."""
    failed = strict_build(site_dir, ROOT, WHOLE_GUIDE_PDF="")
    if failed is not None:
        sys.stderr.write(failed)
        raise ToolError("the strict build failed (MkDocs' messages are above).")


def printed_on() -> str:
    """Today's date as readers write it: "27 November 2026"."""
    today = dt.date.today()
    return f"{today.day} {today:%B %Y}"


def print_guide(site_dir: Path, chrome: str) -> bytes:
    """The whole guide's page of the built site at site_dir, printed to PDF bytes."""
    from playwright.sync_api import sync_playwright

    if not (site_dir / GUIDE_URL / "index.html").is_file():
        raise ToolError(f"{site_dir} has no {GUIDE_URL}index.html; is whole-guide.md in the nav of mkdocs.yml?")
    with serve(site_dir) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chrome, args=list(browser.HEADLESS_ARGS))
        try:
            context = chromium.new_context(service_workers="block", color_scheme="light")
            page = context.new_page()
            page.goto(base + GUIDE_URL, wait_until="load")
            page.emulate_media(media="print")
            return page.pdf(format="A4", margin=MARGINS, print_background=True, display_header_footer=True,
                            header_template=HEADER.format(date=printed_on()), footer_template=FOOTER, outline=True, tagged=True)
        finally:
            chromium.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="an already built site to print from (default: build one)")
    parser.add_argument("--pdf", type=Path, default=GUIDE_PDF, help="the PDF to write (default: dist/mbc-guide.pdf)")
    args = parser.parse_args(argv)
    if args.pdf.suffix != ".pdf":
        parser.error(f"--pdf must name a .pdf file, not '{args.pdf}'")
    try:
        chrome = browser.chromium()
    except ToolError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="pdf-site-") as tmp:
            site = args.site_dir or Path(tmp) / "site"
            if args.site_dir is None:
                build_site(site)
            pdf = print_guide(site.resolve(), chrome)
    except ToolError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    args.pdf.parent.mkdir(parents=True, exist_ok=True)
    partial = args.pdf.with_name(args.pdf.name + ".partial")
    partial.write_bytes(pdf)
    partial.replace(args.pdf)
    print(f"whole guide: {args.pdf} ({human_size(len(pdf))}, {pdf_pages(pdf)} pages)")
    print("run `make build` (or `make offline`) to publish it with the site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
