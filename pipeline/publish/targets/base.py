"""What every deploy target offers: release folders side by side, a `live` link, a little state."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol

from ..config import TargetConfig

RELEASES = "releases"
LIVE = "live"
STATE = "state"
SERVER_DIR = "nginx"
SITE_CONF = "nginx/ppid-site.conf"
SERVER_CONF = "nginx/ppid-server.conf"
STANDALONE_CONF = "nginx/nginx.conf"


class Target(Protocol):
    config: TargetConfig

    def check_ready(self) -> None:
        """Raise a PpidError saying what to do when the target cannot take a release."""

    def live(self) -> str | None:
        """The folder the `live` link names (None before the first publish)."""

    def folders(self) -> list[str]:
        """Complete release folders, oldest first."""

    def read(self, rel: str) -> bytes | None:
        """A file relative to the target root, or None when absent."""

    def write(self, rel: str, data: bytes) -> None:
        """Replace a file relative to the target root atomically (on every host)."""

    def write_per_host(self, rel: str, render: Callable[[str], bytes]) -> None:
        """Like write, with bytes made for each host's target root (server configuration names its path)."""

    def delete(self, rel: str) -> None: ...

    def staging(self, folder: str) -> Path:
        """A local empty folder where the release is prepared."""

    def commit(self, folder: str) -> None:
        """Make the staged release a complete release folder (on every host) or fail leaving none."""

    def discard(self, folder: str) -> None:
        """Forget a staged, uncommitted release."""

    def switch(self, folder: str | None) -> None:
        """Point `live` at `folder` atomically (on every host); None removes `live`."""

    def remove_release(self, folder: str) -> None: ...

    def clean_leftovers(self) -> None:
        """Remove what a killed run left: staging folders, half-removed releases, temp links."""

    def reload(self, command: list[str]) -> None:
        """Run the server's reload command (on every host)."""

    def server_root(self) -> str:
        """The target root as the web server sees it (absolute path)."""
