"""The demo site, built and served on 127.0.0.1, visited page by page in real Chromium."""

from __future__ import annotations

import csv
import io
import shutil
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO
from helpers.browser import guarded_browser
from helpers.server import serve
from pipeline.build.online import build_online
from pipeline.site import Site
from pipeline.view import build_view


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Site, Path]:
    root = tmp_path_factory.mktemp("demo")
    for name in ("content", "site_config", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    site = Site(root)
    out = root / "site"
    build_online(site, out)
    return site, out


def test_every_page_loads_with_no_error_and_no_third_party_request(demo) -> None:
    site, out = demo
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert len(pages) >= 25
    with serve(out) as base, guarded_browser() as (context, traffic):
        page = traffic.watch(context.new_page())
        for rel in pages:
            response = page.goto(base + rel, wait_until="load")
            assert response is not None and response.ok, rel
    assert traffic.blocked == []
    assert [u for u in traffic.requests if not u.startswith(base)] == []
    assert traffic.console_errors == []


def test_dip_lists_every_public_page_and_the_csv_matches_the_table(demo) -> None:
    site, out = demo
    public = {rel for rel, p in build_view(site, ["content"]).pages.items()
              if p.is_information and p.meta.get("klasifikasi") != "dikecualikan"}
    assert len(public) >= 10
    with serve(out) as base, guarded_browser() as (context, traffic):
        page = traffic.watch(context.new_page())
        page.goto(base + "daftar-informasi-publik/")
        rows = page.locator("article table tbody tr")
        table = [[cell.inner_text().strip() for cell in row.locator("td").all()] for row in rows.all()]
        hrefs = [row.locator("td").last.locator("a").get_attribute("href") for row in rows.all()]
        csv_href = page.get_by_text("Unduh daftar dalam format CSV").get_attribute("href")
        csv_url = urllib.request.urljoin(page.url, csv_href)
        with urllib.request.urlopen(csv_url) as response:
            records = list(csv.reader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert traffic.console_errors == [] and traffic.blocked == []
    linked = {urllib.request.urljoin(base + "daftar-informasi-publik/", h) for h in hrefs}
    expected = {base + _url(rel) for rel in public}
    assert linked == expected
    header, body = records[0], records[1:]
    assert header[0] == "No" and len(body) == len(table)
    for record, cells in zip(body, table):
        assert record[:-1] == cells[:-1]
        assert base + record[-1] in linked


def _url(rel: str) -> str:
    stem = rel[:-3]
    return stem[:-5] if stem.endswith("index") else stem + "/"
