"""What a page may carry: the allowlist of HTML and of files in docs/, and the checks against it (see SECURITY.md)."""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.tree import elements, parse_document, parse_fragment, walk

# Elements a page may use, and the attributes each may carry beyond GLOBAL_ATTRIBUTES.
ALLOWED_ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s", "del", "ins",
         "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var", "dfn", "abbr", "blockquote", "q",
         "cite", "ul", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "figure",
         "figcaption", "div", "span", "summary", "section", "aside", "nav", "header", "footer", "wbr"],
        frozenset()),
    "a": frozenset({"href", "rel", "download", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "label": frozenset({"for"}),
    "input": frozenset({"type", "disabled", "checked"}),  # only a checklist's disabled tick box
}
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden"})
URL_ATTRIBUTES = frozenset({"href", "src"})
_CLUE_BY_VALUE = URL_ATTRIBUTES | {"id", "for"}  # a refused value is found in the source by the value itself
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")  # the characters a browser reads as a scheme
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto", "tel", "site"})  # site: = a file of this site
TABLE_ALIGNMENTS = frozenset({"left", "right", "center"})  # the only inline style: a table column's alignment

# The only comments a page may carry: the site's markers, which the build replaces, and the generated glossary's
# "mentions:ANCHOR" under each entry (an anchor being a-z, 0-9 and "-"). Any other comment is refused,
# "<!-- c -- > <img onerror=...> -->" among them.
SITE_MARKERS = frozenset({"whole-guide", "whole-guide-pdf", "coverage-report"})
MENTIONS_MARKER = re.compile(r"mentions:[a-z0-9-]+")
# Ids starting with this belong to Material (__config, __search, __drawer, __palette_0, __nav_1, ...).
THEME_ID_PREFIX = "__"
# The ids the site's own scripts look up (read from them by theme_ids, with the templates' ids).
_SCRIPT_ID = re.compile(r"""getElementById\(\s*["']([^"']+)["']|querySelector(?:All)?\(\s*["']#([\w-]+)""")

# Files under docs/ other than pages: the site's own scripts, styles and icon, and pictures. Anything else a
# browser could run or show as a document (.html, .svg, .js, .css, .xml, ...) is refused (file_problem); so is
# a .pdf, whose words no check reads and whose viewer may run its scripts (the whole guide's PDF is built).
OWN_ASSETS = frozenset({
    "assets/favicon.svg",
    "assets/stylesheets/extra.css",
    "assets/javascripts/app.js",
    "assets/javascripts/glossary.js",
    "assets/javascripts/workers/search-readers.js",
})
PICTURE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})

ALLOWED_SUMMARY = ("pages may use text, links (https:, http:, mailto:, tel: or a page of this site), images that "
                   "are files of this site (a relative path), lists, tables, details and the site's own blocks; "
                   "never scripts, frames, plug-ins, forms, style blocks, event handlers such as onclick, "
                   "javascript:/data: addresses, HTML comments, or the theme's own ids (such as __config)")


@dataclass(frozen=True)
class Violation:
    """One thing the allowlist refuses: what it is, and a piece of text to find it by in the source."""

    what: str
    clue: str


@dataclass(frozen=True)
class ThemeIds:
    """The ids the theme's templates and the site's scripts use: a page may not take them."""

    names: frozenset[str]
    prefixes: tuple[str, ...]  # from templated ids such as "__palette_{{ loop.index0 }}"

    def owns(self, value: str) -> bool:
        """True when an id (or a label's for=) is, or could be, one of the theme's."""
        value = value.strip()
        return value in self.names or value.startswith((THEME_ID_PREFIX, *self.prefixes))


def theme_ids(template_dirs: Iterable[Path | str], docs_dir: Path) -> ThemeIds:
    """The ids in the theme's templates (Material's and overrides/) and those the site's own scripts look up."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for folder in map(Path, template_dirs):
        for template in _templates(folder):
            stat = template.stat()
            template_names, template_prefixes = _template_ids(template, stat.st_mtime_ns, stat.st_size)
            names |= template_names
            prefixes |= template_prefixes
    for script in sorted(OWN_ASSETS):
        if script.endswith(".js") and (docs_dir / script).is_file():
            names.update(filter(None, (part for match in _SCRIPT_ID.findall((docs_dir / script).read_text(
                encoding="utf-8")) for part in match)))
    return ThemeIds(frozenset(names), tuple(sorted(prefixes)))


def _templates(folder: Path) -> list[Path]:
    """The HTML templates in a theme folder, in a stable order (its icons, assets and caches hold none)."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith((".", "__")) and name != "assets")
        found += [Path(parent, name) for name in sorted(files) if name.endswith(".html")]
    return found


@functools.lru_cache(maxsize=1024)
def _template_ids(template: Path, _mtime_ns: int, _size: int) -> tuple[frozenset[str], frozenset[str]]:
    """One template's literal ids and templated id prefixes (read again only when the file changes)."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for element in elements(parse_document(template.read_text(encoding="utf-8"))):
        for name in ("id", "for"):
            literal, templated, _ = (element.attributes.get(name) or "").partition("{")
            if templated and literal:
                prefixes.add(literal)
            elif literal and not templated:
                names.add(literal)
    return frozenset(names), frozenset(prefixes)


def check_html(html: str, theme: ThemeIds) -> list[Violation]:
    """Everything in the HTML that the allowlist does not allow, in document order."""
    return check_tree(parse_fragment(html), theme)


def check_tree(tree: LexborHTMLParser, theme: ThemeIds) -> list[Violation]:
    """Everything in a parsed page body that the allowlist does not allow, in document order."""
    found: list[Violation] = []
    for node in walk(tree):
        if node.is_comment_node:
            text = (node.comment_content or "").strip()
            if text not in SITE_MARKERS and not MENTIONS_MARKER.fullmatch(text):
                found.append(Violation("an HTML comment (<!-- ... -->)", text.splitlines()[0] if text else "<!--"))
            continue
        if not node.is_element_node:
            continue
        element, tag = node, node.tag
        if tag not in ALLOWED_ELEMENTS:
            found.append(Violation(f"the <{tag}> element", f"<{tag}"))
            continue
        for name, value in element.attributes.items():
            problem = _attribute_problem(tag, name, value or "", theme)
            if problem:
                found.append(Violation(problem, value if name in _CLUE_BY_VALUE and value else name))
        if tag == "input" and not (element.attributes.get("type") == "checkbox" and "disabled" in element.attributes):
            found.append(Violation("a form field (<input>); only a checklist's disabled tick box is allowed",
                                   "<input"))
    return found


def _attribute_problem(tag: str, name: str, value: str, theme: ThemeIds) -> str | None:
    if name.startswith("on"):
        return f"the event handler {name}= on <{tag}>"
    if name not in GLOBAL_ATTRIBUTES and name not in ALLOWED_ELEMENTS[tag] and not name.startswith("aria-"):
        return f"the attribute {name}= on <{tag}>"
    if name in URL_ATTRIBUTES and not url_allowed(value):
        return (f"the address {value[:40]!r} in {name}= (a script-like or unknown scheme, or a site: address "
                "that is not a plain path of this site)")
    if tag == "img" and name == "src" and not _is_own_file(value):
        return f"the image source {value[:40]!r} (an image must be a file of this site, given as a relative path)"
    if name in ("id", "for") and theme.owns(value):
        return f"the id {value[:40]!r} in {name}= (it belongs to the theme; choose another)"
    if name == "style" and not _is_table_alignment(value):
        return f"the inline style {value[:40]!r} (only a table column's text-align is allowed)"
    return None


def _cleaned(url: str) -> str:
    return "".join(c for c in url if c > " " and c != "\x7f").lower()  # browsers drop these


def url_scheme(url: str) -> str | None:
    """The address's scheme as a browser reads it (lower case), or None for a relative address."""
    scheme, colon, _ = _cleaned(url).partition(":")
    if not colon or not _SCHEME.fullmatch(scheme):
        return None  # relative: a path, a query or a fragment ("!!! note:" too: a scheme starts with a letter)
    return scheme


def url_allowed(url: str) -> bool:
    """True for a relative address or one with an allowed scheme, as a browser reads it (site: with a plain path)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in ALLOWED_SCHEMES and (scheme != "site" or site_path(url) is not None)


def _is_own_file(url: str) -> bool:
    """True for a relative path (no scheme, no host, not from the server's root): a file of this site."""
    return url_scheme(url) is None and not _cleaned(url).replace("\\", "/").startswith("/")


_SITE_PATH = re.compile(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*/?(#[A-Za-z0-9._~-]*)?")


def site_path(url: str) -> str | None:
    """The path of a site: address ("site:downloads/guide.zip"), or None unless it is a plain path of this site.

    Letters, digits and "-._~" between single slashes, no ".." part: it cannot become another address once resolved.
    """
    path = url.removeprefix("site:")
    if path == url or not _SITE_PATH.fullmatch(path) or ".." in path.split("#")[0].split("/"):
        return None
    return path.split("#")[0]


def file_problem(rel_path: str) -> str | None:
    """Why a file under docs/ may not be published as it is, or None (check_html checks pages; dotfiles never go)."""
    path = PurePosixPath(rel_path)
    if (path.suffix == ".md" or rel_path in OWN_ASSETS or path.suffix.lower() in PICTURE_EXTENSIONS
            or any(part.startswith(".") for part in path.parts)):
        return None
    kind = f"a {path.suffix} file" if path.suffix else "a file without an extension"
    return (f"{kind} is published as it is, unchecked, and a browser may run it or show it as a page; "
            f"write it as a Markdown page (.md), or for a picture use {', '.join(sorted(PICTURE_EXTENSIONS))}. "
            "The site's own scripts, styles and icon are listed in OWN_ASSETS in overrides/mbc_guide/html/content_policy.py")


def _is_table_alignment(style: str) -> bool:
    prop, colon, value = style.strip().removesuffix(";").partition(":")
    return bool(colon) and prop.strip().lower() == "text-align" and value.strip().lower() in TABLE_ALIGNMENTS


THEME_ID_STARTS = ("__", "mbc")  # every id the theme (__config, ...) and the site's templates (mbc-...) use


def needs_rendering(markdown_text: str) -> bool:
    """False only for Markdown that cannot render to anything check_html refuses, so need not be rendered to check.

    Anything refused needs raw HTML ("<"), an attribute list ("{"), a character reference ("&"), an image or a link.
    """
    if any(mark in markdown_text for mark in ("<", "{", "&", "![")) \
            or any(start in markdown_text.lower() for start in THEME_ID_STARTS):
        return True  # a heading's own id could be one of the theme's (# __config, # MBC app notice)
    for opener in ("](", "]:"):
        at = markdown_text.find(opener)
        while at >= 0:
            address = markdown_text[at + 2:at + 2 + 200].lstrip().split(maxsplit=1)
            if address and not url_allowed(address[0]):
                return True
            at = markdown_text.find(opener, at + 2)
    return False


def line_of(source: str, clue: str) -> int | None:
    """The first line of the page's source that holds the clue (any capitalisation), if any."""
    at = source.lower().find(clue.lower())
    return source.count("\n", 0, at) + 1 if at >= 0 else None
