"""Misspelt names: a word a reader sees that is a slip away from a glossary name ("tamoxifin" for tamoxifen).

A word is a slip of a word of a glossary name, alias or brand when it is within the edits the search forgives
for that name's length (misspellings.allowed: none under 5 letters) and the site does not know it: it is no
glossary or inventory name (nor its plural), no drug in the drug dictionary, and no everyday English word.
Only the words of names that are not everyday words are looked for, and drug names (tamoxifen): a slip of
"dependent" or "platinum" is an ordinary spelling mistake, and "dependant" a word of its own.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

from mbc_guide.names import drug_names
from mbc_guide.search.misspellings import allowed, distance


class MisspeltNames:
    """Finds the words of a text that are slips of the given names' words; the known words never are."""

    def __init__(self, names: Iterable[str], *known: Collection[str]) -> None:
        self.known = known
        self.names: dict[str, str] = {}  # each word of a name (case-folded) long enough to check -> as written
        for word in (w for name in names for w in drug_names.written_words(name)):
            if allowed(len(word)):
                self.names.setdefault(word.casefold(), word)
        self._meant: dict[str, str | None] = {}

    def meant(self, word: str) -> str | None:
        """The name a case-folded word is a slip of (the nearest, the first of equals), or None."""
        if word not in self._meant:
            known = word in self.names or any(word in words for words in self.known)
            self._meant[word] = None if known else self._nearest(word)
        return self._meant[word]

    def _nearest(self, word: str) -> str | None:
        best = None
        for name, written in self.names.items():
            edits = allowed(len(name))
            if abs(len(word) - len(name)) <= edits:
                found = distance(word, name)
                if found <= edits and (best is None or found < best[0]):
                    best = (found, written)
        return best[1] if best else None

    def candidates(self, text: str) -> bool:
        """Whether any word of the text is a slip (a quick test over all its words)."""
        return any(self.meant(word) for word in set(drug_names.words_of(text)))

    def find(self, text: str) -> list[tuple[str, str]]:
        """Each slip in the text as first written, in order, with the name it is a slip of."""
        found: dict[str, tuple[str, str]] = {}
        for word in drug_names.written_words(text):
            key = word.casefold()
            name = self.meant(key)
            if name and key not in found:
                found[key] = (word, name)
        return list(found.values())


def for_site(finder: drug_names.DrugNames, glossary) -> MisspeltNames:
    """The finder for the site: slips of its names' words that are drugs or no everyday words; known words never."""
    everyday = drug_names.everyday_words()
    names = [word for entry in glossary.entries for name in entry.names for word in drug_names.written_words(name)
             if word.casefold() not in everyday or word.casefold() in finder.dictionary]
    return MisspeltNames(names, finder.known, finder.dictionary, everyday)
