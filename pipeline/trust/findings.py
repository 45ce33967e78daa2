"""What holds a change back: findings of its page and files that the Koordinator has not accepted."""

from __future__ import annotations

from ..changes import Change
from ..checks.findings import BLOCK, Finding
from ..scan import Scanner
from ..view import View
from .chains import Chain
from .state import SiteState


def files_findings(scanner: Scanner, view: View, rels) -> list[Finding]:
    """Findings of these paths as the view holds them (pages and attachments)."""
    found: list[Finding] = []
    rels = sorted(rels)
    scanner.prefetch([view.pages[rel] for rel in rels if rel in view.pages])
    for rel in rels:
        area = view.origin.get(rel)
        if rel in view.pages:
            found += scanner.page(view.pages[rel])
        elif rel in view.assets:
            found += scanner.file(f"{area}/{rel}", view.assets[rel])
    return found


def change_findings(scanner: Scanner, state: SiteState, change: Change) -> list[Finding]:
    if change.kind == "remove":
        return []
    return files_findings(scanner, state.snap.drafts, change.digest.files)


def accepted_in(chain: Chain) -> frozenset[str]:
    return chain.accepted_findings


def blocking(findings: list[Finding], accepted: frozenset[str] | set[str], scanner: Scanner) -> list[Finding]:
    return [f for f in findings if f.severity == BLOCK and (f.id not in accepted or scanner.never_acceptable(f))]


def all_accepted(state: SiteState) -> set[str]:
    """Every acceptance currently in force: content pages' live approvals and approved pending changes."""
    ids: set[str] = set()
    for page, digest in state.snap.content_digests.items():
        ids |= state.accepted(page, digest)
    for item in state.pending:
        ids |= item.chain.accepted_findings
    return ids
