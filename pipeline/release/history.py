"""Earlier contents of a release input, found in the site's git history by their SHA-256: a release manifest
keeps hashes only, and the reviewer of a template or configuration change needs to see the lines that changed."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

MAX_VERSIONS = 200  # commits of one file searched, newest first
MAX_TEXT = 256 * 1024


def text_with_hash(root: Path, rel: str, sha256: str) -> str | None:
    """The text of `rel` as it was when its bytes hashed to `sha256`, or None (not in history, not text)."""
    for commit in _commits_touching(root, rel):
        data = _show(root, f"{commit}:{rel}")
        if data is not None and hashlib.sha256(data).hexdigest() == sha256:
            return _text(data)
    return None


def _commits_touching(root: Path, rel: str) -> list[str]:
    run = subprocess.run(["git", "-C", str(root), "log", "--all", f"-n{MAX_VERSIONS}", "--format=%H", "--", rel],
                         capture_output=True, text=True)
    return run.stdout.split() if run.returncode == 0 else []


def _show(root: Path, spec: str) -> bytes | None:
    run = subprocess.run(["git", "-C", str(root), "show", spec], capture_output=True)
    return run.stdout if run.returncode == 0 and len(run.stdout) <= MAX_TEXT else None


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8") if b"\0" not in data else None
    except UnicodeDecodeError:
        return None


def current_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return _text(data) if len(data) <= MAX_TEXT else None
