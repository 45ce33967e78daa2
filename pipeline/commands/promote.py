"""`ppid promote`: move every fully approved change into content/, all at once or not at all."""

from __future__ import annotations

import argparse

from ..changes import linked_files
from ..checks.findings import Finding
from ..gate import accepted_in, blocking, change_findings
from ..scan import Scanner
from ..promotion import Plan, apply
from ..site import Site
from ..state import Pending, SiteState, derive

HELP = "pindahkan semua perubahan yang telah disetujui lengkap ke content/"


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("promote", help=HELP, description=HELP)


def plan_for(state: SiteState, ready: list[Pending]) -> Plan:
    plan = Plan()
    drafts = state.snap.drafts
    removed = {p.change.page for p in ready if p.change.kind == "remove"}
    for item in ready:
        change = item.change
        if change.kind == "remove":
            plan.delete.add(change.page)
            continue
        for rel in change.digest.files:
            if drafts.origin.get(rel) == "drafts":
                source = drafts.pages[rel].source if rel in drafts.pages else drafts.assets[rel]
                plan.write[rel] = source
                plan.clear_drafts.add(source)
    plan.delete |= _orphans(state, removed)
    return plan


def _orphans(state: SiteState, removed: set[str]) -> set[str]:
    """Attachments only the removed pages linked."""
    content = state.snap.content
    if not removed:
        return set()
    still = {rel for page, p in content.pages.items() if page not in removed for rel in linked_files(p, content)}
    gone = {rel for page in removed for rel in state.snap.content_digests[page].files if rel != page}
    return gone - still


def held_back(site: Site, state: SiteState, ready: list[Pending]) -> dict[str, list[Finding]]:
    """Approved changes that still carry findings the Koordinator did not accept."""
    scanner = Scanner(site)
    held = {}
    for item in ready:
        accepted = accepted_in(item.chain)
        left = blocking(change_findings(scanner, state, item.change), accepted, scanner)
        if left:
            held[item.change.page] = left
    return held


def run(args: argparse.Namespace, site: Site) -> int:
    state = derive(site)
    approved = [p for p in state.pending if p.chain.state == "approved"]
    held = held_back(site, state, approved)
    for page, findings in held.items():
        print(f"{page}: DITAHAN — {len(findings)} temuan belum diterima Koordinator:")
        for finding in findings:
            print(f"    {finding}")
    ready = [p for p in approved if p.change.page not in held]
    waiting = [p for p in state.pending if p.chain.state != "approved"]
    if not ready:
        print(f"Tidak ada perubahan yang siap dipromosikan ({len(waiting)} masih menunggu; lihat 'ppid status').")
        return 1 if held else 0
    apply(site.content_dir, site.drafts_dir, plan_for(state, ready), site.work_dir)
    site.forget()
    for item in ready:
        verb = {"add": "ditambahkan", "edit": "diperbarui", "remove": "dihapus"}[item.change.kind]
        print(f"{item.change.page}: {verb}")
    print(f"ppid promote: {len(ready)} perubahan masuk ke content/; {len(waiting)} masih menunggu"
          f"{f', {len(held)} ditahan karena temuan' if held else ''}. Commit hasilnya, lalu terbitkan.")
    return 1 if held else 0
