"""The navigation, generated from the content tree: one section per folder, so menus stay small per page."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from typing import Any

DEFAULT_ORDER = 1000


@dataclass
class NavEntry:
    title: str
    order: int


@dataclass
class _Section:
    index: str | None = None
    pages: dict[str, NavEntry] = field(default_factory=dict)
    children: dict[str, "_Section"] = field(default_factory=dict)


def build_nav(entries: dict[str, NavEntry]) -> list[Any]:
    """MkDocs `nav` for pages keyed by relative path; a folder's index.md titles its section."""
    root = _Section()
    for rel, entry in entries.items():
        folder = posixpath.dirname(rel)
        section = root
        for part in folder.split("/") if folder else []:
            section = section.children.setdefault(part, _Section())
        if posixpath.basename(rel) == "index.md":
            section.index = rel
        section.pages[rel] = entry
    return _render(root, entries, top=True)


def _render(section: _Section, entries: dict[str, NavEntry], top: bool) -> list[Any]:
    items: list[tuple[tuple[int, str], Any]] = []
    for rel, entry in section.pages.items():
        if rel == section.index and not top:
            continue
        # MkDocs' templates print titles unescaped: the nav carries them as HTML text.
        items.append(((entry.order if rel != section.index else -1, entry.title.casefold()), {html.escape(entry.title): rel}))
    for name, child in section.children.items():
        head = entries.get(child.index) if child.index else None
        title = head.title if head else name.replace("-", " ").title()
        order = head.order if head else DEFAULT_ORDER
        body = ([child.index] if child.index else []) + _render(child, entries, top=False)
        items.append(((order, title.casefold()), {html.escape(title): body}))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]
