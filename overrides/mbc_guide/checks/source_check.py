"""Read the source texts (never in this repository) and check data/sources.yml against them, both ways.

A paragraph starting with a treatment's name opens its section; drugs are what the drug dictionary and the
sources' class patterns find (the pattern's reading wins); side effects are the items of a list introduced by a
sentence about side effects ending in a colon. Without the texts, the recorded reading
(data/source_readings.json) is checked instead, and a name it lacks is only a warning.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from mbc_guide.checks.coverage_report import Finding
from mbc_guide.data.errors import DataError
from mbc_guide.data.inventory import Inventory, Source
from mbc_guide.names import drug_names
from mbc_guide.paths import ROOT, display_path
from mbc_guide.text.characters import normalise

SHARED_TEXTS = Path("shared") / "sources"  # beside the repository, never in it
DEFAULT_TEXTS = ROOT.parent / SHARED_TEXTS
RECORD_FILE = "source_readings.json"

# Drug classes as the sources write them. "... inhibitors" is read separately (see _inhibitors).
CLASS_PATTERNS = (
    r"antibody[\s-]+drug\s+conjugates?",
    r"taxanes?",
    r"anthracyclines?",
    r"platinum\s+(?:chemotherapy|chemo|drugs?)",
)
# Words that end the name before "inhibitors": "drugs such as | aromatase inhibitors".
_NOT_A_NAME = {"a", "an", "and", "as", "be", "called", "can", "drug", "drugs", "for", "include", "includes",
               "including", "involve", "involves", "is", "like", "may", "of", "or", "other", "some", "such",
               "take", "taking", "the", "therapy", "these", "to", "use", "uses", "using", "with"}
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'\u2019][A-Za-z0-9]+)*")
_LIST_ITEM = re.compile(r"^\s*[\u2022\u25aa\u25cf*-]\s+(.*)$")
_SIDE_EFFECT_INTRO = re.compile(r"\bside[\s-]effects?\b.*:\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A drug, drug class or side effect that a text names, where, and under which treatment."""

    kind: str  # "drug" | "side effect"
    name: str  # as the text writes it
    treatment: str | None  # the treatment of the section it sits in
    line: int
    canonical: str = ""  # the drug dictionary's name for it, when it has one


@dataclass
class Reading:
    """What a text names: its mentions and its lines."""

    lines: list[str]
    mentions: list[Mention]
    sections: list[tuple[int, int, str]]  # (first line, last line, treatment id)

    def treatment_at(self, line: int) -> str | None:
        return next((t for first, last, t in self.sections if first <= line <= last), None)


@dataclass
class SourceCheck:
    """The result of checking every source's text: findings and the evidence behind each item."""

    skipped: str = ""  # why the check did not run, when it did not
    recorded: str = ""  # the recorded reading checked against, when the texts are not here
    texts: dict[str, str] = field(default_factory=dict)  # source id -> text file read
    findings: list[Finding] = field(default_factory=list)
    evidence: dict[tuple, list[int]] = field(default_factory=dict)  # (source, kind, name, treatment) -> lines
    not_covered: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)

    def lines_for(self, source: str, kind: str, name: str, treatment: str | None) -> list[int]:
        return self.evidence.get((source, kind, normalise(name), treatment), [])

    def to_dict(self) -> dict:
        return {"skipped": self.skipped or None, "recorded": self.recorded or None, "texts": self.texts,
                "not_covered": self.not_covered,
                "mentions": self.mentions}


# --- Reading a text ---------------------------------------------------------------------------


def singular(word: str) -> str:
    """A plain English singular, enough to match 'taxanes' with 'taxane' and 'antibodies' with 'antibody'."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if re.search(r"(?:s|x|ch|sh)es$", lower):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return word[:-1]
    return word


def key(name: str) -> str:
    """The form two names are compared in: lower case, hyphens as spaces, the last word singular."""
    words = re.sub(r"[-\u2010-\u2013]", " ", name.lower()).split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else ""


@functools.lru_cache(maxsize=512)
def name_pattern(name: str) -> re.Pattern:
    """A pattern that finds a name as whole words, in any case, hyphen or space, singular or plural."""
    words = key(name).split()
    if not words:
        return re.compile(r"(?!x)x")
    last = words[-1]
    last = (re.escape(last[:-1]) + "(?:y|ies)") if last.endswith("y") else re.escape(last) + "(?:s|es)?"
    body = r"[\s-]+".join([re.escape(w) for w in words[:-1]] + [last])
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


def occurs(name: str, text: str) -> bool:
    return bool(name_pattern(name).search(text))


def _find_drugs():
    """The drug dictionary's finder of exact matches, which reads its cache."""
    return drug_names.find_drugs


class _Find(NamedTuple):
    """Where in a line a drug name was found, and by what."""

    start: int
    end: int
    text: str
    dictionary_name: str = ""  # the dictionary's name for it; "" when only a class pattern found it

    def overlaps(self, other: _Find) -> bool:
        return self.start < other.end and other.start < self.end


def _dictionary_drugs(line: str) -> list[_Find]:
    """Each drug name the dictionary finds in a line (it takes words with their punctuation split off)."""
    tokens = list(_WORD.finditer(line))
    found = []
    for data, first, last in _find_drugs()([t.group() for t in tokens]):
        start, end = tokens[first].start(), tokens[last - 1].end()
        found.append(_Find(start, end, line[start:end], str(data.get("name") or "")))
    return found


def _class_drugs(line: str) -> list[_Find]:
    """Each drug class the sources' own patterns find in a line."""
    found = [_Find(m.start(), m.end(), m.group())
             for pattern in CLASS_PATTERNS for m in re.finditer(r"\b" + pattern + r"\b", line, re.IGNORECASE)]
    return found + _inhibitors(line)


def _inhibitors(line: str) -> list[_Find]:
    """"X inhibitors" with up to two name words before it; "X or Y inhibitors" also gives "X inhibitors"."""
    words = list(_WORD.finditer(line))
    found = []
    for i, word in enumerate(words):
        if singular(word.group().lower()) != "inhibitor":
            continue
        first = i
        while first > 0 and i - first < 2 and words[first - 1].group().lower() not in _NOT_A_NAME \
                and not line[words[first - 1].end():words[first].start()].strip():
            first -= 1
        if first == i:
            continue
        found.append(_Find(words[first].start(), word.end(), line[words[first].start():word.end()]))
        other = words[first - 2] if first >= 2 else None
        if other and re.fullmatch(r"\s+(?:or|and)\s+", line[other.end():words[first].start()]) \
                and other.group().lower() not in _NOT_A_NAME:
            found.append(_Find(other.start(), other.end(), f"{other.group()} {word.group()}"))
    return found


def _drugs_in(line: str) -> list[_Find]:
    """Each drug or class in a line: the longest of overlapping ones (a class pattern's, with the dictionary's name)."""
    kept: list[_Find] = []
    for find in sorted(_class_drugs(line), key=lambda f: (f.start, f.start - f.end)):
        if not any(find.overlaps(k) for k in kept):
            kept.append(find)
    for find in _dictionary_drugs(line):
        same = next((k for k in kept if (k.start, k.end) == (find.start, find.end)), None)
        if same:
            kept[kept.index(same)] = same._replace(dictionary_name=find.dictionary_name)
        elif not any(find.overlaps(k) and (k.end - k.start) >= (find.end - find.start) for k in kept):
            kept = [k for k in kept if not find.overlaps(k)] + [find]
    return sorted(kept)


def read_text(text: str, treatments: dict[str, str]) -> Reading:
    """Read a source text. `treatments` maps treatment id to its name ("Chemotherapy")."""
    lines = text.splitlines()
    starts: list[tuple[int, str]] = []
    mentions: list[Mention] = []
    intro = ""
    for number, line in enumerate(lines, 1):
        item = _LIST_ITEM.match(line)
        if line.strip() and not item:
            intro = line.strip()
            opening = next((tid for tid, name in treatments.items()
                            if re.match(re.escape(name) + r"\b", intro, re.IGNORECASE)), None)
            if opening and (not starts or starts[-1][1] != opening):
                starts.append((number, opening))
        treatment = starts[-1][1] if starts else None
        for find in _drugs_in(line):
            mentions.append(Mention("drug", " ".join(find.text.split()), treatment, number, find.dictionary_name))
        if item and _SIDE_EFFECT_INTRO.search(re.split(r"(?<=[.!?])\s+", intro)[-1]):
            for part in re.split(r"\s+and\s+", item.group(1).strip().rstrip(".;")):
                if part.strip():
                    mentions.append(Mention("side effect", " ".join(part.split()), treatment, number))
    sections = [(first, (starts[i + 1][0] - 1) if i + 1 < len(starts) else len(lines), tid)
                for i, (first, tid) in enumerate(starts)]
    return Reading(lines, mentions, sections)


def read_file(path: Path, treatments: dict[str, str], where: tuple[Path, int] | None = None) -> Reading:
    """Read a text file; a missing or unreadable file is a DataError (at `where` when given)."""
    blame, line = where or (path, None)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(blame, line, f"the source text {path} is not there; put the text there or fix 'file'.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(blame, line, f"cannot read the source text {path} ({err}); save it as UTF-8 text.") from None
    return read_text(text, treatments)


# --- Checking the inventory against the texts ------------------------------------------------------


def texts_folder(option: Path | None, required: bool, root: Path = ROOT) -> tuple[Path | None, str]:
    """The source-texts folder to read, or None and the one-line reason the check is skipped."""
    folder = option or root.parent / SHARED_TEXTS
    if folder.is_dir():
        return folder, ""
    if required:
        raise DataError(folder, None, "the source-texts folder is missing, and the source check is required "
                        "(REQUIRE_SOURCES=1 or --require-sources); put the texts there or pass --source-texts DIR.")
    return None, (f"Source check skipped: no source texts at {folder} "
                  "(pass --source-texts DIR to check the inventory against them).")


def check_sources(inventory: Inventory, folder: Path | None, skipped: str = "") -> SourceCheck:
    """Check every source's inventory against its text, both ways."""
    result = SourceCheck(skipped=skipped)
    if folder is None:
        return result
    treatments = {tid: t.name for tid, t in inventory.treatments.items()}
    for source in inventory.text_sources():  # a names-only source has no text: it gives no drug facts
        reading = read_file(folder / source.file, treatments, (inventory.path, source.line))
        result.texts[source.id] = source.file
        _check_mentions(source, reading, inventory, result)
        _check_items(source, reading, inventory, result)
    return result


def _check_mentions(source: Source, reading: Reading, inventory: Inventory, result: SourceCheck) -> None:
    """Every drug and side effect the text names is in the inventory under its treatment, or not_covered."""
    for mention in reading.mentions:
        shown = (f"under {inventory.treatments[mention.treatment].name.lower()}" if mention.treatment
                 else "outside any treatment's section")
        result.mentions.append({"source": source.id, "kind": mention.kind, "name": mention.name,
                                "dictionary_name": mention.canonical or None, "treatment": mention.treatment,
                                "line": mention.line})
        items = [i for i in source.items if i.kind == mention.kind and _matches(mention, i.names)]
        here = [i for i in items if mention.treatment in (None, i.treatment)]
        for item in here:
            lines = result.evidence.setdefault((source.id, item.kind, normalise(item.name), item.treatment), [])
            if mention.line not in lines:
                lines.append(mention.line)
        if here:
            continue
        skipped = next((n for n in source.not_covered if _matches(mention, (n.name,))), None)
        if skipped:
            result.evidence.setdefault((source.id, "not covered", normalise(skipped.name), None), []).append(mention.line)
            continue
        where = f"{source.id}, line {mention.line} of {source.file}"
        entry = f"- {{name: {mention.name.lower()}, treatment: {mention.treatment or 'TREATMENT'}}}"
        list_name = "drugs" if mention.kind == "drug" else "side_effects"
        also = ("" if not items else f" (the inventory lists it only under "
                f"{', '.join(sorted({i.treatment for i in items}))})")
        result.findings.append(Finding(
            "error", "source", f"data/sources.yml ({source.id})", mention.name,
            f"{where}: the text names {mention.kind} '{mention.name}' {shown}, but the inventory does not "
            f"list it there{also}",
            f"add `{entry}` to {source.id}'s {list_name} in data/sources.yml (then run this again for the glossary "
            f"and page it needs), or add it to {source.id}'s not_covered with a one-line reason",
            source.line, display_path(inventory.path)))


def _matches(mention: Mention, names: tuple[str, ...]) -> bool:
    if mention.kind == "side effect":
        return any(occurs(n, mention.name) for n in names)
    wanted = {key(mention.name), key(mention.canonical)} - {""}
    return any(key(n) in wanted for n in names)


def _check_items(source: Source, reading: Reading, inventory: Inventory, result: SourceCheck,
                 lines_of: Callable[[str], list[int] | None] | None = None) -> None:
    """Every inventory item and not_covered entry occurs in the text (drugs and side effects in their section).

    lines_of(name) gives the lines it occurs on, or None when it cannot know (a name the recorded reading lacks).
    """
    lines_of = lines_of or (lambda name: [n for n, text in enumerate(reading.lines, 1) if occurs(name, text)])
    for item in source.items:
        ev = (source.id, item.kind, normalise(item.name), item.treatment)
        if result.evidence.get(ev):
            continue
        per_name = [lines_of(name) for name in item.names]
        if None in per_name:
            _unchecked(source, f"{item.kind} '{item.name}'", item.line, inventory, result)
            continue
        lines = sorted(set().union(*per_name))
        if item.kind != "term":  # in its treatment's section, or where the reading knows no section
            inside = [n for n in lines if reading.treatment_at(n) in (item.treatment, None)]
            if inside:
                result.evidence[ev] = inside
                continue
        elif lines:
            result.evidence[ev] = lines
            continue
        treatment = f" under {inventory.treatments[item.treatment].name.lower()}" if item.treatment else ""
        problem = (f"only in other treatments' sections, not its {inventory.treatments[item.treatment].name.lower()} "
                   f"section (line {', '.join(map(str, lines[:5]))})" if lines else "nowhere")
        result.findings.append(Finding(
            "error", "source", f"data/sources.yml ({source.id})", item.name,
            f"{source.id}: {item.kind} '{item.name}'{treatment} (data/sources.yml line {item.line}) occurs "
            f"{problem} in {source.file}",
            "remove it from data/sources.yml, or give it the name, aliases or treatment the text uses",
            item.line, display_path(inventory.path)))
    for entry in source.not_covered:
        lines = result.lines_for(source.id, "not covered", entry.name, None) or lines_of(entry.name)
        if lines is None:
            _unchecked(source, f"not_covered '{entry.name}'", entry.line, inventory, result)
            continue
        result.not_covered.append({"source": source.id, "name": entry.name, "reason": entry.reason, "lines": lines})
        if not lines:
            result.findings.append(Finding(
                "error", "source", f"data/sources.yml ({source.id})", entry.name,
                f"{source.id}: not_covered '{entry.name}' (data/sources.yml line {entry.line}) does not occur in "
                f"{source.file}", "remove it from not_covered, or fix its spelling to the text's",
                entry.line, display_path(inventory.path)))


def _unchecked(source: Source, what: str, line: int, inventory: Inventory, result: SourceCheck) -> None:
    result.findings.append(Finding(
        "warning", "source", f"data/sources.yml ({source.id})", what,
        f"{source.id}: {what} is new since the recorded reading of {source.file}, so it cannot be checked against "
        "the text here",
        "nothing to do: the run with the source texts (CI) checks it; a maintainer then runs "
        "`scripts/validate.py --record`", line, display_path(inventory.path)))


# --- The recorded reading, for checking without the texts ----------------------------------------


def record_path(inventory: Inventory) -> Path:
    """data/source_readings.json, beside the inventory."""
    return inventory.path.parent / RECORD_FILE


def record_readings(inventory: Inventory, folder: Path) -> dict:
    """What each registered text names (with lines) and where each inventory name occurs: derived data only."""
    treatments = {tid: t.name for tid, t in inventory.treatments.items()}
    sources = {}
    for source in inventory.text_sources():
        reading = read_file(folder / source.file, treatments, (inventory.path, source.line))
        names = sorted({normalise(n) for i in source.items for n in i.names} |
                       {normalise(n.name) for n in source.not_covered})
        sources[source.id] = {
            "file": source.file,
            "sections": [list(section) for section in reading.sections],
            "mentions": [[m.kind, m.name, m.canonical, m.treatment, m.line] for m in reading.mentions],
            "occurrences": {name: [n for n, text in enumerate(reading.lines, 1) if occurs(name, text)]
                            for name in names},
        }
    return {"about": "The source check's reading of each source text, made by scripts/validate.py --record: "
                     "names and line numbers only, no text. Used where the texts are not.", "sources": sources}


def write_record(inventory: Inventory, folder: Path) -> Path:
    path = record_path(inventory)
    path.write_text(json.dumps(record_readings(inventory, folder), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def check_recorded(inventory: Inventory, skipped: str) -> SourceCheck:
    """The source check against the recorded reading; skipped (as before) when there is none."""
    path = record_path(inventory)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))["sources"]
    except FileNotFoundError:
        return SourceCheck(skipped=skipped)
    except (OSError, ValueError, KeyError, TypeError):
        raise DataError(path, None, "the recorded reading is not usable; restore it from git, or run "
                        "scripts/validate.py --record with the source texts.") from None
    result = SourceCheck(recorded=display_path(path))
    for source in inventory.text_sources():
        entry = record.get(source.id)
        if entry is None or entry.get("file") != source.file:
            _unchecked(source, f"the source '{source.id}'", source.line, inventory, result)
            continue
        mentions = [Mention(kind, name, treatment, line, canonical or "")
                    for kind, name, canonical, treatment, line in entry["mentions"]]
        reading = Reading([], mentions, [tuple(section) for section in entry["sections"]])
        occurrences = entry["occurrences"]
        result.texts[source.id] = f"{source.file}, as recorded"
        _check_mentions(source, reading, inventory, result)
        _check_items(source, reading, inventory, result, lambda name: occurrences.get(normalise(name)))
    return result


def add_evidence(rows: list[dict], inventory: Inventory, glossary, check: SourceCheck) -> None:
    """Add to each covered row of the coverage report where each source names it and its glossary entry."""
    named_by: dict[tuple, list[Source]] = {}  # (kind, name, treatment) -> the sources that name it
    for source in inventory.sources.values():
        for i in source.items:
            named_by.setdefault((i.kind, normalise(i.name), i.treatment), []).append(source)
    for row in rows:
        sources = {s.id: s for s in named_by.get((row["kind"], normalise(row["name"]), row["treatment"]), [])}.values()
        row["named_in"] = [{"source": s.id, "file": s.file, "lines": check.lines_for(s.id, row["kind"], row["name"],
                                                                                         row["treatment"])}
                           for s in sources]
        entry = glossary.find(row["name"]) if row["kind"] in ("drug", "term") else None
        row["glossary"] = f"glossary.md#{entry.anchor}" if entry else None


# --- A draft inventory block for a new source ----------------------------------------------------


def propose(path: Path, inventory: Inventory, today: dt.date) -> str:
    """A draft data/sources.yml block for a new source text: review it, fill in the blanks, paste it."""
    treatments = {tid: t.name for tid, t in inventory.treatments.items()}
    reading = read_file(path, treatments)
    sid = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "new-source"
    out = [f"  # Draft read from {path.name} on {today}. Check every line against the text, fill in the",
           "  # empty fields, then paste under `sources:` in data/sources.yml and run scripts/validate.py.",
           f"  {sid}:", '    publisher: ""', '    title: ""', '    url: ""', f"    file: {path.name}",
           f"    accessed: {today}"]
    unplaced: dict[str, Mention] = {}
    for kind, key_name in (("drug", "drugs"), ("side effect", "side_effects")):
        seen: dict[tuple, list[int]] = {}
        names: dict[tuple, str] = {}
        for m in reading.mentions:
            if m.kind != kind:
                continue
            if m.treatment is None:
                unplaced.setdefault(key(m.name), m)
                continue
            k = (key(m.name), m.treatment)
            names.setdefault(k, m.name)
            seen.setdefault(k, []).append(m.line)
        out.append(f"    {key_name}:" + ("" if seen else " []"))
        for k, lines in seen.items():
            out.append(f"      - {{name: {_flow(names[k])}, treatment: {k[1]}}}  # line {', '.join(map(str, lines))}")
    if unplaced:
        out.append("    # Named outside any treatment's section: move each to drugs or side_effects with its")
        out.append("    # treatment, or keep it here with a one-line reason why the site does not cover it.")
        out.append("    not_covered:")
        for m in unplaced.values():
            out.append(f'      - {{name: {_flow(m.name)}, reason: ""}}  # line {m.line}, read as a {m.kind}')
    return "\n".join(out) + "\n"


def _flow(text: str) -> str:
    """Text as a YAML flow-mapping value: bare when safe, else double-quoted."""
    return text if re.fullmatch(r"[A-Za-z0-9][\w \-'()/.]*", text) else json.dumps(text)
