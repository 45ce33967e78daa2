"""The SOP's two forms for any period, generated from signed records and the publication log, never typed:
Form Daftar Update Konten (each completed change) and Form Persetujuan (each approval, its signer and hash)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..dates import waktu
from .html import page, table
from .periods import Period
from .sources import Sources

KINDS = {"add": "baru", "edit": "ubah", "remove": "hapus"}


@dataclass(frozen=True)
class Approval:
    time: str
    subject: str
    signer: str
    role: str
    digest: str
    record: str


def update_rows(period: Period, src: Sources) -> list[tuple]:
    """Every page change approved in the period, in order of approval."""
    done = sorted((r for r in src.changes if r.approve and period.contains(r.approve.time, src.zone)),
                  key=lambda r: r.approve.time)
    when = lambda record: waktu(record.time, src.zone) if record else "-"  # noqa: E731
    who = lambda record: src.name(record.reviewer) if record else "-"  # noqa: E731
    return [(n, when(r.submit), r.page, KINDS.get(r.kind, r.kind), who(r.submit), when(r.review), who(r.review),
             when(r.approve), who(r.approve), waktu(r.published, src.zone) if r.published else "belum terbit")
            for n, r in enumerate(done, 1)]


def approvals(period: Period, src: Sources) -> list[Approval]:
    """Every counted approval (of a page change or of a release) signed in the period."""
    found = []
    for record in src.log.counted:
        if record.action in ("approve", "release_approve") and record.decision == "approved" \
                and period.contains(record.time, src.zone):
            subject = record.page if record.action == "approve" else f"rilis {record.digest[:19]}"
            found.append(Approval(waktu(record.time, src.zone), subject, src.name(record.reviewer),
                                  src.policy.role_name(record.role), record.digest, record.display))
    return found


def _agency(src: Sources) -> str:
    return escape(src.site.settings.get("ppid_name", ""))  # site_config is text like any other, never markup


def update_form(period: Period, src: Sources) -> str:
    title = f"Form Daftar Update Konten — {period.title}"
    rows = update_rows(period, src)
    headers = ("No", "Diajukan", "Halaman", "Jenis", "Operator", "Ditinjau", "Peninjau", "Disetujui", "Penyetuju",
               "Terbit")
    body = (f"<h1>{escape(title)}</h1><p class=meta>{_agency(src)} — {len(rows)} perubahan; "
            f"dibuat dari rekaman bertanda tangan di reviews/ dan log publikasi, {waktu(src.now, src.zone)}</p>"
            + table(headers, rows, frozenset({0}), "tidak ada perubahan yang disetujui pada periode ini"))
    return page(title, body, landscape=True)


def approval_form(period: Period, src: Sources) -> str:
    title = f"Form Persetujuan — {period.title}"
    found = approvals(period, src)
    rows = [(n, a.time, a.subject, f"{a.signer} ({a.role})", a.digest.removeprefix("sha256:")[:16], a.record)
            for n, a in enumerate(found, 1)]
    body = (f"<h1>{escape(title)}</h1><p class=meta>{_agency(src)} — {len(rows)} persetujuan; "
            f"setiap baris adalah rekaman bertanda tangan (periksa dengan 'ppid record BERKAS')</p>"
            + table(("No", "Waktu", "Yang disetujui", "Penyetuju", "Hash (awal)", "Rekaman"), rows, frozenset({0}),
                    "tidak ada persetujuan pada periode ini"))
    return page(title, body)
