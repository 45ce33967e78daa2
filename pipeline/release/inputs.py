"""A release's inputs: the SHA-256 of every file the online build reads, the pinned dependency set and the
pipeline version. Its id is the hash of that manifest: change one byte of a template and it is another release."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..content import file_sha256
from ..manifests import save_once
from ..signing import canonical_bytes
from ..site import Site

INPUT_AREAS = ("content", "overrides", "site_config")
INPUT_FILES = ("mkdocs.yml",)
BUILD_PACKAGES = ("ppid-site", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
MANIFEST_TYPE = "ppid-release-inputs"
RELEASES = Path("reviews") / "releases"


@dataclass(frozen=True)
class ReleaseInputs:
    files: dict[str, str]
    packages: dict[str, str]

    @property
    def data(self) -> dict:
        return {"type": MANIFEST_TYPE, "version": 1, "files": self.files, "packages": self.packages}

    @property
    def signed_bytes(self) -> bytes:
        return canonical_bytes(self.data)

    @property
    def id(self) -> str:
        return "sha256:" + hashlib.sha256(self.signed_bytes).hexdigest()

    @property
    def short(self) -> str:
        return self.id.removeprefix("sha256:")[:12]


def collect_inputs(site: Site) -> ReleaseInputs:
    files: dict[str, str] = {}
    for area in INPUT_AREAS:
        root = site.root / area
        for path in sorted(root.rglob("*")) if root.is_dir() else []:
            if path.is_file() and not any(part.startswith(".") and part != ".well-known" for part in path.relative_to(site.root).parts):
                files[path.relative_to(site.root).as_posix()] = file_sha256(path)
    for name in INPUT_FILES:
        if (site.root / name).is_file():
            files[name] = file_sha256(site.root / name)
    return ReleaseInputs(files, {name: _version(name) for name in BUILD_PACKAGES})


def input_problems(site: Site) -> list[str]:
    """Inputs the release cannot bind: a symbolic link (the builder follows it to files no hash covers)."""
    found = []
    for name in (*INPUT_AREAS, *INPUT_FILES):
        top = site.root / name
        if top.is_symlink():
            found.append(f"{name}: tautan simbolik; ganti dengan folder atau berkas biasa")
            continue
        for folder, dirs, files in os.walk(top) if top.is_dir() else []:
            for entry in [*dirs, *files]:
                path = Path(folder) / entry
                if path.is_symlink():
                    found.append(f"{path.relative_to(site.root).as_posix()}: tautan simbolik ke "
                                 f"{os.readlink(path)} tidak diizinkan dalam masukan situs; salin berkasnya ke sini")
    return sorted(found)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def save_inputs(site: Site, inputs: ReleaseInputs) -> Path:
    """Keep the manifest beside the records (committed), so later releases can show what changed."""
    return save_once(site.root / RELEASES, inputs.id.removeprefix("sha256:"), inputs.data)


def load_inputs(site: Site, release_id: str) -> ReleaseInputs | None:
    path = site.root / RELEASES / f"{release_id.removeprefix('sha256:')}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        inputs = ReleaseInputs(dict(data["files"]), dict(data["packages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return inputs if inputs.id == release_id else None


def differences(old: ReleaseInputs | None, new: ReleaseInputs) -> list[tuple[str, str]]:
    """(path, what happened) for every input that differs: ditambah, diubah, dihapus."""
    before = old.files if old else {}
    found = [(p, "ditambah") for p in new.files if p not in before]
    found += [(p, "diubah") for p in new.files if p in before and before[p] != new.files[p]]
    found += [(p, "dihapus") for p in before if p not in new.files]
    if old:
        found += [(f"paket {n}", f"{old.packages.get(n)} → {v}") for n, v in new.packages.items() if old.packages.get(n) != v]
    return sorted(found)
