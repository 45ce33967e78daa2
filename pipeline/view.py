"""A view of the site: the pages and files of one or more areas overlaid (drafts over content)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .content import Page, Problem, iter_asset_files, iter_page_files, read_page
from .errors import YamlError
from .site import Site


@dataclass
class View:
    """What a build of these areas would contain, and what could not be read."""

    pages: dict[str, Page] = field(default_factory=dict)
    assets: dict[str, Path] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # rel -> area name it came from
    generated: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def has_page(self, rel: str) -> bool:
        return rel in self.pages or rel in self.generated or rel in self.unreadable

    def has_file(self, rel: str) -> bool:
        return rel in self.assets or rel in self.generated

    @cached_property
    def directories(self) -> set[str]:
        """Folders that have an index page, so a link to the folder resolves."""
        return {posixpath.dirname(rel) for rel in self.pages if rel == "index.md" or rel.endswith("/index.md")}


def build_view(site: Site, areas: list[str], removed: frozenset[str] = frozenset()) -> View:
    """Overlay `areas` (first wins) into one view; `removed` paths are left out."""
    view = View(generated={site.dip_page, site.dip_csv})
    for area in reversed(areas):  # later areas are overwritten by earlier ones
        _add_area(site, area, view)
    for rel in removed:
        view.pages.pop(rel, None)
        view.assets.pop(rel, None)
    return view


def _add_area(site: Site, area: str, view: View) -> None:
    root = site.root / area
    for rel, path in iter_page_files(root):
        display = f"{area}/{rel}"
        if not _inside(root, path):
            view.problems.append(Problem(display, None, "tautan simbolik menunjuk ke luar folder situs; ganti dengan berkas biasa"))
            continue
        if path.stat().st_size > site.limits.page_bytes:
            view.problems.append(Problem(display, None, f"berkas terlalu besar ({path.stat().st_size} bita; batas {site.limits.page_bytes}, lihat site_config/site.yml)"))
            continue
        try:
            view.pages[rel] = read_page(path, rel, display)
        except YamlError as exc:
            view.problems.append(Problem(exc.path, exc.line, exc.message))
            view.unreadable.add(rel)
            view.pages.pop(rel, None)
            continue
        view.unreadable.discard(rel)
        view.origin[rel] = area
    for rel, path in iter_asset_files(root):
        display = f"{area}/{rel}"
        if not _inside(root, path):
            view.problems.append(Problem(display, None, "tautan simbolik menunjuk ke luar folder situs; ganti dengan berkas biasa"))
            continue
        if path.stat().st_size > site.limits.attachment_bytes:
            view.problems.append(Problem(display, None, f"lampiran terlalu besar ({path.stat().st_size} bita; batas {site.limits.attachment_bytes}, lihat site_config/site.yml)"))
            continue
        view.assets[rel] = path
        view.origin[rel] = area


def _inside(root: Path, path: Path) -> bool:
    real = os.path.realpath(path)
    base = os.path.realpath(root)
    return os.path.exists(real) and os.path.commonpath([real, base]) == base
