"""Changing content/ in one step: build the new tree beside it (hard links), then exchange the two directories
with one renameat2(RENAME_EXCHANGE) call, so content/ is never missing, not even between two renames."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import PromotionError

NEW = ".ppid-baru"
OLD = ".ppid-lama"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass
class Plan:
    """Files to write into content/ (rel -> source), to delete from it, and drafts to clear afterwards."""

    write: dict[str, Path] = field(default_factory=dict)
    delete: set[str] = field(default_factory=set)
    clear_drafts: set[Path] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.write or self.delete)


@contextmanager
def content_lock(work_dir: Path, wait: bool = False) -> Iterator[bool]:
    """Only one command changes content/ at a time; yields False when another holds it and `wait` is off."""
    work_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(work_dir / "content.lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def recover(content: Path, work_dir: Path) -> None:
    """Finish or undo a swap that was interrupted, so content/ is always one whole version.
    Leaves everything alone while another command is changing content/. Without a half-done swap beside content/
    nothing is locked, so a read-only checkout can still be read."""
    if not any(content.with_name(content.name + end).exists() for end in (NEW, OLD)):
        return
    with content_lock(work_dir) as mine:
        if mine:
            _recover(content)


def _recover(content: Path) -> None:
    """Whatever step was cut off, content/ holds one whole version: the new tree beside it is either not yet
    exchanged (the promotion did not happen) or the old one after the exchange (it did); both go."""
    new, old = content.with_name(content.name + NEW), content.with_name(content.name + OLD)
    if old.exists() and not content.exists():  # left by an older version that renamed twice
        os.replace(old, content)
    shutil.rmtree(new, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> None:
    """Swap two directories atomically (Linux renameat2); both names exist before and after."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        err = ctypes.get_errno()
        raise PromotionError(f"content/ tidak dapat ditukar secara atomik ({os.strerror(err)}); content/ tidak diubah")


def apply(content: Path, drafts: Path, plan: Plan, work_dir: Path) -> None:
    with content_lock(work_dir) as mine:
        if not mine:
            raise PromotionError("perintah lain (ppid promote atau withdraw) sedang mengubah content/; tunggu sampai selesai")
        _recover(content)
        _apply(content, drafts, plan)


def _apply(content: Path, drafts: Path, plan: Plan) -> None:
    new = content.with_name(content.name + NEW)
    if content.exists():
        shutil.copytree(content, new, copy_function=os.link, symlinks=True)
    else:
        new.mkdir(parents=True)
    _step("copied")
    for rel in plan.delete:
        target = new / rel
        if target.exists():
            target.unlink()
            _prune_empty(target.parent, new)
    for rel, source in plan.write.items():
        target = new / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, tmp)  # a fresh inode: the hard-linked old version stays untouched
        os.replace(tmp, target)
        _step("written")
    _step("exchange")
    if content.exists():
        exchange(new, content)  # content/ is now the new tree; the old one sits at the NEW name
    else:
        os.replace(new, content)
    _step("exchanged")
    for path in plan.clear_drafts:
        if path.exists():
            path.unlink()
            _prune_empty(path.parent, drafts)
            _step("draft-cleared")
    shutil.rmtree(new, ignore_errors=True)


def _step(name: str) -> None:
    """A test hook: PPID_TEST_KILL_AT=name kills the process here, as a power cut would."""
    if os.environ.get("PPID_TEST_KILL_AT") == f"promote:{name}":
        os.kill(os.getpid(), 9)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
