"""The release manifest served at a well-known path: every served file's SHA-256 and the signed release."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..content import file_sha256
from ..errors import PpidError
from .model import ReleaseInfo

WELL_KNOWN = ".well-known/ppid"
MANIFEST_PATH = f"{WELL_KNOWN}/manifest.json"
LOG_PATH = f"{WELL_KNOWN}/log.jsonl"
HISTORY_PATH = "riwayat-publikasi/index.html"
# served beside the manifest: the root-signed registry and policy, and the schemas they are read with
REGISTRY_FILES = ("reviewers.yml", "reviewers.yml.sig", "policy.yml", "schema/reviewers.yml", "schema/policy.yml")
HISTORY_URL = "riwayat-publikasi/"
FORMAT = "ppid-site-manifest/1"


@dataclass(frozen=True)
class Manifest:
    folder: str                 # the release folder on the target (also its asset prefix)
    asset_prefix: str           # "_rilis/<folder>/": versioned path of every asset a page loads
    release: ReleaseInfo
    files: dict[str, str]       # served path -> sha256 hex
    script_hashes: tuple[str, ...]  # CSP source expressions of the inline scripts

    def to_bytes(self) -> bytes:
        data = {"format": FORMAT, "folder": self.folder, "asset_prefix": self.asset_prefix,
                "release": self.release.to_public(), "csp_script_hashes": list(self.script_hashes),
                "log": LOG_PATH, "history": HISTORY_URL, "files": dict(sorted(self.files.items()))}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"

    @property
    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(self.to_bytes()).hexdigest()


def parse_manifest(data: bytes, source: str) -> Manifest:
    """A manifest read back from a target or a URL; anything malformed is a clear refusal."""
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"format '{raw.get('format')}' tidak dikenal")
        return Manifest(folder=raw["folder"], asset_prefix=raw["asset_prefix"],
                        release=ReleaseInfo.from_public(raw["release"]), files=dict(raw["files"]),
                        script_hashes=tuple(raw.get("csp_script_hashes", ())))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PpidError(f"{source}: manifes rilis rusak atau bukan manifes ppid ({exc})") from None


def hash_files(root: Path) -> dict[str, str]:
    return {rel: file_sha256(root / rel) for rel in served_paths(root)}


def served_paths(root: Path) -> list[str]:
    """Every served regular file under root: not symlinks, not dotted paths but the well-known folder."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        hidden = any(part.startswith(".") for part in rel.split("/")) and not rel.startswith(WELL_KNOWN + "/")
        if path.is_symlink() or not path.is_file() or hidden:
            continue
        found.append(rel)
    return found


def url_of(rel: str) -> str:
    """The URL path (without the leading slash) that serves a file: index.html is served as its folder."""
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel
