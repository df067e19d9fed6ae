"""The files a build publishes: checked files of docs/ only, never the build's own code."""
from __future__ import annotations

import os

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from mbc_guide.build.site_files import keep_checked_files, robots_txt


def files_in(root, names: list[str]) -> Files:
    """Files as MkDocs lists them: each path under root, written out."""
    found = []
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
        found.append(File(name, str(root), str(root / "site"), True))
    return Files(found)


def test_pages_pictures_and_own_assets_stay_other_files_go_with_a_message(tmp_path):
    docs = tmp_path / "docs"
    files = files_in(docs, ["index.md", "assets/images/share.png", "assets/javascripts/glossary.js", "help.html",
                            "assets/images/x.svg"])
    messages = keep_checked_files(files, docs)
    assert sorted(f.src_uri for f in files) == ["assets/images/share.png", "assets/javascripts/glossary.js",
                                                  "index.md"]
    assert [m.split(":")[0] for m in messages] == ["docs/help.html", "docs/assets/images/x.svg"]


def test_the_build_code_in_overrides_is_never_published(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "overrides"
    files = Files([*files_in(docs, ["index.md"]), *files_in(theme, ["hooks/shim.js", "mbc_guide/publish/x.js",
                                                                    "assets/images/theme.png"])])
    keep_checked_files(files, docs)
    assert sorted(f.src_uri for f in files) == ["assets/images/theme.png", "index.md"]


def test_a_symbolic_link_stops_the_build(tmp_path):
    docs = tmp_path / "docs"
    files = files_in(docs, ["index.md"])
    os.symlink("/etc/hostname", docs / "leak.md")
    files.append(File("leak.md", str(docs), str(tmp_path / "site"), True))
    with pytest.raises(PluginError, match="docs/leak.md is a symbolic link"):
        keep_checked_files(files, docs)


def test_robots_txt_names_the_sitemap():
    assert robots_txt("https://example.org/guide/").endswith("Sitemap: https://example.org/guide/sitemap.xml\n")
