"""The pages built from data alone: the Glossary (data/glossary.yml) and Side effects A to Z (data/sources.yml)."""
from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass

from mbc_guide.data.glossary import Brand, Glossary, GlossaryEntry, slug, unique_anchors
from mbc_guide.data.inventory import Inventory
from mbc_guide.html.screen_reader_text import CLASS as SCREEN_READER_ONLY
from mbc_guide.pages.page_words import PageWords, english
from mbc_guide.text import respelling
from mbc_guide.text.characters import normalise
from mbc_guide.text.markdown_escape import md_text as text

GLOSSARY_PAGE = "glossary.md"
SIDE_EFFECTS_PAGE = "treatment/side-effects.md"


def generated(inventory: Inventory, glossary: Glossary, words: PageWords | None = None) -> list[tuple[str, str, str]]:
    """Each generated page in the edition's words (English by default): its path in docs/, its Markdown, and the
    data file it is built from."""
    return [(GLOSSARY_PAGE, glossary_markdown(inventory, glossary, words), "data/glossary.yml"),
            (SIDE_EFFECTS_PAGE, side_effects_markdown(inventory, words), "data/sources.yml")]


def letter_anchor(letter: str) -> str:
    """The anchor of a letter heading on the glossary page."""
    return f"letter-{slug(letter) or 'other'}"


def heading(term: str) -> str:
    """Capitalise a term for a heading, leaving names like "mTOR" as they are."""
    return term[0].upper() + term[1:] if term[1:2].islower() else term


def front_matter(title: str, description: str, sources: list[str], reviewed, next_review) -> str:
    """The front matter of a page made from data."""
    # These pages are look-up lists that name every drug and side effect, so the search halves their
    # weight: a page that explains a topic comes first when it matches as well.
    return (f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\nsources: [{', '.join(sources)}]\n"
            f"reviewed: {reviewed}\nnext_review: {next_review}\nsearch:\n  boost: 0.5\n---\n\n")


def _link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def glossary_markdown(inventory: Inventory, glossary: Glossary, words: PageWords | None = None) -> str:
    """The Glossary page: every entry A to Z with its anchor, definition, class and mentions."""
    words = words or english()
    entries = words.entries(glossary)
    backing = sorted({i.source for i in inventory.items() if i.kind in ("drug", "term")})
    # The names-only sources its respellings (shown in English only) and brand names were read in are cited too.
    backing += sorted({s.id for e in entries if e.say and e.say_source and e.say_source != "own"
                       for s in [inventory.names_source("respellings", e.say_source)]}
                      | {inventory.names_source("brand names", b.seen_at).id for e in glossary.entries for b in e.brands})
    # Each brand name is listed too, pointing at its drug: (brand name, drug) pairs with their own anchors.
    brands = [(name, entry) for entry in entries for name in brand_names(entry.brands)]
    taken = {e.anchor for e in entries} | {letter_anchor(n[0].upper()) for n in
                                           [e.term for e in entries] + [b.name for b, _ in brands]}
    brand_anchors = unique_anchors([b.name for b, _ in brands], taken=taken)
    items = [(entry.term, entry) for entry in entries] + \
            [(name.name, (name, entry, anchor)) for (name, entry), anchor in zip(brands, brand_anchors)]
    groups: dict[str, tuple[str, list]] = {}  # letter anchor -> (letter shown, entries and brands)
    for name, item in sorted(items, key=lambda pair: normalise(pair[0])):
        letter = name[0].upper()
        groups.setdefault(letter_anchor(letter), (letter, []))[1].append(item)
    out = [front_matter(words["glossary_title"], words["glossary_description"], backing, glossary.reviewed,
                        glossary.next_review)]
    out.append(f"# {text(words['glossary_title'])}\n\n{summary(words, words['glossary_summary'])}\n")
    # The letters are a list of links, each a large target (extra.css); data is escaped on its way into HTML.
    letters = "".join(f'<li><a href="#{html.escape(anchor)}">{html.escape(letter)}</a></li>'
                      for anchor, (letter, _) in groups.items())
    jump = html.escape(words["jump_to_letter"])
    out.append(f'<nav class="mbc-letters" aria-label="{jump}"><p>{jump}:</p><ul>{letters}</ul></nav>\n')
    for anchor, (letter, members) in groups.items():
        out.append(f"\n## {text(letter)} {{ #{anchor} }}\n")
        out.extend(_glossary_entry(item, inventory, glossary, words) if isinstance(item, GlossaryEntry)
                   else _brand_entry(*item, words) for item in members)
    return "".join(out)


def summary(words: PageWords, said: str) -> str:
    """The "In short" box at the top of a page made from data."""
    title = words["in_short"].replace('"', "'")
    return f'!!! summary "{text(title)}"\n\n    {text(" ".join(said.split()))}\n'


def with_value(template: str, **values: str) -> str:
    """An interface sentence, escaped, with values (already Markdown) in place of its {name} slots."""
    # Its brackets are escaped, so its parentheses cannot make a link: they stay as written.
    out = text(template).replace("\\(", "(").replace("\\)", ")")
    for name, value in values.items():
        out = out.replace(text("{" + name + "}"), value)
    return out


def _glossary_entry(entry: GlossaryEntry, inventory: Inventory, glossary: Glossary, words: PageWords) -> str:
    facts = [f"*{text(words['kind_' + entry.kind])}*"]
    for tid in entry.treatments:
        facts.append(f"[{text(words.treatment(inventory, tid))}]({_link(GLOSSARY_PAGE, inventory.treatments[tid].page)})")
    if entry.member_of:
        parent = glossary.find(entry.member_of)
        facts.append(with_value(words["part_of"], link=f"[{text(words.term(glossary, parent.term))}](#{parent.anchor})"))
    lines = [f"\n### {text(heading(entry.term))} {{ #{entry.anchor} }}\n"]
    if entry.say:
        lines.append(say_it(entry.say, words) + "\n")
    lines += [text(entry.definition) + "\n"]
    if entry.brands:
        lines.append(sold_as(entry.brands, words) + "\n")
    lines.append(" · ".join(facts) + "\n")
    if entry.aliases:
        lines.append(with_value(words["also_written"], names=", ".join(text(a) for a in entry.aliases)) + "\n")
    lines.append(f"\n<!-- mentions:{entry.anchor} -->\n")
    return "\n".join(lines)


@dataclass(frozen=True)
class BrandName:
    """A brand name as the glossary shows it: once, with every country it was seen in, current or former."""

    name: str
    countries: tuple[str, ...]
    former: bool

    def places(self, words: PageWords) -> str:
        """ "the US and the EU" (escaped)."""
        return words.listed([text(words["place_" + country]) for country in self.countries], "and")


def brand_names(brands: tuple[Brand, ...]) -> list[BrandName]:
    """A drug's brands by name, in the order recorded: each current name once, each former name once."""
    countries: dict[tuple[str, bool], list[str]] = {}
    for brand in brands:
        countries.setdefault((brand.name, brand.former), []).append(brand.country)
    return [BrandName(name, tuple(where), former) for (name, former), where in countries.items()]


def sold_as(brands: tuple[Brand, ...], words: PageWords | None = None) -> str:
    """ "Sold as Herceptin (in the US and the EU). ..." and "Once sold as Nolvadex (in the US)." (names escaped)."""
    words = words or english()
    names = brand_names(brands)
    shown = [(b.former, with_value(words["sold_where"], name=text(b.name), places=b.places(words))) for b in names]
    current = [where for former, where in shown if not former]
    former = [where for was, where in shown if was]
    said = [with_value(words["sold_as"], names=words.listed(current, "or"))] if current else []
    return " ".join(said + ([with_value(words["once_sold_as"], names=words.listed(former, "or"))] if former else []))


def _brand_entry(brand: BrandName, drug: GlossaryEntry, anchor: str, words: PageWords) -> str:
    """A brand name in the A to Z: what it is, and a link to its drug's entry."""
    kind = words["a_former_brand_name"] if brand.former else words["a_brand_name"]
    label = words["former_brand_name"] if brand.former else words["brand_name"]
    said = with_value(words["brand_entry"], kind=text(kind), places=brand.places(words),
                      link=f"[{text(drug.term)}](#{drug.anchor})")
    return f"\n### {text(brand.name)} {{ #{anchor} }}\n\n{said}\n\n*{text(label)}*\n"


def say_it(say: str, words: PageWords | None = None) -> str:
    """The "Say it" line: the respelling for the eye, its spoken form for screen readers. A respelling is of the
    English name, in English sounds: in a translated edition it says so, and its spoken form is marked English."""
    words = words or english()
    spoken = "" if words.language == "en" else ' lang="en"'
    return (f'<span class="mbc-say">{html.escape(words["say_it"])}<span class="mbc-say__respelling" aria-hidden="true">'
            f'{html.escape(say)}</span><span class="{SCREEN_READER_ONLY}"{spoken}>'
            f'{html.escape(respelling.spoken(say))}</span></span>')


def side_effects_markdown(inventory: Inventory, words: PageWords | None = None) -> str:
    """The Side effects A to Z page: each side effect with the treatments that can cause it."""
    words = words or english()
    effects: dict[str, dict] = {}
    for item in inventory.items("side effect"):
        said = words.names.side_effects.get(item.name) if words.names else None
        name, aliases, note = (said.name, said.aliases, said.text) if said else (item.name, item.aliases, item.note)
        row = effects.setdefault(normalise(name), {"name": name, "aliases": [], "treatments": [], "notes": []})
        row["aliases"] += [a for a in aliases if a not in row["aliases"]]
        if note and note not in row["notes"]:
            row["notes"].append(note)
        if item.treatment not in row["treatments"]:
            row["treatments"].append(item.treatment)
    sources = sorted({i.source for i in inventory.items("side effect")})
    out = [front_matter(words["side_effects_title"], words["side_effects_description"], sources,
                        inventory.reviewed, inventory.next_review)]
    out.append(f"# {text(words['side_effects_title'])}\n\n{summary(words, words['side_effects_summary'])}")
    for key in sorted(effects):
        row = effects[key]
        links = ", ".join(f"[{text(words.treatment(inventory, t).lower())}]({_link(SIDE_EFFECTS_PAGE, inventory.treatments[t].page)})"
                          for t in sorted(row["treatments"]))
        other_names = [a for a in row["aliases"] if a.lower() not in row["name"].lower() and row["name"].lower() not in a.lower()]
        also = " " + with_value(words["also_called"], names=", ".join(text(a) for a in other_names)) if other_names else ""
        notes = "".join(f" {text(note)}" for note in row["notes"])
        said = with_value(words["you_may_get_it"], links=links)
        out.append(f"\n## {text(heading(row['name']))}\n\n{said}{also}{notes}\n")
    return "".join(out)
