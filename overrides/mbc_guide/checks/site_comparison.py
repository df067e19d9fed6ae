"""Two builds of the site compared by what a reader gets: each page's visible text, links, tooltips and
metadata, the search index, and the files each build has; other differences are listed as markup only."""
from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path
from string import hexdigits

from selectolax.lexbor import LexborHTMLParser, LexborNode

from mbc_guide.html.tree import parse_document

NOT_SHOWN = frozenset({"script", "style", "template", "noscript"})
# Elements that start a new line of text on the page (their text never runs into a neighbour's).
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
FACTS = ("text", "links", "tooltips", "metadata")
SHOWN_LINES = 8  # changes printed per kind of fact; the rest are counted


def words(text: str) -> str:
    """Text with its whitespace collapsed to single spaces."""
    return " ".join(text.split())


def shown(node: LexborNode) -> bool:
    """True unless the element is never displayed (script, style, template, noscript, hidden)."""
    return node.tag not in NOT_SHOWN and "hidden" not in node.attributes


def visible_lines(node: LexborNode) -> list[str]:
    """The text a sighted reader sees inside node, one entry per block (paragraph, list item, cell...)."""
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = words("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def visit(parent: LexborNode) -> None:
        for child in parent.iter(include_text=True):
            if child.is_text_node:
                current.append(child.text_content or "")
            elif child.is_element_node and shown(child):
                if child.tag in BLOCKS:
                    end_line()
                visit(child)
                if child.tag in BLOCKS:
                    end_line()

    visit(node)
    end_line()
    return lines


def visible_text(node: LexborNode) -> str:
    """The text a sighted reader sees inside node, on one line."""
    return " ".join(visible_lines(node))


def item(*parts) -> str:
    """One fact as a line of JSON, so that equal facts compare equal whatever their attribute order."""
    return json.dumps(parts if len(parts) > 1 else parts[0], ensure_ascii=False, sort_keys=True)


def hashed_name(href: str) -> bool:
    """True when a file name carries a content hash, such as main.57a0d79d.min.css."""
    name = href.split("?")[0].rsplit("/", 1)[-1]
    return any(len(part) >= 8 and all(c in hexdigits for c in part) for part in name.split("."))


def metadata(tree: LexborHTMLParser) -> list[str]:
    """The page's title, language, meta tags (but its Content-Security-Policy), links and JSON-LD."""
    title = tree.css_first("title")
    facts = [item("title", words(title.text() if title else "")), item("lang", tree.root.attributes.get("lang"))]
    for meta in tree.css("meta"):
        if (meta.attributes.get("http-equiv") or "").lower() != "content-security-policy":
            facts.append(item("meta", meta.attributes))
    for link in tree.css("link[rel]"):
        if not hashed_name(link.attributes.get("href") or ""):
            facts.append(item("link", link.attributes))
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            facts.append(item("json-ld", json.loads(script.text())))
        except json.JSONDecodeError:
            facts.append(item("json-ld (not JSON)", words(script.text())))
    return facts


def page_facts(html: str) -> dict[str, list[str]]:
    """What a reader gets from a page: visible text, links, tooltips and metadata, each a list of lines."""
    tree = parse_document(html)
    return {
        "text": visible_lines(tree.body) if tree.body else [],
        "links": [item(a.attributes["href"], visible_text(a)) for a in tree.css("a[href]")],
        "tooltips": [item({name: value for name, value in node.attributes.items()
                           if name == "title" or name.startswith("data-")}, visible_text(node))
                     for node in tree.css("[title], [data-say], [data-definition]")],
        "metadata": metadata(tree),
    }


def markup_tokens(html: str) -> list[str]:
    """The page's HTML as tags, text and comments, attributes sorted and whitespace collapsed."""
    tokens: list[str] = []

    def visit(node: LexborNode) -> None:
        if node.is_text_node:
            text = words(node.text_content or "")
            if text:
                tokens.append(text)
        elif node.is_comment_node:
            tokens.append(f"<!--{words(node.comment_content or '')}-->")
        elif node.is_element_node:
            attributes = "".join(f' {name}="{value}"' if value is not None else f" {name}"
                                 for name, value in sorted(node.attributes.items()))
            tokens.append(f"<{node.tag}{attributes}>")
            for child in node.iter(include_text=True):
                visit(child)
            tokens.append(f"</{node.tag}>")

    visit(parse_document(html).root)
    return tokens


def clip(text: str, width: int = 160) -> str:
    """Text cut to width characters."""
    return text if len(text) <= width else text[:width - 1] + "…"


def first_difference(base: str, head: str, before: int = 40, after: int = 100) -> tuple[str, str] | None:
    """The stretch of two texts around where they first differ; None if they are equal."""
    if base == head:
        return None
    index = next((i for i, (a, b) in enumerate(zip(base, head)) if a != b), min(len(base), len(head)))
    start = max(0, index - before)

    def stretch(text: str) -> str:
        end = index + after
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    return stretch(base), stretch(head)


def line_changes(base: list[str], head: list[str]) -> list[str]:
    """The lines removed (-) and added (+) from base to head; a changed line is shown around its change."""
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, head, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1 == 1:
            old, new = first_difference(base[i1], head[j1])
            changes += [f"- {old}", f"+ {new}"]
        else:
            changes += [f"- {clip(line)}" for line in base[i1:i2]] + [f"+ {clip(line)}" for line in head[j1:j2]]
    return changes


def fact_changes(base: dict[str, list[str]], head: dict[str, list[str]]) -> dict[str, list[str]]:
    """For each kind of fact that differs between two pages' facts, its changed lines."""
    return {kind: line_changes(base[kind], head[kind]) for kind in FACTS if base[kind] != head[kind]}


def search_entries(index_text: str) -> tuple[dict[str, list[dict]], dict]:
    """A search index (JSON, or the offline copy's `var __index = {...}`): entries by location, and the rest."""
    index = json.loads(index_text[index_text.index("{"):])
    entries: dict[str, list[dict]] = {}
    for entry in index.pop("docs", []):
        entries.setdefault(entry.get("location", ""), []).append(entry)
    return entries, index


def value_change(base, head) -> str:
    """How one field's value changed, shown around its first difference."""
    old, new = first_difference(*(value if isinstance(value, str) else item(value) for value in (base, head)))
    return f"- {old} / + {new}"


def search_changes(base_text: str, head_text: str) -> list[str]:
    """The search index entries (by location) and settings that differ, one line each."""
    (base, base_rest), (head, head_rest) = search_entries(base_text), search_entries(head_text)
    changes = [f"settings: {key}: {value_change(base_rest.get(key), head_rest.get(key))}"
               for key in sorted(base_rest.keys() | head_rest.keys()) if base_rest.get(key) != head_rest.get(key)]
    for location in sorted(base.keys() | head.keys()):
        old, new = base.get(location, []), head.get(location, [])
        if old == new:
            continue
        if len(old) != len(new):
            changes.append(f"'{location}': {len(old)} entries in base, {len(new)} in head")
            continue
        for a, b in zip(old, new):
            changes += [f"'{location}' {key}: {value_change(a.get(key), b.get(key))}"
                        for key in sorted(a.keys() | b.keys()) if a.get(key) != b.get(key)]
    return changes


def print_lines(lines: list[str], indent: str) -> None:
    """Print the first lines, indented, and how many more there are."""
    for line in lines[:SHOWN_LINES]:
        print(indent + line)
    if len(lines) > SHOWN_LINES:
        print(f"{indent}… and {len(lines) - SHOWN_LINES} more")


def site_files(site: Path) -> set[str]:
    """Every file of a built site, by path from its root."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def compare_site(name: str, base: Path, head: Path, index: str) -> tuple[str, bool]:
    """Print what differs between two builds of one kind; return a summary and whether a reader sees a change."""
    print(f"\n== {name} ==")
    base_files, head_files = site_files(base), site_files(head)
    alone = [f"only in base: {path}" for path in sorted(base_files - head_files)] + \
            [f"only in head: {path}" for path in sorted(head_files - base_files)]
    print_lines(alone, "  ")
    identical, differ = 0, 0
    markup_only: dict[tuple[str, str], list[str]] = {}  # first differing snippet -> the pages that have it
    for page in sorted(path for path in base_files & head_files if path.endswith(".html")):
        old, new = (base / page).read_text(encoding="utf-8"), (head / page).read_text(encoding="utf-8")
        changes = fact_changes(page_facts(old), page_facts(new)) if old != new else {}
        snippet = first_difference(" ".join(markup_tokens(old)), " ".join(markup_tokens(new))) \
            if old != new and not changes else None
        if changes:
            differ += 1
            print(f"  {page}")
            for kind, lines in changes.items():
                print(f"    {kind}:")
                print_lines(lines, "      ")
        elif snippet:
            markup_only.setdefault(snippet, []).append(page)
        else:
            identical += 1
    for (old, new), pages in markup_only.items():
        print(f"  markup only ({len(pages)} pages): {clip(', '.join(pages), 300)}")
        print(f"      base: {old}\n      head: {new}")
    search = search_changes((base / index).read_text(encoding="utf-8"), (head / index).read_text(encoding="utf-8")) \
        if index in base_files & head_files else []
    if search:
        print(f"  search index ({index}):")
        print_lines(search, "    ")
    if not (alone or differ or markup_only or search):
        print("  no difference")
    summary = f"{name}: {identical} pages identical, {differ} differ, " \
              f"{sum(map(len, markup_only.values()))} differ in markup only" + \
              (f", {len(alone)} files in one build only" if alone else "") + \
              (", search index differs" if search else "")
    return summary, bool(alone or differ or search)
