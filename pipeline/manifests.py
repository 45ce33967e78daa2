"""Content-addressed JSON manifests kept beside the records (preview manifests, release inputs): written once,
atomically, under the name of their own hash."""

from __future__ import annotations

import json
import os
from pathlib import Path


def save_once(folder: Path, name: str, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.json"
    if not target.exists():
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    return target
