"""Put a Content-Security-Policy on every page, so a reader's browser runs only the site's own scripts.

Static hosts send no headers, so the policy is a <meta> at the top of <head>. An inline script gets a hash only
when its text is one the theme's script partials make for that page: one from content or data is blocked.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from mbc_guide.html.tree import parse_fragment
from mbc_guide.publish.offline_shim import frame_script

# The hosted site's policy; the build adds the hashes to script-src and style-src.
POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: images in its stylesheet
    "connect-src": ["'self'"],       # the search index
    "worker-src": ["'self'"],        # the search worker (and a service worker, when the site has one)
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}
# The file:// copy: the same, with no web app manifest; script-src also gets the search frame's hash.
OFFLINE_POLICY: dict[str, list[str]] = {**POLICY, "manifest-src": ["'none'"]}
JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
THEME_SCRIPTS = "partials/javascripts/"  # Material's inline script partials (base, palette, content, ...)


def sha256_source(text: str) -> str:
    """A CSP hash source for an inline script or style: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def script_partials(env) -> tuple[str, ...]:
    """The names of the theme's inline script partials (listed once a build: listing walks every template)."""
    return tuple(env.list_templates(filter_func=lambda name: name.startswith(THEME_SCRIPTS)))


def theme_scripts(env, partials: tuple[str, ...], context: dict) -> frozenset[str]:
    """The text of every inline script the theme's script partials make for this page's context."""
    features = context["config"].theme.get("features") or []
    texts = set()
    for name in partials:
        rendered = env.get_template(name).render({**context, "features": features})
        texts.update(script.text(deep=True) for script in parse_fragment(rendered).css("script:not([src])"))
    return frozenset(texts)


def search_frame_scripts(tree, shim: Path) -> list[str]:
    """Offline: the script the iframe-worker shim writes to start the search worker the page's __config names."""
    config = tree.css_first("script#__config")  # the element the theme's bundle reads
    try:
        data = json.loads(config.text(deep=True)) if config is not None else {}
    except ValueError:
        data = {}
    worker = data.get("search") if isinstance(data, dict) else None
    return [frame_script(shim, worker)] if isinstance(worker, str) and worker else []


def policy_for(tree, allowed_scripts: frozenset[str] = frozenset(), offline: bool = False,
               frame_scripts: list[str] | None = None) -> str:
    """The policy for one parsed page, with the hashes of its theme scripts, frame scripts and style attributes."""
    policy = {name: list(sources) for name, sources in (OFFLINE_POLICY if offline else POLICY).items()}
    for script in tree.css("script:not([src])"):
        kind = (script.attributes.get("type") or "").strip().lower()
        text = script.text(deep=True)
        if kind in JS_TYPES and text in allowed_scripts:
            policy["script-src"].append(sha256_source(text))
    policy["script-src"] += [sha256_source(text) for text in frame_scripts or []]
    styles = sorted({element.attributes["style"] for element in tree.css("[style]") if element.attributes["style"]})
    if styles:
        policy["style-src"] += ["'unsafe-hashes'", *(sha256_source(style) for style in styles)]
    return "; ".join(f"{name} {' '.join(dict.fromkeys(sources))}" for name, sources in policy.items())


def add_policy(tree: LexborHTMLParser, allowed_scripts: frozenset[str] = frozenset(), shim: Path | None = None) -> None:
    """Put the page's policy first in <head>, after <meta charset>; with the shim's path, the offline copy's policy."""
    policy = policy_for(tree, allowed_scripts, shim is not None, search_frame_scripts(tree, shim) if shim else None)
    head = tree.head
    meta = tree.create_node("meta")
    meta.attrs["http-equiv"] = "Content-Security-Policy"
    meta.attrs["content"] = policy
    charset = head.css_first("meta[charset]")
    if charset is not None:
        charset.insert_after(meta)
    elif head.first_child is not None:
        head.first_child.insert_before(meta)
    else:
        head.insert_child(meta)
