"""Every desk page has no axe-core violation (WCAG 2.2 AA tags) and fits a 1366 px and a 390 px wide screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, REPO, write
from helpers.browser import guarded_browser
from helpers.desk import running_desk, sign_in, sign_out
from pipeline.cli import main

AXE = REPO / ".ppid" / "audit" / "axe-4.14.1.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE = "layanan/aduan.md"
TEXT = MINIMAL_PAGES["layanan/permohonan.md"].replace("Tata Cara Permohonan Informasi", "Tanggapan Pengaduan") + \
    "\nNIK pelapor 3273014509870003.\n"


def violations(tab) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} tidak ada: jalankan 'bash scripts/vendor.sh' (atau 'make test') sekali")
    tab.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate, not a <script>: the desk's CSP rightly refuses those
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {v['help']} — {json.dumps([n['target'] for n in v['nodes']][:3])}" for v in result["violations"]]


def look(tab, url: str) -> list[str]:
    found = []
    for width in (1366, 390):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(url)
        found += [f"{url} @{width}px {v}" for v in violations(tab)]
        wide = tab.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            found.append(f"{url} @{width}px: halaman selebar {wide}px (menggulir ke samping)")
    return found


def test_desk_pages_are_accessible_at_both_widths(site: Path, people) -> None:
    write(site / "drafts" / PAGE, TEXT)
    assert main(["--site", str(site), "submit", PAGE, "--dengan-temuan", "--key", str(people.keys["siti"])]) == 0
    assert main(["--site", str(site), "preview"]) == 0
    found: list[str] = []
    with running_desk(site) as desk, guarded_browser() as (context, traffic):
        tab = traffic.watch(context.new_page())
        found += look(tab, desk.url + "masuk")
        sign_in(tab, desk.url, people.keys["siti"])
        for path in ("", "draf/baru", f"draf/{PAGE}", "rilis"):
            found += look(tab, desk.url + path)
        sign_out(tab)
        sign_in(tab, desk.url, people.keys["budi"])
        found += look(tab, desk.url + f"perubahan/{PAGE}")
        assert main(["--site", str(site), "review", PAGE, "--setuju", "--key", str(people.keys["budi"])]) == 0
        sign_out(tab)
        sign_in(tab, desk.url, people.keys["ratna"])
        for path in ("", f"perubahan/{PAGE}", "rilis"):
            found += look(tab, desk.url + path)
        assert traffic.blocked == []
    assert found == []
