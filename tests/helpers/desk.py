"""The desk served from a thread of the test process, and a person signing in to it in Chromium."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from playwright.sync_api import Page, expect

from pipeline.desk.server import Running, start


@contextmanager
def running_desk(site: Path) -> Iterator[Running]:
    desk = start(site)
    desk.start_thread()
    try:
        yield desk
    finally:
        desk.stop()


def sign_in(tab: Page, url: str, key: Path, passphrase: str = "") -> None:
    tab.goto(url + "masuk")
    tab.get_by_label("Berkas kunci privat").fill(str(key))
    tab.get_by_label("Frasa sandi kunci").fill(passphrase)
    tab.get_by_role("button", name="Buka kunci").click()


def sign_out(tab: Page) -> None:
    tab.get_by_role("button", name="Keluar").click()
    expect(tab.get_by_role("heading", name="Siapa Anda?")).to_be_visible()


def message(tab: Page) -> str:
    return " ".join(tab.locator(".pesan").all_inner_texts())
