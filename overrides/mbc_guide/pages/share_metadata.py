"""Tell search engines and chat apps what each page is: its share tags, its schema.org data and its hosted address."""
from __future__ import annotations

import datetime as dt
import json
import struct
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from mbc_guide.data.front_matter import page_title

CONFIG_KEY = "metadata"  # mkdocs.yml: extra.metadata
REQUIRED_TEXT = ("condition", "share_image", "share_image_alt")


def hosted_url(src_uri: str, site_url: str | None) -> str | None:
    """The page's address on the hosted site (directory URLs), whatever this build's URL style."""
    if not site_url:
        return None
    return urljoin(site_url, File(src_uri, None, None, True).url)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, from its header."""
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise PluginError(f"{path}: the share image must be a PNG file.")
    return struct.unpack(">II", header[16:24])


def script_safe_json(data) -> Markup:
    """JSON for a <script type="application/ld+json"> block: <, > and & escaped so it cannot end the block."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text)  # noqa: S704 - escaped above; it is data, not markup


def medical_web_page(*, name: str, description: str, url: str | None, language: str, reviewed,
                     condition: str, also_called: list[str], sources: list, site_name: str, site_url: str | None) -> dict:
    """The schema.org MedicalWebPage for a page (only types and properties schema.org defines for them)."""
    about = {"@type": "MedicalCondition", "name": condition}
    if also_called:
        about["alternateName"] = also_called
    data = {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": name, "description": description,
            "inLanguage": language, "about": about, "audience": {"@type": "Patient"}}
    if url:
        data["url"] = url
    if isinstance(reviewed, dt.date):
        data["lastReviewed"] = reviewed.isoformat()
    if sources:
        data["citation"] = [{"@type": "CreativeWork", "name": s.title, "url": s.url,
                             "publisher": {"@type": "Organization", "name": s.publisher}} for s in sources]
    data["isPartOf"] = {"@type": "WebSite", "name": site_name, **({"url": site_url} if site_url else {})}
    return data


def share_image_size(config, path: str) -> tuple[int, int]:
    """Width and height of the share image in docs/; a missing one stops the build with how to make it."""
    image = Path(config.docs_dir) / path
    if not image.is_file():
        raise PluginError(f"docs/{path} (extra.{CONFIG_KEY}.share_image) is missing; "
                          "make it with `.venv/bin/python scripts/share_image.py`.")
    return png_size(image)


def share_context(page, config, metadata, inventory) -> dict:
    """The share tags and JSON-LD that overrides/partials/share-meta.html prints for a page."""
    image = share_image_size(config, metadata["share_image"])
    record = page.meta.get("page_record") or {}  # the checked text, unescaped (page.meta's is escaped HTML)
    title = config.site_name if page.is_homepage else (record.get("title") or page_title(page) or config.site_name)
    description = record.get("description") or config.site_description or ""
    url = hosted_url(page.file.src_uri, config.site_url)
    sources = [inventory.sources[s] for s in page.meta.get("sources") or []
               if isinstance(s, str) and s in inventory.sources]
    return {
        "type": "website" if page.is_homepage else "article",
        "site_name": config.site_name, "title": str(title), "description": str(description), "url": url,
        "image": urljoin(config.site_url, metadata["share_image"]) if config.site_url else None,
        "image_width": image[0], "image_height": image[1], "image_alt": metadata["share_image_alt"],
        "json_ld": script_safe_json(medical_web_page(
            name=str(title), description=str(description), url=url, language=config.theme.get("language") or "en",
            reviewed=page.meta.get("reviewed"), condition=metadata["condition"],
            also_called=metadata["condition_also_called"] or [], sources=sources,
            site_name=config.site_name, site_url=config.site_url)),
    }
