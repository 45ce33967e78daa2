"""The evaluation report for a month (the Kepala Dinas' evaluation of the Koordinator) or a half year (the
Koordinator's report to the Kepala Dinas): the mutu baku lines, lead times with charts, plan coverage, findings,
change requests, publications; HTML for Chromium to print."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from html import escape

from ..dates import tanggal, waktu
from .charts import bars
from .forms import update_rows
from .html import Markup, page, table
from .periods import Period, local_day
from .quality import LATE, MISSING, ON_TIME, PENDING, Line, quality_lines
from .requests import STATES
from .sources import Sources

STAGES = (("Diajukan → ditinjau", "submit", "review"), ("Ditinjau → disetujui", "review", "approve"),
          ("Disetujui → terbit", "approve", "published"))


@dataclass
class Report:
    period: Period
    lines: list[Line]
    lead_hours: dict[str, list[float]]
    covered: list[tuple[str, int, str, str]]     # plan, item number, title, how fulfilled ('' = not yet)
    outside_plan: list[str]
    findings: list[tuple[str, str, str, str]]    # page, raised, by, resolved
    requests: list[tuple]
    publications: dict[str, int]
    problems: list[str] = field(default_factory=list)


def _moment(row, stage: str):
    if stage == "published":
        return row.published
    record = row.review if stage == "review" else getattr(row, stage)
    return record.time if record else None


def lead_times(period: Period, src: Sources) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {name: [] for name, _, _ in STAGES}
    for row in src.changes:
        if not row.approve or not period.contains(row.approve.time, src.zone):
            continue
        for name, start, end in STAGES:
            a, b = _moment(row, start), _moment(row, end)
            if a and b:
                found[name].append((b - a).total_seconds() / 3600)
    return found


def coverage(period: Period, src: Sources) -> tuple[list[tuple[str, int, str, str]], list[str]]:
    """Plan items of the period's quarters and the approved change that fulfilled each (to the item's `halaman`, or
    to a page whose front matter names the item: `rencana: 2026-T4#3`); approved pages outside every plan."""
    codes = {q.code for q in period.quarters()} if period.kind != "bulan" else {f"{period.year}-T{(period.first_month - 1) // 3 + 1}"}
    approved = [r for r in src.changes if r.approve and period.contains(r.approve.time, src.zone)]
    naming = src.plan_refs()
    items, planned = [], set()
    for doc in src.plans:
        signed = doc.last("tandatangani")
        if doc.id not in codes or not signed:
            continue
        for item in doc.body["butir"]:
            pages = {item.get("halaman")} | naming.get(f"{doc.id}#{item['nomor']}", set())
            planned |= pages
            done = next((r for r in src.changes if r.page in pages and r.approve
                         and r.approve.time >= signed.time - _QUARTER_SLACK), None)
            items.append((doc.id, item["nomor"], item["judul"],
                          f"{done.page}, disetujui {tanggal(local_day(done.approve.time, src.zone))}" if done else ""))
    outside = sorted({r.page for r in approved if r.page not in planned})
    return items, outside


_QUARTER_SLACK = dt.timedelta(days=92)  # work begun in the weeks before the plan was signed still counts


def findings(period: Period, src: Sources) -> list[tuple[str, str, str, str]]:
    rows = []
    for row in src.changes:
        for record in row.refusals:
            if not period.contains(record.time, src.zone):
                continue
            later = [r for r in src.changes if r.page == row.page and r.approve and r.approve.time > record.time]
            resolved = f"disetujui {tanggal(local_day(later[0].approve.time, src.zone))}" if later else "belum selesai"
            what = "perbaikan diminta" if record.decision == "changes_requested" else "ditolak"
            rows.append((row.page, f"{what}, {waktu(record.time, src.zone)}", src.name(record.reviewer), resolved))
    return rows


def request_rows(period: Period, src: Sources) -> list[tuple]:
    rows = []
    for doc in src.requests:
        raised = doc.valid[0]
        received, finished = doc.last("terima"), doc.last("selesai")
        if not period.contains(raised.time, src.zone) and not (finished and period.contains(finished.time, src.zone)):
            continue
        turnaround = f"{(finished.time - raised.time).total_seconds() / 86400:.1f} hari" if finished else "-"
        rows.append((doc.id, doc.body["judul"], src.name(raised.by), waktu(raised.time, src.zone),
                     waktu(received.time, src.zone) if received else "BELUM", STATES[doc.state],
                     finished.result if finished else "-", turnaround))
    return rows


def build_report(period: Period, src: Sources) -> Report:
    counts = {"publish": 0, "rollback": 0, "takedown": 0}
    for pub in src.publications:
        if period.contains(pub.time, src.zone):
            counts[pub.action] = counts.get(pub.action, 0) + 1
    counts["withdraw"] = sum(1 for r in src.withdrawals if period.contains(r.time, src.zone))
    covered, outside = coverage(period, src)
    return Report(period, quality_lines(period, src), lead_times(period, src), covered, outside, findings(period, src),
                  request_rows(period, src), counts, list(src.problems))


def _stats(values: list[float]) -> tuple:
    if not values:
        return (0, "-", "-", "-")
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return (len(values), _hours(statistics.median(ordered)), _hours(p90), _hours(ordered[-1]))


def _hours(value: float) -> str:
    return f"{value:.1f} jam" if value < 48 else f"{value / 24:.1f} hari"


def _status(line: Line) -> Markup:
    faults = line.count(LATE) + line.count(MISSING)
    css = "baik" if not faults else "buruk"
    return Markup(f'<span class="{css}">{"terpenuhi" if not faults else "tidak terpenuhi"}</span>')


def render(report: Report, src: Sources) -> str:
    period = report.period
    kind = ("Laporan Evaluasi Bulanan" if period.kind == "bulan" else "Laporan Evaluasi Semester")
    audience = ("evaluasi kinerja Koordinator oleh Kepala Dinas" if period.kind == "bulan"
                else "laporan Koordinator kepada Kepala Dinas atas seluruh kegiatan pengelolaan website")
    title = f"{kind} Pengelolaan Website PPID — {period.title}"
    summary = [(line.name, line.frequency, line.due, line.count(ON_TIME), line.count(LATE), line.count(MISSING),
                line.count(PENDING), _status(line) if line.due else (line.note or "tidak ada kewajiban"))
               for line in report.lines]
    faults = [(line.name, item.what, item.status, waktu(item.deadline, src.zone),
               waktu(item.done, src.zone) if item.done else "-", item.where)
              for line in report.lines for item in line.faults()]
    charts = "".join(bars(name, [("median", statistics.median(v)), ("maksimum", max(v))] if v else [], "jam")
                     for name, v in report.lead_hours.items())
    monthly = [(m.title, float(sum(1 for r in src.changes if r.approve and m.contains(r.approve.time, src.zone))))
               for m in period.month_list()]
    updates = update_rows(period, src)
    body = "".join([
        f"<h1>{escape(title)}</h1>",
        f"<p class=meta>{escape(src.site.settings.get('ppid_name', ''))} — {escape(audience)}.<br>Periode "
        f"{tanggal(period.start_day())} s.d. {tanggal(period.end_day() - dt.timedelta(days=1))}; "
        f"dibuat {escape(waktu(src.now, src.zone))} dari rekaman bertanda tangan.</p>",
        "<h2>1. Mutu baku SOP</h2>",
        table(("Keluaran", "Frekuensi", "Jatuh tempo", "Tepat waktu", "Terlambat", "Tidak ada", "Belum jatuh tempo",
               "Status"), summary, frozenset({2, 3, 4, 5, 6})),
        "<h2>2. Pelanggaran dan keterlambatan</h2>",
        table(("Keluaran", "Kewajiban", "Status", "Batas", "Dipenuhi", "Rekaman"), faults,
              empty="tidak ada pelanggaran pada periode ini"),
        "<h2>3. Waktu proses</h2>",
        table(("Tahap", "Jumlah", "Median", "Persentil 90", "Maksimum"),
              [(name, *_stats(v)) for name, v in report.lead_hours.items()], frozenset({1})),
        charts,
        bars("Perubahan disetujui per bulan", monthly, "perubahan"),
        "<h2>4. Cakupan rencana konten</h2>",
        table(("Rencana", "No", "Konten", "Terpenuhi"), [(p, n, t, how or "BELUM") for p, n, t, how in report.covered],
              empty="tidak ada rencana bertanda tangan untuk periode ini"),
        f"<p>Konten di luar rencana ({len(report.outside_plan)}): {escape(', '.join(report.outside_plan) or '-')}</p>",
        "<h2>5. Temuan tinjauan</h2>",
        table(("Halaman", "Temuan", "Oleh", "Penyelesaian"), report.findings, empty="tidak ada temuan pada periode ini"),
        "<h2>6. Permintaan perubahan kepada Web Developer</h2>",
        table(("Nomor", "Judul", "Pengaju", "Diajukan", "Tanda terima", "Status", "Hasil", "Penyelesaian"),
              report.requests, empty="tidak ada permintaan pada periode ini"),
        "<h2>7. Publikasi</h2>",
        _publications(report, src),
        f"<h2>8. Daftar update konten ({len(updates)})</h2>",
        table(("No", "Diajukan", "Halaman", "Jenis", "Operator", "Ditinjau", "Peninjau", "Disetujui", "Penyetuju",
               "Terbit"), updates, frozenset({0}), "tidak ada perubahan yang disetujui"),
        _problems(report),
    ])
    return page(title, body)


def _publications(report: Report, src: Sources) -> str:
    if not src.publications_found:
        return f"<p>Belum ada publikasi tercatat. Penarikan darurat (ppid withdraw): {report.publications['withdraw']}</p>"
    c = report.publications
    return table(("Terbit", "Dikembalikan (rollback)", "Diturunkan (takedown)", "Penarikan darurat halaman"),
                 [(c.get("publish", 0), c.get("rollback", 0), c.get("takedown", 0), c["withdraw"])], frozenset({0, 1, 2, 3}))


def _problems(report: Report) -> str:
    if not report.problems:
        return ""
    items = "".join(f"<li>{escape(p)}</li>" for p in report.problems[:50])
    more = f"<p>… dan {len(report.problems) - 50} lagi</p>" if len(report.problems) > 50 else ""
    return f"<h2>Catatan rekaman yang tidak dihitung</h2><ul class=kecil>{items}</ul>{more}"
