"""What a page may carry: the allowlist of HTML, in one place, and the check against it.

Pages and data arrive through pull requests, so the rendered HTML of every page
is parsed and checked before readers get it (by the content_safety hook in the
strict build and by scripts/validate.py). Pages carry text, links, images,
lists, tables and the site's own blocks (admonitions, details, footnotes,
checklists). Scripts, frames, plug-ins, forms, style blocks, event handlers
and script-like addresses (javascript:, data:, vbscript:, ...) are refused.
See SECURITY.md for why.
"""
from __future__ import annotations

from dataclasses import dataclass

from html_tree import elements, parse_fragment

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
ALLOWED_SCHEMES = frozenset({"https", "http", "mailto", "tel", "site"})  # site: = a file of this site
TABLE_ALIGNMENTS = frozenset({"left", "right", "center"})  # the only inline style: a table column's alignment

ALLOWED_SUMMARY = ("pages may use text, links (https:, http:, mailto:, tel: or a page of this site), images, "
                   "lists, tables, details and the site's own blocks; never scripts, frames, plug-ins, forms, "
                   "style blocks, event handlers such as onclick, or javascript:/data: addresses")


@dataclass(frozen=True)
class Violation:
    """One thing the allowlist refuses: what it is, and a piece of text to find it by in the source."""

    what: str
    clue: str


def check_html(html: str) -> list[Violation]:
    """Everything in the HTML that the allowlist does not allow, in document order."""
    found: list[Violation] = []
    for element in elements(parse_fragment(html)):
        tag = element.tag
        if tag not in ALLOWED_ELEMENTS:
            found.append(Violation(f"the <{tag}> element", f"<{tag}"))
            continue
        for name, value in element.attributes.items():
            problem = _attribute_problem(tag, name, value or "")
            if problem:
                found.append(Violation(problem, value if name in URL_ATTRIBUTES and value else name))
        if tag == "input" and not (element.attributes.get("type") == "checkbox" and "disabled" in element.attributes):
            found.append(Violation("a form field (<input>); only a checklist's disabled tick box is allowed",
                                   "<input"))
    return found


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name.startswith("on"):
        return f"the event handler {name}= on <{tag}>"
    if name not in GLOBAL_ATTRIBUTES and name not in ALLOWED_ELEMENTS[tag] and not name.startswith("aria-"):
        return f"the attribute {name}= on <{tag}>"
    if name in URL_ATTRIBUTES and not url_allowed(value):
        return f"the address {value[:40]!r} in {name}= (a script-like or unknown scheme)"
    if name == "style" and not _is_table_alignment(value):
        return f"the inline style {value[:40]!r} (only a table column's text-align is allowed)"
    return None


def url_allowed(url: str) -> bool:
    """True for a relative address or one with an allowed scheme, as a browser would read it."""
    cleaned = "".join(c for c in url if c > " " and c != "\x7f").lower()  # browsers drop these
    scheme, colon, _ = cleaned.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True  # relative: a path, a query or a fragment
    return scheme in ALLOWED_SCHEMES


def _is_table_alignment(style: str) -> bool:
    prop, colon, value = style.strip().removesuffix(";").partition(":")
    return bool(colon) and prop.strip().lower() == "text-align" and value.strip().lower() in TABLE_ALIGNMENTS


def needs_rendering(markdown_text: str) -> bool:
    """False only for Markdown that cannot render to anything check_html refuses.

    The site's Markdown makes only allowed elements by itself; anything else needs
    raw HTML ("<"), an attribute list ("{") or a character reference ("&"), and an
    address needs a link: "](address" or a "[name]: address" definition. So a page
    without those characters whose every link address is allowed is safe as it is;
    any other page is rendered and checked in full. (Lets the validator skip
    rendering most pages; the strict build always checks the rendered page.)
    """
    if any(mark in markdown_text for mark in "<{&"):
        return True
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
