"""`ppid laporan --periode 2026-11 | 2026-S2`: the monthly or six-monthly evaluation report (HTML and PDF)."""

from __future__ import annotations

import argparse

from ..site import Site
from ..sop.evaluation import build_report, render
from ..sop.html import publish
from ..sop.periods import parse_period
from ..sop.quality import LATE, MISSING, ON_TIME
from ..sop.sources import load_sources
from ..trust.records import now_utc
from ._common import add_root_argument
from ._sop import add_out_argument, out_dir, print_problems, print_written

HELP = "laporan evaluasi bulanan (untuk Kepala Dinas) atau semester (Koordinator kepada Kepala Dinas), HTML dan PDF"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("laporan", help=HELP, description=HELP)
    parser.add_argument("--periode", required=True, metavar="PERIODE", help="2026-11 (bulanan) atau 2026-S2 (semester)")
    add_out_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    period = parse_period(args.periode, ("bulan", "semester"))
    src = load_sources(site, now_utc(), args.root_key)
    report = build_report(period, src)
    print(f"Laporan evaluasi {period.title}:")
    for line in report.lines:
        counts = (f"jatuh tempo {line.due}, tepat waktu {line.count(ON_TIME)}, terlambat {line.count(LATE)}, "
                  f"tidak ada {line.count(MISSING)}") if line.due else (line.note or "tidak ada kewajiban")
        print(f"  {line.name}: {counts}")
        for item in line.faults():
            print(f"    {item.status.upper()}: {item.what}")
    print_written(*publish(out_dir(args, site), f"laporan-evaluasi-{period.code}", render(report, src), not args.tanpa_pdf))
    return print_problems(src.problems)
