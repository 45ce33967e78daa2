"""Changing content/ in one step: build the new tree beside it (hard links), then swap directories."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

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


def recover(content: Path) -> None:
    """Finish or undo a swap that was interrupted, so content/ is always one whole version."""
    new, old = content.with_name(content.name + NEW), content.with_name(content.name + OLD)
    if old.exists() and not content.exists():
        os.replace(old, content)
    shutil.rmtree(new, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def apply(content: Path, drafts: Path, plan: Plan) -> None:
    recover(content)
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
