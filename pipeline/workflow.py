"""The rules: which records count, the state of each change, and who must act next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from .registry import Policy, Registry
from .reviews import Record

# States a change can be in, with what users read.
STATE_NAMES = {
    "draft": "draf, belum diajukan",
    "submitted": "diajukan, menunggu tinjauan Sub Koordinator",
    "changes_requested": "perlu perbaikan",
    "reviewed": "ditinjau, menunggu persetujuan Koordinator",
    "rejected": "ditolak Koordinator",
    "approved": "disetujui, siap dipromosikan",
}
NEXT_ROLE = {"draft": "operator", "submitted": "subkoordinator", "changes_requested": "operator",
             "reviewed": "koordinator", "rejected": "operator", "approved": None}


@dataclass
class Chain:
    """The state of one (page, hash) from its records, and every record that did not count and why."""

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


def record_problem(record: Record, registry: Registry, policy: Policy, step: str) -> str | None:
    """Why this record does not count for `step`, or None: signature, key validity, role."""
    problem = record.signature_problem(registry)
    if problem:
        return problem
    person = registry.people[record.reviewer]
    if record.role not in person.roles:
        return f"{person.id} tidak terdaftar dengan peran '{record.role}'"
    if record.role not in policy.steps[step]:
        allowed = ", ".join(policy.role_name(r) for r in policy.steps[step])
        return f"peran '{policy.role_name(record.role)}' tidak boleh melakukan langkah ini (hanya: {allowed})"
    return person.valid_at(record.time)


def evaluate(records: list[Record], digest: str, registry: Registry, policy: Policy,
             void_before: dt.datetime | None = None,
             review_check: Callable[[Record], str | None] | None = None) -> Chain:
    """Walk the records of one page for one hash, in time order, applying every rule.
    `review_check` says why a review does not count on its own evidence (the preview it cites)."""
    chain = Chain()
    for record in sorted((r for r in records if r.digest == digest), key=lambda r: r.time):
        if record.action == "withdraw":
            continue
        problem = record_problem(record, registry, policy, record.action) or _order_problem(chain, record, void_before)
        if not problem and record.action == "review" and review_check:
            problem = review_check(record)
        if problem:
            chain.refused.append((record, problem))
            continue
        _apply(chain, record)
    return chain


def _order_problem(chain: Chain, record: Record, void_before: dt.datetime | None) -> str | None:
    if void_before and record.time <= void_before:
        return "dibuat sebelum halaman ini ditarik/dihapus; tidak berlaku lagi"
    if record.action == "submit":
        return None
    if chain.submit is None:
        return "tidak ada pengajuan sah sebelumnya untuk isi ini"
    if record.reviewer == chain.author:
        return f"{record.reviewer} adalah pengaju perubahan ini; pengaju tidak boleh meninjau atau menyetujui"
    if record.action == "review":
        return None if record.time > chain.submit.time else "tinjauan bertanggal sebelum pengajuan"
    # approve
    if chain.review is None or chain.state not in ("reviewed", "approved", "rejected"):
        return "belum ada tinjauan Sub Koordinator yang menyetujui sebelum persetujuan ini"
    if record.reviewer == chain.review.reviewer:
        return f"{record.reviewer} sudah meninjau perubahan ini; peninjau dan penyetuju harus orang yang berbeda"
    if record.time <= chain.review.time:
        return "persetujuan bertanggal sebelum tinjauan"
    return None


def _apply(chain: Chain, record: Record) -> None:
    if record.action == "submit":
        chain.state, chain.submit, chain.review, chain.approval = "submitted", record, None, None
    elif record.action == "review":
        chain.review, chain.approval = record, None
        chain.state = "reviewed" if record.decision == "approved" else "changes_requested"
    elif record.action == "approve":
        chain.approval = record
        chain.state = "approved" if record.decision == "approved" else "rejected"


def takedowns(records: list[Record], registry: Registry, policy: Policy) -> list[Record]:
    """Valid emergency withdrawals of a page (the Koordinator alone)."""
    return [r for r in records if r.action == "withdraw" and not record_problem(r, registry, policy, "withdraw")]


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
