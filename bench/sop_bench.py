"""SOP report benchmark: `ppid laporan --periode 2026-S2` (HTML and the Chromium PDF) over a year of history for
the 1000-page synthetic site: every page approved in January (3 records a page) and 700 further changes spread
over the year, over 5000 signed records in all. Targets (issue 17): <= 10 s wall including the PDF, <= 300 MB
peak memory of the ppid process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from pipeline.demo import approve_all_content, create_identities, utc
from pipeline.signing import load_private_key
from pipeline.site import Site
from pipeline.trust.log import load_log
from pipeline.trust.records import page_fields, record_id, sign_fields, write_record
from pipeline.trust.registry import load_registry

from .common import Options, Result, Target, Timer
from .synth import make_site

NAME = "sop"
SIZE = 1000
EXTRA_CHANGES = 700
# Runs the command in a child process and prints its own peak memory (the PDF's Chromium is not counted).
RUNNER = ("import resource, sys; from pipeline.cli import main; code = main(sys.argv[1:]); "
          "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)")


def _year(root: Path, keys: dict[str, Path], pages: list[str]) -> int:
    """EXTRA_CHANGES submit/review/approve chains from February to November 2026, in time order."""
    signers = {who: load_private_key(keys[who], None) for who in ("siti", "budi", "ratna")}
    prev = load_log(root, root / "reviews", load_registry(root)).heads
    when, step = utc("2026-02-01T01:00:00"), dt.timedelta(minutes=(300 * 24 * 60) // (EXTRA_CHANGES * 3))
    for index in range(EXTRA_CHANGES):
        page = pages[index % len(pages)]
        digest = f"sha256:{index:064x}"
        for action, who, role in (("submit", "siti", "operator"), ("review", "budi", "subkoordinator"),
                                  ("approve", "ratna", "koordinator")):
            when += step
            fields = page_fields(page, "edit", digest, "sha256:" + "0" * 64, action,
                                 "submitted" if action == "submit" else "approved", role, who, "", when, prev,
                                 preview="0" * 64 if action == "review" else None)
            write_record(root / "reviews", fields, sign_fields(fields, signers[who]))
            prev = [record_id(fields)]
    return EXTRA_CHANGES * 3


def run(options: Options, work: Path) -> Result:
    result = Result(NAME)
    size = max((s for s in options.sizes if s <= SIZE), default=min(options.sizes))
    root = work / f"situs-{size}"
    make_site(root, size, options.seed)
    for area in ("drafts", "reviews", "records"):
        (root / area).mkdir(exist_ok=True)
    keys = create_identities(Site(root), work / "kunci")
    approve_all_content(Site(root), keys, utc("2026-01-05T01:00:00"))
    pages = sorted(p.relative_to(root / "content").as_posix() for p in (root / "content").rglob("*.md"))
    records = 3 * len(pages) + _year(root, keys, pages)
    env = {**os.environ, "PPID_ROOT_KEYS": str(keys["root"].with_name("root.pub"))}
    with Timer() as timer:
        run_ = subprocess.run([sys.executable, "-c", RUNNER, "--site", str(root), "laporan", "--periode", "2026-S2",
                               "--out", str(work / "cetak")], env=env, capture_output=True, text=True)
    if run_.returncode != 0:
        raise RuntimeError(f"ppid laporan failed:\n{run_.stdout}\n{run_.stderr}")
    peak_mb = int(run_.stdout.rsplit("MAXRSS", 1)[1].split()[0]) / 1024
    options.log(f"  laporan 2026-S2, {size} pages, {records} records: {timer.seconds:.2f} s wall "
                f"({timer.cpu:.2f} s CPU incl. Chromium), peak {peak_mb:.0f} MB")
    result.data.update(size=size, records=records, seconds=timer.seconds, peak_mb=peak_mb)
    result.targets.append(Target(f"laporan semester, {records} records, wall s incl. PDF", timer.seconds, 10.0, " s"))
    result.targets.append(Target("laporan semester, peak memory MB", peak_mb, 300.0, " MB"))
    return result
