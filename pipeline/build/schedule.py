"""What `publish_at` / `expire_at` will change next: pages that appear or leave the site on a later day, and
which pages are live today (a publish with the same release but another live set is not "nothing new")."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..schema import parse_date
from ..view import View
from .stage import is_live


@dataclass(frozen=True)
class Scheduled:
    day: dt.date
    event: str  # "tayang" | "berakhir"
    page: str
    title: str


def upcoming(view: View, on: dt.date) -> list[Scheduled]:
    found = []
    for rel, page in view.pages.items():
        start, end = parse_date(page.meta.get("publish_at")), parse_date(page.meta.get("expire_at"))
        if start and start > on:
            found.append(Scheduled(start, "tayang", rel, page.title))
        if end and end > on:
            found.append(Scheduled(end, "berakhir", rel, page.title))
    return sorted(found, key=lambda s: (s.day, s.page))


def live_set(view: View, on: dt.date) -> str:
    """A short hash of the pages live on that day."""
    live = sorted(rel for rel, page in view.pages.items() if is_live(page, on))
    return hashlib.sha256("\n".join(live).encode("utf-8")).hexdigest()[:16]
