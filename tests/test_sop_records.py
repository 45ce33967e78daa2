"""The signed SOP records through the CLI: the quarterly plan for the Lurah, minutes, change requests, what is due."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import tree_digest
from helpers.clock import agency_today, dated_recently, request_number
from pipeline.dates import tanggal
from pipeline.sop.periods import quarter_of
from pipeline.sop.settings import load_settings


def make_plan(ppid, people, site: Path) -> str:
    assert ppid("rencana", "baru", "2027-T1")[0] == 0
    assert ppid("rencana", "tandatangani", "2027-T1", *people.key("budi"))[0] == 0
    code, out, err = ppid("rencana", "tandatangani", "2027-T1", *people.key("ratna"))
    assert code == 0, err
    return out.split("Kode verifikasi: ")[1].split(".")[0]


def test_plan_prepared_signed_printed_and_verified_by_its_code(ppid, people, site: Path, tmp_path: Path) -> None:
    code_text = make_plan(ppid, people, site)
    code, out, _ = ppid("rencana", "verifikasi", code_text)
    assert code == 0 and out.startswith("SAH: records/rencana/2027-T1.yml")
    code, _, err = ppid("rencana", "cetak", "2027-T1", "--out", str(tmp_path / "cetak"))
    assert code == 0, err
    text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "cetak" / "rencana-2027-T1.pdf"), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())
    assert "Daftar Konten yang Akan Dipublikasikan — Triwulan I 2027" in text
    assert "Lurah Kelurahan Contoh Raya" in text and "Ratna Dewi" in text and code_text in text.replace("- ", "-")


def test_a_plan_edited_after_signing_fails_verification(ppid, people, site: Path) -> None:
    code_text = make_plan(ppid, people, site)
    plan = site / "records" / "rencana" / "2027-T1.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Sekretariat", "Sekretariat Daerah"), encoding="utf-8")
    for wanted in ("2027-T1", code_text):
        code, _, err = ppid("rencana", "verifikasi", wanted)
        assert code == 1 and "Traceback" not in err
    _, _, err = ppid("rencana", "verifikasi", "2027-T1")
    assert "records/rencana/2027-T1.yml:" in err and "diubah setelah ditandatangani" in err


def test_plan_roles_are_enforced_and_unknown_fields_refused_with_line(ppid, people, site: Path) -> None:
    ppid("rencana", "baru", "2027-T1")
    code, _, err = ppid("rencana", "tandatangani", "2027-T1", *people.key("siti"))
    assert code == 2 and "tidak boleh" in err and "Sub Koordinator" in err
    code, _, err = ppid("rencana", "tandatangani", "2027-T1", *people.key("ratna"))
    assert code == 2 and "tidak dapat dilakukan sekarang" in err          # the Koordinator signs after preparation
    plan = site / "records" / "rencana" / "2027-T1.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  unit: Sekretariat", "  unit: Sekretariat\n  warna: merah"),
                    encoding="utf-8")
    before = tree_digest(site)
    code, _, err = ppid("rencana", "tandatangani", "2027-T1", *people.key("budi"))
    assert code == 2 and "records/rencana/2027-T1.yml:" in err and "kolom 'warna' tidak dikenal" in err
    assert tree_digest(site) == before


def test_minutes_action_item_becomes_a_request_and_kepala_dinas_receives(ppid, people, site: Path) -> None:
    first = request_number(1)
    assert ppid("notulen", "baru", "--tanggal", "2026-11-05")[0] == 0
    code, out, err = ppid("notulen", "tandatangani", "2026-11-05", *people.key("budi"))
    assert code == 0, err
    assert f"Permintaan perubahan {first} dibuat untuk Web Developer" in out
    assert ppid("notulen", "terima", "2026-11-05", *people.key("budi"))[0] == 2      # only the Kepala Dinas
    assert ppid("notulen", "terima", "2026-11-05", *people.key("wahyu"))[0] == 0
    code, out, _ = ppid("permintaan", "daftar")
    assert f"{first} [tampilan]" in out and "menunggu tanda terima" in out


def test_request_lifecycle_receipt_done_and_verified_by_requester(ppid, people, site: Path) -> None:
    first = request_number(1)
    code, out, err = ppid("permintaan", "baru", "--kategori", "teknis", "--judul", "Pencarian lambat",
                          "--uraian", "Pencarian butuh 10 detik", *people.key("siti"))
    assert code == 0, err
    assert ppid("permintaan", "terima", first, *people.key("siti"))[0] == 2     # receipt is the Web Developer's
    assert ppid("permintaan", "terima", first, *people.key("dodi"))[0] == 0
    assert ppid("permintaan", "kerjakan", first, *people.key("dodi"))[0] == 0
    assert ppid("permintaan", "selesai", first, "--hasil", "abc1234", *people.key("dodi"))[0] == 0
    code, _, err = ppid("permintaan", "verifikasi", first, *people.key("agus"))
    assert code == 2 and "hanya pengaju (siti)" in err
    code, out, _ = ppid("permintaan", "verifikasi", first, *people.key("siti"))
    assert code == 0 and "selesai dan diverifikasi" in out
    assert "Program perbaikan (permintaan terbuka): 0" in ppid("permintaan", "daftar")[1]


def test_status_lists_sop_duties_per_role(ppid, people, site: Path) -> None:
    first = request_number(1)
    ppid("permintaan", "baru", "--kategori", "fitur", "--judul", "Peta lokasi", "--uraian", "Tambahkan peta",
         *people.key("agus"))
    code, out, _ = ppid("status")
    assert code == 0
    assert f"Kewajiban SOP (Web Developer): tanda terima permintaan {first}" in out
    quarter = quarter_of(agency_today())
    due = quarter.start_day() - dt.timedelta(days=load_settings(site).plan_days_before)
    assert f"Kewajiban SOP (Sub Koordinator): rencana konten {quarter.title}" in out and f"TERLAMBAT {tanggal(due)}" in out


def test_monev_names_the_page_or_what_is_missing(ppid, site: Path) -> None:
    page = site / "content" / "layanan" / "permohonan.md"
    page.write_text(dated_recently(page.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = ppid("monev")
    assert code == 1                                                       # the minimal site lacks most items
    assert "[ADA] Tata cara permohonan informasi — layanan/permohonan.md" in out
    assert "[TIDAK ADA] Standar biaya" in out


@pytest.mark.parametrize("args", [("rencana", "baru", "2026-T5"), ("notulen", "baru", "--tanggal", "2026-02-30")])
def test_bad_input_is_refused_without_writing(ppid, site: Path, args) -> None:
    before = tree_digest(site)
    code, _, err = ppid(*args)
    assert code == 2 and "tidak" in err and "Traceback" not in err
    assert tree_digest(site) == before


def test_a_dropped_signature_entry_breaks_the_chain(ppid, people, site: Path) -> None:
    make_plan(ppid, people, site)
    plan = site / "records" / "rencana" / "2027-T1.yml"
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    data["tanda_tangan"] = data["tanda_tangan"][1:]                     # keep only the Koordinator's signature
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _, err = ppid("rencana", "verifikasi", "2027-T1")
    assert code == 1 and "urutan tanda tangan tidak cocok" in err


def test_a_page_naming_a_plan_item_fulfils_it(site: Path, people) -> None:
    from helpers.sop_history import NOW, make_year

    from pipeline.site import Site
    from pipeline.sop.evaluation import build_report
    from pipeline.sop.periods import parse_period
    from pipeline.sop.sources import load_sources

    (site / "drafts" / "berita").mkdir(parents=True)
    (site / "drafts" / "berita" / "bulan-09.md").write_text(
        "---\ntitle: Berita September\njenis: halaman\nrencana: \"2026-T3#2\"\n---\n\nIsi.\n", encoding="utf-8")
    make_year(site, people.keys)
    report = build_report(parse_period("2026-S2"), load_sources(Site(site), NOW))
    item = next(c for c in report.covered if c[:2] == ("2026-T3", 2))
    assert item[3].startswith("berita/bulan-09.md, disetujui")
    assert "berita/bulan-09.md" not in report.outside_plan
