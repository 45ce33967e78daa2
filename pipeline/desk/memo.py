"""The site's state kept between requests while nothing it is made of has changed.

`derive()` reads every page and record (about half a second at 1000 pages); the desk answers many requests
between two changes. The key is the size, time and inode of every file and folder the state and the release
depend on, the pinned root keys, and the current minute (records dated in the future stop being ignored as
time passes). Any write — by the desk, the CLI or an editor — changes the key, so a stale state is never used."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any, Callable

from ..errors import PpidError
from ..site import Site
from ..trust.root import pinned_root_keys
from ..trust.state import SiteState, derive

WATCHED = ("content", "drafts", "reviews", "site_config", "overrides", "mkdocs.yml")


def tree_key(root: Path) -> tuple:
    stats: list[tuple] = []
    for name in WATCHED:
        _walk(root / name, stats)
    return tuple(stats)


def _walk(path: Path, stats: list[tuple]) -> None:
    try:
        info = os.stat(path)
    except OSError:
        stats.append((str(path), None))
        return
    stats.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
    if os.path.isdir(path):
        with os.scandir(path) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    _walk(Path(entry.path), stats)
                else:
                    info = entry.stat(follow_symlinks=False)
                    stats.append((entry.name, info.st_mtime_ns, info.st_size, info.st_ino))


class Memo:
    """One SiteState (and whatever is computed from it) per version of the tree."""

    def __init__(self, root: Path, root_key: Path | None) -> None:
        self.root, self.root_key = root, root_key
        self._lock = threading.RLock()
        self._key: tuple | None = None
        self._state: SiteState | None = None
        self._values: dict[Any, Any] = {}

    def _current_key(self) -> tuple | None:
        try:
            pins = tuple(pinned_root_keys(self.root_key, self.root) or ())
        except PpidError:
            return None  # let derive() say what is wrong with the pin
        return (tree_key(self.root), pins, int(time.time() // 60))

    def state(self) -> SiteState:
        key = self._current_key()
        with self._lock:
            if key is None or key != self._key or self._state is None:
                self._key, self._state, self._values = None, None, {}
                state = derive(Site(self.root), self.root_key)
                self._key, self._state = key, state
            return self._state

    def refresh_soon(self) -> None:
        """After a write: derive the new state now, in the background, so the next page does not wait for it."""
        def refresh() -> None:
            try:
                self.state()
            except PpidError:
                pass  # the next request derives again and shows the message
        threading.Thread(target=refresh, daemon=True).start()

    def remember(self, name: Any, compute: Callable[[SiteState], Any]) -> Any:
        """`compute(state)`, computed once per version of the tree."""
        state = self.state()
        with self._lock:
            if self._state is state and name in self._values:
                return self._values[name]
        value = compute(state)
        with self._lock:
            if self._state is state:
                self._values[name] = value
        return value
