"""The preview as one zip: the site, a start page that opens the change summary, and the manifest."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from ..trust.previews import Manifest

START = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=situs/ringkasan-perubahan.html">
<title>Pratinjau {short}</title></head>
<body><p>Pratinjau luring <strong>{short}</strong>.
<a href="situs/ringkasan-perubahan.html">Buka Ringkasan Perubahan</a>.</p></body></html>
"""


def write_zip(out: Path, target: Path, manifest: Manifest) -> Path:
    """Zip the built preview `out` as `target`, atomically; the top folder is named after the preview."""
    top = target.stem
    tmp = target.with_name(f".{target.name}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(f"{top}/MULAI-DI-SINI.html", START.format(short=manifest.short))
        archive.writestr(f"{top}/manifest.json", json.dumps(manifest.data, ensure_ascii=False, indent=1, sort_keys=True))
        for path in sorted(out.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/situs/{path.relative_to(out).as_posix()}")
    os.replace(tmp, target)
    return target
