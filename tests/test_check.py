"""`ppid check`: every bad input is reported with its file, line and an Indonesian message; nothing changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, tree_digest, write, write_bytes

GOOD = MINIMAL_PAGES["layanan/permohonan.md"]


def _with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


CASES = [
    ("missing field", _with("unit: Bidang Informasi dan Komunikasi Publik\n", ""),
     "content/layanan/baru.md:2: kolom wajib 'unit' tidak ada"),
    ("wrong enum", _with("klasifikasi: berkala", "klasifikasi: rahasia"),
     "content/layanan/baru.md:3: nilai 'rahasia' tidak diizinkan untuk 'klasifikasi'; pilihan: berkala, serta_merta, setiap_saat, dikecualikan"),
    ("bad date", _with('tanggal: "2026-01-15"', 'tanggal: "2026-02-30"'),
     "content/layanan/baru.md:7: 'tanggal' harus tanggal yang benar dengan format TTTT-BB-HH (contoh \"2026-11-24\"), bukan '2026-02-30'"),
    ("unquoted date in other format", _with('tanggal: "2026-01-15"', "tanggal: 15/01/2026"),
     "content/layanan/baru.md:7: 'tanggal' harus tanggal yang benar dengan format TTTT-BB-HH (contoh \"2026-11-24\"), bukan '15/01/2026'"),
    ("unknown key", _with("retensi: 5 tahun\n", "retensi: 5 tahun\npenulis: Budi\n"),
     "content/layanan/baru.md:10: kolom 'penulis' tidak dikenal"),
    ("wrong type", _with("bentuk: [cetak, elektronik]", "bentuk: 3"),
     "content/layanan/baru.md:8: nilai '3' tidak diizinkan untuk 'bentuk'"),
    ("broken yaml", _with("retensi: 5 tahun\n", "retensi: [5 tahun\n"),
     "content/layanan/baru.md:10: YAML tidak valid"),
    ("duplicate key", _with("retensi: 5 tahun\n", "retensi: 5 tahun\nretensi: 10 tahun\n"),
     "content/layanan/baru.md:10: kunci 'retensi' ditulis dua kali"),
    ("yaml alias", _with("unit: Bidang Informasi dan Komunikasi Publik\n", "unit: &u Bidang Informasi\npenanggung_jawab2: *u\n"),
     "content/layanan/baru.md:5: anchor/alias YAML (& atau *) tidak diizinkan"),
    ("no front matter", "# Judul\n\nTeks tanpa front matter.\n",
     "content/layanan/baru.md:1: front matter tidak ada"),
    ("missing page link", GOOD + "\nLihat [keberatan](keberatan.md).\n",
     "content/layanan/baru.md:20: tautan ke halaman yang tidak ada: 'keberatan.md'"),
    ("missing anchor", GOOD + "\nLihat [tata cara](permohonan.md#tidak-ada).\n",
     "content/layanan/baru.md:20: jangkar '#tidak-ada' tidak ada di halaman 'layanan/permohonan.md'"),
    ("missing own anchor", GOOD + "\nLihat [atas](#bagian-lain).\n",
     "content/layanan/baru.md:20: jangkar '#bagian-lain' tidak ada di halaman ini"),
    ("missing attachment", _with("files/formulir.pdf", "files/tidak-ada.pdf"),
     "content/layanan/baru.md:11: lampiran 'files/tidak-ada.pdf' tidak ditemukan"),
    ("attachment outside tree", _with("files/formulir.pdf", "../../etc/passwd"),
     "content/layanan/baru.md:11: lampiran '../../etc/passwd' menunjuk ke luar folder situs"),
    ("link outside tree", GOOD + "\n[rahasia](../../site_config/site.yml)\n",
     "content/layanan/baru.md:20: tautan '../../site_config/site.yml' menunjuk ke luar folder situs"),
    ("expire before publish", _with("retensi: 5 tahun\n", 'retensi: 5 tahun\npublish_at: "2026-05-01"\nexpire_at: "2026-04-01"\n'),
     "content/layanan/baru.md:11: 'expire_at' harus sesudah 'publish_at'"),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_page_is_reported_with_line_and_nothing_changes(site: Path, ppid, text: str, expected: str) -> None:
    write(site / "content" / "layanan" / "baru.md", text)
    before = tree_digest(site)
    code, out, err = ppid("check")
    assert code == 1
    assert expected in out, out
    assert "Traceback" not in out + err
    assert tree_digest(site) == before


def test_clean_site_passes_with_a_summary(ppid) -> None:
    code, out, _ = ppid("check")
    assert code == 0
    assert out.strip() == "ppid check: bersih — 3 halaman dan 1 berkas di content/, 0 draf di drafts/."


def test_all_problems_are_reported_at_once(site: Path, ppid) -> None:
    write(site / "content" / "layanan" / "a.md", _with("klasifikasi: berkala", "klasifikasi: x"))
    write(site / "drafts" / "b.md", "---\ntitle: Baru\njenis: halaman\n---\n[x](hilang.md)\n")
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/layanan/a.md:3: nilai 'x'" in out
    assert "drafts/b.md:5: tautan ke halaman yang tidak ada: 'hilang.md'" in out
    assert "2 masalah di 2 berkas" in out


def test_non_utf8_page_names_the_line(site: Path, ppid) -> None:
    write_bytes(site / "content" / "latin1.md", "---\ntitle: Judul\njenis: halaman\n---\n\nCaf\xe9\n".encode("latin-1"))
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/latin1.md:6: bukan teks UTF-8" in out


def test_symlink_out_of_the_tree_is_refused(site: Path, ppid, tmp_path: Path) -> None:
    secret = write(tmp_path / "rahasia.pdf", "rahasia")
    os.symlink(secret, site / "content" / "files" / "bocor.pdf")
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/files/bocor.pdf: tautan simbolik menunjuk ke luar folder content/" in out


def test_too_large_page_is_refused(site: Path, ppid) -> None:
    write(site / "content" / "besar.md", "---\ntitle: Besar\njenis: halaman\n---\n" + "kata " * 300_000)
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/besar.md: berkas terlalu besar" in out


def test_draft_links_resolve_against_drafts_over_content(site: Path, ppid) -> None:
    write(site / "drafts" / "baru.md", "---\ntitle: Baru\njenis: halaman\n---\n[p](layanan/permohonan.md) [q](lain.md)\n")
    write(site / "drafts" / "lain.md", "---\ntitle: Lain\njenis: halaman\n---\nisi\n")
    code, out, _ = ppid("check")
    assert code == 0, out
    assert "2 draf" in out


def test_page_at_generated_path_is_refused(site: Path, ppid) -> None:
    write(site / "content" / "daftar-informasi-publik.md", "---\ntitle: DIP manual\njenis: halaman\n---\n")
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/daftar-informasi-publik.md: halaman ini dibuat otomatis" in out


def test_site_is_found_from_a_subfolder(site: Path, capsys, monkeypatch) -> None:
    from pipeline.cli import main
    monkeypatch.chdir(site / "content" / "layanan")
    assert main(["check"]) == 0


def test_outside_a_site_is_a_clear_error(tmp_path: Path, capsys, monkeypatch) -> None:
    from pipeline.cli import main
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PPID_SITE", raising=False)
    assert main(["check"]) == 2
    assert "tidak berada di dalam folder situs PPID" in capsys.readouterr().err


def test_leftover_clean_copy_is_refused(site: Path, ppid) -> None:
    write_bytes(site / "content" / "files" / "formulir.bersih.pdf", (site / "content" / "files" / "formulir.pdf").read_bytes())
    code, out, _ = ppid("check")
    assert code == 1
    assert "content/files/formulir.bersih.pdf: salinan hasil 'ppid clean' belum diterapkan" in out


@pytest.mark.parametrize("addition,message", [
    ("hooks:\n  - /tmp/jahat.py\n", "mkdocs.yml:33: 'hooks' menjalankan kode Python"),
    ("extra_javascript:\n  - https://cdn.contoh-asing.example/x.js\n", "dimuat dari host lain"),
    ("plugins:\n  - search\n  - macros\n", "plugin macros tidak diizinkan"),
])
def test_build_config_that_runs_code_or_loads_third_party_files_is_refused(site: Path, ppid, addition: str, message: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if addition.startswith("plugins"):
        text = text.replace("plugins:\n  - search\n", "")
    config.write_text(text + addition, encoding="utf-8")
    code, _, err = ppid("build", "--out", str(site / "site"))
    assert code == 2 and message in err
    assert not (site / "site").exists()


def test_file_names_unfit_for_a_web_address_are_refused_without_echoing_control_characters(site: Path, ppid) -> None:
    write(site / "drafts" / "laporan tahunan.md", "---\ntitle: Laporan Tahunan\njenis: halaman\n---\nisi\n")
    write(site / "drafts" / "jahat\x1b[2J.md", "---\ntitle: Jahat\njenis: halaman\n---\nisi\n")
    code, out, _ = ppid("check")
    assert code == 1
    assert "drafts/laporan tahunan.md: nama berkas hanya boleh berisi huruf" in out
    assert "\x1b" not in out and "drafts/jahat\\x1b[2J.md: nama berkas" in out


@pytest.mark.parametrize("addition, message", [
    ("markdown_extensions:\n  - jahat\n", "nilai 'jahat' tidak diizinkan untuk 'markdown_extensions.0'"),
    ("markdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [/etc/passwd]\n", "membaca berkas lokal"),
    ("INHERIT: ../lain.yml\n", "'INHERIT' memuat pengaturan dari berkas lain"),
    ("extra:\n  analytics:\n    provider: google\n", "kolom 'analytics' tidak dikenal di 'extra'"),
    ("repo_url: https://github.com/x/y\n", "kolom 'repo_url' tidak dikenal"),
])
def test_build_config_cannot_name_site_python_files_or_analytics(site: Path, ppid, addition: str, message: str) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("extra:\n  generator: false\n", "")
    if addition.startswith("markdown_extensions:"):
        text = text.replace("markdown_extensions:\n", addition, 1)
    else:
        text += addition
    config.write_text(text, encoding="utf-8")
    (site / "jahat.py").write_text("open('/tmp/ppid-jahat-jalan', 'w').write('x')\n", encoding="utf-8")
    code, _, err = ppid("build", "--out", str(site / "site"))
    assert code == 2 and message in err, err
    assert not Path("/tmp/ppid-jahat-jalan").exists()


def test_a_file_used_as_a_folder_is_named_and_never_breaks_the_preview(site: Path, ppid) -> None:
    write(site / "drafts" / "layanan" / "permohonan.md" / "anak.md",
          "---\ntitle: Anak\njenis: halaman\n---\n\n# Anak\n")
    code, out, _ = ppid("check")
    assert code == 1 and "drafts/layanan/permohonan.md/anak.md" in out and "tidak dapat sekaligus menjadi folder" in out
    code, out, err = ppid("preview")
    assert code == 0, err
    code, out, _ = ppid("status")
    assert "layanan/permohonan.md/anak.md" in out and "tidak dapat dibaca" in out
