"""One build's shared state: made when the build's configuration is read, replaced by the next build's."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mbc_guide.build.settings import SiteSettings, read_settings
from mbc_guide.checks import translation
from mbc_guide.checks.coverage_report import Report
from mbc_guide.checks.translation import Problem, Status
from mbc_guide.data.errors import DataError
from mbc_guide.data.glossary import Glossary
from mbc_guide.data.interface_text import INTERFACE_FILE, interface_text
from mbc_guide.data.inventory import Inventory
from mbc_guide.data.reviews import Reviews, load_reviews
from mbc_guide.data.site import site_data_or_abort
from mbc_guide.html.content_policy import ThemeIds
from mbc_guide.names.term_marker import TermMarker
from mbc_guide.pages.edition_links import EditionLink, edition_links
from mbc_guide.pages.generated_pages import GLOSSARY_PAGE, SIDE_EFFECTS_PAGE
from mbc_guide.pages.page_words import PageWords, page_words
from mbc_guide.pages.whats_new import WHATS_NEW_PAGE
from mbc_guide.paths import REVIEWS_FILE
from mbc_guide.publish.offline_shim import shim_source


@dataclass
class Build:
    """What one build learns and its later events need, each part filled in when it is learnt."""

    config: MkDocsConfig
    settings: SiteSettings
    command: str | None
    offline: bool  # the file:// copy (Material's offline plugin is on)
    date: dt.date  # SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)
    pdf: Path | None  # the whole guide's PDF, when `make pdf` has made it
    inventory: Inventory | None = None
    glossary: Glossary | None = None
    reviews: Reviews | None = None
    marker: TermMarker | None = None
    coverage: Report | None = None
    theme: ThemeIds | None = None
    env: object = None  # the theme's Jinja environment
    script_partials: tuple[str, ...] = ()  # the theme's inline script partials (publish.csp)
    page_urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL of every page
    mentions: dict[str, list] = field(default_factory=dict)  # glossary anchor -> pages mentioning it
    theme_scripts: dict[str, frozenset[str]] = field(default_factory=dict)  # page or template -> its theme scripts
    search_config: str | bool | None = None  # the first page's __config search entry (None: not seen yet)
    translations: dict[str, Status] = field(default_factory=dict)  # a translated edition: each English page's status
    words: PageWords | None = None  # the edition's words for the pages made from data

    @property
    def language(self) -> str:
        """The edition's language, the theme's ("en", or "es" for the Spanish edition)."""
        return self.config.theme["language"]

    @property
    def hosted(self) -> bool:
        """The hosted site (not the offline copy): it gets the web app manifest."""
        return not self.offline

    @property
    def service_worker(self) -> bool:
        """Only a hosted build that will be published gets the service worker (never `mkdocs serve`)."""
        return self.hosted and self.command != "serve"

    @property
    def shim(self) -> Path | None:
        """The iframe-worker shim the offline copy loads, None in the hosted site."""
        return shim_source(self.config) if self.offline else None

    @property
    def data_dir(self) -> Path:
        """The data files' folder, beside mkdocs.yml."""
        return Path(self.config.config_file_path).parent / "data"

    def check_translations(self, render) -> list[Problem]:
        """A translated edition: note each page's status against its English page; what is wrong with them."""
        statuses, problems = translation.check(Path(self.config.docs_dir), self.words.names, self.inventory,
                                               self.glossary, self.reviews, render)
        self.translations = {status.page: status for status in statuses}
        return problems

    def edition_links(self, src_uri: str, page_url: str) -> list[EditionLink]:
        """The page in each edition of the site that has it (this one first), for the language switch."""
        english_site_url = self.config.site_url if self.language == "en" else self.settings.edition.english_site_url
        return edition_links(src_uri, page_url, self.language, self._switch_labels, english_site_url, self._has_page,
                             offline=self.offline)

    @functools.cached_property
    def _switch_labels(self) -> dict[str, str]:
        """Each edition of the site, this one first, with its language switch's words in its own language."""
        languages = [self.language] + [code for code in ("en", *self.settings.editions) if code != self.language]
        try:
            return {code: interface_text(code, self.data_dir / INTERFACE_FILE.name)["read_in_language"]
                    for code in languages}
        except DataError as err:
            raise PluginError(str(err)) from None

    def _has_page(self, language: str, src_uri: str) -> bool:
        """Whether an edition has this page: every edition has the pages made from data."""
        if src_uri in PAGES_FROM_DATA:
            return True
        docs = Path(self.config.docs_dir)
        return (docs / src_uri if language == "en" else docs / language / src_uri).is_file()

    def load_data(self) -> None:
        """Load the checked data and the glossary's term marker (a data problem stops the build)."""
        self.inventory, glossary = site_data_or_abort(self.data_dir)
        reviews = self.data_dir / REVIEWS_FILE.name  # a copy of the data may have no reviews yet
        try:
            self.reviews = load_reviews(reviews) if reviews.is_file() else None
        except DataError as err:
            raise PluginError(str(err)) from None
        try:
            self.words = page_words(self.language, self.data_dir)
        except DataError as err:
            raise PluginError(str(err)) from None
        if glossary is not self.glossary:
            self.glossary, self.marker = glossary, TermMarker(self.words.entries(glossary))


PAGES_FROM_DATA = (GLOSSARY_PAGE, SIDE_EFFECTS_PAGE, WHATS_NEW_PAGE)  # built from data in every edition

_startup: dict[str, str | None] = {"command": None}  # the mkdocs command of this process (build, serve, ...)
_current: list[Build] = []


def note_command(command: str) -> None:
    """Remember which mkdocs command this process runs (once per process, before any build)."""
    _startup["command"] = command


def start(config: MkDocsConfig) -> Build:
    """Make the state of a new build from its configuration."""
    settings = read_settings(config.extra)
    plugin = config.plugins.get("material/offline")
    pdf_setting = settings.whole_guide.pdf
    pdf = Path(config.config_file_path).parent / pdf_setting if pdf_setting else None
    build = Build(config=config, settings=settings, command=_startup["command"],
                  offline=plugin is not None and bool(plugin.config.enabled), date=build_date(),
                  pdf=pdf if pdf and pdf.is_file() else None)
    if _current and _current[0].glossary is not None and _current[0].language == build.language:
        build.inventory, build.glossary, build.marker = _current[0].inventory, _current[0].glossary, _current[0].marker
    _current[:] = [build]
    return build


@contextlib.contextmanager
def edition_build() -> Iterator[None]:
    """Run another edition's build inside this one (build.editions); this build's state is back after it."""
    outer = list(_current)
    try:
        yield
    finally:
        _current[:] = outer


def current() -> Build:
    """The build under way."""
    if not _current:
        raise PluginError("overrides/hooks/build.py must be the first hook in mkdocs.yml: no build has started.")
    return _current[0]


def build_date() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.date()
