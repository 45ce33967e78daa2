"""The whole check as `ppid check` runs it: every problem of content/ and drafts/ and every finding, at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from .checks.findings import Finding
from .checks.registry import PAGE_CHECKS
from .config import config_problems
from .content import Problem
from .errors import ConfigError
from .scan import Scanner
from .site import Site
from .trust.findings import all_accepted, blocking, files_findings
from .trust.state import derive
from .view import View, build_view


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


def collect(site: Site) -> CheckReport:
    """Never changes a file; findings accepted by approvals count as accepted (verified against the pinned root
    when there is one; without one the report says so through `verified`)."""
    content = build_view(site, ["content"])
    drafts = build_view(site, ["drafts", "content"])
    config = config_problems(site.root)
    if config:  # no check runs on a configuration that may have switched one off
        listing = "\n".join(f"  {p}" for p in config)
        raise ConfigError(f"{len(config)} masalah di site_config/; tidak ada pemeriksaan yang dijalankan:\n{listing}")
    problems = list(content.problems) + [p for p in drafts.problems if p.path.startswith("drafts/")]
    for view, area in ((content, "content"), (drafts, "drafts")):
        problems += _page_problems(site, view, area) + _leftover_copies(view, area)
    problems.sort(key=lambda p: (p.path, p.line or 0, p.message))
    report = CheckReport(problems, content, drafts, scanner=Scanner(site))
    for view, area in ((content, "content"), (drafts, "drafts")):
        mine = [rel for rel in [*view.pages, *view.assets] if view.origin.get(rel) == area]
        report.findings += files_findings(report.scanner, view, mine)
    if report.findings:
        report.accepted = all_accepted(derive(site, allow_unverified=True))
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
