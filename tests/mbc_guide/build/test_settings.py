"""The site's `extra:` settings: each missing or wrong one stops the build, naming it."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from mbc_guide.build.settings import read_settings

GOOD = {
    "app": {"short_name": "Guide", "theme_color": "#c2185b", "background_color": "#ffffff"},
    "whole_guide": {"pdf": "dist/guide.pdf"},
    "metadata": {"condition": "Metastatic breast cancer", "share_image": "share.png", "share_image_alt": "A ribbon"},
}


def with_setting(group: str, key: str, value) -> dict:
    extra = {name: dict(settings) for name, settings in GOOD.items()}
    if value is None:
        del extra[group][key]
    else:
        extra[group][key] = value
    return extra


def test_good_settings_are_read_with_their_defaults():
    settings = read_settings(GOOD)
    assert settings.app.short_name == "Guide" and settings.whole_guide.pdf == "dist/guide.pdf"
    assert settings.metadata.condition_also_called == []


def test_the_pdf_is_optional():
    assert read_settings({**GOOD, "whole_guide": {}}).whole_guide.pdf is None


@pytest.mark.parametrize(("group", "key"), [(g, k) for g in ("app", "metadata") for k in GOOD[g]])
def test_each_required_setting_is_named_when_missing(group, key):
    with pytest.raises(PluginError, match=rf"mkdocs\.yml: extra\.{group}: .*'{key}'.*Required"):
        read_settings(with_setting(group, key, None))


@pytest.mark.parametrize(("group", "key", "value", "message"), [
    ("app", "theme_color", 5, r"extra\.app: .*'theme_color'.*Expected type"),
    ("app", "short_name", "  ", r"extra\.app\.short_name must be non-empty text"),
    ("metadata", "condition_also_called", "Stage 4", r"extra\.metadata: .*condition_also_called"),
    ("metadata", "condition_also_called", [" "], r"condition_also_called must be a list of names"),
    ("whole_guide", "pdf", ["a"], r"extra\.whole_guide: .*'pdf'"),
])
def test_a_wrong_setting_is_named(group, key, value, message):
    with pytest.raises(PluginError, match=message):
        read_settings(with_setting(group, key, value))
