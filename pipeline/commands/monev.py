"""`ppid monev`: the site against the Komisi Informasi's monev website items: present, missing or stale."""

from __future__ import annotations

import argparse

from ..build.stage import today
from ..site import Site
from ..sop.monev import PRESENT, assess

HELP = "kesiapan monev Komisi Informasi: butir website yang ada, tidak ada, atau basi, dengan halaman buktinya"


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("monev", help=HELP, description=HELP)


def run(args: argparse.Namespace, site: Site) -> int:
    findings, unread = assess(site, today(site))
    ready = sum(1 for f in findings if f.status == PRESENT)
    print(f"Kesiapan monev: {ready} dari {len(findings)} butir website siap.")
    for finding in findings:
        where = f" — {finding.page}" if finding.page else ""
        why = f" ({finding.why})" if finding.why else ""
        print(f"  [{finding.status.upper()}] {finding.requirement.name}{where}{why}")
    for problem in unread:
        print(f"PERINGATAN: {problem}")
    return 0 if ready == len(findings) and not unread else 1
