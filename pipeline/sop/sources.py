"""Everything the forms and reports read, loaded once: the record log's page changes and releases, the SOP
records (plans, minutes, requests) and the publication log. Nothing here is typed by hand: every row comes from a
signed record or from the publication log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PpidError
from ..publish.publog import LOG_DIR, parse_log
from ..site import Site
from ..trust.log import RecordLog, load_log
from ..trust.records import Record, parse_time, unusable_file
from ..trust.registry import Policy, Registry
from ..trust.root import trusted_config
from ..view import build_view
from .minutes import all_minutes
from .plans import all_plans
from .requests import all_requests
from .settings import SopSettings, load_settings
from .signed import Document

MAX_LOG_BYTES = 64 * 1024 * 1024

@dataclass
class ChangeRow:
    """One page change (page, base, digest) through the review chain, in log order."""

    page: str
    kind: str
    digest: str
    submit: Record | None = None
    reviews: list[Record] = field(default_factory=list)
    approve: Record | None = None         # the approval that completed it
    refusals: list[Record] = field(default_factory=list)  # changes requested or rejected
    published: dt.datetime | None = None

    @property
    def review(self) -> Record | None:
        """The review that let it through (else the first review)."""
        passed = [r for r in self.reviews if r.decision == "approved"]
        return passed[-1] if passed else (self.reviews[0] if self.reviews else None)


@dataclass(frozen=True)
class Publication:
    time: dt.datetime
    action: str       # publish | rollback | takedown
    release: str
    approver: str


@dataclass
class Sources:
    site: Site
    now: dt.datetime
    registry: Registry
    policy: Policy
    settings: SopSettings
    log: RecordLog
    changes: list[ChangeRow]
    releases: dict[str, Record]            # release id -> the Koordinator's approval record
    withdrawals: list[Record]
    plans: list[Document]
    minutes: list[Document]
    requests: list[Document]
    publications: list[Publication]
    publications_found: bool
    broken_logs: list[str]                 # publication logs that could not be read (tampered, damaged)
    problems: list[str]

    @property
    def zone(self) -> str:
        return self.site.timezone

    def plan_refs(self) -> dict[str, set[str]]:
        """Plan item ('2026-T4#3') -> the pages in content/ and drafts/ whose front matter names it."""
        found: dict[str, set[str]] = {}
        for page in build_view(self.site, ["drafts", "content"]).pages.values():
            ref = page.meta.get("rencana")
            if isinstance(ref, str):
                found.setdefault(ref, set()).add(page.rel)
        return found

    def name(self, person: str) -> str:
        found = self.registry.people.get(person)
        return found.name if found else person


def read_publications(root: Path) -> tuple[list[Publication], bool, list[str], list[str]]:
    """The adapter to the publication log (pipeline/publish/publog.py: one hash-chained JSON-lines file per target
    under records/publikasi/): its entries, whether any log exists, why a log could not be read, and which logs
    those are (a broken log is reported and left out, never half-read)."""
    folder = root / LOG_DIR
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    found, problems, broken = [], [], []
    for path in files:
        display = path.relative_to(root).as_posix()
        try:
            found += _log_entries(path, display)
        except PpidError as exc:
            problems.append(str(exc))
            broken.append(display)
    return sorted(found, key=lambda p: p.time), bool(files), problems, broken


def _log_entries(path: Path, display: str) -> list[Publication]:
    why = unusable_file(path.lstat(), MAX_LOG_BYTES)
    if why:
        raise PpidError(f"{display}: tidak dapat dibaca ({why})")
    found: list[Publication] = []
    for number, entry in enumerate(parse_log(path.read_bytes(), display), 1):
        try:
            when = parse_time(entry.time)
        except ValueError:
            raise PpidError(f"{display}:{number}: waktu '{entry.time}' tidak dapat dibaca (log diubah?)") from None
        if found and when < found[-1].time:
            raise PpidError(f"{display}:{number}: waktu {entry.time} lebih awal dari baris sebelumnya (log diubah?)")
        found.append(Publication(when, entry.action, entry.release, entry.approver))
    return found


def page_changes(log: RecordLog) -> tuple[list[ChangeRow], dict[str, Record], list[Record]]:
    rows: dict[tuple[str, str, str], list[ChangeRow]] = {}
    releases: dict[str, Record] = {}
    withdrawals: list[Record] = []
    for record in log.counted:
        if record.action == "release_approve" and record.decision == "approved":
            releases.setdefault(record.digest, record)
        if record.action == "withdraw":
            withdrawals.append(record)
        if record.action not in ("submit", "review", "approve"):
            continue
        chain = rows.setdefault((record.page, record.base, record.digest), [])
        if not chain or (chain[-1].approve is not None and record.action == "submit"):
            chain.append(ChangeRow(record.page, record.change, record.digest))  # the same bytes again: a new change
        row = chain[-1]
        if row.approve is not None:
            continue
        if record.action == "submit":
            row.submit = row.submit or record
        elif record.action == "review":
            row.reviews.append(record)
        elif record.decision == "approved":
            row.approve = record
        if record.decision in ("changes_requested", "rejected"):
            row.refusals.append(record)
    return [row for chain in rows.values() for row in chain], releases, withdrawals


def load_sources(site: Site, now: dt.datetime, root_key: Path | None = None) -> Sources:
    config = trusted_config(site.root, root_key)
    registry, policy = config.registry, config.policy
    log = load_log(site.root, site.reviews_dir, registry, now)
    changes, releases, withdrawals = page_changes(log)
    plans, plan_problems = all_plans(site, registry, policy, now)
    minutes, minute_problems = all_minutes(site, registry, policy, now)
    requests, request_problems = all_requests(site, registry, policy, now)
    publications, found, pub_problems, broken = read_publications(site.root)
    publish_times = [p.time for p in publications if p.action == "publish"]
    for row in changes:
        if row.approve:
            row.published = next((t for t in publish_times if t >= row.approve.time), None)
    problems = [str(p) for p in log.problems] + plan_problems + minute_problems + request_problems + pub_problems
    return Sources(site, now, registry, policy, load_settings(site.root), log, changes, releases, withdrawals,
                   plans, minutes, requests, publications, found, broken, problems)
