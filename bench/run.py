"""Run the benchmarks: `python bench/run.py [--sizes 100,1000,5000 | --quick] [--only build] [--repeat N] [--work DIR]`.

A benchmark is a module with `NAME` and `run(options: Options, work: Path) -> Result`; add it to
BENCHMARKS below. Each gets its own scratch folder, deleted afterwards unless --work is given.
The report states targets as OK / GAGAL; it never fails the run (exit 0) unless --strict.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from bench import build_bench, desk_bench, pii_bench, preview_bench, publish_bench, render_bench, scan_bench, sop_bench, verify_bench  # noqa: E402
from bench.common import Options, Result, load_average  # noqa: E402

# Order matters only for the report.
BENCHMARKS = [build_bench, preview_bench, scan_bench, render_bench, pii_bench, verify_bench, sop_bench, desk_bench, publish_bench]

DEFAULT_SIZES = (100, 1000, 5000)
QUICK_SIZES = (100, 1000)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of page counts: {text!r}") from None
    if not sizes or sizes[0] < 4:
        raise argparse.ArgumentTypeError("every size must be at least 4 pages")
    return tuple(sizes)


def main(argv: list[str] | None = None) -> int:
    names = [b.NAME for b in BENCHMARKS]
    parser = argparse.ArgumentParser(description="ppid-site benchmarks")
    parser.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="site sizes in pages (default 100,1000,5000)")
    parser.add_argument("--quick", action="store_true", help="sizes 100 and 1000 only")
    parser.add_argument("--only", action="append", choices=names, help="run only this benchmark (repeatable)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic sites (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="time each build N times, keep the fastest (default 1)")
    parser.add_argument("--work", type=Path, help="scratch folder, kept with the built sites in it (default: a temporary one, deleted)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is GAGAL")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else args.sizes
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    options = Options(sizes=sizes, seed=args.seed, repeat=args.repeat, keep=args.work is not None, log=lambda line: print(line, flush=True))

    print(f"ppid-site bench — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPU, load {load_average()}, sizes {', '.join(map(str, sizes))}", flush=True)
    results: list[Result] = []
    started = time.perf_counter()
    for bench in BENCHMARKS:
        if args.only and bench.NAME not in args.only:
            continue
        if args.work:
            work = args.work.resolve() / bench.NAME
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results.append(bench.run(options, work))
        else:
            with tempfile.TemporaryDirectory(prefix=f"ppid-bench-{bench.NAME}-") as tmp:
                results.append(bench.run(options, Path(tmp)))

    print(f"\nSummary ({time.perf_counter() - started:.0f} s in all; load {load_average()})")
    for result in results:
        for target in result.targets:
            print(f"  [{result.name}] {target.line()}")
        for note in result.notes:
            print(f"  [{result.name}] {note}")
    failed = any(t.ok is False for r in results for t in r.targets)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
