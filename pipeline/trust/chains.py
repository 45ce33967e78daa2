"""The state of every change, replayed from the record log in log order.

A change is (subject, base, digest): the bytes decided on and what they replace (the live digest, or 'baru').
Its records count only after its base last became the approved state of the page: when a change b→d is fully
approved, every earlier chain based on d starts over (so A→B→A needs a new approval), an approved removal
starts over every chain of a new page, and an emergency withdrawal starts over every chain of the page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from .records import NEW_PAGE, Record
from .registry import Policy, Registry
from .rules import not_author, not_reviewer, record_problem

# States a change can be in, with what users read.
STATE_NAMES = {
    "draft": "draf, belum diajukan",
    "submitted": "diajukan, menunggu tinjauan Sub Koordinator",
    "changes_requested": "perlu perbaikan",
    "reviewed": "ditinjau, menunggu persetujuan Koordinator",
    "rejected": "ditolak Koordinator",
    "approved": "disetujui, siap dipromosikan",
}
NEXT_STEP = {"draft": "submit", "submitted": "review", "changes_requested": "submit", "reviewed": "approve",
             "rejected": "submit", "approved": None}


@dataclass
class Chain:
    """The state of one change from its records, and every record that did not count and why."""

    state: str = "draft"
    submit: Record | None = None
    review: Record | None = None
    approval: Record | None = None
    refused: list[tuple[Record, str]] = field(default_factory=list)

    @property
    def approved_at(self) -> dt.datetime | None:
        return self.approval.time if self.state == "approved" and self.approval else None

    @property
    def author(self) -> str | None:
        return self.submit.reviewer if self.submit else None

    @property
    def accepted_findings(self) -> frozenset[str]:
        """Finding ids the Koordinator accepted in this chain's approval (none unless it is approved)."""
        return self.approval.accepted_findings if self.state == "approved" and self.approval else frozenset()


@dataclass
class Completion:
    """A change that became fully approved, at its place in the log."""

    position: int
    base: str
    digest: str
    change: str
    record: Record


@dataclass
class History:
    """One subject's chains after replaying its records, and the approvals that completed, in log order."""

    chains: dict[tuple[str, str], Chain] = field(default_factory=dict)
    completions: list[Completion] = field(default_factory=list)
    withdrawals: list[tuple[int, Record]] = field(default_factory=list)

    def chain(self, base: str, digest: str) -> Chain:
        return self.chains.get((base, digest)) or Chain()

    def last_reset(self) -> int:
        """Position of the last withdrawal or approved removal (-1 when none)."""
        marks = [p for p, _ in self.withdrawals] + [c.position for c in self.completions if c.change == "remove"]
        return max(marks, default=-1)

    def live_approval(self, digest: str) -> Completion | None:
        """The approval that makes `digest` a valid live version: the latest completion with that target,
        if no withdrawal or approved removal came after it."""
        found = [c for c in self.completions if c.digest == digest and c.change != "remove"]
        if not found or found[-1].position < self.last_reset():
            return None
        return found[-1]


def replay(records: list[tuple[int, Record]], registry: Registry, policy: Policy,
           review_check: Callable[[Record], str | None] | None = None) -> History:
    """Apply every rule to one subject's counted records, in log order."""
    history = History()
    for position, record in records:
        problem = record_problem(record, registry, policy)
        key = (record.base, record.digest)
        if record.action == "withdraw":
            if problem:
                history.chains.setdefault(key, Chain()).refused.append((record, problem))
                continue
            history.withdrawals.append((position, record))
            history.chains.clear()
            continue
        chain = history.chains.setdefault(key, Chain())
        problem = problem or _order_problem(chain, record, registry)
        if not problem and record.action in ("review", "release_check") and review_check:
            problem = review_check(record)
        if problem:
            chain.refused.append((record, problem))
            continue
        _apply(chain, record)
        if chain.state == "approved" and record.action in ("approve", "release_approve"):
            _complete(history, Completion(position, record.base, record.digest, record.change, record))
    return history


def _complete(history: History, done: Completion) -> None:
    """Chains that were waiting on the state this approval replaces start over."""
    restart = NEW_PAGE if done.change == "remove" else done.digest
    for key in [k for k in history.chains if k[0] == restart and k != (done.base, done.digest)]:
        del history.chains[key]
    history.completions.append(done)


def _order_problem(chain: Chain, record: Record, registry: Registry) -> str | None:
    step = record.action.removeprefix("release_")
    if step == "submit":
        return None
    if chain.submit is None and record.action in ("review", "approve"):
        return "tidak ada pengajuan sah sebelumnya untuk isi ini"
    author = not_author(record.reviewer, chain.author, registry)
    if author:
        return author
    if step in ("review", "check"):
        return None
    if chain.review is None or chain.state not in ("reviewed", "approved", "rejected"):
        return "belum ada tinjauan Sub Koordinator yang menyetujui sebelum persetujuan ini"
    return not_reviewer(record.reviewer, chain.review.reviewer, registry)


def _apply(chain: Chain, record: Record) -> None:
    if record.action == "submit":
        chain.state, chain.submit, chain.review, chain.approval = "submitted", record, None, None
    elif record.action in ("review", "release_check"):
        chain.review, chain.approval = record, None
        chain.state = "reviewed" if record.decision == "approved" else "changes_requested"
    elif record.action in ("approve", "release_approve"):
        chain.approval = record
        chain.state = "approved" if record.decision == "approved" else "rejected"


def explain(chain: Chain, policy: Policy) -> str:
    """Why the chain is where it is, in Bahasa Indonesia."""
    if chain.state == "approved":
        return "semua persetujuan lengkap"
    parts = {
        "draft": "belum ada pengajuan (ppid submit) untuk isi saat ini",
        "submitted": "menunggu tinjauan Sub Koordinator pada pratinjau luring (ppid review)",
        "changes_requested": f"Sub Koordinator meminta perbaikan: {chain.review.comment if chain.review else ''}".strip(),
        "reviewed": "menunggu persetujuan Koordinator (ppid approve)",
        "rejected": f"ditolak Koordinator: {chain.approval.comment if chain.approval else ''}".strip(),
    }
    text = parts[chain.state]
    for record, why in chain.refused:
        text += f"; rekaman {record.display} tidak dihitung: {why}"
    return text
