"""A year of synthetic history with planted violations: the monthly and six-monthly reports find exactly those,
the forms count what the records hold, and the PDFs read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from helpers.sop_history import NOW, make_year
from test_publish_gate import served  # noqa: F401  (fixture: nginx on 127.0.0.1 with deploy.yml)

from pipeline.site import Site
from pipeline.sop.evaluation import build_report
from pipeline.sop.forms import approvals, update_rows
from pipeline.sop.html import print_pdf
from pipeline.sop.periods import parse_period
from pipeline.sop.quality import LATE, MISSING
from pipeline.sop.sources import load_sources


@pytest.fixture
def year(site: Path, people):
    make_year(site, people.keys)
    return site


def faults(root: Path, period: str) -> set[tuple[str, str, str]]:
    report = build_report(parse_period(period), load_sources(Site(root), NOW))
    return {(line.key, re.split(r" \(|: ", item.what)[0], item.status) for line in report.lines for item in line.faults()}


def test_six_monthly_report_finds_exactly_the_planted_violations(year: Path) -> None:
    assert faults(year, "2026-S2") == {
        ("rencana", "Rencana Triwulan IV 2026", LATE),
        ("pembaruan", "Pembaruan Agustus 2026", MISSING),
        ("tinjauan", "profil/tertunda.md", MISSING),
        ("daring", "Terbit sha256:bbbbbbbbb", MISSING),
        ("notulen", "Notulen 3 November 2026", MISSING),
        ("tanda_terima", "Permintaan 2026-0002", MISSING),
    }


def test_monthly_report_finds_only_that_months_violations(year: Path) -> None:
    assert faults(year, "2026-11") == {
        ("rencana", "Rencana Triwulan IV 2026", LATE),
        ("notulen", "Notulen 3 November 2026", MISSING),
        ("tanda_terima", "Permintaan 2026-0002", MISSING),
    }
    assert faults(year, "2026-07") == set()


def test_report_counts_and_sections(year: Path) -> None:
    src = load_sources(Site(year), NOW)
    report = build_report(parse_period("2026-S2"), src)
    lines = {line.key: line for line in report.lines}
    assert (lines["pembaruan"].due, lines["tinjauan"].due, lines["tanda_terima"].due) == (6, 6, 2)
    assert report.publications == {"publish": 2, "rollback": 1, "takedown": 0, "withdraw": 0}
    assert {(p, n, bool(how)) for p, n, _, how in report.covered} == {("2026-T3", 1, True), ("2026-T3", 2, False),
                                                                       ("2026-T4", 1, True)}
    assert "berita/bulan-09.md" in report.outside_plan
    assert [r[0] for r in report.requests] == ["2026-0001", "2026-0002"]
    assert len(report.lead_hours["Diajukan → ditinjau"]) == 5 and report.lead_hours["Disetujui → terbit"] != []


def test_form_counts_match_the_records(year: Path) -> None:
    src = load_sources(Site(year), NOW)
    assert len(update_rows(parse_period("2026-S2"), src)) == 5       # Jul, Sep, Oct, Nov, Dec
    assert len(update_rows(parse_period("2026-08"), src)) == 0
    assert len(approvals(parse_period("2026-S2"), src)) == 6         # 5 pages and 1 release
    assert len(update_rows(parse_period("2026-T1"), src)) == 5       # the 3 pages of 5 January, February, March


def test_report_pdf_reads_back_and_renders_without_console_errors(year: Path, ppid, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("pipeline.commands.laporan.now_utc", lambda: NOW)
    code, out, err = ppid("laporan", "--periode", "2026-S2", "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert "TIDAK ADA: Pembaruan Agustus 2026" in out and "TERLAMBAT: Rencana Triwulan IV 2026" in out
    pdf = tmp_path / "out" / "laporan-evaluasi-2026-S2.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Laporan Evaluasi Semester Pengelolaan Website PPID — Semester II 2026" in text
    assert "Mutu baku SOP" in text and "Waktu proses" in text and "Tabel terpotong di ponsel" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:"))) >= 2
    assert print_pdf(tmp_path / "out" / "laporan-evaluasi-2026-S2.html", tmp_path / "ulang.pdf") == []


def test_forms_command_writes_both_forms(year: Path, ppid, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("pipeline.commands.formulir.now_utc", lambda: NOW)
    code, out, err = ppid("formulir", "--periode", "2026-S2", "--out", str(tmp_path / "f"))
    assert code == 0, err
    assert "5 perubahan" in out and "6 persetujuan" in out
    text = subprocess.run(["pdftotext", str(tmp_path / "f" / "form-daftar-update-konten-2026-S2.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Form Daftar Update Konten" in text and "5 perubahan" in text and text.count("Ratna") == 5


def test_without_publication_log_reports_say_so(site: Path, people) -> None:
    report = build_report(parse_period("2026-01"), load_sources(Site(site), NOW))
    daring = next(line for line in report.lines if line.key == "daring")
    assert daring.note == "belum ada publikasi tercatat" and daring.due == 0


@pytest.mark.parametrize("period", ["2026-13", "2026-S3", "November", "2026-T4"])
def test_a_period_that_does_not_parse_is_refused(ppid, people, period) -> None:
    code, _, err = ppid("laporan", "--periode", period, "--tanpa-pdf")
    assert code == 2 and f"periode '{period}' tidak dapat dibaca" in err and "Traceback" not in err


def test_a_real_publish_counts_as_approved_before_online(site: Path, ppid, people, served) -> None:
    """The publication log written by `ppid publish` (nginx on 127.0.0.1) is what the report reads."""
    from test_publish_gate import approve_release

    from pipeline.sop.periods import local_day, month_of
    from pipeline.trust.records import now_utc

    approve_release(ppid, people)
    assert ppid("publish")[0] == 0
    month = month_of(local_day(now_utc(), "Asia/Jakarta")).code
    code, out, err = ppid("laporan", "--periode", month, "--tanpa-pdf")
    assert code == 0, err
    assert "Setiap perubahan daring disetujui Koordinator sebelum tayang: jatuh tempo 1, tepat waktu 1" in out
