"""The pages built from data: the glossary and the side-effects index."""
from __future__ import annotations

import dataclasses

import markdown

from mbc_guide.data.site import load_all
from mbc_guide.pages import generated_pages as gen
from mbc_guide.pages.page_words import page_words
from mbc_guide.text.characters import normalise


def data():
    return load_all()


def test_glossary_lists_every_entry_a_to_z_with_anchor_and_class():
    inventory, glossary = data()
    page = gen.glossary_markdown(inventory, glossary)
    for entry in glossary.entries:
        assert f"{{ #{entry.anchor} }}" in page, entry.term
        assert f"<!-- mentions:{entry.anchor} -->" in page
    headings = [line[4:].split(" {")[0] for line in page.splitlines() if line.startswith("### ")]
    assert headings == sorted(headings, key=str.lower)
    assert "part of [platinum chemotherapy](#platinum-chemotherapy)" in page
    assert "[Chemotherapy](treatment/chemotherapy.md)" in page


def test_hostile_definitions_are_escaped_in_the_glossary_page():
    inventory, glossary = data()
    hostile = dataclasses.replace(glossary.entries[0], definition='<script>alert("x")</script> *bold* [link](x)')
    html = markdown.markdown(gen.glossary_markdown(
        inventory, dataclasses.replace(glossary, entries=(hostile, *glossary.entries[1:]))),
        extensions=["attr_list", "admonition"])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<strong>bold</strong>" not in html and '<a href="x">' not in html


def test_heading_capitalisation_keeps_mixed_case_names():
    assert gen.heading("tamoxifen") == "Tamoxifen"
    assert gen.heading("mTOR inhibitors") == "mTOR inhibitors"
    assert gen.heading("HER2") == "HER2"


def test_side_effects_page_lists_each_once_with_its_treatments():
    inventory, _ = data()
    page = gen.side_effects_markdown(inventory)
    headings = [line[3:] for line in page.splitlines() if line.startswith("## ")]
    assert headings == sorted(headings, key=str.lower)
    assert len(headings) == len(set(h.lower() for h in headings))
    fatigue = page.split("## Fatigue\n", 1)[1].split("##", 1)[0]
    for name in ("chemotherapy", "immunotherapy", "targeted therapy"):
        assert f"[{name}](" in fatigue
    assert "Also called: hot flushes." in page


def test_every_inventoried_side_effect_is_on_the_page():
    inventory, _ = data()
    page = gen.side_effects_markdown(inventory).lower()
    for item in inventory.items("side effect"):
        assert f"## {item.name.lower()}" in page


def test_no_side_effect_shows_twice_under_another_name():
    inventory, _ = data()
    owner: dict[str, str] = {}
    for item in inventory.items("side effect"):
        for name in item.names:
            first = owner.setdefault(normalise(name), normalise(item.name))
            assert first == normalise(item.name), f"'{name}' names both '{first}' and '{item.name}'"
    page = gen.side_effects_markdown(inventory)
    assert page.count("## Rash") == 1 and "## Skin rash" not in page
    assert "periods" not in page


def test_a_side_effects_note_gives_back_what_its_short_name_leaves_out():
    """A side effect's note (data/sources.yml) follows its treatments: the source's condition or fuller words."""
    inventory, _ = data()
    page = gen.side_effects_markdown(inventory)
    menstrual = page.split("## Menstrual cycle disruption\n", 1)[1].split("##", 1)[0]
    assert "[hormone therapy](hormone-therapy.md). It can happen in people who have not yet been through menopause." \
        in menstrual
    infection = page.split("## Risk of infection\n", 1)[1].split("##", 1)[0]
    assert "Chemo can raise the risk of infection." in infection
    fatigue = page.split("## Fatigue\n", 1)[1].split("##", 1)[0]
    assert fatigue.strip().endswith("[targeted therapy](targeted-therapy.md).")  # no note, nothing added


def test_a_side_effects_note_is_escaped():
    inventory, _ = data()
    source = inventory.sources["medical-news-today"]
    items = tuple(dataclasses.replace(i, note='<script>alert("x")</script> *bold*') if i.name == "cough" else i
                  for i in source.items)
    hostile = dataclasses.replace(inventory, sources={**inventory.sources,
                                                      source.id: dataclasses.replace(source, items=items)})
    html = markdown.markdown(gen.side_effects_markdown(hostile), extensions=["attr_list", "admonition"])
    assert "<script>" not in html and "<strong>bold</strong>" not in html
    assert "&lt;script&gt;" in html


def test_the_spanish_glossary_is_in_spanish_and_says_each_english_name():
    """The Spanish glossary: Spanish names, definitions and words around them; each drug's respelling is of its
    English name, said so, and read by screen readers in English."""
    inventory, glossary = load_all()
    page = gen.glossary_markdown(inventory, glossary, page_words("es"))
    assert "# Glosario" in page and "### Tamoxifeno { #tamoxifen }" in page
    assert "Un medicamento de terapia hormonal." in page and "A hormone therapy drug." not in page
    assert '<span class="mbc-say">Cómo se dice en inglés: <span class="mbc-say__respelling" aria-hidden="true">' \
           'tuh-MOK-sih-FEN</span><span class="mbc-visually-hidden" lang="en">' in page
    assert "Se vende como Soltamox (en los EE. UU.)." in page
    assert "Say it" not in page and "Sold as" not in page and "Jump to a letter" not in page
