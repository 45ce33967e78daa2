"""`ppid check`: validate every page in content/ and drafts/, report every problem at once."""

from __future__ import annotations

import argparse
from ..inspection import CheckReport, collect
from ..site import Site

HELP = "periksa semua halaman di content/ dan drafts/ (skema, tanggal, tautan, lampiran, ukuran)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("check", help=HELP, description=HELP)


def print_findings(report: CheckReport, prefix: str = "") -> None:
    for finding in report.findings:
        if not finding.path.startswith(prefix):
            continue
        accepted = finding.id in report.accepted and not report.scanner.never_acceptable(finding)
        print(f"{finding}{' (diterima Koordinator)' if accepted else ''}")


def run(args: argparse.Namespace, site: Site) -> int:
    report = collect(site)
    for problem in report.problems:
        print(problem)
    print_findings(report)
    failing = report.problems + report.blocking()
    if failing:
        files = len({p.path for p in failing})
        print(f"ppid check: {len(failing)} masalah di {files} berkas; perbaiki lalu jalankan lagi.")
        return 1
    print(f"ppid check: bersih — {len(report.content.pages)} halaman dan {len(report.content.assets)} "
          f"berkas di content/, {report.draft_count} draf di drafts/.")
    return 0
