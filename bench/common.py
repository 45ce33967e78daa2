"""What every benchmark module shares: its options, its targets, its result, and small helpers."""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]      # site sizes in pages, ascending
    seed: int = 1
    repeat: int = 1             # measure each timing this many times and keep the fastest
    keep: bool = False          # leave built sites in the scratch folder (for inspection)
    log: Callable[[str], None] = print


@dataclass
class Target:
    """One goal of a report. `value` None means it was not measured in this run."""

    name: str
    value: float | None
    limit: float
    unit: str = ""
    higher_is_better: bool = False

    @property
    def ok(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    @property
    def status(self) -> str:
        return {True: "OK", False: "GAGAL", None: "NOT MEASURED"}[self.ok]

    def line(self) -> str:
        sign = ">=" if self.higher_is_better else "<="
        shown = "-" if self.value is None else f"{self.value:.2f}{self.unit}"
        return f"{self.status:<12} {self.name}: {shown} (target {sign} {self.limit:g}{self.unit})"


@dataclass
class Result:
    name: str
    data: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Timer:
    """`with Timer() as t: ...` then `t.seconds` (wall clock) and `t.cpu` (CPU seconds, user + system,
    of this process and of the child processes it waited for meanwhile, e.g. `mkdocs build`)."""

    @staticmethod
    def _cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def __enter__(self) -> "Timer":
        self.start, self.start_cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start
        self.cpu = self._cpu() - self.start_cpu


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def html_stats(out: Path) -> tuple[int, int]:
    """(number of *.html files, their total bytes) under `out`."""
    count = total = 0
    for path in out.rglob("*.html"):
        count += 1
        total += path.stat().st_size
    return count, total


def tree_bytes(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
