"""The Koordinator publishes from the desk: the Sub Koordinator checks the release, the Koordinator approves it and
presses Terbitkan in real Chromium; a real nginx on 127.0.0.1 then serves the site."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from helpers.browser import guarded_browser
from helpers.desk import message, running_desk, sign_in, signed_in
from helpers.nginx import free_port, running_nginx
from helpers.releases import write_deploy_yml


def test_koordinator_approves_the_release_and_publishes_from_the_desk(site: Path, people, tmp_path: Path) -> None:
    target, port = tmp_path / "www", free_port()
    target.mkdir()
    write_deploy_yml(site, target, port, check_pages=2)
    with running_nginx(target, port), running_desk(site) as desk, guarded_browser() as (context, traffic):
        budi, token = signed_in(desk.url, people.keys["budi"])
        assert budi.send("POST", "/rilis/pratinjau", {"csrf": token}, Origin=budi.origin)[0] == 303
        status, _, _ = budi.send("POST", "/rilis/periksa", {"csrf": token, "keputusan": "setuju", "kembali": "/rilis"},
                                 Origin=budi.origin)
        assert status == 303 and "diperiksa: layak terbit" in budi.send("GET", "/rilis")[2]
        tab = traffic.watch(context.new_page())
        sign_in(tab, desk.url, people.keys["ratna"])
        tab.get_by_role("link", name="Rilis").click()
        tab.get_by_role("button", name="Terbitkan rilis yang disetujui").click()
        assert "belum disetujui Koordinator" in message(tab) and not (target / "live").exists()
        tab.get_by_label("Komentar").last.fill("Rilis diperiksa; layak terbit.")
        tab.get_by_role("button", name="Setujui rilis").click()
        assert "disetujui" in message(tab).lower()
        tab.get_by_role("button", name="Terbitkan rilis yang disetujui").click()
        expect(tab.locator(".pesan-ok")).to_be_visible()
        assert "Ditolak" not in message(tab), message(tab)
        assert traffic.blocked == [] and traffic.console_errors == []
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/layanan/permohonan/", timeout=10) as answer:
            assert b"Tata Cara Permohonan" in answer.read()
