"""A site in a real git repository with real keys for each role, ready for the review lifecycle."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from pipeline.demo import approve_all_content, create_identities, utc
from pipeline.site import Site


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def init_repo(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "uji@contoh.go.id")
    git(root, "config", "user.name", "Uji")
    commit(root, "awal")


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


@dataclass
class People:
    keys: dict[str, Path]

    def key(self, who: str) -> list[str]:
        return ["--key", str(self.keys[who])]

    @property
    def root_pub(self) -> Path:
        return self.keys["root"].with_name("root.pub")


def setup_people(site_root: Path, key_dir: Path) -> People:
    site = Site(site_root)
    keys = create_identities(site, key_dir)
    approve_all_content(site, keys, utc("2026-01-05T01:00:00"))
    return People(keys)


def heads(site_root: Path) -> list[str]:
    """The record log's heads now: what a new record cites in `prev`."""
    from pipeline.trust.log import load_log
    from pipeline.trust.registry import load_registry

    return load_log(site_root, site_root / "reviews", load_registry(site_root)).heads
