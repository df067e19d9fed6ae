"""The site's own settings under `extra:` in mkdocs.yml, read and checked in one place."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from mbc_guide.paths import TRANSLATIONS


class AppSettings(base.Config):
    """`extra.app`: the installable app's name on a home screen and its colours."""

    short_name = c.Type(str)
    theme_color = c.Type(str)
    background_color = c.Type(str)


class WholeGuideSettings(base.Config):
    """`extra.whole_guide`: where `make pdf` writes the whole guide's PDF, published when it exists."""

    pdf = c.Optional(c.Type(str))


class MetadataSettings(base.Config):
    """`extra.metadata`: what search engines and chat apps are told about every page."""

    condition = c.Type(str)
    condition_also_called = c.ListOfItems(c.Type(str), default=[])
    share_image = c.Type(str)
    share_image_alt = c.Type(str)


class EditionSettings(base.Config):
    """`extra.edition`, in a translated edition's settings (mkdocs.es.yml): where its English pages are published."""

    english_site_url = c.Optional(c.URL())


class SiteSettings(base.Config):
    """Every `extra:` setting the build reads."""

    app = c.SubConfig(AppSettings)
    whole_guide = c.SubConfig(WholeGuideSettings)
    metadata = c.SubConfig(MetadataSettings)
    edition = c.SubConfig(EditionSettings)
    editions = c.ListOfItems(c.Choice(TRANSLATIONS), default=[])  # the other editions built with this one


def read_settings(extra: dict) -> SiteSettings:
    """The site's `extra:` settings, checked; a problem stops the build naming the setting to fix."""
    settings = SiteSettings()
    settings.load_dict({key: extra.get(key) or {} for key in ("app", "whole_guide", "metadata", "edition")}
                       | {"editions": extra.get("editions") or []})
    failed, _ = settings.validate()
    if failed:
        key, error = failed[0]
        raise PluginError(f"mkdocs.yml: extra.{key}: {error}; see the comments above it in mkdocs.yml.")
    for group in ("app", "metadata"):
        for name, value in settings[group].items():
            if isinstance(value, str) and not value.strip():
                raise PluginError(f"mkdocs.yml: extra.{group}.{name} must be non-empty text.")
    if not all(name.strip() for name in settings.metadata.condition_also_called):
        raise PluginError("mkdocs.yml: extra.metadata.condition_also_called must be a list of names.")
    return settings
