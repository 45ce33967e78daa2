"""`ppid check`: validate every page in content/ and drafts/, report every problem at once."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..check_memo import Answer, read_state, recall, remember
from ..site import Site

if TYPE_CHECKING:
    from ..inspection import CheckReport

HELP = "periksa semua halaman di content/ dan drafts/ (skema, tanggal, tautan, lampiran, ukuran)"


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("check", help=HELP, description=HELP)


def finding_lines(report: CheckReport, prefix: str = "") -> list[str]:
    lines = []
    for finding in report.findings:
        if not finding.path.startswith(prefix):
            continue
        accepted = finding.id in report.accepted and not report.scanner.never_acceptable(finding)
        lines.append(f"{finding}{' (diterima Koordinator)' if accepted else ''}")
    return lines


def run(args: argparse.Namespace, site: Site) -> int:
    state = read_state(site, sorted(f"{k}={v}" for k, v in vars(args).items()))
    answer = recall(site, state.key)  # nothing the check reads has changed since the last one: its answer
    if answer is None:
        answer = _check(site)
        if state.settled:
            remember(site, state.key, answer)
    print(answer.text, end="")
    return answer.code


def _check(site: Site) -> Answer:
    from ..inspection import collect

    report = collect(site)
    lines = [str(problem) for problem in report.problems] + finding_lines(report)
    failing = report.problems + report.blocking()
    if failing:
        files = len({p.path for p in failing})
        lines.append(f"ppid check: {len(failing)} masalah di {files} berkas; perbaiki lalu jalankan lagi.")
        return Answer(1, "\n".join(lines) + "\n")
    lines.append(f"ppid check: bersih — {len(report.content.pages)} halaman dan {len(report.content.assets)} "
                 f"berkas di content/, {report.draft_count} draf di drafts/.")
    return Answer(0, "\n".join(lines) + "\n")
