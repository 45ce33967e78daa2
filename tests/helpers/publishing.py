"""A scratch site with a local deploy target served by a real nginx on 127.0.0.1."""

from __future__ import annotations

import hashlib
import subprocess
import json
import urllib.request
from contextlib import contextmanager

import pytest
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from conftest import make_site
from helpers.nginx import free_port, running_nginx
from helpers.releases import KOORDINATOR, build, signed_release, write_deploy_yml
from pipeline.publish.deploy import deploy
from pipeline.publish.model import DeployResult
from pipeline.site import Site


@dataclass
class Stage:
    """Everything a publishing test touches."""

    site: Path
    target: Path
    url: str
    nginx_conf: Path
    work: Path
    builds: int = 0
    key: Any = KOORDINATOR

    def publish(self, **kwargs) -> DeployResult:
        built = build(self.site, self.work / f"build{self.builds}")
        self.builds += 1
        return deploy(Site(self.site), "uji", built, signed_release(self.site, key=self.key), **kwargs)

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
            return response.read()

    def served_manifest(self) -> dict:
        return json.loads(self.get(".well-known/ppid/manifest.json"))

    def live(self) -> str:
        return (self.target / "live").resolve().name


@contextmanager
def stage(tmp_path: Path, check_pages: int = 2) -> Iterator[Stage]:
    site = make_site(tmp_path / "situs")
    target = tmp_path / "www"
    target.mkdir(exist_ok=True)
    port = free_port()
    write_deploy_yml(site, target, port, check_pages=check_pages)
    with running_nginx(target, port) as conf:
        yield Stage(site, target, f"http://127.0.0.1:{port}/", conf, tmp_path / "builds")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def small_disk(mount: Path, size: str) -> Iterator[Path]:
    """A tiny real file system (tmpfs), to run out of space the way a full disk does."""
    mount.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
