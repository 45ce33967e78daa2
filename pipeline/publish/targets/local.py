"""A local folder served by a web server: releases/<folder>/, `live` switched by renaming a symlink."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

from ...errors import PpidError
from ..config import TargetConfig
from ..faults import step
from .base import LIVE, RELEASES

STAGING_PREFIX = ".tmp-"
TRASH_PREFIX = ".hapus-"


class LocalTarget:
    def __init__(self, config: TargetConfig, scratch: Path | None = None) -> None:
        self.config = config
        self.root: Path = config.path  # type: ignore[assignment]
        self.scratch = scratch  # the site's own .ppid/: a target inside it is created on first use

    def check_ready(self) -> None:
        if not self.root.exists() and self.scratch and self.root.is_relative_to(self.scratch.resolve()):
            self.root.mkdir(parents=True)
        if not self.root.is_dir():
            raise PpidError(f"folder target '{self.config.name}' ({self.root}) tidak ada; buat dulu "
                            f"(mkdir -p {self.root}) atau perbaiki 'path' di site_config/deploy.yml. Situs online tidak diubah.")
        if not os.access(self.root, os.W_OK):
            raise PpidError(f"folder target {self.root} tidak dapat ditulisi oleh pengguna ini. Situs online tidak diubah.")
        (self.root / RELEASES).mkdir(exist_ok=True)

    def live(self) -> str | None:
        link = self.root / LIVE
        if not link.is_symlink():
            return None
        name = Path(os.readlink(link)).name
        # A link to a hidden folder is the web server's placeholder before the first publish (an Apache
        # DocumentRoot must exist when Apache starts): nothing of ours is live yet.
        return None if name.startswith(".") else name

    def folders(self) -> list[str]:
        releases = self.root / RELEASES
        if not releases.is_dir():
            return []
        return sorted(p.name for p in releases.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))

    def read(self, rel: str) -> bytes | None:
        try:
            return (self.root / rel).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _os_error(exc, path) from None

    def write_per_host(self, rel: str, render) -> None:
        self.write(rel, render(str(self.root)))

    def delete(self, rel: str) -> None:
        (self.root / rel).unlink(missing_ok=True)

    def staging(self, folder: str) -> Path:
        path = self.root / RELEASES / (STAGING_PREFIX + folder)
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def commit(self, folder: str) -> None:
        releases = self.root / RELEASES
        _fsync_tree(releases / (STAGING_PREFIX + folder))
        os.rename(releases / (STAGING_PREFIX + folder), releases / folder)
        _fsync_dir(releases)

    def discard(self, folder: str) -> None:
        shutil.rmtree(self.root / RELEASES / (STAGING_PREFIX + folder), ignore_errors=True)

    def switch(self, folder: str | None) -> None:
        link = self.root / LIVE
        if folder is None:
            link.unlink(missing_ok=True)
            return
        tmp = self.root / f".{LIVE}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(f"{RELEASES}/{folder}", target_is_directory=True)
        step("switch-link-made")
        os.replace(tmp, link)  # rename(2) over the old link: every request sees the old or the new release
        _fsync_dir(self.root)

    def remove_release(self, folder: str) -> None:
        releases = self.root / RELEASES
        trash = releases / (TRASH_PREFIX + folder)
        os.rename(releases / folder, trash)  # gone from the kept list at once, then deleted at leisure
        step("prune-renamed")
        shutil.rmtree(trash, ignore_errors=True)

    def clean_leftovers(self) -> None:
        releases = self.root / RELEASES
        if releases.is_dir():
            for path in releases.iterdir():
                if path.name.startswith((STAGING_PREFIX, TRASH_PREFIX)):
                    shutil.rmtree(path, ignore_errors=True)
        for path in self.root.glob(f".{LIVE}.*.tmp"):
            path.unlink(missing_ok=True)

    def reload(self, command: list[str]) -> None:
        try:
            run_reload(command, self.config.name)
        except PpidError as exc:
            raise PpidError(f"{exc}\nUntuk menjalankan nginx dengan konfigurasi yang ditulis ppid (tanpa hak root): "
                            f"nginx -c {self.root / 'nginx' / 'nginx.conf'}") from None

    def server_root(self) -> str:
        return str(self.root)


def run_reload(command: list[str], target: str) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise PpidError(f"perintah muat ulang server web '{command[0]}' tidak ditemukan (target '{target}', "
                        "'reload' di site_config/deploy.yml). Situs online tidak diubah.") from None
    except subprocess.TimeoutExpired:
        raise PpidError(f"perintah muat ulang server web tidak selesai dalam 60 detik (target '{target}'). "
                        "Situs online tidak diubah.") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise PpidError(f"server web tidak dapat dimuat ulang (target '{target}': {' '.join(command)} → "
                        f"{detail[0]}). Apakah nginx berjalan? Situs online tidak diubah.")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    # The folder must be on disk before `live` can name it: a crash after the switch must not expose a hole.
    os.sync()


def _os_error(exc: OSError, path: Path) -> PpidError:
    if exc.errno == errno.ENOSPC:
        return PpidError(f"disk penuh saat menulis {path}; kosongkan ruang lalu ulangi. Situs online tidak diubah.")
    return PpidError(f"tidak dapat menulis {path}: {exc.strerror or exc}. Situs online tidak diubah.")
