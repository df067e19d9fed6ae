"""Find whole-word names in text, compared as normalise() does, all in one Aho-Corasick pass."""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick

from mbc_guide.text.characters import normalise

T = TypeVar("T")
_ASCII_SPACES = str.maketrans("\t\n\r\f\v", "     ")


@functools.lru_cache(maxsize=128)
def fold_text(text: str) -> tuple[str, tuple[int, ...]]:
    """The text in normalise()'s form, and for each folded character the index of its source character (each text
    folded once: the checks read the same pages again and again)."""
    if text.isascii() and "  " not in text:
        return text.lower().translate(_ASCII_SPACES), tuple(range(len(text)))
    folded: list[str] = []
    starts: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space:
                folded.append(" ")
                starts.append(index)
            in_space = True
            continue
        in_space = False
        piece = char.casefold()
        folded.append(piece)
        starts.extend([index] * len(piece))
    return "".join(folded), tuple(starts)


def is_word_char(char: str) -> bool:
    """Letters, digits, "_" and combining marks: what a whole word may not touch."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


class NameFinder(Generic[T]):
    """Finds (name, value) pairs in text as whole words, never just after a hyphen (not in "ado-trastuzumab")."""

    def __init__(self, names: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for name, value in names:
            key = normalise(name)
            if key:
                self._automaton.add_word(key, (len(key), value))
        self.empty = len(self._automaton) == 0
        if not self.empty:
            self._automaton.make_automaton()

    def all(self, text: str) -> list[tuple[int, int, T]]:
        """Every whole-word occurrence, overlapping ones included, as (start, end, value), by start."""
        if self.empty:
            return []
        folded, starts = fold_text(text)
        found = []
        for last, (length, value) in self._automaton.iter(folded):
            first, stop = last - length + 1, last + 1
            start = starts[first]
            end = starts[stop] if stop < len(starts) else len(text)
            before_ok = start == 0 or not (is_word_char(text[start - 1]) or text[start - 1] == "-")
            after_ok = end >= len(text) or not is_word_char(text[end])
            if before_ok and after_ok:
                found.append((start, end, value))
        return sorted(found, key=lambda f: (f[0], -f[1]))

    def longest(self, text: str) -> list[tuple[int, int, T]]:
        """Occurrences left to right, the longest at each place, none overlapping."""
        chosen = []
        cursor = 0
        for start, end, value in self.all(text):
            if start >= cursor:
                chosen.append((start, end, value))
                cursor = end
        return chosen
