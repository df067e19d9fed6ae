"""Each page's links to the same page in the site's other editions: the language switch, hreflang and the sitemap."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from mbc_guide.pages.share_metadata import hosted_url

LOCALES = {"en": "en_US", "es": "es_US"}  # Open Graph's og:locale: the editions are written for US readers


@dataclass(frozen=True)
class EditionLink:
    """The same page in one edition: its language, its link from this page, its hosted address and its label."""

    language: str
    href: str  # relative to this page; in the offline copy, another edition's page on the hosted site
    url: str | None  # its address on the hosted site
    label: str  # "Lea esta página en español": the link's words, in its own language

    @property
    def elsewhere(self) -> bool:
        """True when the link leads to the hosted site (from the offline copy)."""
        return self.href.startswith(("https:", "http:"))

    @property
    def locale(self) -> str:
        """Its Open Graph locale, such as "es_US"."""
        return LOCALES.get(self.language, self.language)


def edition_root(language: str) -> str:
    """Where an edition's pages are in the site: "" for English, "es/" for Spanish."""
    return "" if language == "en" else f"{language}/"


def edition_links(src_uri: str, page_url: str, here: str, languages: dict[str, str], english_site_url: str | None,
                  has_page, offline: bool = False) -> list[EditionLink]:
    """The page at src_uri (URL page_url, in edition `here`) in every edition of `languages` (language -> label)
    that has it, this one included, in the order given; has_page(language, src_uri) says whether one has it.
    In the offline copy, whose zip holds one edition, another edition's page is linked on the hosted site."""
    up = "../" * page_url.count("/") + ("../" if here != "en" else "")
    links = []
    for language, label in languages.items():
        if language != here and not has_page(language, src_uri):
            continue
        root = edition_root(language)
        site_url = urljoin(english_site_url, root) if english_site_url else None
        url = hosted_url(src_uri, site_url)
        href = url if offline and language != here else up + root + page_url or "./"
        if href:
            links.append(EditionLink(language, href, url, label))
    return links
