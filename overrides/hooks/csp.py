"""Put a Content-Security-Policy on every page, so a reader's browser runs only the site's own scripts.

Static hosts such as GitHub Pages send no custom headers, so the policy is a
<meta http-equiv="Content-Security-Policy"> at the top of <head>. Scripts come
only from the site itself; the theme's few inline scripts are allowed by their
sha256 hashes. Only scripts the theme's own templates make are hashed: for each
page, the theme's script partials (THEME_SCRIPTS) are rendered with that page's
context, and an inline script in the built page is hashed only when its text is
one of theirs. A script that appeared any other way (from page content, front
matter or data) gets no hash, so the browser blocks it. Inline
style attributes are allowed only by hash (the table alignment the content
policy allows). Nothing may come from another host.

The offline copy, opened from file://, gets OFFLINE_POLICY, which also allows
inline scripts: the iframe-worker shim that runs search there writes an inline
script whose text holds the page's own file path, which no build can hash.
SECURITY.md explains both.
"""
from __future__ import annotations

import base64
import hashlib

from html_tree import parse_document, parse_fragment, to_html
from offline_shim import offline_enabled

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
# The file:// copy: the same, but with inline scripts allowed (no hashes: a hash would switch that off).
OFFLINE_POLICY: dict[str, list[str]] = {**POLICY, "script-src": ["'self'", "'unsafe-inline'"], "manifest-src": ["'none'"]}
JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
THEME_SCRIPTS = "partials/javascripts/"  # Material's inline script partials (base, palette, content, ...)
_build: dict = {}  # this build's template environment, and each page's theme scripts until it is written


def sha256_source(text: str) -> str:
    """A CSP hash source for an inline script or style: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_scripts(env, context: dict) -> frozenset[str]:
    """The text of every inline script the theme's script partials make for this page's context."""
    features = context["config"].theme.get("features") or []
    texts = set()
    for name in env.list_templates(filter_func=lambda name: name.startswith(THEME_SCRIPTS)):
        rendered = env.get_template(name).render({**context, "features": features})
        texts.update(script.text(deep=True) for script in parse_fragment(rendered).css("script:not([src])"))
    return frozenset(texts)


def policy_for(tree, allowed_scripts: frozenset[str] = frozenset(), offline: bool = False) -> str:
    """The policy for one parsed page, with the hashes of its theme scripts and style attributes."""
    policy = {name: list(sources) for name, sources in (OFFLINE_POLICY if offline else POLICY).items()}
    if not offline:
        for script in tree.css("script:not([src])"):
            kind = (script.attributes.get("type") or "").strip().lower()
            text = script.text(deep=True)
            if kind in JS_TYPES and text in allowed_scripts:
                policy["script-src"].append(sha256_source(text))
    styles = sorted({element.attributes["style"] for element in tree.css("[style]") if element.attributes["style"]})
    if styles:
        policy["style-src"] += ["'unsafe-hashes'", *(sha256_source(style) for style in styles)]
    return "; ".join(f"{name} {' '.join(dict.fromkeys(sources))}" for name, sources in policy.items())


def add_policy(page_html: str, allowed_scripts: frozenset[str] = frozenset(), offline: bool = False) -> str:
    """The page with its policy as the first element of <head> after <meta charset>."""
    tree = parse_document(page_html)
    policy = policy_for(tree, allowed_scripts, offline)
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
    return to_html(tree)


def on_env(env, *, config, files):
    """Keep the theme's template environment, to render its script partials for each page."""
    _build["env"] = env
    _build["scripts"] = {}
    return env


def on_page_context(context, *, page, config, nav):
    """Note the scripts the theme's partials make for this page."""
    _build["scripts"][page.file.src_uri] = theme_scripts(_build["env"], context)
    return context


def on_template_context(context, *, template_name: str, config):
    """Note the scripts the theme's partials make for a page built from a template alone (404.html)."""
    _build["scripts"][template_name] = theme_scripts(_build["env"], context)
    return context


def on_post_page(output: str, *, page, config) -> str:
    """Add the policy to each built page."""
    return add_policy(output, _build["scripts"].pop(page.file.src_uri), offline_enabled(config))


def on_post_template(output_content: str, *, template_name: str, config) -> str:
    """Add the policy to the pages built from a theme template alone (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    return add_policy(output_content, _build["scripts"].pop(template_name, frozenset()), offline_enabled(config))
