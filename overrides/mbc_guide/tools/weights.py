"""What files, a first visit to a page and the whole site weigh, raw and gzipped."""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mbc_guide.html.tree import parse_document
from mbc_guide.tools.errors import ToolError


@dataclass(frozen=True)
class Weight:
    """A number of bytes as stored (raw) and as sent gzipped."""

    raw: int
    gzip: int

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.raw + other.raw, self.gzip + other.gzip)


def gzip_size(data: bytes) -> int:
    """Bytes of the data gzipped at level 6, a web server's usual setting."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def file_weight(paths: Iterable[Path]) -> Weight:
    """Raw and gzipped bytes of the files, each counted once."""
    total = Weight(0, 0)
    for path in dict.fromkeys(paths):
        data = path.read_bytes()
        total += Weight(len(data), gzip_size(data))
    return total


def html_file(site: Path, src: str) -> Path:
    """The built HTML file of the page from docs/<src> (directory URLs): "a/b.md" is a/b/index.html."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def page_assets(site: Path, page: Path) -> list[Path]:
    """The site's CSS and JavaScript files that the HTML page references (other hosts are left out)."""
    tree = parse_document(page.read_text(encoding="utf-8"))
    references = tree.css('link[rel~="stylesheet"], script[src]')
    assets = []
    for url in filter(None, (node.attrs.get("href" if node.tag == "link" else "src") for node in references)):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue
        path = (site / unquote(parts.path).lstrip("/")) if parts.path.startswith("/") else page.parent / unquote(parts.path)
        path = path.resolve()
        if not path.is_file():
            raise ToolError(f"{page.relative_to(site)} references {url}, which is not in {site}")
        assets.append(path)
    return list(dict.fromkeys(assets))


def page_weight(site: Path, src: str) -> Weight:
    """What a first visit to the page downloads: its HTML plus the CSS and JavaScript it references."""
    page = html_file(site, src)
    if not page.is_file():
        raise ToolError(f"no page for docs/{src} in {site} (expected {page.relative_to(site)}); build the site first")
    return file_weight([page, *page_assets(site, page)])


def tree_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under the folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)
