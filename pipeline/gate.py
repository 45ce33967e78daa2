"""What holds a change back: findings of its page and files that the Koordinator has not accepted."""

from __future__ import annotations

from .changes import Change
from .checks.findings import BLOCK, Finding
from .scan import Scanner
from .state import SiteState
from .workflow import Chain
from .view import View


def files_findings(scanner: Scanner, view: View, rels) -> list[Finding]:
    """Findings of these paths as the view holds them (pages and attachments)."""
    found: list[Finding] = []
    for rel in sorted(rels):
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


def accepted_in(chain: Chain) -> set[str]:
    """Finding ids the Koordinator accepted in the chain's approval (none unless it is approved)."""
    if chain.state != "approved" or chain.approval is None:
        return set()
    return {str(i) for i in chain.approval.fields.get("accepted_findings") or []}


def accepted_ids(state: SiteState, page: str, digest: str) -> set[str]:
    """Finding ids the Koordinator accepted in the valid approval of exactly these bytes."""
    return accepted_in(state.chain(page, digest))


def blocking(findings: list[Finding], accepted: set[str], scanner: Scanner) -> list[Finding]:
    return [f for f in findings if f.severity == BLOCK and (f.id not in accepted or scanner.never_acceptable(f))]


def all_accepted(state: SiteState) -> set[str]:
    """Every acceptance currently in force: content pages' chains and approved pending changes."""
    ids: set[str] = set()
    for page, digest in state.snap.content_digests.items():
        ids |= accepted_ids(state, page, digest.value)
    for item in state.pending:
        ids |= accepted_in(item.chain)
    return ids
