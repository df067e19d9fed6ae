#!/usr/bin/env python3
"""Make the share image (docs/assets/images/share.png) from the site's own favicon and name.

Chat apps and social sites show this picture with a shared link (the
share_metadata hook names it in every page's Open Graph and Twitter tags).
It is the favicon's pink ribbon beside the site's name on a plain pale pink
background, 1200 x 630 pixels, drawn by headless Chromium through Playwright
(both already needed by the tests), so nothing comes from a third party.
Run it again after changing the favicon or the site's name, and commit the PNG.

usage: share_image.py [--out PATH]
Chromium is looked for in $CHROMIUM_PATH, then the usual install paths, PATH and Playwright's own.
exit status: 0 written, 2 no Chromium or Playwright.
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import yaml

from mbc_guide.tools import browser
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.sizes import human_size

ROOT = Path(__file__).resolve().parents[1]
FAVICON = ROOT / "docs" / "assets" / "favicon.svg"
DEFAULT_OUT = ROOT / "docs" / "assets" / "images" / "share.png"
WIDTH, HEIGHT = 1200, 630
PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><style>
body {{ margin: 0; width: {width}px; height: {height}px; display: flex; align-items: center; justify-content: center;
       gap: 56px; background: #fce4ec; color: #880e4f; font-family: "Liberation Sans", Arial, sans-serif; }}
.logo {{ width: 260px; height: 260px; flex: none; }}
.logo svg {{ width: 100%; height: 100%; }}
h1 {{ margin: 0; max-width: 700px; font-size: 68px; line-height: 1.15; }}
h1 span {{ display: block; margin-top: 16px; font-size: 46px; font-weight: 400; }}
</style><div class="logo">{logo}</div><h1>{name}<span>{subtitle}</span></h1></html>"""


def site_name() -> tuple[str, str]:
    """The site's name from mkdocs.yml, split at its colon into a name and a subtitle."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    name, _, subtitle = config["site_name"].partition(":")
    return name.strip(), subtitle.strip()


def render(out: Path, chromium: str) -> None:
    """Draw the image with headless Chromium and write it as a PNG."""
    from playwright.sync_api import sync_playwright

    name, subtitle = site_name()
    page_html = PAGE.format(width=WIDTH, height=HEIGHT, logo=FAVICON.read_text(encoding="utf-8"),
                            name=html.escape(name), subtitle=html.escape(subtitle))
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=chromium, args=list(browser.HEADLESS_ARGS))
        try:
            page = chrome.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.set_content(page_html)
            page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        finally:
            chrome.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the PNG")
    args = parser.parse_args(argv)
    try:
        chromium = browser.chromium()
    except ToolError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        render(args.out, chromium)
    except ImportError:
        print("error: Playwright is missing; run `make .venv/.installed` first.", file=sys.stderr)
        return 2
    print(f"share image: {args.out} ({WIDTH} x {HEIGHT}, {human_size(args.out.stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
