"""Refuse to work on a site tree that holds a private key (in any form: pipeline/key_files.py): keys never enter
the repository."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Iterator

from . import cache
from .errors import UnsafeTree
from .key_files import ZIP_MAGIC, holds_private_key

# Folders at the top of the site tree that are not the site (tools' and builds' own); the same names deeper
# down (content/site/, drafts/node_modules/) are the site's and are looked at like everything else.
SKIP_DIRS = {".git", ".venv", ".ppid", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis", "site"}


def site_files(root: Path) -> Iterator[str]:
    """Every file of the site tree, as a path, sorted within each folder."""
    for folder, dirs, files in os.walk(root):
        if folder == str(root):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith((".baru", ".lama"))]
        dirs.sort()
        for name in sorted(files):
            yield os.path.join(folder, name)
MAX_KEY_FILE = 64 * 1024
MAX_ARCHIVE = 64 * 1024 * 1024


# Files found clean are remembered by their stat (an authenticated cache, as every cache here) and read again only
# when it changes; a file changed in the last moment before the scan is never remembered (racy-clean rule).
MEMO = Path(".ppid") / "cache" / "clean-files.json"
RACY_NS = 100_000_000


def private_keys_in(root: Path) -> list[Path]:
    known = cache.read_mapping(root / MEMO)
    fresh: dict[str, str] = {}
    start = time.time_ns()
    found = []
    for path in site_files(root):
        try:
            info = os.lstat(path)
        except OSError:
            continue
        stamp = f"{info.st_mode}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}"
        if known.get(path) == stamp:
            fresh[path] = stamp
            continue
        data = _contents(path)
        if data is not None and holds_private_key(data):
            found.append(Path(path))
        elif max(info.st_mtime_ns, info.st_ctime_ns) < start - RACY_NS:
            fresh[path] = stamp
    if fresh != known:
        cache.write_mapping(root / MEMO, fresh)
    return found


def _contents(path: str) -> bytes | None:
    """A regular file's bytes when it is small enough to be a key file, or a zip (keys hide in archives and Office
    documents); None for links, devices, other big files and what cannot be read. Every command looks at every
    file of the tree, but only files changed since the last look (the memo above)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None  # a link (ELOOP), unreadable, or gone
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ARCHIVE:
            return None
        if info.st_size > MAX_KEY_FILE and os.read(fd, 4) != ZIP_MAGIC:
            return None
        os.lseek(fd, 0, os.SEEK_SET)
        return _read_all(fd, info.st_size)
    except OSError:
        return None
    finally:
        os.close(fd)


def _read_all(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def refuse_private_keys(root: Path) -> None:
    found = private_keys_in(root)
    if found:
        listing = ", ".join(str(p.relative_to(root)) for p in found)
        raise UnsafeTree(
            f"kunci privat ditemukan di dalam folder situs: {listing}. Kunci privat tidak boleh ada di repositori: "
            "pindahkan ke luar (misalnya ~/.config/ppid/keys/, mode 600), hapus dari riwayat git, lalu buat kunci baru "
            "bila sudah pernah di-commit."
        )
