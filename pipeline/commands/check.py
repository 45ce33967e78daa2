"""`ppid check`: validate every page in content/ and drafts/, report every problem at once."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from ..checks.findings import Finding
from ..checks.registry import PAGE_CHECKS
from ..gate import all_accepted, blocking, files_findings
from ..scan import Scanner
from ..state import derive
from ..content import Problem
from ..site import Site
from ..view import View, build_view

HELP = "periksa semua halaman di content/ dan drafts/ (skema, tanggal, tautan, lampiran, ukuran)"


@dataclass
class CheckReport:
    problems: list[Problem]
    content: View
    drafts: View
    findings: list[Finding] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)
    scanner: Scanner | None = None

    def blocking(self, prefix: str = "") -> list[Finding]:
        """Findings that fail the check: blocking, not accepted (or never acceptable), under `prefix`."""
        if self.scanner is None:
            return []
        return [f for f in blocking(self.findings, self.accepted, self.scanner) if f.path.startswith(prefix)]

    @property
    def draft_count(self) -> int:
        return sum(1 for rel in self.drafts.pages if self.drafts.origin.get(rel) == "drafts")


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("check", help=HELP, description=HELP)


def collect(site: Site) -> CheckReport:
    content = build_view(site, ["content"])
    drafts = build_view(site, ["drafts", "content"])
    problems = list(content.problems) + [p for p in drafts.problems if p.path.startswith("drafts/")]
    for view, area in ((content, "content"), (drafts, "drafts")):
        problems += _page_problems(site, view, area) + _leftover_copies(view, area)
    problems.sort(key=lambda p: (p.path, p.line or 0, p.message))
    report = CheckReport(problems, content, drafts, scanner=Scanner(site))
    for view, area in ((content, "content"), (drafts, "drafts")):
        mine = [rel for rel in [*view.pages, *view.assets] if view.origin.get(rel) == area]
        report.findings += files_findings(report.scanner, view, mine)
    if report.findings:
        report.accepted = all_accepted(derive(site))
    report.findings.sort(key=lambda f: (f.path, f.line or 0, f.pdf_page or 0, f.detector))
    return report


def _page_problems(site: Site, view: View, area: str) -> list[Problem]:
    problems = []
    for rel, page in view.pages.items():
        if view.origin.get(rel) != area:
            continue
        if rel == site.dip_page:
            problems.append(Problem(page.display, None, "halaman ini dibuat otomatis oleh ppid; hapus berkas ini"))
        for check in PAGE_CHECKS:
            problems.extend(check(site, page, view))
    return problems


def _leftover_copies(view: View, area: str) -> list[Problem]:
    """Copies `ppid clean` wrote for the user to look at must not be published by accident."""
    return [Problem(f"{area}/{rel}", None, "salinan hasil 'ppid clean' belum diterapkan: periksa, lalu jalankan "
                    "'ppid clean BERKAS_ASLI --terapkan', atau hapus salinan ini")
            for rel in view.assets if view.origin.get(rel) == area and ".bersih." in rel]


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
