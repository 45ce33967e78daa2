"""The offline preview: a zip that works from file:// with no network, shows what changed, is what reviews cite."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, Ppid, write
from helpers.browser import guarded_browser
from pipeline.preview.diff import render_diff

NEW_PAGE = "informasi-publik/serta-merta/pemadaman-listrik-terencana"
EDITED_PAGE = "layanan/jam-layanan"
DEMO_FILES = ("content", "drafts", "reviews", "site_config", "overrides", "mkdocs.yml")


def copy_demo(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in DEMO_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> dict:
    """The shipped demo (with its submitted drafts) previewed once, unzipped into a fresh folder."""
    root = copy_demo(tmp_path_factory.mktemp("pratinjau") / "situs")
    result = subprocess.run([str(REPO / ".venv" / "bin" / "ppid"), "--site", str(root), "preview", "--pdf"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    zips = list((root / "preview").glob("pratinjau-*.zip"))
    assert len(zips) == 1
    unpacked = tmp_path_factory.mktemp("dibuka")
    with zipfile.ZipFile(zips[0]) as archive:
        archive.extractall(unpacked)
    (top,) = unpacked.iterdir()
    return {"root": root, "zip": zips[0], "top": top, "out": result.stdout}


def test_zip_holds_site_start_page_and_manifest(preview) -> None:
    top: Path = preview["top"]
    manifest = json.loads((top / "manifest.json").read_text(encoding="utf-8"))
    assert top.name.endswith(preview["zip"].stem.rsplit("-", 1)[1])
    assert set(manifest["changes"]) == {f"{NEW_PAGE}.md", f"{EDITED_PAGE}.md", "informasi-publik/serta-merta/index.md"}
    assert manifest["inputs"][f"drafts/{NEW_PAGE}.md"]
    kept = list((preview["root"] / "reviews" / "manifests").glob("*.json"))
    assert any(json.loads(p.read_text(encoding="utf-8")) == manifest for p in kept)


def test_reviewer_walks_the_preview_offline_with_no_request_leaving_file(preview) -> None:
    top: Path = preview["top"]
    with guarded_browser() as (context, traffic):
        page = traffic.watch(context.new_page())
        page.goto((top / "MULAI-DI-SINI.html").as_uri())
        page.wait_for_url("**/ringkasan-perubahan.html")
        assert page.locator("h1").inner_text().startswith("Ringkasan Perubahan")
        table = page.locator("article table").first
        links = [a.get_attribute("href") for a in table.locator("a").all()]
        assert sorted(links) == sorted([f"{NEW_PAGE}.html", f"{EDITED_PAGE}.html", "informasi-publik/serta-merta/index.html"])
        for href in links:
            page.goto((top / "situs" / "ringkasan-perubahan.html").as_uri())
            page.locator(f'article table a[href="{href}"]').click()
            page.wait_for_load_state("load")
            banner = page.locator(".ppid-banner")
            assert banner.count() == 1, href
            assert "PRATINJAU — belum disetujui" in banner.inner_text()
            assert "diajukan, menunggu tinjauan Sub Koordinator" in banner.inner_text()
        page.goto((top / "situs" / "kontak.html").as_uri())
        assert page.locator(".ppid-banner").count() == 0  # approved pages carry no banner
        page.locator(".md-search__input").click()
        page.keyboard.type("genset", delay=30)  # the search listens to key events, not a filled value
        result = page.locator(".md-search-result__item").first
        result.wait_for(timeout=15000)
        assert "Pemadaman Listrik Terencana" in page.locator(".md-search-result").inner_text()
    assert traffic.blocked == []
    assert [u for u in traffic.requests if not u.startswith(("file://", "data:", "blob:"))] == []
    assert any(u.endswith("iframe-worker-1.0.4-shim.js") for u in traffic.requests)


def test_summary_pdf_for_the_review_meeting(preview) -> None:
    pdf = preview["zip"].with_suffix(".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ringkasan Perubahan" in text
    assert f"{EDITED_PAGE}.md" in text and "Pemadaman Listrik Terencana" in text
    assert "Buka halaman ini di pratinjau" not in text  # a link that does nothing on paper
    assert all(column in text for column in ("Halaman", "Pengaju", "Status", "Temuan", "Hash"))  # every column printed


def test_summary_diff_shows_exactly_the_lines_changed(preview) -> None:
    html = (preview["top"] / "situs" / "ringkasan-perubahan.html").read_text(encoding="utf-8")
    assert "| Senin | <del>07.30</del> - <del>15.00</del> WIB | 12.00 - 13.00 WIB |" in html
    assert "| Senin | <ins>08.00</ins> - <ins>15.30</ins> WIB | 12.00 - 13.00 WIB |" in html
    assert "Sabtu, Minggu, dan hari libur nasional" in html  # context line, not a change
    assert html.count('class="ppid-diff-del"') == 4  # Senin-Kamis; Jumat kept its 15.30


def test_render_diff_marks_removed_and_added_lines() -> None:
    out = render_diff("a\nb\nc\n", "a\nB baru\nc\nd\n")
    assert '<div class="ppid-diff-del"><span class="ppid-diff-no">2</span><span class="ppid-diff-no"></span><span class="ppid-diff-sign">−</span><del>b</del></div>' in out
    assert "<ins>B</ins><ins> baru</ins>" in out or "<ins>B baru</ins>" in out
    assert '<span class="ppid-diff-sign">+</span>d</div>' in out


def test_rebuild_after_one_draft_changed_is_warm_and_keeps_search_whole(preview, capsys) -> None:
    root: Path = preview["root"]
    index = root / ".ppid" / "preview" / "site" / "search" / "search_index.json"
    before = {d["location"].split("#")[0] for d in json.loads(index.read_text(encoding="utf-8"))["docs"]}
    draft = root / "drafts" / f"{EDITED_PAGE}.md"
    write(draft, draft.read_text(encoding="utf-8") + "\nMeja layanan juga melayani pada Sabtu pertama tiap bulan.\n")
    ppid = Ppid(root, capsys)
    code, out, _ = ppid("preview")
    assert code == 0 and "(bangun ulang cepat)" in out
    after = json.loads(index.read_text(encoding="utf-8"))["docs"]
    assert {d["location"].split("#")[0] for d in after} == before
    assert any("Sabtu pertama tiap bulan" in d["text"] for d in after)
    script = (index.parent / "search_index.js").read_text(encoding="utf-8")
    assert "Sabtu pertama tiap bulan" in script and "genset" in script


def test_serve_offers_the_same_preview_on_loopback(preview) -> None:
    root: Path = preview["root"]
    process = subprocess.Popen([str(REPO / ".venv" / "bin" / "ppid"), "--site", str(root), "preview", "--serve", "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        url = None
        for line in process.stdout:
            if line.startswith("Pratinjau daring: "):
                url = line.split()[2]
                break
        assert url and url.startswith("http://127.0.0.1:")
        with guarded_browser() as (context, traffic):
            page = traffic.watch(context.new_page())
            page.goto(url)
            assert page.locator("h1").inner_text().startswith("Ringkasan Perubahan")
        assert traffic.blocked == [] and traffic.console_errors == []
    finally:
        process.terminate()
        process.wait(timeout=10)
