#!/usr/bin/env python3
"""Make a large copy of the project to measure how the build and the validator scale.

The copy has the real pages plus PAGES generated ones, and a glossary of TERMS
made-up drug names (each backed by an inventory item and named on its
treatment page, so the copy is fully covered). Generated pages are prose from
the real pages with about a dozen glossary names mixed in, as a real page has.

Two variants of the copy are written: "hooked" (the project as it is) and
"plain" (no `hooks:`, strict off, and what the hooks make written into docs/ as
Markdown of the same content: the glossary and side-effects pages, and the whole
guide with every other page's Markdown in it), so timing one against the other
gives the hooks' own cost. scripts/bench.py runs it for its scale run.

usage: scale_site.py DEST [--pages N] [--terms N]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

from mbc_guide.data.front_matter import read_page
from mbc_guide.data.glossary import load_glossary
from mbc_guide.data.inventory import load_inventory
from mbc_guide.pages import generated_pages, whole_guide
from mbc_guide.paths import page_files
from mbc_guide.tools.without_hooks import config_without_hooks

ROOT = Path(__file__).resolve().parents[1]

SYLLABLES = ["ta", "zo", "ri", "ne", "mab", "lo", "ci", "vu", "par", "ti", "ser", "do", "lux", "fe", "qui", "ran",
             "bo", "xel", "mi", "sa", "tor", "pe", "ly", "gan", "da", "ko", "rel", "su", "vin", "ha"]
ENDINGS = ["mab", "tinib", "ciclib", "parib", "lisib", "platin", "taxel", "rubicin", "estrant", "zumab"]
TREATMENTS = ["hormone-therapy", "chemotherapy", "targeted-therapy", "immunotherapy"]


def drug_names(count: int, seed: int = 7) -> list[str]:
    """count different made-up drug names, the same ones every time."""
    rng, names = random.Random(seed), set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS))
    return sorted(names)


def make(dest: Path, pages: int, terms: int) -> dict[str, Path]:
    """Write the hooked and plain copies under dest; return their folders."""
    names = drug_names(terms)
    prose = _prose()
    copies = {}
    for variant in ("hooked", "plain"):
        root = dest / variant
        if root.exists():
            shutil.rmtree(root)
        for name in ("docs", "data", "overrides", "scripts"):
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        if (ROOT / "node_modules").exists():
            (root / "node_modules").symlink_to(ROOT / "node_modules")
        _add_data(root, names)
        _add_pages(root, names, pages, prose)
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"(?ms)^nav:.*", "", config)  # every page, in folder order
        if variant == "plain":
            _write_generated_pages(root)
            config = config_without_hooks(config)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        copies[variant] = root
    return copies


def _prose() -> list[str]:
    """Paragraphs of the real pages (their bodies, without headings or front matter)."""
    paragraphs = []
    for path in page_files(ROOT / "docs"):
        body = read_page(ROOT / "docs", path).body
        paragraphs += [p.strip() for p in body.split("\n\n")
                       if p.strip() and p.strip()[0].isalpha() and not any(c in p for c in "<{&[!|")]
    return paragraphs


def _add_data(root: Path, names: list[str]) -> None:
    inventory_path, glossary_path = root / "data" / "sources.yml", root / "data" / "glossary.yml"
    items = "".join(f"      - {{name: {name}, treatment: {TREATMENTS[i % 4]}}}\n" for i, name in enumerate(names))
    text = inventory_path.read_text(encoding="utf-8")
    text += ("  scale-test:\n    publisher: Scale test\n    title: Made-up drug names\n"
             "    url: https://example.org/scale\n    file: none.txt\n    accessed: 2026-11-21\n"
             f"    drugs:\n{items}")
    inventory_path.write_text(text, encoding="utf-8")
    entries = "".join(f"  - term: {name}\n    say: MAYD-up\n    say_source: own\n    no_brand: a made-up drug\n"
                      f"    kind: drug\n    treatments: [{TREATMENTS[i % 4]}]\n"
                      f"    definition: A made-up drug, number {i + 1}, for measuring the build.\n"
                      for i, name in enumerate(names))
    glossary_path.write_text(glossary_path.read_text(encoding="utf-8") + entries, encoding="utf-8")
    for i, treatment in enumerate(TREATMENTS):
        page = root / "docs" / "treatment" / f"{treatment}.md"
        listed = ", ".join(names[i::4])
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n## More drugs\n\nOther drugs: {listed}.\n",
                        encoding="utf-8")


def _add_pages(root: Path, names: list[str], count: int, prose: list[str]) -> None:
    rng = random.Random(11)
    folder = root / "docs" / "scale"
    folder.mkdir()
    for number in range(1, count + 1):
        paragraphs = [rng.choice(prose) for _ in range(8)]
        paragraphs.insert(2, "Drugs named here: " + ", ".join(rng.sample(names, 12)) + ".")
        (folder / f"page-{number:04d}.md").write_text(
            "---\ntitle: Scale page\nsources: [medical-news-today]\nreviewed: 2026-11-21\nnext_review: 2027-11-21\n"
            f"---\n\n# Scale page {number}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _write_generated_pages(root: Path) -> None:
    """The pages the hooks would generate, as ordinary Markdown files, for the plain build."""
    inventory = load_inventory(root / "data" / "sources.yml")
    glossary = load_glossary(inventory, root / "data" / "glossary.yml")
    (root / "docs" / generated_pages.GLOSSARY_PAGE).write_text(
        generated_pages.glossary_markdown(inventory, glossary), encoding="utf-8")
    (root / "docs" / generated_pages.SIDE_EFFECTS_PAGE).write_text(
        generated_pages.side_effects_markdown(inventory), encoding="utf-8")
    _write_whole_guide(root / "docs")


def _write_whole_guide(docs: Path) -> None:
    """The whole guide as the hook makes it (every other page in it, the glossary last), as Markdown."""
    guide = docs / whole_guide.GUIDE_PAGE
    pages = [p for p in page_files(docs) if p != guide]
    pages.sort(key=lambda p: p.relative_to(docs).as_posix() == whole_guide.GLOSSARY_PAGE)
    bodies = "\n\n".join(read_page(docs, p).body for p in pages)
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace(whole_guide.MARKER, bodies, 1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=3000)
    args = parser.parse_args(argv)
    for variant, folder in make(args.dest, args.pages, args.terms).items():
        print(f"{variant}: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
