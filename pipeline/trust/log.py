"""The record log: every signed decision, ordered by the hash DAG its records form.

Each record names in `prev` the ids (SHA-256 of the signed bytes) of the log heads its signer saw. Branches
that merge simply give a record several parents. From the DAG follow, without trusting any clock:
- a deleted record: a later record cites an id that no file holds (a deleted head is caught by the signed
  release that cites it, pipeline/trust/releases.py);
- order: a record's place is after everything it cites; a time earlier than a parent's is out of order;
- revocation: a key revoked in the root-signed registry as of a set of heads keeps only its records among
  or before those heads, whatever date the others carry.
Records that cannot count (unsigned, forged, out of order, future-dated, by a revoked key) are reported, named
by file, and otherwise ignored: they never block anyone else's decision."""

from __future__ import annotations

import datetime as dt
import heapq
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache
from ..errors import YamlError
from ..problems import shown_name
from .errors import RecordError
from .records import Record, now_utc, parse_record, record_files, unusable_file
from .registry import Registry

FUTURE_SLACK = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class LogProblem:
    display: str
    message: str
    fatal: bool  # the log itself is damaged (a record is missing): verify and every gate fail

    def __str__(self) -> str:
        return f"{self.display}: {self.message}"


@dataclass
class RecordLog:
    ordered: list[Record] = field(default_factory=list)        # authentic records in log order
    position: dict[str, int] = field(default_factory=dict)     # record id -> place in the log
    void: dict[str, str] = field(default_factory=dict)         # record id -> why it does not count
    problems: list[LogProblem] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)             # what the next record cites
    present: dict[str, str] = field(default_factory=dict)      # ids of files that are there but do not count
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def counted(self) -> list[Record]:
        return [r for r in self.ordered if r.id not in self.void]

    @property
    def fatal(self) -> list[LogProblem]:
        return [p for p in self.problems if p.fatal]

    def by_id(self, record_id: str) -> Record | None:
        index = self.position.get(record_id)
        return self.ordered[index] if index is not None else None

    def ancestors(self, ids: tuple[str, ...] | list[str]) -> set[str]:
        """The records among or before `ids` in the DAG."""
        seen: set[str] = set()
        stack = [i for i in ids if i in self.position]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(p for p in self.parents.get(current, ()) if p in self.position)
        return seen


def load_log(root: Path, reviews_dir: Path, registry: Registry, now: dt.datetime | None = None) -> RecordLog:
    log = RecordLog()
    authentic = _authentic(root, reviews_dir, registry, log)
    _order(authentic, log)
    _missing_parents(log)
    _void_out_of_order(log, now or now_utc())
    _void_revoked(log, registry)
    _void_outside_validity(log, registry)
    _registry_not_older(log, registry)
    log.heads = _heads(log)
    return log


def _split(message: str) -> tuple[str, str]:
    display, _, rest = message.partition(": ")
    return display, rest or message


def _authentic(root: Path, reviews_dir: Path, registry: Registry, log: RecordLog) -> dict[str, Record]:
    """Records signed by the registered key of the person they name; each copy of a record counted once.
    A file unchanged since it was verified with the same key is not parsed or verified again (the memo is an
    authenticated cache: it speeds this up and never decides)."""
    memo = cache.read_mapping(_memo_path(root))
    fresh: dict[str, dict] = {}
    found: dict[str, Record] = {}
    prefix = reviews_dir.relative_to(root).as_posix() + "/"
    for rel in record_files(reviews_dir):
        path, display = reviews_dir / rel, prefix + rel
        if shown_name(rel) != rel:  # ppid never writes such a name; it is shown escaped, never raw into a page
            log.problems.append(LogProblem(shown_name(display), "nama berkas berisi bita yang bukan teks atau karakter "
                                           "kendali; bukan rekaman ppid, diabaikan (ganti namanya atau hapus)", False))
            continue
        try:
            info = os.lstat(path)
        except OSError as exc:
            log.problems.append(LogProblem(display, f"tidak dapat dibaca ({exc.strerror}); diabaikan", False))
            continue
        why = unusable_file(info)
        if why:
            log.problems.append(LogProblem(display, f"{why}; diabaikan", False))
            continue
        key = f"{display}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}"
        entry = memo.get(key)
        person = registry.people.get(entry["fields"].get("reviewer", "")) if entry else None
        if entry and person and person.fingerprint == entry.get("key") and entry.get("id"):
            record = Record(display, entry["fields"], entry["signature"])
            record.__dict__["id"] = entry["id"]  # cached_property: the id was computed when it was verified
        else:
            record = _verified(root, path, display, registry, log)
            if record is None:
                continue
            entry = {"fields": record.fields, "signature": record.signature, "id": record.id,
                     "key": registry.people[record.reviewer].fingerprint}
        fresh[key] = entry
        if record.id in found:
            log.problems.append(LogProblem(record.display, f"salinan dari {found[record.id].display}; dihitung sekali", False))
            continue
        found[record.id] = record
    if fresh.keys() != memo.keys():
        cache.write_mapping(_memo_path(root), fresh)
    return found


def _verified(root: Path, path: Path, display: str, registry: Registry, log: RecordLog) -> Record | None:
    try:
        record = parse_record(root, path, display)
    except (RecordError, YamlError) as exc:
        log.problems.append(LogProblem(*_split(str(exc)), fatal=False))
        return None
    person = registry.people.get(record.reviewer)
    if person is None:
        log.present[record.id] = "penandatangannya tidak terdaftar lagi di registri"
        log.problems.append(LogProblem(display, f"penanda tangan '{record.reviewer}' tidak terdaftar di "
                                       "site_config/reviewers.yml; rekaman ini diabaikan (orang yang berhenti: cabut "
                                       "kuncinya dengan 'ppid keys revoke', jangan hapus dari registri)", False))
        return None
    problem = record.signature_problem(person.key)
    if problem:
        log.present[record.id] = "tanda tangannya tidak sah"
        log.problems.append(LogProblem(display, f"{problem}; rekaman ini diabaikan (dipalsukan atau diubah "
                                       "setelah ditandatangani)", False))
        return None
    return record


def _memo_path(root: Path) -> Path:
    return root / ".ppid" / "cache" / "log.json"


def _order(records: dict[str, Record], log: RecordLog) -> None:
    """Topological order of the DAG (a record after everything it cites), ties by time then id."""
    children: dict[str, list[str]] = {i: [] for i in records}
    waiting: dict[str, int] = {}
    for rid, record in records.items():
        present = [p for p in record.prev if p in records]
        log.parents[rid] = record.prev
        waiting[rid] = len(set(present))
        for parent in set(present):
            children[parent].append(rid)
    ready = [(records[i].time, i) for i, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    while ready:
        _, rid = heapq.heappop(ready)
        log.position[rid] = len(log.ordered)
        log.ordered.append(records[rid])
        for child in children[rid]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, (records[child].time, child))


def _missing_parents(log: RecordLog) -> None:
    for record in log.ordered:
        for parent in record.prev:
            short = parent.removeprefix("sha256:")[:16]
            if parent in log.present:
                log.problems.append(LogProblem(record.display, f"mengutip rekaman {short} yang ada tetapi tidak dihitung "
                                               f"({log.present[parent]})", False))
            elif parent not in log.position:
                log.problems.append(LogProblem(record.display, f"(ditandatangani {record.reviewer}) mengutip rekaman {short} "
                                               "yang tidak ada di reviews/: sebuah rekaman keputusan telah dihapus, atau "
                                               "penanda tangan ini mengutip rekaman yang tidak pernah ada. Pulihkan dari "
                                               "riwayat git (git log --diff-filter=D -- reviews/)", True))


def _void_out_of_order(log: RecordLog, now: dt.datetime) -> None:
    for record in log.ordered:
        if record.time > now + FUTURE_SLACK:
            log.void[record.id] = "bertanggal di masa depan"
        else:
            parents = [log.by_id(p) for p in record.prev if p in log.position]
            latest = max((p.time for p in parents), default=None)
            if latest is not None and record.time <= latest:
                log.void[record.id] = "bertanggal sebelum rekaman yang dikutipnya (urutan log tidak cocok)"
            elif any(p.id in log.void and log.void[p.id].startswith("bertanggal di masa") for p in parents):
                log.void[record.id] = "mengutip rekaman bertanggal di masa depan"
        if record.id in log.void:
            log.problems.append(LogProblem(record.display, f"{log.void[record.id]}; rekaman ini tidak dihitung", False))


def _void_revoked(log: RecordLog, registry: Registry) -> None:
    for person in registry.people.values():
        if not person.is_revoked:
            continue
        kept = log.ancestors(person.revoked_after or ())
        for record in log.ordered:
            if record.reviewer == person.id and record.id not in kept and record.id not in log.void:
                log.void[record.id] = f"kunci {person.id} telah dicabut sebelum rekaman ini masuk log"
                log.problems.append(LogProblem(record.display, f"{log.void[record.id]}; rekaman ini tidak dihitung", False))


def _void_outside_validity(log: RecordLog, registry: Registry) -> None:
    for record in log.ordered:
        problem = registry.people[record.reviewer].valid_at(record.time)
        if problem and record.id not in log.void:
            log.void[record.id] = problem
            log.problems.append(LogProblem(record.display, f"{problem}; rekaman ini tidak dihitung", False))


def _registry_not_older(log: RecordLog, registry: Registry) -> None:
    """A record signed under a newer registry than the one here means the registry went back in time (a
    revocation undone by restoring an older, still root-signed file)."""
    newest = max(log.ordered, key=lambda r: r.fields.get("registry") or 0, default=None)
    if newest is not None and (newest.fields.get("registry") or 0) > registry.version:
        log.problems.append(LogProblem("site_config/reviewers.yml", f"versi {registry.version} lebih lama dari versi "
                                       f"{newest.fields['registry']} yang dipakai {newest.display}: registri dikembalikan "
                                       "ke versi lama (pencabutan kunci mungkin dibatalkan). Pulihkan versi terbaru dari "
                                       "riwayat git", True))


def _heads(log: RecordLog) -> list[str]:
    """Records nothing later cites: future-dated and out-of-order ones are never built upon."""
    usable = [r for r in log.ordered if not log.void.get(r.id, "").startswith(("bertanggal", "mengutip"))]
    cited = {p for r in usable for p in r.prev}
    return sorted(r.id for r in usable if r.id not in cited)
