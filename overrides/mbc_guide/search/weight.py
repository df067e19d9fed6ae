"""What the search costs a reader: the index as built and without this site's hidden fields, and its worker."""
from __future__ import annotations

import json
from pathlib import Path

from mbc_guide.search.readers_words import HIDDEN_FIELDS
from mbc_guide.search.search_index import WORKER
from mbc_guide.tools.weights import Weight, file_weight, gzip_size

SEARCH_INDEX = "search/search_index.json"
SEARCH_WORKER = f"assets/javascripts/workers/{WORKER}"  # the site's own search worker


def plain_search_index(text: str) -> str:
    """The search index JSON as Material's search plugin wrote it: without this site's hidden fields."""
    data = json.loads(text)
    data["config"].pop("readers", None)
    for field in HIDDEN_FIELDS:
        data["config"]["fields"].pop(field, None)
        for doc in data["docs"]:
            doc.pop(field, None)
    return json.dumps(data, separators=(",", ":"), default=str)


def search_index_weights(site: Path) -> tuple[Weight, Weight]:
    """The search index's weight as built, and without the hidden fields."""
    text = (site / SEARCH_INDEX).read_text(encoding="utf-8")
    plain = plain_search_index(text).encode("utf-8")
    return file_weight([site / SEARCH_INDEX]), Weight(len(plain), gzip_size(plain))
