"""`ppid check`: validate every page in content/ and drafts/, report every problem at once."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..checks.registry import PAGE_CHECKS
from ..content import Problem
from ..site import Site
from ..view import View, build_view

HELP = "periksa semua halaman di content/ dan drafts/ (skema, tanggal, tautan, lampiran, ukuran)"


@dataclass
class CheckReport:
    problems: list[Problem]
    content: View
    drafts: View

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
        for rel, page in view.pages.items():
            if view.origin.get(rel) != area:
                continue
            if rel in (site.dip_page,):
                problems.append(Problem(page.display, None, "halaman ini dibuat otomatis oleh ppid; hapus berkas ini"))
            for check in PAGE_CHECKS:
                problems.extend(check(site, page, view))
    problems.sort(key=lambda p: (p.path, p.line or 0, p.message))
    return CheckReport(problems, content, drafts)


def run(args: argparse.Namespace, site: Site) -> int:
    report = collect(site)
    for problem in report.problems:
        print(problem)
    if report.problems:
        files = len({p.path for p in report.problems})
        print(f"ppid check: {len(report.problems)} masalah di {files} berkas; perbaiki lalu jalankan lagi.")
        return 1
    print(f"ppid check: bersih — {len(report.content.pages)} halaman dan {len(report.content.assets)} "
          f"berkas di content/, {report.draft_count} draf di drafts/.")
    return 0
