"""publish_at / expire_at: `ppid status` says what will appear or leave the site next, in Indonesian dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import MINIMAL_PAGES, write
from pipeline.dates import tanggal, waktu


def test_status_shows_what_appears_or_expires_next(site: Path, ppid) -> None:
    later = dt.date.today() + dt.timedelta(days=40)
    page = MINIMAL_PAGES["layanan/permohonan.md"].replace("tanggal:", f'publish_at: "{later.isoformat()}"\ntanggal:')
    write(site / "content" / "layanan" / "pengumuman.md", page.replace("Tata Cara Permohonan Informasi", "Pengumuman Libur"))
    code, out, _ = ppid("status")
    assert code == 0
    assert f"Terjadwal: layanan/pengumuman.md «Pengumuman Libur» tayang pada {tanggal(later)}" in out


def test_indonesian_dates() -> None:
    assert tanggal(dt.date(2026, 11, 24)) == "24 November 2026"
    assert waktu(dt.datetime(2026, 11, 24, 3, 5, tzinfo=dt.timezone.utc)) == "24 November 2026 10.05 WIB"


def test_times_cross_into_the_next_month_in_wib() -> None:
    from pipeline.publish.history import indonesian_time
    assert indonesian_time("2026-11-30T17:04:00Z", "Asia/Jakarta") == "1 Desember 2026, 00.04 WIB"
    assert indonesian_time("2026-12-31T16:59:00Z", "Asia/Jayapura") == "1 Januari 2027, 01.59 WIT"
