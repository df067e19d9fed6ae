"""The pages built from data alone: the Glossary (data/glossary.yml) and Side effects A to Z (data/sources.yml)."""
from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass

from mbc_guide.data.glossary import Brand, Glossary, GlossaryEntry, slug, unique_anchors
from mbc_guide.data.inventory import Inventory
from mbc_guide.html.screen_reader_text import CLASS as SCREEN_READER_ONLY
from mbc_guide.text import respelling
from mbc_guide.text.characters import normalise
from mbc_guide.text.markdown_escape import md_text as text

GLOSSARY_PAGE = "glossary.md"
SIDE_EFFECTS_PAGE = "treatment/side-effects.md"
KIND_LABELS = {"drug": "Drug", "class": "Group of drugs", "term": "Medical word"}


def generated(inventory: Inventory, glossary: Glossary) -> list[tuple[str, str, str]]:
    """Each generated page: its path in docs/, its Markdown, and the data file it is built from."""
    return [(GLOSSARY_PAGE, glossary_markdown(inventory, glossary), "data/glossary.yml"),
            (SIDE_EFFECTS_PAGE, side_effects_markdown(inventory), "data/sources.yml")]


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
    return (f"---\ntitle: {title}\ndescription: {description}\nsources: [{', '.join(sources)}]\n"
            f"reviewed: {reviewed}\nnext_review: {next_review}\nsearch:\n  boost: 0.5\n---\n\n")


def _link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def glossary_markdown(inventory: Inventory, glossary: Glossary) -> str:
    """The Glossary page: every entry A to Z with its anchor, definition, class and mentions."""
    backing = sorted({i.source for i in inventory.items() if i.kind in ("drug", "term")})
    # The names-only sources its respellings and brand names were read in are cited too.
    backing += sorted({s.id for e in glossary.entries if e.say_source and e.say_source != "own"
                       for s in [inventory.names_source("respellings", e.say_source)]}
                      | {inventory.names_source("brand names", b.seen_at).id for e in glossary.entries for b in e.brands})
    # Each brand name is listed too, pointing at its drug: (brand name, drug) pairs with their own anchors.
    brands = [(name, entry) for entry in glossary.entries for name in brand_names(entry.brands)]
    taken = {e.anchor for e in glossary.entries} | {letter_anchor(n[0].upper()) for n in
                                                     [e.term for e in glossary.entries] + [b.name for b, _ in brands]}
    brand_anchors = unique_anchors([b.name for b, _ in brands], taken=taken)
    items = [(entry.term, entry) for entry in glossary.entries] + \
            [(name.name, (name, entry, anchor)) for (name, entry), anchor in zip(brands, brand_anchors)]
    groups: dict[str, tuple[str, list]] = {}  # letter anchor -> (letter shown, entries and brands)
    for name, item in sorted(items, key=lambda pair: normalise(pair[0])):
        letter = name[0].upper()
        groups.setdefault(letter_anchor(letter), (letter, []))[1].append(item)
    out = [front_matter(
        "Glossary", "Plain meanings of every drug, group of drugs and medical word named on this site, A to Z.",
        backing, glossary.reviewed, glossary.next_review)]
    out.append("# Glossary\n\n!!! summary \"In short\"\n\n"
               "    This page explains, in plain words, each drug, group of drugs and medical word used on this site. "
               "On other pages these words have a dotted underline. Point at one, tab to it or tap it to see "
               "what it means. Select its link to come here. Brand names are listed too, each pointing to its drug.\n\n")
    # The letters are a list of links, each a large target (extra.css); data is escaped on its way into HTML.
    letters = "".join(f'<li><a href="#{html.escape(anchor)}">{html.escape(letter)}</a></li>'
                      for anchor, (letter, _) in groups.items())
    out.append(f'<nav class="mbc-letters" aria-label="Jump to a letter"><p>Jump to a letter:</p><ul>{letters}</ul></nav>\n')
    for anchor, (letter, members) in groups.items():
        out.append(f"\n## {text(letter)} {{ #{anchor} }}\n")
        out.extend(_glossary_entry(item, inventory, glossary) if isinstance(item, GlossaryEntry)
                   else _brand_entry(*item) for item in members)
    return "".join(out)


def _glossary_entry(entry: GlossaryEntry, inventory: Inventory, glossary: Glossary) -> str:
    facts = [f"*{KIND_LABELS[entry.kind]}*"]
    for tid in entry.treatments:
        treatment = inventory.treatments[tid]
        facts.append(f"[{text(treatment.name)}]({_link(GLOSSARY_PAGE, treatment.page)})")
    if entry.member_of:
        parent = glossary.find(entry.member_of)
        facts.append(f"part of [{text(parent.term)}](#{parent.anchor})")
    lines = [f"\n### {text(heading(entry.term))} {{ #{entry.anchor} }}\n"]
    if entry.say:
        lines.append(say_it(entry.say) + "\n")
    lines += [text(entry.definition) + "\n"]
    if entry.brands:
        lines.append(sold_as(entry.brands) + "\n")
    lines.append(" · ".join(facts) + "\n")
    if entry.aliases:
        lines.append("Also written: " + ", ".join(text(a) for a in entry.aliases) + "\n")
    lines.append(f"\n<!-- mentions:{entry.anchor} -->\n")
    return "\n".join(lines)


@dataclass(frozen=True)
class BrandName:
    """A brand name as the glossary shows it: once, with every country it was seen in, current or former."""

    name: str
    countries: tuple[str, ...]
    former: bool

    @property
    def where(self) -> str:
        """ "in the US and the EU" (escaped)."""
        return "in " + " and ".join(f"the {text(c)}" for c in self.countries)


def brand_names(brands: tuple[Brand, ...]) -> list[BrandName]:
    """A drug's brands by name, in the order recorded: each current name once, each former name once."""
    countries: dict[tuple[str, bool], list[str]] = {}
    for brand in brands:
        countries.setdefault((brand.name, brand.former), []).append(brand.country)
    return [BrandName(name, tuple(where), former) for (name, former), where in countries.items()]


def sold_as(brands: tuple[Brand, ...]) -> str:
    """ "Sold as Herceptin (in the US and the EU). ..." and "Once sold as Nolvadex (in the US)." (names escaped)."""
    names = brand_names(brands)
    current = [f"{text(b.name)} ({b.where})" for b in names if not b.former]
    former = [f"{text(b.name)} ({b.where})" for b in names if b.former]
    said = [f"Sold as {_either(current)}. It may also be sold under other brand names."] if current else []
    return " ".join(said + ([f"Once sold as {_either(former)}."] if former else []))


def _either(names: list[str]) -> str:
    """ "A", "A or B", "A, B or C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _brand_entry(brand: BrandName, drug: GlossaryEntry, anchor: str) -> str:
    """A brand name in the A to Z: what it is, and a link to its drug's entry."""
    kind = "A former brand name" if brand.former else "A brand name"
    return (f"\n### {text(brand.name)} {{ #{anchor} }}\n\n"
            f"{kind} {brand.where} for [{text(drug.term)}](#{drug.anchor}): see that entry for what it is.\n\n"
            f"*{'Former brand name' if brand.former else 'Brand name'}*\n")


def say_it(say: str) -> str:
    """The "Say it" line: the respelling for the eye, its spoken form for screen readers."""
    return (f'<span class="mbc-say">Say it: <span class="mbc-say__respelling" aria-hidden="true">{html.escape(say)}'
            f'</span><span class="{SCREEN_READER_ONLY}">{html.escape(respelling.spoken(say))}</span></span>')


def side_effects_markdown(inventory: Inventory) -> str:
    """The Side effects A to Z page: each side effect with the treatments that can cause it."""
    effects: dict[str, dict] = {}
    for item in inventory.items("side effect"):
        row = effects.setdefault(normalise(item.name),
                                 {"name": item.name, "aliases": [], "treatments": [], "notes": []})
        row["aliases"] += [a for a in item.aliases if a not in row["aliases"]]
        if item.note and item.note not in row["notes"]:
            row["notes"].append(item.note)
        if item.treatment not in row["treatments"]:
            row["treatments"].append(item.treatment)
    sources = sorted({i.source for i in inventory.items("side effect")})
    out = [front_matter(
        "Side effects A to Z", "Each side effect named by our sources, A to Z, with the treatments that can cause it.",
        sources, inventory.reviewed, inventory.next_review)]
    out.append("# Side effects A to Z\n\n!!! summary \"In short\"\n\n"
               "    Look up a side effect to see which kinds of treatment can cause it. "
               "Each link takes you to the page on that treatment. "
               "Side effects of hormone and targeted therapy depend on the drug. "
               "If you get a side effect that is strong or odd, tell your care team right away. "
               "You can ask them how to cope with side effects such as nausea.\n")
    for key in sorted(effects):
        row = effects[key]
        links = ", ".join(f"[{text(inventory.treatments[t].name.lower())}]({_link(SIDE_EFFECTS_PAGE, inventory.treatments[t].page)})"
                          for t in sorted(row["treatments"]))
        other_names = [a for a in row["aliases"] if a.lower() not in row["name"].lower() and row["name"].lower() not in a.lower()]
        also = f" Also called: {', '.join(text(a) for a in other_names)}." if other_names else ""
        notes = "".join(f" {text(note)}" for note in row["notes"])
        out.append(f"\n## {text(heading(row['name']))}\n\nYou may get it with: {links}.{also}{notes}\n")
    return "".join(out)
