"""Upgrade safety: the installed Material for MkDocs is what the site's search worker expects.

The site's worker (docs/assets/javascripts/workers/search-readers.js) loads
Material's own worker, named in the page's `__config`, and talks to it through
its messages. After an upgrade of Material these tests fail with what to check;
the build itself fails too (mbc_guide.search.search_index.check_worker).
The message format is checked under Node with Material's real worker
(tests/js/search-readers.test.js, run by tests/test_search_worker_js.py).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import material
import pytest

from mbc_guide.html.tree import parse_document
from mbc_guide.search import search_index as search_words
from tests.helpers import ROOT, build_site

THEME = Path(material.__file__).parent / "templates"
WHAT_TO_CHECK = search_words.UPGRADE_HINT


def material_worker() -> Path:
    workers = sorted((THEME / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1, (f"Material should ship one search worker, found {[w.name for w in workers]}. "
                               f"{WHAT_TO_CHECK}")
    return workers[0]


def test_material_ships_one_search_worker_that_talks_through_messages():
    code = material_worker().read_text(encoding="utf-8")
    for mark in search_words.WORKER_MARKS:
        assert mark in code, f"Material's search worker no longer contains {mark!r}. {WHAT_TO_CHECK}"


def test_materials_config_block_names_its_worker_as_search():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    block = re.search(r"{% block config %}(.*?){% endblock %}", base, re.DOTALL)
    assert block, f"material/templates/base.html has no {{% block config %}}. {WHAT_TO_CHECK}"
    wanted = f'"search": "assets/javascripts/workers/{material_worker().name}" | url'
    assert wanted in block.group(1), f"Material's __config no longer has {wanted}. {WHAT_TO_CHECK}"


def test_built_pages_name_the_sites_worker_with_materials_after_it(built_site):
    for page in (built_site / "index.html", built_site / "treatment" / "chemotherapy" / "index.html"):
        search = search_words.config_search(parse_document(page.read_text(encoding="utf-8")))
        assert search.endswith(f"workers/search-readers.js#{material_worker().name}"), search
        search_words.check_worker(search, built_site)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "mkdocs.es.yml", "docs", "data", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    return copy


@pytest.mark.builds
def test_the_build_fails_with_what_to_check_when_config_does_not_name_the_sites_worker(project_copy):
    main = project_copy / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    start, end = text.index("{% block config %}"), text.index("{% endblock %}", text.index("{% block config %}"))
    main.write_text(text[:start] + text[end + len("{% endblock %}"):], encoding="utf-8")
    result = build_site(project_copy / "site", project=project_copy)
    assert result.returncode != 0
    assert "overrides/main.html" in result.stderr and "search-readers.js" in result.stderr, result.stderr[-2000:]


@pytest.mark.builds
def test_the_build_fails_when_a_readers_word_points_at_no_site_word(project_copy):
    data = project_copy / "data" / "search_words.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "words:\n", "words:\n  - {site: zorblax, readers: [zorb]}\n", 1), encoding="utf-8")
    result = build_site(project_copy / "site", project=project_copy)
    assert result.returncode != 0
    assert "search_words.yml:" in result.stderr and "the site word 'zorblax' is on no page" in result.stderr
