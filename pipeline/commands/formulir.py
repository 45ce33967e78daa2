"""`ppid formulir --periode P`: Form Daftar Update Konten and Form Persetujuan, from signed records (HTML and PDF)."""

from __future__ import annotations

import argparse

from ..site import Site
from ..sop.forms import approval_form, approvals, update_form, update_rows
from ..sop.html import publish
from ..sop.periods import parse_period
from ..sop.sources import load_sources
from ..trust.records import now_utc
from ._common import add_root_argument
from ._sop import add_out_argument, out_dir, print_problems, print_written

HELP = "Form Daftar Update Konten dan Form Persetujuan untuk satu periode (HTML dan PDF), dari rekaman bertanda tangan"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("formulir", help=HELP, description=HELP)
    parser.add_argument("--periode", required=True, metavar="PERIODE", help="2026-11 (bulan), 2026-T4 atau 2026-S2")
    add_out_argument(parser)
    add_root_argument(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    period = parse_period(args.periode)
    src = load_sources(site, now_utc(), args.root_key)
    folder = out_dir(args, site)
    print(f"Form Daftar Update Konten {period.title}: {len(update_rows(period, src))} perubahan")
    print_written(*publish(folder, f"form-daftar-update-konten-{period.code}", update_form(period, src), not args.tanpa_pdf))
    print(f"Form Persetujuan {period.title}: {len(approvals(period, src))} persetujuan")
    print_written(*publish(folder, f"form-persetujuan-{period.code}", approval_form(period, src), not args.tanpa_pdf))
    return print_problems(src.problems)
