"""A page's checked record for the templates: its text, its known sources, its review dates, and whether overdue."""
from __future__ import annotations

from mbc_guide.data.inventory import Inventory
from mbc_guide.data.reviews import PageReviews


def page_record(meta: dict, errors: list, warnings: list, inventory: Inventory,
                reviewed: PageReviews | None = None) -> dict:
    """The page's checked text, known sources, real review dates, what changed at each review, and if overdue."""
    refused = {problem.key for problem in errors}
    sources = meta.get("sources")
    records = [inventory.sources[s] for s in sources if isinstance(s, str) and s in inventory.sources] \
        if isinstance(sources, list) else []
    kept = {key: meta[key] for key in ("title", "description", "reviewed", "next_review")
            if key in meta and key not in refused}
    overdue = any(problem.key == "next_review" for problem in warnings)
    changes = [{"date": review.date, "note": review.note} for review in (reviewed.reviews if reviewed else ())
               if review.note]
    return {"sources": records, **kept, "overdue": overdue, "changes": changes}
