"""What the SOP asks of each role now: obligations due or overdue, with dates (shown by `ppid status`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import tanggal
from ..errors import PpidError
from ..site import Site
from ..trust.records import now_utc
from ..trust.registry import Policy, Registry
from .minutes import all_minutes
from .periods import half_of, local_day, month_of, next_quarter, quarter_of
from .plans import all_plans
from .requests import all_requests
from .settings import load_settings


@dataclass(frozen=True)
class Duty:
    role: str
    what: str
    due: dt.date
    overdue: bool


def duties(site: Site, registry: Registry, policy: Policy, now: dt.datetime) -> tuple[list[Duty], list[str]]:
    """The obligations, and why any records/ document was not counted."""
    zone, today = site.timezone, local_day(now, site.timezone)
    settings = load_settings(site.root)
    found: list[Duty] = []
    plan_docs, problems = all_plans(site, registry, policy, now)
    minutes, minute_problems = all_minutes(site, registry, policy, now)
    requests, request_problems = all_requests(site, registry, policy, now)
    plans = {d.id: d for d in plan_docs}
    for quarter in (quarter_of(today), next_quarter(quarter_of(today))):
        doc = plans.get(quarter.code)
        if not (doc and doc.last("tandatangani")):
            due = quarter.start_day() - dt.timedelta(days=settings.plan_days_before)
            role = "koordinator" if doc and doc.last("susun") else "subkoordinator"
            found.append(Duty(role, f"rencana konten {quarter.title} ditandatangani untuk Lurah "
                                    f"('ppid rencana {'tandatangani' if doc else 'baru'} {quarter.code}')", due, due <= today))
    for doc in minutes:
        due = dt.date.fromisoformat(doc.body["tanggal"]) + dt.timedelta(days=settings.minutes_days)
        if not doc.last("catat"):
            found.append(Duty("subkoordinator", f"tandatangani notulen {doc.id} ('ppid notulen tandatangani {doc.id}')",
                              due, due < today))
        elif not doc.last("terima"):
            found.append(Duty("kepala_dinas", f"terima laporan notulen {doc.id} ('ppid notulen terima {doc.id}')",
                              due, due < today))
    for doc in requests:
        raised = local_day(doc.valid[0].time, zone)
        if doc.state == "ajukan":
            due = raised + dt.timedelta(days=settings.receipt_days)
            found.append(Duty("webdev", f"tanda terima permintaan {doc.id} ('ppid permintaan terima {doc.id}')", due, due < today))
        elif doc.state == "selesai":
            found.append(Duty(doc.valid[0].fields["peran"], f"verifikasi hasil permintaan {doc.id} oleh {doc.valid[0].by}",
                              local_day(doc.valid[-1].time, zone), False))
    month_end = month_of(today).end_day() - dt.timedelta(days=1)
    found.append(Duty("kepala_dinas", f"evaluasi bulanan Koordinator ('ppid laporan --periode {month_of(today).code}')",
                      month_end, False))
    half = half_of(today)
    found.append(Duty("koordinator", f"laporan evaluasi semester kepada Kepala Dinas ('ppid laporan --periode {half.code}')",
                      half.end_day() - dt.timedelta(days=1), False))
    return sorted(found, key=lambda d: (d.due, d.role)), problems + minute_problems + request_problems


def sop_duties(site: Site, state) -> tuple[list[Duty], list[str]]:
    """What `ppid status` shows of the SOP: the obligations, and every records/ document not counted (a broken
    records/ folder is a warning, never a crash)."""
    try:
        return duties(site, state.registry, state.policy, now_utc())
    except PpidError as exc:
        return [], [f"kewajiban SOP tidak dapat dihitung: {exc}"]


def duty_rows(found: list[Duty]) -> list[dict]:
    return [{"role": d.role, "what": d.what, "due": d.due.isoformat(), "overdue": d.overdue} for d in found]


def print_sop_duties(site: Site, state) -> None:
    """The hook `ppid status` calls: one line per obligation, then a warning per document not counted."""
    found, problems = sop_duties(site, state)
    for duty in found:
        mark = "TERLAMBAT" if duty.overdue else "jatuh tempo"
        print(f"Kewajiban SOP ({state.policy.role_name(duty.role)}): {duty.what} — {mark} {tanggal(duty.due)}")
    for problem in problems:
        print(f"PERINGATAN: {problem}")
