"""An operator's own markup that shuts readers out (WCAG 2.2 A/AA, as axe-core judges the served page) is refused
with its line and what to write instead; accessible equivalents pass."""

from __future__ import annotations

from pathlib import Path

from conftest import write

HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"

SHUT_OUT = """Paragraf pembuka.

<img src="files/formulir.pdf">

<iframe src="https://video.kotacontoh.go.id/v/1"></iframe>

<span style="color:#999">Catatan kaki yang pudar</span>

<span style="color:rgb(0 0 0 / 35%);background:#fff8e1">Pita</span>

<p style="color:#949494;font-size:16px">Huruf biasa</p>

<table width="100%"><tr><td width="30%" lang="indonesia">Sel dari pengolah kata</td></tr></table>
"""

READABLE = """Paragraf pembuka.

![](files/formulir.pdf) ![Bagan alur permohonan](files/formulir.pdf) <img src="files/formulir.pdf" alt="">

<iframe src="https://video.kotacontoh.go.id/v/1" title="Video tata cara permohonan"></iframe>

<span style="color:#767676">Catatan</span> <span style="color:#949494;font-size:24px">Judul besar</span>
<span style="color:#fff;background-color:#1a237e">Pengumuman</span> <i lang="en">public interest</i>
<img src="files/formulir.pdf" alt="Denah" width="300" height="200"> <b style="color:#949494;font-size:19px;font-weight:700">Tebal</b>
"""


def _allow_video_host(site: Path) -> None:
    policy = site / "site_config" / "security.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "embed_hosts_allowed: []", "embed_hosts_allowed: [video.kotacontoh.go.id]"), encoding="utf-8")


def test_markup_that_shuts_readers_out_is_refused_with_its_line(site: Path, ppid) -> None:
    _allow_video_host(site)
    write(site / "drafts" / "uji.md", HEAD + SHUT_OUT)
    code, out, _ = ppid("check")
    assert code == 1
    found = [line for line in out.splitlines() if "aksesibilitas" in line]
    assert [line.split(": [blokir]")[0] for line in found] == [
        "drafts/uji.md:8", "drafts/uji.md:10", "drafts/uji.md:12", "drafts/uji.md:14", "drafts/uji.md:16",
        "drafts/uji.md:18", "drafts/uji.md:18", "drafts/uji.md:18"], out
    assert "gambar tanpa teks alternatif (alt)" in found[0] and 'alt=""' in found[0]
    assert "<iframe> tanpa judul (title)" in found[1]
    assert "kontras warna teks 2,85:1, di bawah batas 4,5:1" in found[2]
    assert "kontras warna teks" in found[3] and "kontras warna teks 3,03:1" in found[4]
    assert "atribut 'width' pada <table> sudah usang" in found[5] and "'width' pada <td>" in found[6]
    assert 'lang="indonesia" bukan kode bahasa' in found[7]


def test_accessible_equivalents_pass(site: Path, ppid) -> None:
    _allow_video_host(site)
    write(site / "drafts" / "uji.md", HEAD + READABLE)
    code, out, _ = ppid("check")
    assert code == 0, out
    assert "aksesibilitas" not in out
