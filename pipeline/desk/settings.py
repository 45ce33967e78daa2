"""What the desk remembers for the user between runs: only the path of their key file, in their own config
folder ($XDG_CONFIG_HOME/ppid/meja.yml), never in the repository."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import YamlError
from ..yamlio import dumps, load_file


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "ppid" / "meja.yml"


def remembered_key() -> str:
    path = settings_path()
    if not path.is_file():
        return ""
    try:
        data = load_file(path).data
    except YamlError:
        return ""  # a broken settings file only loses the suggestion; the user types the path again
    return str(data.get("kunci") or "") if isinstance(data, dict) else ""


def remember_key(key_file: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text("# Diingat oleh 'ppid meja': jalur berkas kunci Anda (bukan kuncinya).\n"
                   + dumps({"kunci": str(key_file)}), encoding="utf-8")
    os.replace(tmp, path)
