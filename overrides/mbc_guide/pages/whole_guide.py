"""The whole guide: every page of the site on one page, in reading order, to print or save as a PDF.

In the guide a page's ids get its prefix ("treatment-chemotherapy--side-effects"), its headings go one level
down, its sources' <aside> becomes a <div>, links between pages become links within the guide, and other links
into the site become absolute on site_url, so a printed copy never points at the machine that made it.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from mbc_guide.html.tree import elements, parse_fragment, rename, to_html
from mbc_guide.pages.generated_pages import GLOSSARY_PAGE, with_value
from mbc_guide.pages.page_words import PageWords, english
from mbc_guide.text.markdown_escape import md_text as text
from mbc_guide.tools.sizes import human_size

GUIDE_PAGE = "whole-guide.md"
MARKER = "<!-- whole-guide -->"
PDF_MARKER = "<!-- whole-guide-pdf -->"
PDF_PATH = "downloads/mbc-guide.pdf"
ID_LIST_ATTRIBUTES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
TOC_ID = "mbc-guide-toc"
GUIDE_SECTION = ""  # stands for the guide's own page in the sections map
_BASE = "https://site.invalid/"  # resolves relative links; never appears in the output


def pdf_paragraph(src_uri: str, pdf_size: int | None, words: PageWords | None = None) -> str:
    """The Markdown that links the whole guide (and the PDF, with its size) from the page at src_uri."""
    words = words or english()
    folder = posixpath.dirname(src_uri) or "."
    guide = f"[{text(words['guide_link'])}]({posixpath.relpath(GUIDE_PAGE, folder)})"
    if pdf_size is None:
        return with_value(words["guide_open"], link=guide)
    pdf = f"[{text(words['pdf_link'])}]({posixpath.relpath(PDF_PATH, folder)})"
    return with_value(words["guide_pdf"], pdf_link=pdf, size=text(human_size(pdf_size)), link=guide)


def section_id(page) -> str:
    """The id of a page's section in the guide: "home", "treatment", "treatment-chemotherapy"."""
    stem = page.file.src_uri.removesuffix(".md").removesuffix("index").strip("/")
    return stem.replace("/", "-") or "home"


def reading_order(pages: list) -> list:
    """The nav's pages without the guide itself, the glossary moved to the end."""
    pages = [p for p in pages if p.file.src_uri != GUIDE_PAGE]
    return [p for p in pages if p.file.src_uri != GLOSSARY_PAGE] + [p for p in pages if p.file.src_uri == GLOSSARY_PAGE]


def _link(href: str, *, page_url: str, prefix: str, sections: dict[str, str], site_url: str | None) -> str:
    """Where a link of the page at page_url leads in the guide."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href  # another site, mailto:, data:
    if not parts.path:
        return f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}"
    path = urlsplit(urljoin(_BASE + page_url, parts.path)).path.lstrip("/")
    target = sections.get(path + "index.html" if path.endswith("/") or not path else path)
    if target == GUIDE_SECTION:
        return f"#{TOC_ID}"  # a link to the whole guide itself: its contents
    if target:
        return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"
    address = f"{site_url.rstrip('/')}/{path}" if site_url else path
    return address + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def rebase(html: str, *, page_url: str, prefix: str, sections: dict[str, str], guide_url: str,
           site_url: str | None) -> str:
    """One page's HTML made ready to sit inside the guide (as the module's docstring says)."""
    tree = parse_fragment(html)
    for tag in list(elements(tree)):
        attrs = tag.attrs
        if attrs.get("id"):
            attrs["id"] = f"{prefix}--{attrs['id']}"
        for name in ID_LIST_ATTRIBUTES:
            if attrs.get(name):
                attrs[name] = " ".join(f"{prefix}--{value}" for value in attrs[name].split())
        if "href" in attrs:
            old = attrs["href"] or ""
            href = _link(old, page_url=page_url, prefix=prefix, sections=sections, site_url=site_url)
            if tag.tag == "a" and href != old and urlsplit(href).scheme:
                attrs["rel"] = "noopener noreferrer"  # now a link to the published site, like other external links
            attrs["href"] = href
        src = attrs.get("src")
        if src and not urlsplit(src).scheme and not src.startswith("/"):
            attrs["src"] = get_relative_url(urlsplit(urljoin(_BASE + page_url, src)).path.lstrip("/"), guide_url)
        if tag.tag in ("h1", "h2", "h3", "h4", "h5"):
            rename(tree, tag, f"h{int(tag.tag[1]) + 1}")
        elif tag.tag == "aside":
            if "aria-labelledby" in attrs:
                del attrs["aria-labelledby"]  # HTML does not let a plain <div> be named
            rename(tree, tag, "div")  # one landmark per page's sources would give the guide dozens of the same name
    return to_html(tree)


def table_of_contents(pages: list) -> str:
    """An ordered list linking every page's section."""
    items = "".join(f'<li><a class="mbc-alone" href="#{section_id(p)}">{escape(p.title)}</a></li>' for p in pages)
    return (f'<nav class="mbc-guide__toc" aria-labelledby="{TOC_ID}"><h2 id="{TOC_ID}">Contents</h2>'
            f'<ol>{items}</ol></nav>')


def page_meta_html(page, config, env) -> str:
    """A page's sources and review dates, as shown under it on the site."""
    template = env.get_template("partials/page-meta.html")
    return template.render(page=page, config=config, base_url=get_relative_url(".", page.url))


def guide_html(guide, pages: list, config, env) -> str:
    """The table of contents and every page's section."""
    sections = {p.file.dest_uri: section_id(p) for p in pages} | {guide.file.dest_uri: GUIDE_SECTION}
    parts = [table_of_contents(pages)]
    for page in pages:
        if page.content is None:
            raise PluginError(f"docs/{GUIDE_PAGE}: docs/{page.file.src_uri} has no HTML yet; is it in the nav?")
        prefix = section_id(page)
        html = rebase(page.content + page_meta_html(page, config, env), page_url=page.url, prefix=prefix,
                      sections=sections, guide_url=guide.url, site_url=config.site_url)
        parts.append(f'<section class="mbc-guide__section" id="{prefix}">{html}</section>')
    return '<div class="mbc-guide">' + "".join(parts) + "</div>"


def fill_pdf_marker(markdown: str, src_uri: str, pdf: Path | None, words: PageWords | None = None) -> str:
    """The page with the paragraph that links the whole guide, and the PDF with its size, in place of its marker."""
    if PDF_MARKER not in markdown:
        return markdown
    return markdown.replace(PDF_MARKER, pdf_paragraph(src_uri, pdf.stat().st_size if pdf else None, words))


def fill_guide(guide, pages: list, config, env) -> list[str]:
    """Put every other page, in reading order, where the whole guide's marker is; a message when it is lost."""
    if MARKER not in (guide.content or ""):
        return [f"docs/{GUIDE_PAGE} has lost its '{MARKER}' line; put it back where the pages go."]
    guide.content = guide.content.replace(MARKER, guide_html(guide, reading_order(pages), config, env), 1)
    return []
