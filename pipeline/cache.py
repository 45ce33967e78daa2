"""Caches that only speed things up: every entry carries an HMAC made with a key that lives outside the
repository (in the user's cache folder), so an entry committed into the tree, or written by anyone else, is
never trusted — it is simply recomputed. Deleting the cache changes no answer."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from functools import lru_cache
from pathlib import Path


def _key() -> bytes:
    return _key_in(os.environ.get("XDG_CACHE_HOME") or "")


@lru_cache(maxsize=4)
def _key_in(cache_home: str) -> bytes:
    """The key, read once per process (thousands of cache entries are checked by one command)."""
    base = Path(cache_home or str(Path.home() / ".cache")) / "ppid"
    path = base / "cache.key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f".cache.key.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # the first writer wins; everyone then reads the same key
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_bytes()


def read(path: Path) -> bytes | None:
    """The entry's payload if it was written by `write` with this user's key, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    tag, _, payload = data.partition(b"\n")
    expected = _tag(path, payload)
    return payload if hmac.compare_digest(tag, expected) else None


def _tag(path: Path, payload: bytes) -> bytes:
    """The MAC binds the entry's name (its cache key) too: a valid entry copied over another is refused."""
    return hmac.new(_key(), path.name.encode("utf-8") + b"\0" + payload, hashlib.sha256).hexdigest().encode()


def write(path: Path, payload: bytes) -> bool:
    """Keep an entry; False when it cannot be written (a read-only checkout or a full disk works on, only slower:
    a cache never changes an answer)."""
    tag = _tag(path, payload)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            tmp.write_bytes(tag + b"\n" + payload)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(tag + b"\n" + payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    return True


def read_mapping(path: Path) -> dict:
    """A JSON object kept with `write_mapping`, or {} when absent, unauthenticated or not an object."""
    payload = read(path)
    try:
        data = json.loads(payload) if payload else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def write_mapping(path: Path, data: dict) -> bool:
    """Keep a JSON object; False when it cannot be written (a read-only checkout works on, only slower)."""
    return write(path, json.dumps(data).encode("ascii"))  # ASCII: a file name that is not UTF-8 stays writable
