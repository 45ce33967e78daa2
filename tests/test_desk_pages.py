"""Desk pages outside the main loop: editing a live page, the release's two signatures, and the messages a person
reads when an address or a form value is wrong (never a traceback)."""

from __future__ import annotations

import re
from pathlib import Path

from helpers.desk import running_desk, signed_in
from pipeline.cli import main


def test_editing_a_live_page_starts_from_its_text_and_fields(site: Path, people) -> None:
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        status, headers, html = client.send("GET", "/ubah?halaman=content/layanan/permohonan.md")
        assert status == 303 and headers["location"].endswith("/draf/layanan/permohonan.md")
        status, _, html = client.send("GET", "/draf/layanan/permohonan.md")
        assert status == 200 and 'value="Tata Cara Permohonan Informasi"' in html and "## Tata cara" in html
        assert 'value="cetak" checked' in html and "Ajukan penghapusan" in html
        form = {"csrf": token, "ada": "1", "halaman": "layanan/permohonan.md", "title": "Tata Cara Permohonan Informasi",
                "urutan": "dua", "isi": "# Tata Cara\n"}
        status, _, html = client.send("POST", "/draf", form, Origin=client.origin)
        assert status == 200 and "Urutan: isi dengan bilangan bulat 0 atau lebih (bukan &#39;dua&#39;)" in html
        assert not (site / "drafts" / "layanan" / "permohonan.md").exists()
        status, _, html = client.send("POST", "/draf", {**form, "halaman": "../luar.md"}, Origin=client.origin)
        assert status == 200 and "sebutkan halaman Markdown" in html, html
        status, _, text = client.send("GET", "/tidak-ada")
        assert status == 404 and "tidak ada" in text and "Traceback" not in text


def test_release_is_checked_and_approved_in_the_desk(site: Path, people) -> None:
    with running_desk(site) as desk:
        budi, token = signed_in(desk.url, people.keys["budi"])
        status, _, html = budi.send("GET", "/rilis")
        assert status == 200 and "Periksa rilis (Sub Koordinator)" in html and "Setujui rilis" not in html
        budi.send("POST", "/rilis/periksa", {"csrf": token, "keputusan": "setuju", "kembali": "/rilis"}, Origin=budi.origin)
        _, _, html = budi.send("GET", "/rilis")
        assert "belum dipratinjau luring" in html  # the check cites the offline preview of this release
        status, _, _ = budi.send("POST", "/rilis/pratinjau", {"csrf": token, "kembali": "/rilis"}, Origin=budi.origin)
        assert status == 303
        _, _, html = budi.send("GET", "/rilis")
        zip_name = re.search(r'href="/pratinjau/(pratinjau-rilis-[^"]+\.zip)"', html).group(1)
        assert (site / "preview" / zip_name).is_file()
        status, _, _ = budi.send("POST", "/rilis/periksa", {"csrf": token, "keputusan": "setuju", "kembali": "/rilis"},
                                 Origin=budi.origin)
        assert status == 303
        _, _, html = budi.send("GET", "/rilis")
        assert "diperiksa: layak terbit" in html
        status, _, _ = budi.send("POST", "/rilis/setujui", {"csrf": token, "kembali": "/rilis"}, Origin=budi.origin)
        _, _, html = budi.send("GET", "/rilis")
        assert "tidak berperan sebagai Koordinator" in html
        ratna, token = signed_in(desk.url, people.keys["ratna"])
        ratna.send("POST", "/rilis/setujui", {"csrf": token, "kembali": "/rilis", "commit": "1"}, Origin=ratna.origin)
        _, _, html = ratna.send("GET", "/rilis")
        assert "disetujui" in html and "Di-commit ke git" in html
    assert main(["--site", str(site), "verify"]) == 0
