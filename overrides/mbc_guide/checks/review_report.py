"""The reviewer's report: what a change does to the site, judged by the text readers see (scripts/pr_report.py)."""
from __future__ import annotations

import datetime as dt
import fnmatch
import io
import json
import os
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from mbc_guide.checks import coverage_report, readability, rendering, translation
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import load_glossary
from mbc_guide.data.inventory import load_inventory
from mbc_guide.data.reviews import load_reviews
from mbc_guide.pages import generated_pages
from mbc_guide.text.characters import normalise
from mbc_guide.text.markdown_escape import md_text

REVIEW_KINDS = ("safety", "drug name", "misspelling", "link")  # the validator's findings a reviewer must see
# The folders and files the first section watches, beside the pages' front matter.
WATCHED = ("mkdocs.yml", "Makefile", "pyproject.toml", "requirements*.txt", "package*.json", "docs", "data",
           "overrides", "scripts", ".github", ".ci")
READ = ("mkdocs.yml", "docs/", "data/")  # what read_side reads: a symbolic link there stops it
# Each kind of watched file: its heading and why a reviewer must read it.
KINDS = {
    "settings": ("Site settings (mkdocs.yml)", "they choose the theme, its templates, the hooks and the Markdown "
                 "extensions, so they can change every page"),
    "template": ("Templates and theme files (overrides/)", "they write the HTML of every page, outside the page "
                 "text the content check reads, and the service worker decides what readers' browsers keep"),
    "hook": ("Hooks and library code (overrides/hooks/, overrides/mbc_guide/)", "this code runs in every build and can change every page"),
    "script": ("Scripts (scripts/)", "CI and maintainers run them on the repository"),
    "ci": ("Workflows, CI and dependencies", "they decide what CI runs and installs, and what is published"),
    "docs": ("Files under docs/ that are not pages", "they are published as they are, without the checks a page "
             "gets, and a browser may run or render them"),
}
LINKS_WHY = ("a symbolic link could publish, or make the checks read, any file of the machine that builds the site; "
             "put the real file there instead")


@dataclass
class Side:
    """One side of the change: its pages as a reader sees them, its data, coverage and grades."""

    texts: dict[str, str] = field(default_factory=dict)  # page -> visible text
    grades: dict[str, float] = field(default_factory=dict)
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)  # treatment page -> (covered, expected)
    glossary: dict[str, set[str]] = field(default_factory=dict)  # term -> its aliases
    items: set[tuple] = field(default_factory=set)  # (source, kind, name, treatment)
    findings: list[coverage_report.Finding] = field(default_factory=list)
    own_words: list[str] = field(default_factory=list)
    meta: dict[str, dict] = field(default_factory=dict)  # page -> its front matter
    files: dict[str, bytes] = field(default_factory=dict)  # watched file -> its bytes
    links: dict[str, str] = field(default_factory=dict)  # symbolic link -> where it points
    translations: dict[str, str] = field(default_factory=dict)  # "es/page.md" -> current, behind or missing

    @property
    def unread(self) -> list[str]:
        """The symbolic links where read_side would read pages or data (it reads nothing then)."""
        return sorted(p for p in self.links if p.startswith(READ))


def read_side(root: Path, today: dt.date) -> Side:
    """Everything the report compares, read from a project folder with this side's code."""
    side = Side()
    side.files, side.links = watched_files(root)
    if side.unread:
        return side
    inventory = load_inventory(root / "data" / "sources.yml")
    glossary = load_glossary(inventory, root / "data" / "glossary.yml")
    render = rendering.renderer(*rendering.markdown_settings(root / "mkdocs.yml"))
    pages = coverage_report.read_pages(root / "docs")
    for rel, page in pages.items():
        side.meta[rel] = page.meta
        side.texts[rel] = " ".join(rendering.visible_text(render(page.body)).split())
        side.grades[rel] = readability.grade(page.body, render)
    generated = {generated_pages.GLOSSARY_PAGE: generated_pages.glossary_markdown(inventory, glossary),
                 generated_pages.SIDE_EFFECTS_PAGE: generated_pages.side_effects_markdown(inventory)}
    for rel, markdown in generated.items():
        side.texts[rel] = " ".join(rendering.visible_text(render(markdown)).split())
        side.grades[rel] = readability.grade(markdown, render)
    report = coverage_report.check_site(root / "docs", inventory=inventory, glossary=glossary, today=today,
                                        render=render)
    for treatment in inventory.treatments.values():
        expected = {(i.kind, normalise(i.name)) for i in inventory.items()
                    if i.treatment == treatment.id and i.kind != "term"}
        covered = {(r["kind"], normalise(r["name"])) for r in report.covered if r["page"] == treatment.page}
        side.coverage[treatment.page] = (len(covered & expected), len(expected))
    side.glossary = {e.term: set(e.aliases) for e in glossary.entries}
    side.items = {(i.source, i.kind, i.name, i.treatment or "") for i in inventory.items()}
    side.findings = [f for f in report.findings if f.kind in REVIEW_KINDS]
    reviews = root / "data" / "reviews.yml"  # a side from before the reviews or the translation has none
    for language, edition in translation.check_editions(root / "docs", root / "data", inventory, glossary,
                                                        load_reviews(reviews) if reviews.is_file() else None,
                                                        render).items():
        side.translations.update({f"{language}/{s.page}": s.state for s in edition.statuses})
        side.findings += [coverage_report.Finding("error", "translation", "", "", p.message, "", p.line,
                                                  p.file.relative_to(root).as_posix()) for p in edition.problems]
    return side


def watched_files(root: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The watched files of a project folder by path, with their bytes, and every symbolic link among them."""
    files, links = {}, {}
    tops = [p for pattern in WATCHED for p in sorted(root.glob(pattern))]
    for top in tops:
        for folder, dirs, names in os.walk(top) if top.is_dir() and not top.is_symlink() else [(root, [], [top.name])]:
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for path in [Path(folder, n) for n in (*dirs, *names) if not n.endswith(".pyc")]:
                rel = path.relative_to(root).as_posix()
                if path.is_symlink():
                    links[rel] = os.readlink(path)
                elif path.is_file() and kind_of(rel):
                    files[rel] = path.read_bytes()
    return files, links


def kind_of(path: str) -> str | None:
    """The kind of a watched file (a key of KINDS), or None for one the rest of the report judges (pages, data)."""
    if path == "mkdocs.yml":
        return "settings"
    if path.startswith("overrides/") and path.endswith(".py"):
        return "hook"
    if path.startswith("overrides/"):
        return "template"
    if path.startswith("scripts/"):
        return "script"
    if path.startswith((".github/", ".ci/")) or path in ("Makefile", "pyproject.toml") or \
            any(fnmatch.fnmatch(path, p) for p in ("requirements*.txt", "package*.json")):
        return "ci"
    if path.startswith("docs/") and not path.endswith(".md"):
        return "docs"
    return None


def _skip_links(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    """Unpack as the "data" filter does, leaving symbolic and hard links out (the new side lists its own)."""
    return None if member.issym() or member.islnk() else tarfile.data_filter(member, dest)


def base_tree(ref: str, into: Path, project: Path) -> Path:
    """The files of commit `ref`, unpacked into a folder (git archive: no checkout, nothing changed)."""
    try:
        data = subprocess.run(["git", "archive", "--format=tar", ref], cwd=project, capture_output=True,
                              check=True, timeout=120).stdout
    except subprocess.CalledProcessError as err:
        raise DataError(project, None, f"cannot read the base '{ref}' with git archive: "
                                 f"{err.stderr.decode(errors='replace').strip()}; run this in a git clone, "
                                 "with the base fetched.") from None
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter=_skip_links)
    return into


def report(base: Side, head: Side, ref: str) -> str:
    """The reviewer's report in Markdown."""
    out = [f"## What this change does to the site (against {md_text(ref)})", ""]
    out += ["### Read these first: what the rest of this report cannot judge"]
    out += review_first(base, head) or ["No front matter, site setting, template, hook, script, workflow, CI or "
                                        "dependency file, and no file under docs/ other than a page, changed; "
                                        "no symbolic link."]
    out.append("")
    if head.unread:
        out += ["The pages and data were not read, because of the symbolic links above: remove them, and the next "
                "report compares the pages."]
        return "\n".join(out) + "\n"
    added = sorted(set(head.texts) - set(base.texts))
    removed = sorted(set(base.texts) - set(head.texts))
    changed = sorted(p for p in set(head.texts) & set(base.texts) if head.texts[p] != base.texts[p])
    out.append("### Pages (by the text a reader sees)")
    if not (added or removed or changed):
        out.append("No page reads differently.")
    for label, pages in (("Added", added), ("Removed", removed), ("Changed", changed)):
        if pages:
            out.append(f"- **{label}:** " + ", ".join(md_text(p) for p in pages))
    touched = added + changed
    if touched:
        out += ["", "| Page | Coverage before | Coverage after | Reading grade before | Reading grade after |",
                "| --- | --- | --- | --- | --- |"]
        for page in touched:
            out.append(f"| {md_text(page)} | {_coverage(base, page)} | {_coverage(head, page)} | "
                       f"{_grade(base, page)} | {_grade(head, page)} |")
    out += ["", "### Glossary and inventory"]
    lines = _glossary_changes(base, head) + _item_changes(base, head)
    out += lines or ["No glossary entry, alias or inventory item added or removed."]
    out += ["", "### Translations"] + translation_lines(base, head)
    out += ["", "### Findings on the new side"]
    findings = [f"- {f.kind}: {md_text(f.file or 'docs/' + f.page)}{':' + str(f.line) if f.line else ''}: "
                f"{md_text(f.message)}" for f in head.findings]
    findings += [f"- own words: {md_text(line)}" for line in head.own_words]
    out += findings or ["No own-words, safety, drug-name, misspelling, link or translation finding."]
    return "\n".join(out) + "\n"


STATES = {"current": "follows its English page", "behind": "behind its English page", "missing": "not translated"}


def translation_lines(base: Side, head: Side) -> list[str]:
    """How many translated pages follow their English page, then every page's translation, and what this change did."""
    if not head.translations:
        return ["No translated edition."]
    current = sum(state == "current" for state in head.translations.values())
    lines = [f"{current} of {len(head.translations)} pages have a translation that follows the English page.", "",
             "| Page | Translation |", "| --- | --- |"]
    for page, state in sorted(head.translations.items(), key=lambda item: (item[1] == "current", item[0])):
        new = " (since this change)" if state != "current" and base.translations.get(page) == "current" else ""
        lines.append(f"| {md_text(page)} | {STATES[state]}{new} |")
    return lines


def review_first(base: Side, head: Side) -> list[str]:
    """The first section's lines: front matter by key, then each kind of watched file, then symbolic links."""
    lines = []
    front = _front_matter_changes(base, head)
    if front:
        lines.append("- **Front matter** (the theme prints these values in the page's head, title and menus, "
                     "outside the page text the content check reads: read each value):")
        lines += [f"  - {line}" for line in front]
    for kind, (heading, why) in KINDS.items():
        changes = [f"{label} {md_text(path)}" for label, paths in _file_changes(base, head, kind) for path in paths]
        if changes:
            lines.append(f"- **{heading}** ({why}): " + "; ".join(changes))
    if head.links:
        lines.append(f"- **Symbolic links** ({LINKS_WHY}): " +
                     "; ".join(f"{md_text(p)} points to {md_text(t)}" for p, t in sorted(head.links.items())))
    return lines


def _file_changes(base: Side, head: Side, kind: str) -> list[tuple[str, list[str]]]:
    """The added, removed and changed watched files of one kind."""
    old = {p for p in base.files if kind_of(p) == kind}
    new = {p for p in head.files if kind_of(p) == kind}
    return [(label, paths) for label, paths in (
        ("added", sorted(new - old)), ("removed", sorted(old - new)),
        ("changed", sorted(p for p in old & new if base.files[p] != head.files[p]))) if paths]


def _front_matter_changes(base: Side, head: Side) -> list[str]:
    """Each added, removed or changed front-matter key of the new side's pages, with its values."""
    lines = []
    for page in sorted(head.meta):
        old, new = base.meta.get(page, {}), head.meta[page]
        where = md_text(f"docs/{page}")
        for key in [k for k in new if k not in old]:
            lines.append(f"{where}: added {md_text(str(key))}: {_value(new[key])}")
        for key in [k for k in old if k not in new]:
            lines.append(f"{where}: removed {md_text(str(key))} (was {_value(old[key])})")
        for key in [k for k in new if k in old and new[k] != old[k]]:
            lines.append(f"{where}: changed {md_text(str(key))}: {_value(old[key])} -> {_value(new[key])}")
    return lines


def _value(value) -> str:
    """A front-matter value as escaped text, cut after 300 characters (saying how long it is)."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return md_text(text if len(text) <= 300 else f"{text[:300]}... ({len(text)} characters in all)")


def _coverage(side: Side, page: str) -> str:
    if page not in side.texts:
        return "(none)"
    if page not in side.coverage:
        return "not a treatment page"
    covered, expected = side.coverage[page]
    return f"{covered} of {expected}"


def _grade(side: Side, page: str) -> str:
    return f"{side.grades[page]:.1f}" if page in side.grades else "(none)"


def _glossary_changes(base: Side, head: Side) -> list[str]:
    lines = [f"- Glossary entry added: **{md_text(t)}**" for t in sorted(set(head.glossary) - set(base.glossary))]
    lines += [f"- Glossary entry removed: **{md_text(t)}**" for t in sorted(set(base.glossary) - set(head.glossary))]
    for term in sorted(set(head.glossary) & set(base.glossary)):
        for alias in sorted(head.glossary[term] - base.glossary[term]):
            lines.append(f"- Alias added to **{md_text(term)}**: {md_text(alias)}")
        for alias in sorted(base.glossary[term] - head.glossary[term]):
            lines.append(f"- Alias removed from **{md_text(term)}**: {md_text(alias)}")
    return lines


def _item_changes(base: Side, head: Side) -> list[str]:
    def shown(item: tuple) -> str:
        source, kind, name, treatment = item
        return f"{kind} **{md_text(name)}**" + (f" ({md_text(treatment)})" if treatment else "") + f", {source}"
    return ([f"- Inventory item added: {shown(i)}" for i in sorted(head.items - base.items)] +
            [f"- Inventory item removed: {shown(i)}" for i in sorted(base.items - head.items)])
