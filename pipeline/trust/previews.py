"""The preview manifest: every input with its SHA-256 and every change shown; its hash is the preview id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PpidError
from ..manifests import save_once
from ..signing import canonical_bytes

MANIFEST_TYPE = "ppid-preview-manifest"
MANIFESTS = Path("reviews") / "manifests"


@dataclass(frozen=True)
class Manifest:
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return hashlib.sha256(canonical_bytes(self.data)).hexdigest()

    @property
    def short(self) -> str:
        return self.id[:12]

    def shows_release(self, release: str) -> bool:
        """Whether this is the offline preview of exactly this release (`ppid release --pratinjau`)."""
        return self.data.get("release") == release

    def shows(self, page: str, digest: str) -> bool:
        """Whether the reviewer of this preview saw exactly these bytes of the page."""
        changes = self.data.get("changes")
        entry = changes.get(page) if isinstance(changes, dict) else None
        return isinstance(entry, dict) and entry.get("hash") == digest


def make_manifest(changes: dict[str, dict[str, Any]], inputs: dict[str, str], release: str | None = None) -> Manifest:
    data = {"type": MANIFEST_TYPE, "version": 1, "changes": changes, "inputs": inputs}
    return Manifest({**data, "release": release} if release else data)


def save(site_root: Path, manifest: Manifest) -> Path:
    return save_once(site_root / MANIFESTS, manifest.id, manifest.data)


def manifest_path(site_root: Path, preview_id: str) -> Path:
    return site_root / MANIFESTS / f"{preview_id}.json"


def load(site_root: Path, preview_id: str) -> Manifest | None:
    """The manifest with this id, or None when it is missing or its content does not hash to the id."""
    if not preview_id or not all(c in "0123456789abcdef" for c in preview_id) or len(preview_id) != 64:
        return None
    path = manifest_path(site_root, preview_id)
    try:
        manifest = Manifest(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
    return manifest if manifest.id == preview_id else None


def newest_showing(site_root: Path, page: str, digest: str) -> Manifest | None:
    folder = site_root / MANIFESTS
    paths = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    for path in paths:
        manifest = load(site_root, path.stem)
        if manifest and manifest.shows(page, digest):
            return manifest
    return None


class PreviewError(PpidError):
    """The preview cannot be built or cited."""
