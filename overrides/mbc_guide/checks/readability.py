"""Reading grades of a page's rendered prose: Flesch-Kincaid, SMOG with known words, sentence length."""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable

import textstat

from mbc_guide.checks import rendering
from mbc_guide.data.edition_words import load_edition_words
from mbc_guide.data.front_matter import split_page
from mbc_guide.data.site import load_all
from mbc_guide.html.tree import parse_fragment, top_nodes
from mbc_guide.paths import ROOT

DEFAULT_MAX_GRADE = 8.0  # Flesch-Kincaid, every page
MAX_SMOG = 8.0  # SMOG with known words, every page
MAX_MEDIAN_SMOG = 7.0  # SMOG with known words, the median page
MAX_SENTENCE_WORDS = 25
KNOWN_TOPIC_WORDS = frozenset({"metastatic", "chemotherapy", "immunotherapy", "therapy"})
# Spanish (INFLESZ, the Szigriszt-Pazos scale): every page at least "normal", the median page "fairly easy".
MIN_INFLESZ, MIN_MEDIAN_INFLESZ = 55.0, 65.0
KNOWN_TOPIC_WORDS_ES = frozenset({"metastásico", "metastásica", "quimioterapia", "inmunoterapia", "terapia"})
KNOWN_SYLLABLES = 2  # a known word counts as an ordinary Spanish word
# Shown to the eye, but not prose: a drug's respelling, and the "¶" link to a heading (toc: permalink).
HIDDEN_CLASSES = frozenset({"mbc-say__respelling", "headerlink"})
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary"}
SKIPPED = {"code", "pre", "script", "style"}
Render = Callable[[str], str]


@functools.cache
def site_renderer() -> Render:
    """The Markdown renderer of the site's mkdocs.yml, made once."""
    return rendering.renderer(*rendering.markdown_settings(ROOT / "mkdocs.yml"))


def _is_hidden(node) -> bool:
    """An element shown to the eye but not prose (HIDDEN_CLASSES), or not prose at all (SKIPPED)."""
    return node.tag in SKIPPED or bool(HIDDEN_CLASSES & set((node.attrs.get("class") or "").split()))


def block_sentences(html: str) -> list[str]:
    """The text of each block element of the HTML as one sentence, ending in a full stop if it has none."""
    found: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        current.clear()
        if re.search(r"[A-Za-z]", text):
            found.append(text if text[-1] in ".!?:" else text + ".")

    stack = [(node, False) for node in reversed(list(top_nodes(parse_fragment(html))))]
    while stack:  # (node, True) marks the end of a block element
        node, leaving = stack.pop()
        if leaving:
            flush()
        elif node.is_text_node:
            current.append(node.text_content or "")
        elif node.is_element_node and not _is_hidden(node):
            if node.tag in BLOCKS:
                flush()
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    flush()
    return found


def page_text(markdown_text: str, render: Render | None = None) -> str:
    """A page's body rendered as the site does, each block a sentence (code and HIDDEN_CLASSES left out)."""
    body = split_page("page.md", markdown_text).body
    return " ".join(block_sentences((render or site_renderer())(body)))


def grade(markdown_text: str, render: Render | None = None) -> float:
    """Flesch-Kincaid grade of a page's prose."""
    return float(textstat.flesch_kincaid_grade(page_text(markdown_text, render)))


_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-])*")  # a letter of any alphabet, then letters, apostrophes, hyphens


def sentences(markdown_text: str, render: Render | None = None) -> list[str]:
    """A page's prose as sentences: split after ".", "!" or "?" (every block ends with one)."""
    return [part for part in re.split(r"(?<=[.!?])\s+", page_text(markdown_text, render)) if _WORD.search(part)]


def words(sentence: str) -> list[str]:
    """The words of a sentence (a hyphenated word is one word)."""
    return _WORD.findall(sentence)


def known_words(names: Iterable[str] = (), topic: frozenset[str] = KNOWN_TOPIC_WORDS) -> frozenset[str]:
    """The words counted as known: every word of the given names (the glossary's) and the topic words."""
    found = {w.lower() for name in names for w in re.findall(r"[^\W\d_]+", name)}
    return frozenset(found | topic)


def glossary_words() -> frozenset[str]:
    """known_words() for the site's glossary (every term and alias)."""
    _, glossary = load_all()
    return known_words(name for entry in glossary.entries for name in entry.names)


def is_hard(word: str, known: frozenset[str]) -> bool:
    """A word of three syllables or more, leaving out the parts of it that are known words."""
    word = re.sub(r"['\u2019]s$", "", word.lower())  # a possessive: "tumor's" is "tumor"
    parts = [part for part in re.split(r"[-'\u2019]", word) if part and part not in known]
    return sum(textstat.syllable_count(part) for part in parts) >= 3


def smog(markdown_text: str, known: frozenset[str] = frozenset(), render: Render | None = None) -> float:
    """SMOG grade of a page's prose (1.043 x sqrt(hard words x 30 / sentences) + 3.1291), known words excepted."""
    found = sentences(markdown_text, render)
    if not found:
        return 0.0
    hard = sum(is_hard(w, known) for sentence in found for w in words(sentence))
    return 1.0430 * math.sqrt(hard * 30 / len(found)) + 3.1291


def long_sentences(markdown_text: str, limit: int = MAX_SENTENCE_WORDS, render: Render | None = None) -> list[str]:
    """The page's sentences of more than `limit` words."""
    return [s for s in sentences(markdown_text, render) if len(words(s)) > limit]


def spanish_words() -> frozenset[str]:
    """known_words() for the Spanish edition: every Spanish name of data/es.yml, the brands, the topic words."""
    _, glossary = load_all()
    words = load_edition_words("es")
    names = [name for entry in words.glossary.values() for name in entry.names]
    names += [name for effect in words.side_effects.values() for name in effect.names]
    names += [brand.name for entry in glossary.entries for brand in entry.brands]
    return known_words(names, KNOWN_TOPIC_WORDS_ES)


def inflesz(markdown_text: str, known: frozenset[str] = frozenset(), render: Render | None = None) -> float:
    """INFLESZ (Szigriszt-Pazos) of a Spanish page's prose: 206.835 - 62.3 x syllables a word - words a sentence,
    a known word counted as an ordinary one."""
    found = sentences(markdown_text, render)
    all_words = [word for sentence in found for word in words(sentence)]
    if not all_words:
        return 0.0
    textstat.set_lang("es")
    try:
        syllables = sum(KNOWN_SYLLABLES if word.lower() in known else textstat.syllable_count(word)
                        for word in all_words)
    finally:
        textstat.set_lang("en_US")
    return 206.835 - 62.3 * syllables / len(all_words) - len(all_words) / len(found)
