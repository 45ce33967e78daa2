"""Running one decision: one at a time per site (a second person acting at the same moment is told so, never
half-written), on a state derived afresh, and optionally committed to git with a clear message."""

from __future__ import annotations

import fcntl
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import PpidError
from ..site import Site

LOCK = "meja.lock"


class Busy(PpidError):
    """Another decision is being written right now."""


@contextmanager
def one_at_a_time(site: Site) -> Iterator[None]:
    """An exclusive lock for the whole derive → check → sign → write of one action. Records themselves are
    written with os.link, so even a CLI run at the same moment never overwrites one."""
    site.work_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(site.work_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy("orang lain sedang mencatat keputusan di situs ini pada saat yang sama; muat ulang halaman "
                       "untuk melihat keadaan terbaru, lalu coba lagi") from None
        site.forget()
        yield
    finally:
        os.close(fd)  # closing releases the lock


def is_repository(site: Site) -> bool:
    return (site.root / ".git").exists()


def commit(site: Site, paths: list[Path], message: str) -> str:
    """Commit exactly these paths (records, and the files they decide on) with `message`; say what happened."""
    rels = sorted({p.relative_to(site.root).as_posix() if p.is_absolute() else str(p) for p in paths})
    try:
        tracked = _git(site, "ls-files", "-z", "--", *rels).split("\0") if rels else []
        # A path that neither exists nor was ever committed (a draft promoted before anyone committed it) would
        # stop `git add` altogether.
        rels = [r for r in rels if (site.root / r).exists() or any(t == r or t.startswith(r + "/") for t in tracked)]
        if not rels:
            return "Tidak ada yang perlu di-commit."
        _git(site, "add", "-A", "--", *rels)
        if not _git(site, "diff", "--cached", "--name-only", "--", *rels).strip():
            return "Tidak ada yang perlu di-commit."
        _git(site, "commit", "-q", "-m", message, "--", *rels)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout or "").strip().splitlines()
        return f"Commit git gagal ({detail[-1] if detail else exc.returncode}); rekaman tetap tersimpan, commit manual."
    return f"Di-commit ke git: {message}"


def _git(site: Site, *args: str) -> str:
    return subprocess.run(["git", "-C", str(site.root), *args], check=True, capture_output=True, text=True).stdout
