"""Check the links between rendered pages, and their anchors, naming the line of each broken one.

Only links to a page of the site (a relative .md address, with or without #anchor) or to an anchor on the same
page are checked; the strict build checks the rest.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from mbc_guide.data.front_matter import Page
from mbc_guide.data.glossary import Glossary
from mbc_guide.data.inventory import Inventory
from mbc_guide.html import content_policy
from mbc_guide.html.tree import elements, parse_fragment
from mbc_guide.pages import generated_pages, whats_new

# Pages whose anchors are added in the build: links to them are checked, their anchors only by the build.
ANCHORS_MADE_IN_BUILD = {"whole-guide.md"}


class BrokenLink(NamedTuple):
    """A link that leads nowhere: on which page and line, what is wrong and what to do."""

    page: str
    line: int | None
    href: str
    message: str
    fix: str


def broken_links(pages: dict[str, Page], html_of: Callable[[str], str], inventory: Inventory, glossary: Glossary,
                 render: Callable[[str], str]) -> list[BrokenLink]:
    """Each link from a page to a missing page, or to a missing anchor, with its line."""
    generated = {generated_pages.GLOSSARY_PAGE: lambda: generated_pages.glossary_markdown(inventory, glossary),
                 generated_pages.SIDE_EFFECTS_PAGE: lambda: generated_pages.side_effects_markdown(inventory),
                 whats_new.WHATS_NEW_PAGE: lambda: "# What's new\n"}  # its other headings are dates
    anchors: dict[str, set[str]] = {}

    def anchors_of(target: str) -> set[str]:
        if target not in anchors:
            html = html_of(target) if target in pages else render(generated[target]())
            anchors[target] = {value for element in elements(parse_fragment(html))
                               for value in (element.attributes.get("id"),
                                             element.attributes.get("name") if element.tag == "a" else None)
                               if value}
        return anchors[target]

    findings = []
    for rel, page in pages.items():
        if "[" not in page.body and "<" not in page.body:
            continue  # no link can be written without one of these
        for href in _hrefs(html_of(rel)):
            problem = _problem(rel, href, pages, generated, anchors_of)
            if problem:
                message, fix = problem
                line = content_policy.line_of(page.body, href)
                findings.append(BrokenLink(rel, line + page.body_line - 1 if line else None, href, message, fix))
    return findings


def _hrefs(html: str) -> list[str]:
    return [element.attributes["href"] for element in elements(parse_fragment(html))
            if element.tag == "a" and element.attributes.get("href")]


def _problem(rel: str, href: str, pages: dict, generated: dict, anchors_of) -> tuple[str, str] | None:
    """(what is wrong, what to do) for a link that leads nowhere, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or (parts.path and not parts.path.endswith(".md")):
        return None  # another site, or a file that is not a page: the strict build checks those
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)) if path else rel
    if target.startswith("../") or (target not in pages and target not in generated):
        return (f"the link '{href}' leads to '{path}', which is not a page of the site",
                "link to a page's .md file by its path from this page (such as ../treatment/chemotherapy.md), "
                "or remove the link")
    fragment = unquote(parts.fragment)
    if not fragment or target in ANCHORS_MADE_IN_BUILD or fragment in anchors_of(target):
        return None
    known = sorted(a for a in anchors_of(target) if not a.startswith(("fn:", "fnref:", "__")))
    shown = ", ".join(f"#{a}" for a in known[:8]) + (", ..." if len(known) > 8 else "")
    return (f"the link '{href}' leads to '#{fragment}', which is not a heading or anchor on {target}",
            f"use the anchor of one of its headings ({shown or 'it has none'}), or link to the page alone")
