#!/usr/bin/env python3
"""Print the whole guide (docs/whole-guide.md) to one PDF with headless Chromium.

Builds the site strictly into a temporary folder (MkDocs' own build, in this
process; or takes an already built one with --site-dir), serves it on a free local
port, opens the whole guide's page in Chromium through Playwright, with service
workers blocked, and prints it: A4, the site's title and
the date at the top of every sheet, "Page N of M" at the foot, a PDF outline (bookmarks)
and tags for screen readers. The print stylesheet (extra.css) leaves out the menus and
buttons and starts each page of the guide on a new sheet.

The PDF goes to dist/mbc-guide.pdf, and the Spanish edition's (site/es/whole-guide/) to
dist/mbc-guide-es.pdf, with its header and footer in Spanish. `make build` (or `make offline`)
after it publishes each as downloads/mbc-guide.pdf of its edition and links it, with its size,
from the home and About pages (extra.whole_guide in mkdocs.yml and mkdocs.es.yml).

usage: pdf.py [--site-dir DIR] [--pdf PATH]
Chromium is looked for in $CHROMIUM_PATH, then the usual install paths, PATH and Playwright's own.
exit status: 0 written, 1 the build or the printing failed, 2 no Chromium or bad arguments.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
import tempfile
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.interface_text import date_text, interface_text
from mbc_guide.paths import TRANSLATIONS as EDITIONS
from mbc_guide.tools import browser
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.pdf import GUIDE_PDF, edition_pdf, pdf_pages
from mbc_guide.tools.serve import serve
from mbc_guide.tools.sizes import human_size
from mbc_guide.tools.strict_build import strict_build

ROOT = Path(__file__).resolve().parents[1]
GUIDE_URL = "whole-guide/"  # the whole guide's address, from the site root
STYLE = "width:100%;margin:0 12mm;font:8px sans-serif;color:#222"
MARGINS = {"top": "16mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}


def build_site(site_dir: Path) -> None:
    """Build the site strictly into site_dir, without any earlier PDF in it (MkDocs' messages to stderr)."""
    failed = strict_build(site_dir, ROOT, WHOLE_GUIDE_PDF="", WHOLE_GUIDE_PDF_ES="")
    if failed is not None:
        sys.stderr.write(failed)
        raise ToolError("the strict build failed (MkDocs' messages are above).")


def header_and_footer(language: str) -> tuple[str, str]:
    """The line above every sheet (the title, and when it was printed) and below it ("Page 2 of 40"), in the
    edition's language (data/interface.yml), escaped."""
    words = interface_text(language)
    printed = html.escape(words["pdf_header"]).replace("{date}", html.escape(date_text(dt.date.today(), language)))
    footer = html.escape(words["pdf_footer"]).replace("{page}", '<span class="pageNumber"></span>').replace(
        "{pages}", '<span class="totalPages"></span>')
    return (f'<div style="{STYLE}"><span class="title"></span>, {printed}</div>',
            f'<div style="{STYLE};text-align:right">{footer}</div>')


def print_guide(site_dir: Path, chrome: str, language: str = "en") -> bytes:
    """The whole guide's page of the built site (or edition) at site_dir, printed to PDF bytes."""
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
            header, footer = header_and_footer(language)
            return page.pdf(format="A4", margin=MARGINS, print_background=True, display_header_footer=True,
                            header_template=header, footer_template=footer, outline=True, tagged=True)
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
            printed = [(args.pdf, print_guide(site.resolve(), chrome))]
            for language in EDITIONS:
                if (site / language / GUIDE_URL).is_dir():
                    printed.append((edition_pdf(args.pdf, language),
                                    print_guide((site / language).resolve(), chrome, language)))
    except (ToolError, DataError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path, pdf in printed:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(pdf)
        partial.replace(path)
        print(f"whole guide: {path} ({human_size(len(pdf))}, {pdf_pages(pdf)} pages)")
    print("run `make build` (or `make offline`) to publish it with the site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
