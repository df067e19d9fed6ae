"""The own-words check: no page repeats a run of 8 words of a source text, read from the texts or their fingerprint."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import Glossary
from mbc_guide.data.inventory import Inventory
from mbc_guide.pages import generated_pages
from mbc_guide.paths import DATA_DIR, display_path

FINGERPRINT = DATA_DIR / "own-words-fingerprint.txt"
RUN = 8  # words
# Words exactly as ../shared/tools/overlap.py finds them.
WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
HEADER = ("# Own-words fingerprint: a hash of every run of 8 words of the registered source texts (BLAKE2b, 8 bytes,\n"
          "# of the words joined by one space), made by scripts/own_words.py --update. Not text: do not edit.\n")


def words(text: str) -> list[tuple[str, int]]:
    """The words of a text as overlap.py reads them (lower case, ’ as '), with where each starts."""
    lowered = text.lower().replace("\u2019", "'")
    return [(m.group(), m.start()) for m in WORD.finditer(lowered)]


def run_hash(run: list[str]) -> str:
    """The fingerprint's hash of a run of words."""
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def fingerprint_of(texts: list[str]) -> set[str]:
    """The hashes of every run of RUN words of the texts."""
    hashes = set()
    for text in texts:
        tokens = [w for w, _ in words(text)]
        hashes.update(run_hash(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1))
    return hashes


def read_fingerprint(path: Path = FINGERPRINT) -> set[str]:
    """The hashes of the committed fingerprint; DataError when it is missing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise DataError(path, None, "the own-words fingerprint is missing; restore it from git, or run "
                                 "scripts/own_words.py --update with the source texts.") from None
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_fingerprint(hashes: set[str], path: Path = FINGERPRINT) -> None:
    """Write the fingerprint: its header, then one hash a line, sorted."""
    path.write_text(HEADER + "".join(f"{h}\n" for h in sorted(hashes)), encoding="utf-8")


def source_texts(inventory: Inventory, folder: Path) -> list[str]:
    """The text of every registered source that has one (not the names-only ones)."""
    texts = []
    for source in inventory.text_sources():
        path = folder / source.file
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise DataError(inventory.path, source.line, f"cannot read the source text {path} ({err}).") \
                from None
    return texts


def shared_runs(text: str, hashes: set[str]) -> list[tuple[int, str]]:
    """(line, words) of each run of RUN or more words of the text whose every RUN-word window is in hashes."""
    found = words(text)
    tokens = [w for w, _ in found]
    runs, i, end = [], 0, len(tokens) - RUN + 1
    while i < end:
        if run_hash(tokens[i:i + RUN]) in hashes:
            j = i
            while j + 1 < end and run_hash(tokens[j + 1:j + 1 + RUN]) in hashes:
                j += 1
            runs.append((text.count("\n", 0, found[i][1]) + 1, " ".join(tokens[i:j + RUN])))
            i = j + RUN
        else:
            i += 1
    return runs


def check(docs: Path, glossary: Glossary, inventory: Inventory, hashes: set[str]) -> list[str]:
    """One line per shared run: file:line: how many words, and which."""
    problems = []
    pieces = [(display_path(p), p.read_text(encoding="utf-8"), 1) for p in sorted(docs.rglob("*.md"))]
    pieces += [(display_path(glossary.path), e.definition, e.line) for e in glossary.entries]
    pieces.append((f"{display_path(inventory.path)} (the Side effects A to Z page)",
                   generated_pages.side_effects_markdown(inventory), 0))
    for where, text, first_line in pieces:
        for line, run in shared_runs(text, hashes):
            at = f"{where}:{line + first_line - 1}" if first_line else where
            problems.append(f"{at}: {len(run.split())} words shared with a source: \"{run}\"; say it in your own words")
    return problems
