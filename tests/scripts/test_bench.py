"""What scripts/bench.py measures with (mbc_guide.tools: weights, settings without hooks, timings), on a tiny
site made for each test, and its command line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mbc_guide.tools import weights
from mbc_guide.tools.errors import ToolError
from mbc_guide.tools.timing import median_seconds
from mbc_guide.tools.without_hooks import config_without_hooks
from tests.helpers import ROOT

CSS = b"body { color: black; }\n" * 50
JS = b"console.log('hello');\n" * 40
PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="{up}assets/main.css">
<link rel="icon" href="{up}assets/favicon.svg">
<link rel="stylesheet" href="https://fonts.example.com/font.css">
</head><body><p>Hello</p>
<script src="{up}assets/app.js"></script>
<script src="/assets/app.js"></script>
<script>inline();</script>
</body></html>
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A two-page site: the home page and treatment/chemotherapy/, both using one CSS and one JS file."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "main.css").write_bytes(CSS)
    (tmp_path / "assets" / "app.js").write_bytes(JS)
    (tmp_path / "assets" / "favicon.svg").write_text("<svg/>")
    (tmp_path / "index.html").write_text(PAGE.format(up=""))
    (tmp_path / "treatment" / "chemotherapy").mkdir(parents=True)
    (tmp_path / "treatment" / "chemotherapy" / "index.html").write_text(PAGE.format(up="../../"))
    return tmp_path


@pytest.mark.parametrize(("src", "html"), [
    ("index.md", "index.html"),
    ("treatment/index.md", "treatment/index.html"),
    ("treatment/chemotherapy.md", "treatment/chemotherapy/index.html"),
])
def test_html_file_follows_directory_urls(src, html):
    assert weights.html_file(Path("/site"), src) == Path("/site") / html


def test_page_assets_are_local_css_and_js_once_each(site):
    for page in (site / "index.html", site / "treatment" / "chemotherapy" / "index.html"):
        assert weights.page_assets(site, page) == [(site / "assets" / "main.css").resolve(),
                                                 (site / "assets" / "app.js").resolve()]


def test_a_missing_asset_is_a_clear_error(site):
    (site / "assets" / "app.js").unlink()
    with pytest.raises(ToolError, match=r"index.html references assets/app.js, which is not in"):
        weights.page_assets(site, site / "index.html")


def test_page_weight_is_html_plus_assets(site):
    html = (site / "index.html").read_bytes()
    weight = weights.page_weight(site, "index.md")
    assert weight.raw == len(html) + len(CSS) + len(JS)
    assert weight.gzip == weights.gzip_size(html) + weights.gzip_size(CSS) + weights.gzip_size(JS)
    assert weight.gzip < weight.raw


def test_page_weight_of_a_page_not_built(site):
    with pytest.raises(ToolError, match=r"no page for docs/glossary.md .* build the site first"):
        weights.page_weight(site, "glossary.md")


def test_file_weight_counts_each_file_once(site):
    css = site / "assets" / "main.css"
    assert weights.file_weight([css, css]) == weights.file_weight([css]) == weights.Weight(len(CSS), weights.gzip_size(CSS))
    assert weights.file_weight([]) == weights.Weight(0, 0)


def test_gzip_size_is_stable_and_small_for_repeated_text():
    assert weights.gzip_size(CSS) == weights.gzip_size(CSS) < len(CSS) / 10


def test_tree_size_counts_every_file(site):
    size, count = weights.tree_size(site)
    assert count == 5
    assert size == sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


CONFIG = """site_name: Test
strict: true
hooks:
  - overrides/hooks/a.py   # one
  # a comment inside the list

  - overrides/hooks/b.py
plugins:
  - search
"""


def test_config_without_hooks_drops_the_list_and_strict_mode():
    assert config_without_hooks(CONFIG) == "site_name: Test\nstrict: false\nplugins:\n  - search\n"


def test_config_without_hooks_turns_strict_off_when_unset():
    assert config_without_hooks("hooks:\n  - a.py\nnav: []\n") == "nav: []\nstrict: false\n"


def test_config_without_hooks_needs_a_hooks_list():
    with pytest.raises(ToolError, match="no top-level `hooks:`"):
        config_without_hooks("site_name: Test\nplugins:\n  - search\n")


def test_project_config_loses_only_its_hooks():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    bare = config_without_hooks(text)
    assert "\nhooks:" in text and "\nhooks:" not in bare
    assert not [line for line in bare.splitlines() if line.lstrip().startswith("- overrides/hooks/")]
    assert "\nplugins:" in bare and "\nnav:" in bare and "\nmarkdown_extensions:" in bare


def test_bad_runs_argument_exits_2():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--runs", "0"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "must be 1 or more" in result.stderr


def test_median_seconds_times_each_command():
    times, stderr = median_seconds({"quick": [sys.executable, "-c", "import sys; sys.stderr.write('hi')"]}, 3)
    assert 0 < times["quick"] < 30
    assert stderr["quick"] == "hi"


def test_a_failing_command_is_a_clear_error():
    with pytest.raises(ToolError, match=r"failed \(exit 3\):\nbroken"):
        median_seconds({"bad": [sys.executable, "-c", "import sys; print('broken', file=sys.stderr); sys.exit(3)"]}, 1)
