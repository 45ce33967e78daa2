"""The hash-chained publication log: one JSON line per publish, rollback or takedown, kept in records/."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import PpidError
from ..signing import canonical_bytes
from ..site import Site
from .manifest import Manifest

LOG_DIR = Path("records") / "publikasi"
ACTIONS = ("publish", "rollback", "takedown")


@dataclass(frozen=True)
class LogEntry:
    prev: str | None       # hash of the previous entry's line, None for the first
    target: str
    action: str
    release: str           # release id
    folder: str
    manifest: str          # sha256 of the served manifest.json
    approver: str
    approver_name: str
    time: str              # UTC, "2026-11-30T03:00:00Z"

    def line(self) -> bytes:
        """The entry as written: its RFC 8785 canonical JSON (so its hash is unambiguous)."""
        return canonical_bytes(self.__dict__)

    @property
    def digest(self) -> str:
        return "sha256:" + hashlib.sha256(self.line()).hexdigest()


def log_path(site: Site, target: str) -> Path:
    return site.root / LOG_DIR / f"{target}.jsonl"


def parse_log(data: bytes, source: str) -> list[LogEntry]:
    """Entries of a log; a line that is not canonical, or a broken chain, is an error naming the line."""
    entries: list[LogEntry] = []
    for number, raw in enumerate(data.splitlines(), 1):
        try:
            entry = LogEntry(**json.loads(raw.decode("utf-8")))
        except (ValueError, TypeError) as exc:
            raise PpidError(f"{source}:{number}: baris log publikasi rusak ({exc})") from None
        if entry.line() != raw:
            raise PpidError(f"{source}:{number}: baris log publikasi tidak dalam bentuk kanonis (diubah?)")
        expected = entries[-1].digest if entries else None
        if entry.prev != expected:
            raise PpidError(f"{source}:{number}: rantai log publikasi putus: 'prev' {entry.prev} "
                            f"seharusnya {expected} (entri dihapus, disisipkan, atau diubah)")
        if entry.action not in ACTIONS:
            raise PpidError(f"{source}:{number}: tindakan '{entry.action}' tidak dikenal")
        entries.append(entry)
    return entries


def to_bytes(entries: list[LogEntry]) -> bytes:
    return b"".join(e.line() + b"\n" for e in entries)


def merge(local: bytes, remote: bytes | None, source: str) -> bytes:
    """The longer of the site's log and the target's copy, when one continues the other; else refuse."""
    if not remote or remote.startswith(local):
        return remote or local
    if local.startswith(remote):
        return local
    raise PpidError(f"log publikasi di {source} dan di target berbeda isi (bukan kelanjutan satu sama lain); "
                    "periksa riwayat git records/publikasi/ sebelum menerbitkan")


def new_entry(previous: list[LogEntry], target: str, action: str, manifest: Manifest, now: dt.datetime) -> LogEntry:
    release = manifest.release
    return LogEntry(prev=previous[-1].digest if previous else None, target=target, action=action,
                    release=release.id, folder=manifest.folder, manifest=manifest.digest,
                    approver=release.approver, approver_name=release.approver_name,
                    time=now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
