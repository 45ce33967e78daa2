"""Verify benchmark: `ppid verify` on a synthetic site with three signed records a page (submit, review,
approve, chained in the record log), cold (no cache) and warm (nothing changed), and the record log alone at
two sizes to show it grows linearly. Targets (issue: trust core): cold <= 2 s and warm <= 0.5 s at 1000 pages
(CPU seconds of the whole process, which are steadier than wall time on a shared machine)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.trust.log import load_log
from pipeline.trust.registry import load_registry

from .common import Options, Result, Target, Timer
from .synth import make_signed_site

NAME = "verify"
SIZE = 1000


def _site(work: Path, pages: int, seed: int) -> tuple[Path, Path]:
    root, keys = make_signed_site(work, pages, seed)
    return root, keys["root"].with_name("root.pub")


def _verify(root: Path, root_pub: Path) -> Timer:
    env = {**os.environ, "PPID_ROOT_KEYS": str(root_pub)}
    with Timer() as timer:
        run = subprocess.run([sys.executable, "-m", "pipeline.cli", "--site", str(root), "verify"], env=env,
                             capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"ppid verify failed:\n{run.stdout}\n{run.stderr}")
    return timer


def _log_seconds(root: Path) -> float:
    shutil.rmtree(root / ".ppid", ignore_errors=True)
    registry = load_registry(root)
    with Timer() as timer:
        log = load_log(root, root / "reviews", registry)
    assert not log.fatal
    return timer.cpu


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    size = max((s for s in options.sizes if s <= SIZE), default=min(options.sizes))
    half_root, _ = _site(work, size // 2, options.seed)
    root, root_pub = _site(work, size, options.seed)
    shutil.rmtree(root / ".ppid", ignore_errors=True)
    cold = _verify(root, root_pub)
    warm = min((_verify(root, root_pub) for _ in range(max(2, options.repeat))), key=lambda t: t.cpu)
    half, full = _log_seconds(half_root), _log_seconds(root)
    growth = full / half if half else 0.0
    options.log(f"  verify {size} pages, {3 * size} records: cold {cold.cpu:.2f} s CPU ({cold.seconds:.2f} s wall), "
                f"warm {warm.cpu:.2f} s CPU ({warm.seconds:.2f} s wall); record log cold {half:.2f} s at "
                f"{3 * (size // 2)} records, {full:.2f} s at {3 * size} (x{growth:.2f} for x2 records)")
    result.data.update(size=size, cold=cold.cpu, warm=warm.cpu, log_half=half, log_full=full)
    result.targets.append(Target(f"verify cold, {size} pages, CPU s", cold.cpu, 2.0, " s"))
    result.targets.append(Target(f"verify warm, {size} pages, CPU s", warm.cpu, 0.5, " s"))
    result.targets.append(Target("record log time for 2x records (linear = 2)", growth, 2.3))
    return result
