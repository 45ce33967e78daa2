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
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ppid" / KEY_NAME


_KEYS: dict[Path, bytes] = {}
_MADE: set[Path] = set()


def _key() -> bytes:
    path = key_path()
    if path not in _KEYS:
        _KEYS[path] = _load_key(path)
    return _KEYS[path]


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


def _mac(key: bytes, name: str, payload: bytes) -> str:
    return hmac.new(key, name.encode("utf-8") + b"\0" + payload, hashlib.sha256).hexdigest()


def read(directory: Path, name: str) -> Any | None:
    """The value stored under `name`, or None when absent, unreadable or not authenticated."""
    path = directory / name[:2] / f"{name}.json"
    try:
        mac, _, payload = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    if not hmac.compare_digest(mac.decode("ascii", "replace"), _mac(_key(), name, payload)):
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def write(directory: Path, name: str, value: Any) -> None:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = directory / name[:2] / f"{name}.json"
    if path.parent not in _MADE:
        path.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    data = _mac(_key(), name, payload).encode("ascii") + b"\n" + payload
    try:
        tmp.write_bytes(data)
    except FileNotFoundError:  # the cache folder was deleted while this process ran
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
    os.replace(tmp, path)
