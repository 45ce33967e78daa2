"""The library's refusals, shown in the desk's page in Chromium: a wrong passphrase, reviewing one's own
change, the wrong role, bytes that changed after the page was opened, and two people deciding at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import MINIMAL_PAGES, write
from helpers.browser import guarded_browser
from helpers.desk import message, running_desk, sign_in, sign_out
from helpers.lifecycle import init_repo
from pipeline.cli import main
from pipeline.demo import PEOPLE, DemoPerson, approve_all_content, create_identities, root_pub, utc
from pipeline.desk.actions import one_at_a_time
from pipeline.signing import load_private_key, write_private_key
from pipeline.site import Site

PAGE = "layanan/jam.md"
TEXT = MINIMAL_PAGES["layanan/permohonan.md"].replace("Tata Cara Permohonan Informasi", "Jam Layanan")


@pytest.fixture
def keys(site: Path, tmp_path: Path, monkeypatch) -> dict[str, Path]:
    """The demo people and Dewi, who is both operator and Sub Koordinator."""
    crew = PEOPLE + (DemoPerson("dewi", "Dewi Lestari (contoh)", ("operator", "subkoordinator")),)
    found = create_identities(Site(site), tmp_path / "kunci", people=crew)
    approve_all_content(Site(site), found, utc("2026-01-05T01:00:00"))
    monkeypatch.setenv("PPID_ROOT_KEYS", str(root_pub(found)))
    init_repo(site)
    locked = tmp_path / "kunci" / "budi-berfrasa"
    write_private_key(locked, load_private_key(found["budi"], None), "benar sekali")
    return {**found, "budi-berfrasa": locked}


def records(site: Path) -> set[str]:
    return {p.name for p in (site / "reviews").rglob("*.yml")}


def test_refusals_are_shown_in_the_page(site: Path, keys: dict[str, Path]) -> None:
    draft = write(site / "drafts" / PAGE, TEXT)
    assert main(["--site", str(site), "submit", PAGE, "--key", str(keys["dewi"])]) == 0
    assert main(["--site", str(site), "preview"]) == 0
    with running_desk(site) as desk, guarded_browser() as (context, traffic):
        tab = traffic.watch(context.new_page())
        sign_in(tab, desk.url, keys["budi-berfrasa"], "salah")
        assert "frasa sandi kunci privat salah" in message(tab)
        expect(tab.get_by_role("heading", name="Siapa Anda?")).to_be_visible()
        sign_in(tab, desk.url, keys["budi-berfrasa"], "")
        assert "dilindungi frasa sandi" in message(tab)

        sign_in(tab, desk.url, keys["dewi"])
        tab.goto(desk.url + f"perubahan/{PAGE}")
        before = records(site)
        tab.get_by_role("button", name="Setuju", exact=True).click()
        assert "Anda (dewi) mengajukan perubahan ini; pengaju tidak boleh ditinjau" in message(tab)
        sign_out(tab)

        sign_in(tab, desk.url, keys["agus"])
        tab.goto(desk.url + f"perubahan/{PAGE}")
        tab.get_by_role("button", name="Setuju", exact=True).click()
        assert "tidak berperan sebagai Sub Koordinator" in message(tab)
        sign_out(tab)

        sign_in(tab, desk.url, keys["budi-berfrasa"], "benar sekali")
        expect(tab.locator(".saya")).to_contain_text("Budi Santoso (contoh) Sub Koordinator")
        tab.goto(desk.url + f"perubahan/{PAGE}")
        with one_at_a_time(Site(site)):  # someone else is writing a decision at this moment
            tab.get_by_role("button", name="Setuju", exact=True).click()
        assert "orang lain sedang mencatat keputusan" in message(tab)
        draft.write_text(TEXT + "\nDiubah setelah peninjau membuka halaman.\n", encoding="utf-8")
        tab.get_by_role("button", name="Setuju", exact=True).click()
        assert "isinya berubah sejak halaman ini Anda buka" in message(tab)
        assert records(site) == before

        tab.set_viewport_size({"width": 390, "height": 844})
        tab.goto(desk.url + f"perubahan/{PAGE}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        assert traffic.blocked == [] and traffic.console_errors == []
