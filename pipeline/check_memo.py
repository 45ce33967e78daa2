"""A warm `ppid check` when nothing changed: the answer of the last check, kept with the state of everything
that could change it — the size, times and inode of every file of the site, the code and installed packages
that judged them, the pinned root keys, the environment that names them, and the day (pages appear and expire
by date). The answer is replayed only when all of that is the same. It is an authenticated cache
(pipeline.cache): a speed-up only; delete it and the same answer is computed again. Gates (approve, promote,
build, publish) never use it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from . import cache
from .guard import site_files
from .site import Site

MEMO = Path("cache") / "check-answer.json"
TOOLS = ("pdftotext", "pdfinfo", "pdfimages")  # the document checks run these
ENV = ("PPID_ROOT_KEYS", "XDG_CONFIG_HOME", "HOME", "TZ")


# A file changed twice within one tick of the file-system clock can keep its size and times: a state whose newest
# change is that recent is not remembered (git's "racy clean" rule), so the next check judges it afresh.
RACY_NS = 100_000_000


@dataclass(frozen=True)
class Answer:
    code: int
    text: str


@dataclass
class State:
    key: str
    settled: bool  # nothing changed in the last RACY_NS before it was read: safe to remember


def read_state(site: Site, args: list[str]) -> State:
    start = time.time_ns()
    digest = hashlib.sha256(json.dumps([sys.version, args, [os.environ.get(n) for n in ENV],
                                        str(dt.datetime.now(ZoneInfo(site.timezone)).date())]).encode())
    add = _Adder(digest)
    for path in site_files(site.root):  # the same files the key guard looks at: every one the site holds
        add.one(path)
    add.tree(Path(__file__).parent, {"__pycache__"})  # this program
    for entry in sys.path:  # an installed or upgraded package changes its site-packages folder
        add.one(entry)
    for tool in TOOLS:
        add.one(shutil.which(tool) or tool)
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "ppid"
    add.tree(config_home / "roots", set())  # pinned root keys decide which acceptances count
    add.one(str(config_home / "root.pub"))
    for name in (os.environ.get("PPID_ROOT_KEYS") or "").split(os.pathsep):
        add.one(name)
    return State(digest.hexdigest(), add.newest < start - RACY_NS)


class _Adder:
    def __init__(self, digest) -> None:
        self.digest, self.newest = digest, 0

    def tree(self, top: Path, skip: set[str]) -> None:
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in skip)
            for name in sorted(files):
                self.one(os.path.join(folder, name))

    def one(self, path: str) -> None:
        try:
            info = os.lstat(path)
        except OSError:
            self.digest.update(f"{path}|-\n".encode("utf-8", "surrogateescape"))
            return
        self.newest = max(self.newest, info.st_mtime_ns, info.st_ctime_ns)
        self.digest.update(f"{path}|{info.st_mode}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}\n"
                           .encode("utf-8", "surrogateescape"))


def recall(site: Site, key: str) -> Answer | None:
    data = cache.read_mapping(site.work_dir / MEMO)
    try:
        return Answer(int(data["code"]), str(data["text"])) if data.get("key") == key else None
    except (KeyError, TypeError, ValueError):
        return None


def remember(site: Site, key: str, answer: Answer) -> None:
    cache.write_mapping(site.work_dir / MEMO, {"key": key, "code": answer.code, "text": answer.text})
