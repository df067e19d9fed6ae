"""The built search index given its hidden fields and the site worker's settings, once Material is checked to fit it."""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

from mbc_guide.data.errors import DataError
from mbc_guide.pages.generated_pages import GLOSSARY_PAGE, SIDE_EFFECTS_PAGE
from mbc_guide.search import readers_words

HELP_PAGES = (GLOSSARY_PAGE, SIDE_EFFECTS_PAGE)  # offered when nothing matches
WORKER = "search-readers.js"
MATERIAL_WORKER = re.compile(r"search\.[0-9a-f]{8}\.min\.js")  # as search-readers.js accepts it
# What the site's worker relies on in Material's: it registers a message listener and replies with postMessage.
WORKER_MARKS = ('addEventListener("message"', "postMessage(")
UPGRADE_HINT = ("Material for MkDocs may have changed how its search worker is named or talks to the page: check "
                "overrides/main.html ({% block config %}), docs/assets/javascripts/workers/search-readers.js and "
                "tests/js/search-readers.test.js against the installed theme (material/templates/base.html and "
                "assets/javascripts/workers/).")
class SearchSetupError(Exception):
    """The theme or the build is not what the site's search worker expects."""


# --- The built index -------------------------------------------------------------------------


def enrich_site_index(site: Path, search_config, inventory, entries, urls: dict[str, str], words_file: Path,
                      language: str = "en", notes: dict[str, str] | None = None) -> None:
    """Check the worker setup, then add the hidden fields and config.readers to the built search index: the
    glossary's entries in the edition's words, and in a translated edition each accented word without accents."""
    index_path = site / "search" / "search_index.json"
    if not index_path.is_file():
        return
    try:
        check_worker(search_config, site)
        search_words = readers_words.load_search_words(words_file)
    except (SearchSetupError, DataError) as err:
        raise PluginError(str(err)) from None
    index = json.loads(index_path.read_text(encoding="utf-8"))
    check_fields(index)
    missing = readers_words.missing_site_words(search_words, [d.get(k, "") for d in index["docs"]
                                                               for k in ("title", "text")])
    if missing:
        raise PluginError("; ".join(str(DataError(search_words.path, m.line, f"the site word '{m.site}' is "
                                                  "on no page; fix its spelling or remove the entry"))
                                    for m in missing))
    glossary_url = urls.get(GLOSSARY_PAGE, "")
    drugs = [readers_words.Drug(entry.names, tuple(urls[inventory.treatments[t].page] for t in entry.treatments
                                                   if inventory.treatments[t].page in urls),
                                f"{glossary_url}#{entry.anchor}")
             for entry in entries]
    readers_words.enrich(index, search_words, drugs)
    if language != "en":
        readers_words.add_unaccented(index)
    index["config"]["readers"] = readers_config(entries, search_words, urls, notes)
    tmp = index_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")  # as Material writes it
    tmp.replace(index_path)


# --- Parts -----------------------------------------------------------------------------------


def readers_config(entries, search_words, urls: dict[str, str], notes: dict[str, str] | None = None) -> dict:
    """What the site's search worker needs besides the index: glossary names, help pages, common words, and its own
    lines in the edition's language (English when not given)."""
    return {"glossary": urls.get(GLOSSARY_PAGE, ""), **({"notes": notes} if notes else {}),
            "terms": [[entry.anchor, *dict.fromkeys(n.lower() for n in entry.names)] for entry in entries],
            "help": [urls[p] for p in HELP_PAGES if p in urls], "common": list(search_words.common_words)}


def check_fields(index: dict) -> None:
    """The hidden fields must be declared, with their weights, under the search plugin in mkdocs.yml."""
    undeclared = [f for f in readers_words.HIDDEN_FIELDS if f not in index.get("config", {}).get("fields", {})]
    if undeclared:
        raise PluginError(f"the search index does not declare the field(s) {', '.join(undeclared)}; add them "
                          "with a boost under plugins: - search: fields: in mkdocs.yml")


def config_search(tree: LexborHTMLParser):
    """The `search` entry of a parsed page's `__config` JSON, "" when it has none, False without `__config`."""
    script = tree.css_first("script#__config")
    if script is None:
        return False
    try:
        data = json.loads(script.text(deep=True))
    except ValueError:
        return False
    return data.get("search", "") if isinstance(data, dict) else False


def check_worker(search, site: Path) -> None:
    """Check `__config` names the site's worker with Material's, which exists and still talks by messages."""
    if search is False:
        raise SearchSetupError(f"the built pages have no <script id=\"__config\"> JSON. {UPGRADE_HINT}")
    if not isinstance(search, str) or not search:
        raise SearchSetupError(f"the page's __config has no 'search' entry naming the search worker. {UPGRADE_HINT}")
    path, _, material = search.partition("#")
    if not path.endswith(f"workers/{WORKER}") or not MATERIAL_WORKER.fullmatch(material):
        raise SearchSetupError(f"the page's __config names the search worker '{search}', not "
                               f"'.../workers/{WORKER}#search.<hash>.min.js'. {UPGRADE_HINT}")
    workers = site / "assets" / "javascripts" / "workers"
    if not (workers / WORKER).is_file():
        raise SearchSetupError(f"{workers / WORKER} is missing from the build; is "
                               f"docs/assets/javascripts/workers/{WORKER} still there?")
    if not (workers / material).is_file():
        raise SearchSetupError(f"Material's search worker {material} (named in __config) is not in the build. "
                               f"{UPGRADE_HINT}")
    code = (workers / material).read_text(encoding="utf-8")
    lost = [mark for mark in WORKER_MARKS if mark not in code]
    if lost:
        raise SearchSetupError(f"Material's search worker {material} no longer contains {lost[0]!r}. {UPGRADE_HINT}")
