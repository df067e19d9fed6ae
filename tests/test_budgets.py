"""Speed budgets: what a first visit downloads, what the app saves, the offline zip, and scripts that wait for the page.

Timings vary from machine to machine, so `make bench` prints them and no test
asserts them; bytes do not, so these budgets are checked on every run.
"""
from __future__ import annotations

import re
import zipfile

import pytest

from mbc_guide.publish import web_app
from mbc_guide.search.weight import SEARCH_WORKER, search_index_weights
from mbc_guide.tools import weights
from mbc_guide.tools.sizes import KB

FIRST_LOAD_BUDGET = 75 * KB     # HTML + CSS + JS of one page, gzipped, the service worker's registration included
OFFLINE_ZIP_BUDGET = 400 * KB   # without the whole guide's PDF (its own budget: tests/browser/test_whole_guide_pdf.py)
PRECACHE_BUDGET = 500 * KB      # what the service worker downloads after a first visit, gzipped
SEARCH_WORKER_BUDGET = 5 * KB   # the site's search worker, gzipped
SEARCH_INDEX_GROWTH = 0.15      # what the hidden search fields may add to the index


@pytest.mark.parametrize("src", ["index.md", "treatment/chemotherapy.md"])
def test_first_load_fits_the_budget(built_site, src):
    weight = weights.page_weight(built_site, src)
    print(f"{src}: {weight.raw / KB:.1f} kB raw, {weight.gzip / KB:.1f} kB gzipped")
    assert weight.gzip <= FIRST_LOAD_BUDGET, (
        f"a first visit to docs/{src} downloads {weight.gzip / KB:.1f} kB gzipped (HTML + CSS + JS); "
        f"the budget is {FIRST_LOAD_BUDGET / KB:.0f} kB")


def test_first_load_counts_the_service_worker_registration(built_site):
    assets = [p.relative_to(built_site).as_posix() for p in weights.page_assets(built_site, built_site / "index.html")]
    assert "assets/javascripts/app.js" in assets


def test_what_the_app_saves_fits_the_budget(built_site):
    entries = web_app.precache_entries(built_site)
    size = sum(e.gzip for e in entries)
    print(f"precache: {len(entries)} files, {sum(e.raw for e in entries) / KB:.1f} kB raw, "
          f"{size / KB:.1f} kB gzipped")
    assert size <= PRECACHE_BUDGET, (
        f"the service worker saves {size / KB:.1f} kB gzipped after a first visit; the budget is "
        f"{PRECACHE_BUDGET / KB:.0f} kB (see NOT_PRECACHED in overrides/mbc_guide/publish/web_app.py)")


@pytest.mark.parametrize("edition", ["", "es"])
def test_each_editions_offline_zip_fits_the_budget(offline_site, edition):
    # written by the offline_site fixture beside the site: site.zip, and the Spanish edition's es/site.zip
    bundle = offline_site.parent / edition / "site.zip"
    assert bundle.is_file(), f"scripts/offline.py wrote no zip at {bundle}"
    with zipfile.ZipFile(bundle) as opened:
        names = opened.namelist()
    assert "site/index.html" in names and not any(name.startswith("site/es/") for name in names), \
        "each zip holds one edition, at its top"
    size = bundle.stat().st_size
    print(f"offline zip {edition or 'en'}: {size / KB:.1f} kB")
    assert size <= OFFLINE_ZIP_BUDGET, (
        f"the offline zip is {size / KB:.1f} kB; the budget is {OFFLINE_ZIP_BUDGET / KB:.0f} kB")


@pytest.mark.parametrize("src", ["index.md", "treatment/chemotherapy.md"])
def test_scripts_do_not_hold_up_the_first_paint(built_site, src):
    html = weights.html_file(built_site, src).read_text(encoding="utf-8")
    blocking = [tag for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html) if not re.search(r"\b(defer|async)\b", tag)]
    assert not blocking, f"docs/{src} loads scripts that block the first paint (add defer): {blocking}"


def test_the_sites_search_worker_fits_the_budget(built_site):
    weight = weights.file_weight([built_site / SEARCH_WORKER])
    assert weight.gzip < SEARCH_WORKER_BUDGET, (
        f"{SEARCH_WORKER} is {weight.gzip / KB:.1f} kB gzipped; the budget is under "
        f"{SEARCH_WORKER_BUDGET / KB:.0f} kB")


def test_the_hidden_search_fields_grow_the_index_by_at_most_15_percent(built_site):
    index, plain = search_index_weights(built_site)
    for kind in ("raw", "gzip"):
        growth = getattr(index, kind) / getattr(plain, kind) - 1
        print(f"search index {kind}: {getattr(plain, kind)} -> {getattr(index, kind)} bytes ({growth:+.1%})")
        assert growth <= SEARCH_INDEX_GROWTH, (
            f"the hidden search fields make the index {growth:.1%} larger ({kind}); at most "
            f"{SEARCH_INDEX_GROWTH:.0%}: trim data/search_words.yml")


def test_the_offline_copy_inlines_the_index_with_its_hidden_fields(offline_site):
    script = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ") and '"title_words"' in script and '"readers"' in script
    assert (offline_site / SEARCH_WORKER).is_file(), "the offline copy must keep the site's search worker"

