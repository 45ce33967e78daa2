"""Refuse to work on a site tree that holds a private key: keys never enter the repository."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Iterator

from . import cache
from .errors import UnsafeTree

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
        head = _head(path)
        if head is not None and is_private_key_file(head):
            found.append(Path(path))
        elif max(info.st_mtime_ns, info.st_ctime_ns) < start - RACY_NS:
            fresh[path] = stamp
    if fresh != known:
        cache.write_mapping(root / MEMO, fresh)
    return found


def _head(path: str) -> bytes | None:
    """The start of a regular file, past any leading white space; None for links, devices and big files.
    Every command looks at every file of the tree, so this is one open, one fstat and usually one small read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None  # a link (ELOOP), unreadable, or gone
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_KEY_FILE:
            return None
        head = os.read(fd, 1024)
        while len(head.lstrip()) < 80 and len(head) < info.st_size:  # the armor after any white space
            head += os.read(fd, MAX_KEY_FILE)
        return head
    except OSError:
        return None
    finally:
        os.close(fd)


def is_private_key_file(head: bytes) -> bool:
    """A key file begins with its armor; a key quoted inside a page is the secrets check's business."""
    start = head.lstrip()[:80]
    if not start.startswith((b"-----BEGIN", b"---- BEGIN", b"PuTTY-User-Key-File")):
        return False
    from .signing import looks_like_private_key  # only for the rare file that starts like a key

    return looks_like_private_key(start)


def refuse_private_keys(root: Path) -> None:
    found = private_keys_in(root)
    if found:
        listing = ", ".join(str(p.relative_to(root)) for p in found)
        raise UnsafeTree(
            f"kunci privat ditemukan di dalam folder situs: {listing}. Kunci privat tidak boleh ada di repositori: "
            "pindahkan ke luar (misalnya ~/.config/ppid/keys/, mode 600), hapus dari riwayat git, lalu buat kunci baru "
            "bila sudah pernah di-commit."
        )
