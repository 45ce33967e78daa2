"""The SOP's mutu baku, line by line, for a period: each obligation that fell due, done on time, late or missing.

Due dates are in the agency's time zone; an obligation whose deadline is after the report's cut-off (the end of
the period, or now) and not yet met is 'belum jatuh tempo' and counts for nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..dates import tanggal
from .periods import Period, local_day, local_midnight, quarter_of
from .sources import Sources

ON_TIME, LATE, MISSING, PENDING = "tepat waktu", "terlambat", "tidak ada", "belum jatuh tempo"


@dataclass(frozen=True)
class Item:
    what: str
    deadline: dt.datetime
    done: dt.datetime | None
    status: str
    where: str = ""


@dataclass
class Line:
    key: str
    name: str
    frequency: str
    items: list[Item] = field(default_factory=list)
    note: str = ""

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def due(self) -> int:
        return sum(1 for i in self.items if i.status != PENDING)

    def faults(self) -> list[Item]:
        return [i for i in self.items if i.status in (LATE, MISSING)]


def judge(what: str, deadline: dt.datetime, done: dt.datetime | None, cutoff: dt.datetime, where: str = "") -> Item:
    if done is not None:
        return Item(what, deadline, done, ON_TIME if done <= deadline else LATE, where)
    return Item(what, deadline, None, MISSING if deadline <= cutoff else PENDING, where)


def cutoff_of(period: Period, src: Sources) -> dt.datetime:
    return min(src.now, period.end(src.zone))


def quality_lines(period: Period, src: Sources) -> list[Line]:
    cutoff = cutoff_of(period, src)
    return [plan_line(period, src, cutoff), update_line(period, src, cutoff), review_line(period, src, cutoff),
            online_line(period, src), minutes_line(period, src, cutoff), receipt_line(period, src, cutoff)]


def plan_line(period: Period, src: Sources, cutoff: dt.datetime) -> Line:
    line = Line("rencana", "Daftar konten yang akan dipublikasikan, ditandatangani Koordinator, diserahkan ke Lurah",
                "setiap 3 bulan (sebelum triwulan dimulai)")
    plans = {d.id: d for d in src.plans}
    quarters = period.quarters() if period.kind != "bulan" else [quarter_of(period.start_day())]
    for quarter in quarters:
        deadline = quarter.start(src.zone) - dt.timedelta(days=src.settings.plan_days_before)
        doc = plans.get(quarter.code)
        signed = doc.last("tandatangani") if doc else None
        line.items.append(judge(f"Rencana {quarter.title}", deadline, signed.time if signed else None, cutoff,
                                doc.display if doc else f"records/rencana/{quarter.code}.yml"))
    return line


def update_line(period: Period, src: Sources, cutoff: dt.datetime) -> Line:
    line = Line("pembaruan", "Konten / pembaruan konten disetujui Koordinator", "setiap bulan")
    approvals = sorted(r.approve.time for r in src.changes if r.approve)
    for month in period.month_list():
        start, end = month.start(src.zone), month.end(src.zone)
        if start > cutoff:
            continue
        first = next((t for t in approvals if start <= t < end), None)
        line.items.append(judge(f"Pembaruan {month.title}", end, first, cutoff))
    return line


def review_line(period: Period, src: Sources, cutoff: dt.datetime) -> Line:
    days = src.settings.review_days
    line = Line("tinjauan", f"Pratinjau luring diperiksa Sub Koordinator (paling lambat {days} hari setelah diajukan)",
                "sesuai jadwal")
    submits_by_page: dict[str, list[dt.datetime]] = {}
    for row in src.changes:
        if row.submit:
            submits_by_page.setdefault(row.page, []).append(row.submit.time)
    for row in src.changes:
        if not row.submit or not period.contains(row.submit.time, src.zone):
            continue
        deadline = row.submit.time + dt.timedelta(days=days)
        first = row.reviews[0].time if row.reviews else None
        replaced = any(row.submit.time < t <= max(deadline, cutoff) for t in submits_by_page[row.page])
        if first is None and replaced:
            continue  # a newer draft of the page replaced this one before anyone had to look at it
        line.items.append(judge(f"{row.page} (diajukan {tanggal(local_day(row.submit.time, src.zone))})", deadline, first, cutoff,
                                row.submit.display))
    return line


def online_line(period: Period, src: Sources) -> Line:
    line = Line("daring", "Setiap perubahan daring disetujui Koordinator sebelum tayang", "sesuai jadwal")
    if not src.publications_found:
        line.note = "belum ada publikasi tercatat"
        return line
    for display in src.broken_logs:  # what a damaged log held cannot be shown approved: never a silent pass
        line.items.append(Item(f"Log publikasi {display} rusak; terbitan di dalamnya tidak dapat diperiksa",
                               cutoff_of(period, src), None, MISSING, display))
    for pub in src.publications:
        if pub.action != "publish" or not period.contains(pub.time, src.zone):
            continue
        approval = src.releases.get(pub.release)
        done = approval.time if approval and approval.time < pub.time else None
        line.items.append(Item(f"Terbit {pub.release[:16]} ({tanggal(local_day(pub.time, src.zone))})", pub.time, done,
                               ON_TIME if done else MISSING, approval.display if approval else ""))
    return line


def minutes_line(period: Period, src: Sources, cutoff: dt.datetime) -> Line:
    days = src.settings.minutes_days
    line = Line("notulen", f"Notulen rapat dilaporkan kepada Kepala Dinas (paling lambat {days} hari)", "sesuai jadwal")
    for doc in src.minutes:
        day = dt.date.fromisoformat(doc.body["tanggal"])
        if not period.start_day() <= day < period.end_day():
            continue
        deadline = local_midnight(day + dt.timedelta(days=days + 1), src.zone)
        received = doc.last("terima")
        line.items.append(judge(f"Notulen {tanggal(day)}", deadline, received.time if received else None, cutoff,
                                doc.display))
    return line


def receipt_line(period: Period, src: Sources, cutoff: dt.datetime) -> Line:
    days = src.settings.receipt_days
    line = Line("tanda_terima", f"Tanda terima Web Developer atas permintaan perubahan (paling lambat {days} hari)",
                "sesuai jadwal")
    for doc in src.requests:
        raised = doc.valid[0].time
        if not period.contains(raised, src.zone):
            continue
        received = doc.last("terima")
        line.items.append(judge(f"Permintaan {doc.id}: {doc.body['judul']}", raised + dt.timedelta(days=days),
                                received.time if received else None, cutoff, doc.display))
    return line
