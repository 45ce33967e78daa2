"""A cache whose entries are trusted only when they carry this machine's MAC: a cache file committed to
the repository, or written by someone else, is ignored rather than believed."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

KEY_NAME = "cache.key"


def key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "ppid" / KEY_NAME


_KEYS: dict[str | None, bytes] = {}
_MADE: set[Path] = set()


def _key() -> bytes:
    where = os.environ.get("XDG_CACHE_HOME")  # resolving the home folder on every entry would cost more than the entry
    if where not in _KEYS:
        _KEYS[where] = _load_key(key_path())
    return _KEYS[where]


def _load_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{KEY_NAME}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # first writer wins; a concurrent run then reads the same key
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_bytes()


def _mac(key: bytes, name: str, part: int, payload: bytes) -> str:
    return hmac.new(key, f"{name}\0{part}\0".encode("utf-8") + payload, hashlib.sha256).hexdigest()


def _path(directory: Path, name: str) -> Path:
    return directory / name[:2] / f"{name}.json"


def exists(directory: Path, name: str) -> bool:
    return _path(directory, name).is_file()


def read(directory: Path, name: str, part: int = 0) -> Any | None:
    """Part `part` of the entry `name`, or None when absent, unreadable or not authenticated.
    An entry holds its parts one per line, each with its own MAC, so a small part is read without
    decoding a large one."""
    try:
        lines = _path(directory, name).read_bytes().split(b"\n")
        mac, _, payload = lines[part].partition(b" ")
    except (OSError, IndexError):
        return None
    if not hmac.compare_digest(mac.decode("ascii", "replace"), _mac(_key(), name, part, payload)):
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def write(directory: Path, name: str, *parts: Any) -> None:
    lines = []
    for index, value in enumerate(parts):
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")  # never a raw newline
        lines.append(_mac(_key(), name, index, payload).encode("ascii") + b" " + payload)
    path = _path(directory, name)
    if path.parent not in _MADE:
        path.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    data = b"\n".join(lines)
    try:
        tmp.write_bytes(data)
    except FileNotFoundError:  # the cache folder was deleted while this process ran
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
    os.replace(tmp, path)
