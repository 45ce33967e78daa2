"""Find the site root and load its settings from site_config/."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError, SiteNotFound

MARKER = Path("site_config") / "site.yml"


@dataclass(frozen=True)
class Limits:
    page_bytes: int
    attachment_bytes: int


@dataclass
class Site:
    """One PPID website: a directory with mkdocs.yml and site_config/.

    One command uses one Site: views of the tree are read once and shared by every step of it
    (`forget()` after the command itself changes the tree)."""

    root: Path
    views: dict = field(default_factory=dict, repr=False, compare=False)

    def forget(self) -> None:
        self.views.clear()

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def drafts_dir(self) -> Path:
        return self.root / "drafts"

    @property
    def reviews_dir(self) -> Path:
        return self.root / "reviews"

    @property
    def records_dir(self) -> Path:
        return self.root / "records"

    @property
    def config_dir(self) -> Path:
        return self.root / "site_config"

    @property
    def work_dir(self) -> Path:
        """Git-ignored scratch space: staging, caches. Deleting it changes no answer."""
        return self.root / ".ppid"

    @cached_property
    def settings(self) -> dict[str, Any]:
        from .config import load_config  # the schema reader needs the page model, which needs this module

        data = load_config(self.root, "site").data
        try:
            ZoneInfo(data["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{MARKER}: zona waktu '{data['timezone']}' tidak dikenal; contoh: Asia/Jakarta, "
                              "Asia/Makassar, Asia/Jayapura") from None
        return data

    @property
    def limits(self) -> Limits:
        raw = self.settings["limits"]
        return Limits(raw["page_bytes"], raw["attachment_bytes"])

    @property
    def dip_page(self) -> str:
        return self.settings["dip"]["path"]

    @property
    def dip_csv(self) -> str:
        return self.settings["dip"]["csv"]

    @property
    def timezone(self) -> str:
        return self.settings["timezone"]

    def rel(self, path: Path) -> str:
        """A path as shown to users: relative to the site root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def find_site(start: Path | None = None, explicit: Path | None = None) -> Site:
    """The site containing `start` (like git finds its repository), or `explicit` itself."""
    if explicit is not None:
        root = explicit.resolve()
        if not (root / MARKER).is_file():
            raise SiteNotFound(f"{explicit}: bukan folder situs PPID (tidak ada {MARKER})")
        return Site(root)
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / MARKER).is_file():
            return Site(candidate)
    env = os.environ.get("PPID_SITE")
    if env:
        return find_site(explicit=Path(env))
    raise SiteNotFound(
        f"{here}: tidak berada di dalam folder situs PPID (tidak ada {MARKER} di folder ini atau di atasnya); "
        "jalankan dari dalam repositori situs atau gunakan --site FOLDER"
    )
