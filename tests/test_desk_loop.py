"""The whole SOP loop in the desk, in real Chromium, with real keys: the operator writes a page with an
attachment and submits it, the Sub Koordinator reviews it on the diff with a preview, the Koordinator approves
it accepting one finding, promotes it; `ppid verify` passes and nothing was asked of any other host."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from conftest import tiny_pdf
from helpers.browser import guarded_browser
from helpers.desk import message, running_desk, sign_in, sign_out
from helpers.lifecycle import git
from pipeline.cli import main

NIK = "3273014509870003"


def test_operator_subkoordinator_koordinator_do_the_whole_loop_in_the_browser(site: Path, people, tmp_path) -> None:
    attachment = tmp_path / "Tanggapan Warga.pdf"
    attachment.write_bytes(tiny_pdf("Tanggapan atas pengaduan warga"))
    with running_desk(site) as desk, guarded_browser() as (context, traffic):
        tab = traffic.watch(context.new_page())
        tab.set_viewport_size({"width": 1366, "height": 900})
        sign_in(tab, desk.url, people.keys["siti"])
        expect(tab.locator(".saya")).to_contain_text("Siti Rahmawati (contoh) Operator")

        # Operator: a new page from the schema's form, the Markdown rendered live, an attachment cleaned.
        tab.get_by_role("link", name="Halaman baru").click()
        tab.get_by_label("Nama halaman (jalur .md)").fill("layanan/aduan.md")
        tab.get_by_label("Judul").fill("Tanggapan Pengaduan Warga")
        tab.get_by_label("Jenis").select_option("halaman")
        tab.get_by_label("Isi halaman (Markdown)").fill(
            f"# Tanggapan Pengaduan\n\nPengaduan dari pelapor NIK {NIK} sudah ditanggapi.\n\n"
            "Unduh [tanggapan](../files/tanggapan-warga.pdf).\n")
        expect(tab.locator("#tampilan-isi h1")).to_have_text("Tanggapan Pengaduan")
        expect(tab.locator("#temuan-langsung")).to_contain_text("nik")
        tab.get_by_role("button", name="Simpan draf dan periksa").click()
        assert "Draf disimpan: drafts/layanan/aduan.md" in message(tab)
        expect(tab.locator("#temuan-judul + *")).to_be_visible()
        assert "nik" in tab.locator("section", has=tab.locator("#temuan-judul")).inner_text()
        tab.get_by_label("Berkas lampiran").set_input_files(str(attachment))
        tab.get_by_role("button", name="Unggah lampiran").click()
        assert "Lampiran disimpan: drafts/files/tanggapan-warga.pdf" in message(tab)
        assert "Metadata dibersihkan" in message(tab)
        expect(tab.get_by_role("link", name="files/tanggapan-warga.pdf")).to_be_visible()
        tab.get_by_role("button", name="Ajukan", exact=True).click()
        assert "temuan pemeriksaan yang memblokir" in message(tab)
        tab.get_by_label("Ajukan bersama temuan yang memang sah").check()
        tab.get_by_role("button", name="Ajukan", exact=True).click()
        assert "Diajukan: layanan/aduan.md (halaman baru" in message(tab)
        assert "Di-commit ke git" in message(tab)
        sign_out(tab)

        # Sub Koordinator: the queue, the rendered side-by-side diff, the preview, the decision.
        sign_in(tab, desk.url, people.keys["budi"])
        mine = tab.locator("section", has=tab.get_by_role("heading", name="Menunggu Anda (1)"))
        mine.get_by_role("link", name="layanan/aduan.md").click()
        expect(tab.locator(".blok-baru h1")).to_have_text("Tanggapan Pengaduan")
        expect(tab.get_by_role("link", name="files/tanggapan-warga.pdf")).to_be_visible()
        tab.get_by_role("button", name="Buat pratinjau luring baru").click()
        assert "Pratinjau luring" in message(tab) and "dibuat" in message(tab)
        expect(tab.get_by_role("link", name="Unduh pratinjau luring (zip)")).to_be_visible()
        tab.get_by_label("Komentar (wajib bila meminta perbaikan)").fill("Sudah diperiksa di pratinjau.")
        tab.get_by_role("button", name="Setuju", exact=True).click()
        assert "Ditinjau: layanan/aduan.md — setuju" in message(tab)
        sign_out(tab)

        # Koordinator: approve only once the finding is accepted by name; then promote.
        sign_in(tab, desk.url, people.keys["ratna"])
        tab.goto(desk.url + "perubahan/layanan/aduan.md")
        tab.get_by_role("button", name="Setujui").click()
        assert "1 temuan pemeriksaan belum diterima" in message(tab)
        tab.get_by_label("nik:", exact=False).check()
        tab.get_by_label("Komentar (alasan menerima temuan)").fill("NIK pelapor memang harus tercantum (contoh uji).")
        tab.get_by_role("button", name="Setujui").click()
        assert "Disetujui: layanan/aduan.md" in message(tab)
        tab.goto(desk.url)
        tab.get_by_role("button", name="Promosikan yang disetujui ke content/").click()
        assert "layanan/aduan.md: dipromosikan ke content/" in message(tab)

        assert traffic.blocked == [] and traffic.console_errors == []
        assert all(url.startswith(desk.url) for url in traffic.requests)
    assert (site / "content" / "layanan" / "aduan.md").is_file()
    assert (site / "content" / "files" / "tanggapan-warga.pdf").is_file()
    assert main(["--site", str(site), "verify"]) == 0
    log = git(site, "log", "--format=%s")
    assert "Disetujui: layanan/aduan.md (Ratna Dewi (contoh), lewat ppid meja)" in log
    assert "Promosi ke content/: layanan/aduan.md" in log
    assert git(site, "status", "--porcelain", "reviews", "content", "drafts") == ""  # records and cited preview committed
