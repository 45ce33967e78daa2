"""A release folder prepared from a finished build: versioned assets, links to the log, the manifest."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from pathlib import Path

from ..errors import PpidError
from .faults import step
from .manifest import (HISTORY_PATH, LOG_PATH, MANIFEST_PATH, REGISTRY_FILES, WELL_KNOWN, Manifest, hash_files,
                       served_paths)
from .model import ReleaseInfo
from .targets.base import STATE
from .versioning import PREFIX_DIR, version_release
from .webserver import htaccess, release_script_hashes

HISTORY_FILE = "riwayat-publikasi.html"
LOG_FILE = "log.jsonl"


def folder_name(release: ReleaseInfo, now: dt.datetime) -> str:
    """Sortable by time (to the microsecond: two deploys in one second stay in order), naming the release it
    holds: 20261130T030000123456Z-1a2b3c4d5e6f."""
    return f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{release.id.split(':')[-1][:12]}"


def check_built(built: Path) -> None:
    from ..build.online import UNAPPROVED_MARKER

    if (built / UNAPPROVED_MARKER).exists():
        raise PpidError(f"{built}: build ini dibuat dengan --tanpa-persetujuan (bukan build yang disetujui); "
                        "tidak diterbitkan. Jalankan 'ppid publish', yang membangun sendiri dari rilis yang disetujui")
    if not (built / "index.html").is_file() or not (built / "404.html").is_file():
        raise PpidError(f"{built}: bukan hasil build situs yang lengkap (index.html atau 404.html tidak ada)")
    for reserved in (PREFIX_DIR, HISTORY_PATH.split("/")[0]):
        if (built / reserved).exists():
            raise PpidError(f"{built}: berisi '{reserved}', nama yang dipakai penerbitan; ganti nama halaman itu")


def prepare(built: Path, into: Path, folder: str, release: ReleaseInfo, site_root: Path) -> Manifest:
    """Fill `into` with the release: build files (no dotfiles), versioned HTML, links, .htaccess, the
    reviewer registry (so anyone can check the signer against the root key), and the manifest."""
    try:
        _copy_build(built, into)
        _copy_registry(site_root, into)
        step("copied")
        files = set(served_paths(into))
        version_release(into, folder, files)
        step("versioned")
        _link_state(into)
        hashes = release_script_hashes(into, files)
        (into / ".htaccess").write_text(htaccess(hashes), encoding="utf-8")
        manifest = Manifest(folder=folder, asset_prefix=f"{PREFIX_DIR}/{folder}/", release=release,
                            files=hash_files(into), script_hashes=hashes)
        (into / MANIFEST_PATH).parent.mkdir(parents=True, exist_ok=True)
        (into / MANIFEST_PATH).write_bytes(manifest.to_bytes())
        step("manifest-written")
        return manifest
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise PpidError("disk penuh saat menyiapkan folder rilis; kosongkan ruang lalu ulangi. "
                            "Situs online tidak diubah.") from None
        raise


def _copy_build(built: Path, into: Path) -> None:
    count = 0
    for path in sorted(built.rglob("*")):
        rel = path.relative_to(built)
        if any(part.startswith(".") for part in rel.parts) or path.is_symlink():
            continue  # builder markers and dotfiles are never served; symlinks could point anywhere
        target = into / rel
        if path.is_dir():
            target.mkdir(exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(path, target)
        count += 1
        if count == 20:
            step("copy-partial")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the build shares the target's file system, a copy elsewhere. Safe because nothing writes
    a build file in place: the build folder is replaced whole, and versioning writes each HTML file anew."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise
        shutil.copyfile(source, target)


def _copy_registry(site_root: Path, into: Path) -> None:
    (into / WELL_KNOWN).mkdir(parents=True, exist_ok=True)
    for name in REGISTRY_FILES:
        source = site_root / "site_config" / name
        if source.is_file():
            (into / WELL_KNOWN / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, into / WELL_KNOWN / name)


def _link_state(into: Path) -> None:
    """The log and its page change after the release is sealed: they live in the target's state/."""
    for rel, name in ((LOG_PATH, LOG_FILE), (HISTORY_PATH, HISTORY_FILE)):
        link = into / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        # releases/<folder>/<rel> -> <target>/state/<name>: up through rel's folders, the folder, releases/
        link.symlink_to("../" * (rel.count("/") + 2) + f"{STATE}/{name}")
