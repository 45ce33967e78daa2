"""Findings block promotion and publishing unless the Koordinator accepts that exact finding for those bytes."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import MINIMAL_PAGES, tiny_pdf, write
from helpers.lifecycle import People
from pipeline.demo import utc
from pipeline.trust.records import page_fields, sign_fields, write_record
from helpers.lifecycle import heads
from pipeline.signing import load_private_key
from pipeline.site import Site
from pipeline.trust.state import derive

NIK = "3273014509870003"
PAGE = MINIMAL_PAGES["layanan/permohonan.md"].replace("Tata Cara Permohonan Informasi", "Tanggapan Pengaduan Warga")


def finding_ids(out: str, detector: str) -> list[str]:
    return re.findall(rf"\] {detector}: .*\(id ([0-9a-f]{{16}})\)", out)


def submit_and_review(ppid, people: People, page: str) -> None:
    assert ppid("submit", page, "--dengan-temuan", *people.key("siti"))[0] == 0
    assert ppid("preview")[0] == 0
    assert ppid("review", page, "--setuju", *people.key("budi"))[0] == 0


def test_nik_in_a_page_is_reported_masked(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "aduan.md", PAGE + f"\nPelapor: Sdr. X, NIK {NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}.\n")
    code, out, _ = ppid("check")
    assert code == 1
    assert re.search(r"drafts/layanan/aduan.md:20: \[blokir\] nik: .*3273\*{10}03", out), out
    assert NIK not in out and NIK[4:12] not in out.replace(" ", "")


def test_operator_comment_cannot_silence_a_detector(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "aduan.md", PAGE + f"\n<!-- ppid: abaikan nik -->\nNIK {NIK}\n")
    code, out, _ = ppid("check")
    assert code == 1 and len(finding_ids(out, "nik")) == 1


def test_page_with_a_nik_cannot_be_approved_or_promoted_until_accepted(site: Path, ppid, people) -> None:
    draft = write(site / "drafts" / "layanan" / "aduan.md", PAGE + f"\nNIK pelapor {NIK}.\n")
    submit_and_review(ppid, people, "layanan/aduan.md")
    code, _, err = ppid("approve", "layanan/aduan.md", *people.key("ratna"))
    assert code == 2 and "1 temuan pemeriksaan belum diterima" in err and "nik" in err
    # An approval signed without accepting the finding (made by other means) still cannot promote it.
    state = derive(Site(site), allow_unverified=True)
    item = next(p for p in state.pending if p.change.page == "layanan/aduan.md")
    fields = page_fields("layanan/aduan.md", "add", item.change.digest.value, "baru", "approve", "approved", "koordinator",
                        "ratna", "", dt.datetime.now(dt.timezone.utc), heads(site))
    forged = write_record(site / "reviews", fields, sign_fields(fields, load_private_key(people.keys["ratna"], None)))
    code, out, _ = ppid("promote")
    assert code == 1 and "layanan/aduan.md: DITAHAN" in out
    assert not (site / "content" / "layanan" / "aduan.md").exists()
    forged.unlink()
    nik_id = finding_ids(ppid("check")[1], "nik")[0]
    assert ppid("approve", "layanan/aduan.md", "--terima-temuan", nik_id, *people.key("ratna"))[0] == 0
    record = next((site / "reviews").rglob("*-approve-ratna-layanan--aduan.yml")).read_text(encoding="utf-8")
    assert nik_id in record
    code, out, _ = ppid("check")
    assert code == 0 and "(diterima Koordinator)" in out
    # Any byte change voids the acceptance along with the approval.
    draft.write_text(draft.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert ppid("check")[0] == 1
    draft.write_text(draft.read_text(encoding="utf-8")[:-1], encoding="utf-8")
    code, out, _ = ppid("promote")
    assert code == 0 and "layanan/aduan.md: ditambahkan" in out
    assert ppid("verify")[0] == 0
    code, out, _ = ppid("build", "--out", str(site / "site"))
    assert code == 0, out


def test_nik_in_a_draft_pdf_stops_promote_and_shows_in_the_summary(site: Path, ppid, people) -> None:
    page = PAGE.replace("files/formulir.pdf", "files/surat-balasan.pdf")
    write(site / "drafts" / "layanan" / "aduan.md", page)
    (site / "drafts" / "files").mkdir(parents=True)
    (site / "drafts" / "files" / "surat-balasan.pdf").write_bytes(
        tiny_pdf(f"Surat balasan pengaduan\nNama: Sdr. Contoh\nNIK: {NIK}\nAlamat: Kota Contoh"))
    code, out, _ = ppid("check")
    assert code == 1 and re.search(r"drafts/files/surat-balasan.pdf \(halaman PDF 1\): \[blokir\] nik", out), out
    submit_and_review(ppid, people, "layanan/aduan.md")
    summary = (site / ".ppid" / "preview" / "site" / "ringkasan-perubahan.html").read_text(encoding="utf-8")
    assert "surat-balasan.pdf (halaman PDF 1)" in summary and "1 temuan" in summary
    assert NIK not in summary
    code, _, err = ppid("approve", "layanan/aduan.md", *people.key("ratna"))
    assert code == 2 and "surat-balasan.pdf" in err
    code, out, _ = ppid("promote")
    assert "Tidak ada perubahan yang siap" in out
    assert not (site / "content" / "files" / "surat-balasan.pdf").exists()


def test_excluded_information_can_never_be_accepted(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "rahasia.md", PAGE.replace("klasifikasi: berkala", "klasifikasi: dikecualikan"))
    code, out, _ = ppid("check")
    ids = finding_ids(out, "dikecualikan")
    assert code == 1 and len(ids) == 1
    code, _, err = ppid("submit", "layanan/rahasia.md", "--dengan-temuan", *people.key("siti"))
    assert code == 2 and "tidak pernah dapat diterima" in err and ids[0] in err
    assert list((site / "reviews").rglob("*-submit-siti-layanan--rahasia.yml")) == []


def test_submit_refuses_blocking_findings_and_names_who_may_accept_them(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "aduan.md", PAGE + f"\nNIK {NIK}\n")
    code, _, err = ppid("submit", "layanan/aduan.md", *people.key("siti"))
    assert code == 2 and "nik" in err and "hanya Koordinator yang dapat menerimanya" in err and "--dengan-temuan" in err
    assert list((site / "reviews").rglob("*-submit-siti-*aduan.yml")) == []


def test_unsafe_html_blocks_the_online_build(site: Path, ppid, people) -> None:
    page = site / "content" / "layanan" / "permohonan.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<div style="display:none"><a href="https://slot.example">slot gacor</a></div>\n', encoding="utf-8")
    code, out, err = ppid("build", "--out", str(site / "site"))
    assert code == 1 and "konten_tersembunyi" in out and "spam_judi" in out
    assert not (site / "site").exists()


def test_status_json_lists_no_private_values(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "aduan.md", PAGE + f"\nNIK {NIK}\n")
    code, out, _ = ppid("status", "--json")
    assert code == 0 and NIK not in out and json.loads(out)["pending"]


def test_a_file_changed_in_place_with_its_old_mtime_is_scanned_again(site: Path, ppid, people) -> None:
    import os
    pdf = site / "content" / "files" / "formulir.pdf"
    assert ppid("check")[0] == 0
    stat = pdf.stat()
    forged = tiny_pdf(f"NIK pemohon: {NIK}!")  # same size as the original is not needed: mtime is put back
    pdf.write_bytes(forged)
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    code, out, _ = ppid("check")
    assert code == 1 and "content/files/formulir.pdf (halaman PDF 1): [blokir] nik" in out
