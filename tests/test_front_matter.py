"""Front matter from a pull request never reaches a page as HTML, and bounded input ends in seconds.

One page carries a script in every front-matter key the theme's templates read (derived from the
templates themselves) and in every key the site allows: the strict build refuses each with its line
and leaves no site; a preview build (not strict) publishes no script and adds no CSP hash.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest

from mbc_guide.checks.reviewed_text import write_reviews
from mbc_guide.data.front_matter import (
    FRONT_MATTER_KEYS,
    page_meta_problems,
    shown_meta,
)
from mbc_guide.data.inventory import load_inventory
from mbc_guide.data.reviews import load_reviews
from mbc_guide.html.tree import elements, parse_document
from tests.helpers import ROOT, build_site, with_editions
from tests.test_hostile_input import assert_clean_failure, edit, validate

CHEMO = "docs/treatment/chemotherapy.md"
SCRIPT = "<script>window.__pwned=1</script>"


def theme_keys() -> set[str]:
    """Every front-matter key a template of the theme or the site reads (subtitle, author, location, ...)."""
    import material
    folders = [Path(material.__file__).parent / "templates", ROOT / "overrides"]
    keys = set()
    for folder in folders:
        for template in folder.rglob("*.html"):
            keys.update(re.findall(r"\.meta\.([a-z_]+)", template.read_text(encoding="utf-8")))
    return keys - {"page_record", "report"}  # set by the site's hooks, never read from front matter


def hostile_front_matter() -> str:
    """Front matter with a script in every key the templates read and in every key the site allows."""
    values = {key: SCRIPT for key in theme_keys() | set(FRONT_MATTER_KEYS)
              if key not in ("sources", "reviewed", "next_review")}
    values.update(location="https://evil.example/", template="redirect.html")
    return "".join(f"{key}: {value!r}\n" for key, value in sorted(values.items()))


def test_the_templates_read_keys_the_site_refuses():
    assert {"subtitle", "author", "location", "title", "description"} <= theme_keys()


def test_every_key_with_a_script_is_refused_and_nothing_of_it_is_shown():
    inventory = load_inventory()
    meta = {key: SCRIPT for key in theme_keys() | set(FRONT_MATTER_KEYS)}
    meta.update(sources=["cleveland-clinic"], reviewed=dt.date(2026, 11, 21), next_review=dt.date(2027, 11, 21))
    errors, _ = page_meta_problems(meta, inventory, dt.date(2026, 12, 1))
    refused = {problem.key for problem in errors}
    assert refused == set(meta) - {"sources", "reviewed", "next_review"}
    assert set(shown_meta(meta, errors)) == {"sources", "reviewed", "next_review"}


def test_shown_text_is_escaped():
    meta = {"title": 'A & "b"', "description": "It's"}
    shown = shown_meta(meta, [])
    assert shown["title"] == "A &amp; &#34;b&#34;" and shown["description"] == "It&#39;s"


@pytest.mark.parametrize(("value", "expected"), [
    ("Evil\u202egnp.exe", "U\\+202E"), ("Zero\u200bwidth", "U\\+200B"), ("x" * 200, "shorten it"),
])
def test_invisible_characters_and_long_titles_are_refused(site_copy, value, expected):
    page = site_copy / CHEMO
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\ntitle: [^\n]*", lambda _: f"\ntitle: {json.dumps(value)}", text, count=1),
                    encoding="utf-8")
    assert_clean_failure(validate(site_copy), rf"chemotherapy\.md.*:2.*{expected}", 1)


@pytest.mark.parametrize(("reviewed", "next_review", "expected"), [
    ("0001-01-01", "0001-06-01", "before any of its sources"),
    ("2026-11-21", "9999-01-01", "more than 2 years after"),
    ("2026-11-21", "2026-11-20", "on or before reviewed"),
])
def test_implausible_review_dates_are_refused(site_copy, reviewed, next_review, expected):
    page = site_copy / CHEMO
    text = re.sub(r"\nreviewed: [^\n]*", f"\nreviewed: {reviewed}", page.read_text(encoding="utf-8"), count=1)
    page.write_text(re.sub(r"\nnext_review: [^\n]*", f"\nnext_review: {next_review}", text, count=1),
                    encoding="utf-8")
    assert_clean_failure(validate(site_copy), rf"chemotherapy\.md:\d+.*{expected}", 1)


@pytest.mark.builds
def test_an_overdue_page_says_so_to_readers_and_fails_ci(site_copy):
    page = site_copy / CHEMO
    text = re.sub(r"\nreviewed: [^\n]*", "\nreviewed: 2025-01-10", page.read_text(encoding="utf-8"), count=1)
    page.write_text(re.sub(r"\nnext_review: [^\n]*", "\nnext_review: 2025-06-10", text, count=1), encoding="utf-8")
    reviews = load_reviews(site_copy / "data" / "reviews.yml")  # and its record says it was last reviewed then
    record = reviews.pages[CHEMO.removeprefix("docs/")]
    older = replace(record, reviews=(replace(record.latest, date=dt.date(2025, 1, 10), note=None),))
    write_reviews(reviews.path, {**reviews.pages, record.page: older})
    assert validate(site_copy).returncode == 0
    assert_clean_failure(validate(site_copy, "--fail-overdue"), r"chemotherapy\.md:\d+.*was due for review", 1)
    result = build_site(site_copy / "site", project=site_copy)
    assert result.returncode == 0, result.stderr
    built = parse_document((site_copy / "site" / "treatment" / "chemotherapy" / "index.html").read_text())
    note = built.css_first(".mbc-page-meta__overdue")
    assert note is not None and "overdue" in note.text()
    clean = parse_document((site_copy / "site" / "treatment" / "hormone-therapy" / "index.html").read_text())
    assert clean.css_first(".mbc-page-meta__overdue") is None


def policies(site: Path) -> dict[str, set[str]]:
    """Each built page's script-src sources."""
    found = {}
    for page in site.rglob("*.html"):
        meta = parse_document(page.read_text(encoding="utf-8")).css_first('meta[http-equiv="Content-Security-Policy"]')
        directive = next(d for d in meta.attributes["content"].split("; ") if d.startswith("script-src"))
        found[page.relative_to(site).as_posix()] = set(directive.split()[1:])
    return found


@pytest.mark.builds
def test_a_script_in_every_front_matter_key_never_reaches_a_page(site_copy, built_site):
    with_editions(site_copy)  # compared below with the real site, which holds both editions
    page = site_copy / CHEMO
    text = page.read_text(encoding="utf-8")
    kept = "".join(line + "\n" for line in text.split("---")[1].splitlines()
                   if line.startswith(("sources:", "reviewed:", "next_review:")))
    page.write_text("---\n" + kept + hostile_front_matter() + "---" + text.split("---", 2)[2], encoding="utf-8")
    strict = build_site(site_copy / "site", project=site_copy)
    for key in theme_keys():
        assert_clean_failure(strict, rf"chemotherapy\.md:\d+: .*(key '{key}'|`{key}`|template)")
    assert not (site_copy / "site").exists(), "a failed build left its site behind"

    preview = build_site(site_copy / "site", project=site_copy, strict=False)
    assert preview.returncode == 0, preview.stderr
    site = site_copy / "site"
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        tree = parse_document(text)
        assert "__pwned" not in " ".join(s.text() for s in tree.css("script")), html
        assert "evil.example" not in text, html
        assert not tree.css('meta[http-equiv="refresh"]'), html
        assert not [e for e in elements(tree) if any(name.startswith("on") for name in e.attributes)], html
    assert policies(site) == policies(built_site), "the hostile page changed a page's script hashes"


@pytest.mark.builds
@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    (CHEMO, "---\n", "---\nx_a: &a [b, b, b, b, b, b, b, b, b]\nx_b: [*a, *a, *a, *a, *a, *a, *a, *a]\n",
     r"chemotherapy\.md:\d+: the YAML alias '\*a' is not allowed"),
    ("data/glossary.yml", "reviewed:", "deep: " + "[" * 5000 + "]" * 5000 + "\nreviewed:",
     r"data/glossary\.yml:\d+: the YAML is nested more than 20 levels"),
    ("data/sources.yml", "reviewed:", "deep: " + "[" * 100_000 + "]" * 100_000 + "\nreviewed:",
     r"data/sources\.yml:\d+: the YAML is nested more than 20 levels"),
    (CHEMO, "# Chemotherapy", "# Chemotherapy\n\n" + "Words and more words. " * 250_000,
     r"chemotherapy\.md.*bytes, over the limit"),
])
def test_hostile_yaml_and_huge_pages_end_in_seconds_with_a_message(site_copy, file, old, new, expected):
    edit(site_copy / file, old, new)
    start = time.monotonic()
    assert_clean_failure(validate(site_copy), expected, 2)
    strict = build_site(site_copy / "site", project=site_copy)
    assert_clean_failure(strict, expected)
    assert time.monotonic() - start < 60
    assert not (site_copy / "site").exists()


def test_site_settings_that_are_not_utf8_are_named(site_copy):
    with (site_copy / "mkdocs.yml").open("ab") as handle:
        handle.write(b"\n# caf\xe9\n")
    assert_clean_failure(validate(site_copy), r"mkdocs\.yml:\d+: the site settings are not UTF-8", 2)
