"""The site's own stylesheet and scripts are served minified; the readable files stay in docs/."""
from __future__ import annotations

import pytest

from tests.helpers import ROOT

OWN_ASSETS = sorted(p.relative_to(ROOT / "docs").as_posix()
                    for p in (ROOT / "docs" / "assets").rglob("*") if p.suffix in (".css", ".js"))


def test_there_are_own_assets():
    assert "assets/javascripts/glossary.js" in OWN_ASSETS and "assets/stylesheets/extra.css" in OWN_ASSETS


@pytest.mark.parametrize("path", OWN_ASSETS)
def test_each_is_minified_in_the_build(built_site, path):
    source = (ROOT / "docs" / path).read_text(encoding="utf-8")
    built = (built_site / path).read_text(encoding="utf-8")
    assert "/*" in source, "the readable file keeps its comments"
    assert "/*" not in built and "\n  " not in built, f"{path} is not minified in the build"
    assert len(built) < 0.8 * len(source)
