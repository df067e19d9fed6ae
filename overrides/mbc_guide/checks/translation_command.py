"""scripts/translated.py: record that translated pages now carry their English pages' text, as it is today."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from mbc_guide.checks import rendering, translation
from mbc_guide.data.edition_words import words_file
from mbc_guide.data.errors import DataError
from mbc_guide.data.front_matter import read_page, split_page
from mbc_guide.data.site import site_data
from mbc_guide.pages.generated_pages import generated
from mbc_guide.paths import ROOT, TRANSLATIONS, display_path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", metavar="LANGUAGE/PAGE",
                        help="each translated page by its path in docs/ (es/treatment/chemotherapy.md; es/glossary.md "
                             "and es/treatment/side-effects.md, made from data/es.yml, are recorded there)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the day the translation was brought up to date (default: today)")
    return parser.parse_args(argv)


def with_fields(text: str, values: dict[str, str], path: Path) -> str:
    """The page's text with these front matter fields set (replaced where they stand, else added at its end)."""
    match = re.match(r"(---[ \t]*\n)(.*?\n)(---[ \t]*\n)", text, re.S)
    if not match:
        raise DataError(path, 1, "the page has no front matter (--- lines); add it, as the English page has.")
    meta = match[2]
    for name, value in values.items():
        line = f"{name}: {value}\n"
        meta, found = re.subn(rf"^{name}:.*\n", line, meta, count=1, flags=re.M)
        if not found:
            meta += line
    return match[1] + meta + match[3] + text[match.end():]


def with_made_page(text: str, rel: str, values: dict[str, str]) -> str:
    """The words file's text with a page made from data recorded under `pages:` (its line replaced, or added)."""
    line = f"  {rel}: {{{', '.join(f'{name}: {value}' for name, value in values.items())}}}\n"
    text, found = re.subn(rf"^  {re.escape(rel)}:.*\n", line, text, count=1, flags=re.M)
    if found:
        return text
    if not re.search(r"^pages:[ \t]*\n", text, re.M):
        text = text.rstrip("\n") + "\n\n# Each page made from data: which version of its English page these words follow\n" \
               "# (scripts/translated.py es/glossary.md writes it).\npages:\n"
    return re.sub(r"^pages:[ \t]*\n", lambda match: match[0] + line, text, count=1, flags=re.M)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    """Record each page; print what was recorded; the exit status (2 on unusable input, nothing written)."""
    args = parse_args(argv)
    docs = root / "docs"
    try:
        render = rendering.renderer(*rendering.markdown_settings(root / "mkdocs.yml"))
        changes = {}
        made = {page: markdown for page, markdown, _ in generated(*site_data(root / "data"))}  # from data/
        said = []
        for name in args.pages:
            language, _, rel = name.removeprefix("docs/").partition("/")
            path, english = docs / language / rel, docs / rel
            if language in TRANSLATIONS and rel in made:  # its words are in data/<language>.yml
                path = words_file(language, root / "data")
                values = {"translated": args.date.isoformat(),
                          "translation_of": translation.text_fingerprint(split_page(rel, made[rel]).body, render)}
                changes[path] = with_made_page(changes.get(path) or path.read_text(encoding="utf-8"), rel, values)
                said.append(f"Recorded {language}/{rel} (its words are in {display_path(path)}) as the translation "
                            f"of its English page on {args.date.isoformat()}.")
                continue
            if language not in TRANSLATIONS or not path.is_file() or not english.is_file():
                raise DataError(docs, None, f"no translated page {name}; name it by its path in docs/, "
                                f"such as {TRANSLATIONS[0]}/treatment/chemotherapy.md, beside its English page.")
            values = {"translated": args.date.isoformat(),
                      "translation_of": translation.text_fingerprint(read_page(docs, english).body, render)}
            changes[path] = with_fields(path.read_text(encoding="utf-8"), values, path)
            said.append(f"Recorded {display_path(path)} as the translation of its English page on "
                        f"{args.date.isoformat()}.")
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path, text in changes.items():
        path.write_text(text, encoding="utf-8")
    print("\n".join(said))
    return 0
