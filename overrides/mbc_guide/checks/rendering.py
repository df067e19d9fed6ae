"""Render a page's Markdown with the site's own settings, and read the text a reader sees.

A name only in a code block, a comment, a link's address or a hidden element is not seen, so it does not count.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import markdown
import yaml
from mkdocs.theme import Theme
from mkdocs.utils.yaml import get_yaml_loader

from mbc_guide.data.errors import DataError
from mbc_guide.data.yaml_lines import check_yaml_shape
from mbc_guide.html.tree import parse_fragment, top_nodes, walk

MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]
# Never seen by a reader: code blocks, scripts and styles, templates. Image alt text is not counted
# either: most readers see the picture, not its words (README, "Checking the content").
INVISIBLE_TAGS = frozenset({"pre", "script", "style", "template", "noscript", "head", "title"})
HIDDEN_STYLES = ("display:none", "visibility:hidden")
# Elements whose children are the blocks a reader reads one by one (boxes, lists, tables).
BLOCK_CONTAINERS = frozenset({"div", "details", "blockquote", "section", "ul", "ol", "dl", "table", "thead", "tbody",
                              "tfoot"})
# The HTML of pages rendered in this process, by settings and text: the checks render the same pages many times.
RENDERED_KEPT = 2048
_RENDERED: dict[tuple[str, str], str] = {}


# MkDocs' own loader (with !ENV) over libyaml's safe loader where PyYAML has it.
_SETTINGS_LOADER = get_yaml_loader(loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _site_settings(config_file: Path) -> dict:
    try:
        text = config_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = config_file.read_bytes()[:err.start].count(b"\n") + 1
        raise DataError(config_file, line, "the site settings are not UTF-8 text; save the file as UTF-8.") from None
    except OSError as err:
        raise DataError(config_file, None, f"cannot read the site settings ({err.strerror}).") from None
    try:
        check_yaml_shape(text, config_file)
        data = yaml.load(text, Loader=_SETTINGS_LOADER)  # noqa: S506 - safe, with !ENV
    except yaml.YAMLError as err:
        raise DataError(config_file, None, f"cannot read the site settings ({err}).") from None
    if not isinstance(data, dict):
        raise DataError(config_file, 1, "the site settings must be key: value lines (a YAML mapping).")
    return data


def markdown_settings(config_file: Path) -> tuple[list, dict]:
    """The extensions and their settings from mkdocs.yml, as MkDocs reads them."""
    extensions, configs = list(MKDOCS_BUILTINS), {}
    for item in _site_settings(config_file).get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in extensions:
            extensions.append(name)
        if settings:
            configs[name] = settings
    return extensions, configs


def theme_dirs(config_file: Path) -> list[str]:
    """The theme's template folders, as the build searches them (theme.custom_dir first, then Material's)."""
    theme = _site_settings(config_file).get("theme") or {}
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return Theme(name="material", custom_dir=str(config_file.parent / custom_dir) if custom_dir else None).dirs


def renderer(extensions: list, configs: dict) -> Callable[[str], str]:
    """A function rendering Markdown to HTML with these settings (a page rendered before is not rendered again)."""
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    settings = repr((extensions, configs))

    def render(text: str) -> str:
        key = (settings, text)
        if key not in _RENDERED:
            if len(_RENDERED) >= RENDERED_KEPT:
                _RENDERED.clear()
            md.reset()
            _RENDERED[key] = md.convert(text)
        return _RENDERED[key]
    return render


def visible_text(html: str) -> str:
    """The text a reader sees: no code blocks, comments, addresses, alt text or hidden elements."""
    tree = parse_fragment(html)
    return " ".join(node.text_content for node in walk(tree, INVISIBLE_TAGS, _hidden) if node.is_text_node)


@functools.lru_cache(maxsize=256)
def visible_blocks(html: str) -> tuple[str, ...]:
    """The text a reader sees in each block (paragraph, heading, list item, table row...), spaces evened out."""
    blocks: list[str] = []
    nodes = list(top_nodes(parse_fragment(html)))
    while nodes:
        node = nodes.pop(0)
        if node.is_element_node and (node.tag in INVISIBLE_TAGS or _hidden(node)):
            continue
        if node.is_element_node and node.tag in BLOCK_CONTAINERS:
            nodes[:0] = list(node.iter(include_text=True))
            continue
        text = " ".join((visible_text(node.html or "") if node.is_element_node else node.text_content or "").split())
        if text:
            blocks.append(text)
    return tuple(blocks)


def _hidden(element) -> bool:
    attributes = element.attributes
    style = "".join((attributes.get("style") or "").lower().split())
    return "hidden" in attributes or any(rule in style for rule in HIDDEN_STYLES)
