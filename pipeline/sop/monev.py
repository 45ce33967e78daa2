"""Monev readiness: the Komisi Informasi's website items (Perki 1/2022 questionnaires, see the SOP notes) checked
against the pages in content/ — each present, missing or stale, with the page that holds it and whether every
evidence link on that page works (assessors open them all)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..build.stage import is_live
from ..checks.links import check as link_problems
from ..content import Page
from ..site import Site
from ..view import build_view
from .settings import load_settings

PRESENT, MISSING, STALE, BROKEN = "ada", "tidak ada", "basi", "tautan rusak"


@dataclass(frozen=True)
class Requirement:
    key: str
    name: str
    words: tuple[str, ...]           # one of these in the page's title or path
    must_say: tuple[str, ...] = ()   # every one of these in the page's text
    yearly: bool = False             # must name this year (or last year, for reports due after the year)


ITEMS = (
    Requirement("profil", "Profil dan struktur organisasi PPID", ("struktur",), ("struktur",)),
    Requirement("dip", "Daftar Informasi Publik tahun berjalan", ("daftar informasi publik", "penetapan dip"), (), True),
    Requirement("dik", "Daftar Informasi yang Dikecualikan, dengan dasar hukum dan uji konsekuensi", ("dikecualikan",),
                ("dasar hukum", "konsekuensi")),
    Requirement("maklumat", "Maklumat dan standar pelayanan", ("maklumat",)),
    Requirement("jam", "Jam layanan", ("jam layanan", "jam-layanan")),
    Requirement("biaya", "Standar biaya", ("biaya",)),
    Requirement("permohonan", "Tata cara permohonan informasi", ("permohonan",)),
    Requirement("keberatan", "Tata cara keberatan dan sengketa", ("keberatan",)),
    Requirement("laporan", "Laporan tahunan layanan informasi", ("laporan layanan informasi",), (), True),
    Requirement("lhkpn", "Laporan harta kekayaan pejabat (LHKPN)", ("lhkpn", "harta kekayaan")),
    Requirement("pengadaan", "Pengadaan barang dan jasa", ("pengadaan",)),
    Requirement("serta_merta", "Standar pengumuman informasi serta merta", ("serta merta", "serta-merta", "peringatan dini")),
    Requirement("disabilitas", "Akses bagi penyandang disabilitas", ("disabilitas",)),
)


@dataclass(frozen=True)
class Finding:
    requirement: Requirement
    status: str
    page: str
    why: str


def _date(page: Page) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(page.meta.get("tanggal")))
    except ValueError:
        return None


def _candidates(requirement: Requirement, pages: list[Page]) -> list[Page]:
    found = []
    for page in pages:
        where = f"{page.title} {page.rel}".casefold()
        if any(word in where for word in requirement.words):
            found.append(page)
    return sorted(found, key=lambda p: (-(_date(p) or dt.date.min).toordinal(), p.rel))


def assess(site: Site, today: dt.date) -> tuple[list[Finding], list[str]]:
    """Each item judged on the pages online today, and every page of content/ that could not be read (an item it
    might hold is not counted, and says so)."""
    view = build_view(site, ["content"])
    pages = list(view.pages.values())
    stale_after = load_settings(site.root).stale_months
    findings = []
    for requirement in ITEMS:
        candidates = _candidates(requirement, pages)
        findings.append(_judge(requirement, candidates, view, today, stale_after))
    unread = [f"{p}; halaman ini tidak diperiksa untuk monev" for p in view.problems]
    return findings, unread


def _judge(requirement: Requirement, candidates: list[Page], view, today: dt.date, stale_after: int) -> Finding:
    offline = [p for p in candidates if not is_live(p, today)]
    candidates = [p for p in candidates if is_live(p, today)]  # assessors see the site, not the repository
    complete = [p for p in candidates if all(w in p.body.casefold() for w in requirement.must_say)]
    if not complete:
        if candidates:
            why = f"halaman {candidates[0].rel} tidak memuat: {', '.join(requirement.must_say)}"
        elif offline:
            why = f"halaman tidak tayang hari ini (publish_at/expire_at atau dikecualikan): {offline[0].rel}"
        else:
            why = "tidak ada halaman yang judul atau jalurnya memuat: " + ", ".join(requirement.words)
        shown = candidates or offline
        return Finding(requirement, MISSING, shown[0].rel if shown else "", why)
    page = complete[0]
    years = (str(today.year), str(today.year - 1)) if requirement.key == "laporan" else (str(today.year),)
    if requirement.yearly and not any(y in f"{page.title} {page.rel}" for y in years):
        return Finding(requirement, STALE, page.rel, f"tidak menyebut tahun {' atau '.join(years)}")
    day = _date(page)
    if day and day > today:
        return Finding(requirement, STALE, page.rel, f"bertanggal {day.isoformat()}, di masa depan; perbaiki tanggalnya")
    if day and (today - day).days > stale_after * 30.5:
        return Finding(requirement, STALE, page.rel, f"terakhir bertanggal {day.isoformat()}, lebih dari {stale_after} bulan")
    broken = list(link_problems(page, view))
    if broken:
        return Finding(requirement, BROKEN, page.rel, "; ".join(str(b) for b in broken[:3]))
    return Finding(requirement, PRESENT, page.rel, "")
