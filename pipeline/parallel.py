"""Spreading independent work over every core with forked processes, as a cold check of a large site needs.
The work lands in a cache (each job writes its own entry), so nothing is sent back."""

from __future__ import annotations

import os
from typing import Callable, Sequence

PARALLEL_FROM = 64  # jobs before the work is spread over processes (forking costs more than a few jobs)

_JOB: tuple[Callable, Sequence] | None = None


def run_forked(work: Callable, jobs: Sequence) -> bool:
    """Call `work(job)` for every job in forked workers (they inherit `work`'s objects, nothing is pickled but
    an index). False, and nothing done, when there are too few jobs or cores: the caller's own path does it."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return False
    import multiprocessing

    global _JOB
    _JOB = (work, jobs)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.map(_one, range(len(jobs)), chunksize=16)
    finally:
        _JOB = None
    return True


def _one(index: int) -> None:
    work, jobs = _JOB
    work(jobs[index])
