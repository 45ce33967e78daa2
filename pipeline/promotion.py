"""Changing content/ in one step: build the new tree beside it (hard links), then swap directories."""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import PpidError

NEW = ".ppid-baru"
OLD = ".ppid-lama"


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
    Leaves everything alone while another command is changing content/."""
    with content_lock(work_dir) as mine:
        if mine:
            _recover(content)


def _recover(content: Path) -> None:
    new, old = content.with_name(content.name + NEW), content.with_name(content.name + OLD)
    if old.exists() and not content.exists():
        os.replace(old, content)
    shutil.rmtree(new, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def apply(content: Path, drafts: Path, plan: Plan, work_dir: Path) -> None:
    with content_lock(work_dir) as mine:
        if not mine:
            raise PpidError("perintah lain (ppid promote atau withdraw) sedang mengubah content/; tunggu sampai selesai")
        _recover(content)
        _apply(content, drafts, plan)


def _apply(content: Path, drafts: Path, plan: Plan) -> None:
    new, old = content.with_name(content.name + NEW), content.with_name(content.name + OLD)
    if content.exists():
        shutil.copytree(content, new, copy_function=os.link, symlinks=True)
    else:
        new.mkdir(parents=True)
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
    if content.exists():
        os.replace(content, old)
    os.replace(new, content)
    for path in plan.clear_drafts:
        if path.exists():
            path.unlink()
            _prune_empty(path.parent, drafts)
    shutil.rmtree(old, ignore_errors=True)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
