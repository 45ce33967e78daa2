"""The render cache: entries of several JSON parts, authenticated by the project's cache MAC
(pipeline/cache.py: a key outside the repository), each bound to its name so it cannot be moved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import cache as authenticated


def _path(directory: Path, name: str) -> Path:
    return directory / name[:2] / f"{name}.json"


def exists(directory: Path, name: str) -> bool:
    return _path(directory, name).is_file()


def read(directory: Path, name: str, part: int = 0) -> Any | None:
    """Part `part` of the entry `name`, or None when absent, unreadable or not authenticated. Parts are
    one per line, so a small part is decoded without the large one."""
    payload = authenticated.read(_path(directory, name))
    if payload is None:
        return None
    lines = payload.split(b"\n")
    if lines[0] != name.encode("ascii"):
        return None
    try:
        return json.loads(lines[1 + part])
    except (IndexError, ValueError):
        return None


def write(directory: Path, name: str, *parts: Any) -> bool:
    # json.dumps never writes a raw line break, so each part stays on its line.
    lines = [name.encode("ascii")] + [json.dumps(p, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                                      for p in parts]
    return authenticated.write(_path(directory, name), b"\n".join(lines))
