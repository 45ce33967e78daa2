"""Publishing to a local target served by a real nginx: switch, check, log, rollback, roll forward."""

from __future__ import annotations

import fcntl
import json
import re
import urllib.error
import urllib.request

import pytest

from conftest import write
from helpers.browser import guarded_browser
from helpers.publishing import sha256, small_disk, stage
from pipeline.errors import PpidError
from pipeline.publish.deploy import list_releases, rollback
from pipeline.publish.history import indonesian_time
from pipeline.publish.publog import parse_log
from pipeline.site import Site


def response(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def assert_serves_manifest(st) -> dict:
    manifest = st.served_manifest()
    for rel, digest in manifest["files"].items():
        url_path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        assert sha256(st.get(url_path)) == digest, rel
    return manifest


def test_publish_change_publish_rollback_roll_forward(tmp_path):
    with stage(tmp_path) as st:
        first = st.publish()
        assert first.changed and st.live() == first.folder
        manifest_a = assert_serves_manifest(st)
        home_a = st.get("/").decode()
        css_a = re.search(r'href="([^"]*ppid\.css)"', home_a).group(1)
        assert css_a.startswith(f"_rilis/{first.folder}/")

        again = st.publish()
        assert not again.changed and "sudah tayang" in again.message

        write(st.site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nVersi kedua.\n")
        css = st.site / "overrides" / "assets" / "stylesheets" / "ppid.css"
        css.write_text(css.read_text() + "\n/* rilis kedua */\n")
        second = st.publish()
        assert second.changed and st.live() == second.folder
        assert "Versi kedua" in st.get("/").decode()
        assert_serves_manifest(st)
        # A page loaded from the first release just before the switch still gets the first release's CSS.
        assert sha256(st.get(css_a)) == manifest_a["files"]["assets/stylesheets/ppid.css"]
        assert b"rilis kedua" not in st.get(css_a) and b"rilis kedua" in st.get("assets/stylesheets/ppid.css")

        back = rollback(Site(st.site), "uji")
        assert back.folder == first.folder and st.live() == first.folder
        assert "Versi kedua" not in st.get("/").decode()
        assert st.served_manifest() == manifest_a

        forward = rollback(Site(st.site), "uji", to=second.folder)
        assert st.live() == second.folder and forward.action == "rollback"

        kept = list_releases(Site(st.site), "uji")
        assert [k.folder for k in kept] == [first.folder, second.folder] and [k.live for k in kept] == [False, True]

        log = (st.site / "records" / "publikasi" / "uji.jsonl").read_bytes()
        entries = parse_log(log, "log")
        assert [e.action for e in entries] == ["publish", "publish", "rollback", "rollback"]
        assert [e.folder for e in entries] == [first.folder, second.folder, first.folder, second.folder]
        assert st.get(".well-known/ppid/log.jsonl") == log
        history = st.get("riwayat-publikasi/").decode()
        assert history.count("<tr><td>") == 4 and "Riwayat Publikasi" in history
        # Times are shown in the agency's zone (WIB), whatever day or month it is there now.
        assert indonesian_time(entries[0].time, "Asia/Jakarta") in history
        assert re.search(r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
                         r"Desember) \d{4}, \d\d\.\d\d WIB", history)


def test_security_headers_on_real_responses_and_nothing_hidden_served(tmp_path):
    with stage(tmp_path) as st:
        st.publish()
        csp_hashes = st.served_manifest()["csp_script_hashes"]
        assert len(csp_hashes) >= 3
        for path, status in (("", 200), ("layanan/permohonan/", 200), ("tidak/ada/sama/sekali", 404),
                             (".git/config", 404), (".htaccess", 404), (".ppid-build", 404), ("assets/", 404),
                             ("_rilis/", 404), (".well-known/ppid/manifest.json", 200)):
            code, headers, body = response(st.url + path)
            assert code == status, path
            csp = headers["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "img-src 'self' data:" in csp and "frame-ancestors 'none'" in csp
            assert all(h in csp for h in csp_hashes)
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert "Referrer-Policy" in headers and "Permissions-Policy" in headers
        code, _, body = response(st.url + "a/b/c/d/tidak-ada")
        assert code == 404 and b'href="/_rilis/' in body  # the 404 page's assets resolve at any depth
        # Old releases' pages are not served under the versioned prefix, only assets and images.
        folder = st.live()
        assert response(f"{st.url}_rilis/{folder}/index.html")[0] == 404
        assert response(f"{st.url}_rilis/{folder}/assets/stylesheets/ppid.css")[0] == 200

        with guarded_browser() as (context, traffic):
            for path in ("", "layanan/permohonan/", "riwayat-publikasi/"):
                page = traffic.watch(context.new_page())
                page.goto(st.url + path)
                page.wait_for_timeout(300)
                page.close()
        assert traffic.console_errors == [] and traffic.blocked == []


def test_failed_check_switches_back_to_the_previous_release(tmp_path):
    with stage(tmp_path) as st:
        first = st.publish()
        before = st.get("/")
        write(st.site / "content" / "index.md",
              "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nDiubah.\n")
        from helpers.releases import build, signed_release
        from pipeline.publish.deploy import deploy
        built = build(st.site, tmp_path / "rusak")
        index = built / "index.html"
        index.write_text(index.read_text().replace("</body>", '<img src="https://judi.example/x.png"></body>'))
        with pytest.raises(PpidError) as caught:
            deploy(Site(st.site), "uji", built, signed_release(st.site))
        assert "judi.example" in str(caught.value) and f"rilis {first.folder} tayang kembali" in str(caught.value)
        assert st.live() == first.folder and st.get("/") == before
        entries = parse_log((st.site / "records/publikasi/uji.jsonl").read_bytes(), "log")
        assert [e.folder for e in entries] == [first.folder]


@pytest.mark.parametrize("chromium", ["headless-shell", "full"])
def test_csp_violation_and_console_error_after_the_switch_are_refused(tmp_path, monkeypatch, chromium):
    """The check in Chromium catches what the byte check cannot (the bytes are the release's own), whichever
    Chromium binary runs it: CSP violations, console errors, a link to another host laid out where no reader
    sees it."""
    from helpers.releases import build, signed_release
    from pipeline.browser import CHROMIUM
    from pipeline.publish import browser_check
    from pipeline.publish.deploy import deploy

    if chromium == "full":
        monkeypatch.setattr(browser_check, "HEADLESS_SHELL", CHROMIUM)
    elif browser_check.executable() != browser_check.HEADLESS_SHELL:
        pytest.skip("chromium-headless-shell is not installed")
    with stage(tmp_path) as st:
        first = st.publish()
        write(st.site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nBaru.\n")
        built = build(st.site, tmp_path / "rusak")
        index = built / "index.html"
        index.write_text(index.read_text().replace(
            "</body>", '<p style="color: red">gaya sebaris</p><script src="/tidak-ada.js"></script></body>').replace(
            "</article>", '<p class="mitra"><a href="https://slot-gacor.example/">Mitra</a></p></article>'))
        # A link the build's gate passed (its cover is a pseudo-element) but no reader sees once laid out.
        sheet = built / "assets" / "stylesheets" / "ppid.css"
        sheet.write_text(sheet.read_text() + "\n.mitra { position: relative } .mitra::after { content: ''; "
                         "position: absolute; inset: 0; background: var(--md-default-bg-color) }\n")
        with pytest.raises(PpidError) as caught:
            deploy(Site(st.site), "uji", built, signed_release(st.site))
        assert "pelanggaran CSP" in str(caught.value) and "galat konsol" in str(caught.value)
        assert "tautan tersembunyi" in str(caught.value) and "slot-gacor.example" in str(caught.value), caught.value
        assert st.live() == first.folder


def test_server_down_target_missing_and_second_deploy_refused_live_untouched(tmp_path):
    with stage(tmp_path) as st:
        first = st.publish()
        lock = open(st.site / ".ppid" / "publish" / "uji.lock", "a+")
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(PpidError, match="sedang berjalan"):
            rollback(Site(st.site), "uji", to=first.folder)
        lock.close()
    # nginx is stopped now.
    write(st.site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nBaru.\n")
    with pytest.raises(PpidError, match="Apakah nginx berjalan\\? Situs online tidak diubah"):
        st.publish()
    assert st.live() == first.folder
    config = json.loads((st.site / "site_config" / "deploy.yml").read_text())
    config["targets"]["uji"]["path"] = str(tmp_path / "tidak-ada")
    (st.site / "site_config" / "deploy.yml").write_text(json.dumps(config))
    with pytest.raises(PpidError, match="tidak ada; buat dulu"):
        st.publish()


def test_deploy_yml_errors_reported_at_once_with_lines(tmp_path, ppid, site):
    (site / "site_config" / "deploy.yml").write_text(
        "targets:\n  lokal:\n    type: local\n    path: /tmp/x\n    url: http://127.0.0.1:8080/\n"
        "    keep: banyak\n    warna: merah\n", encoding="utf-8")
    code, out, err = ppid("releases")
    assert code != 0
    assert "site_config/deploy.yml:6:" in err and "keep" in err
    assert "site_config/deploy.yml:7:" in err and "'warna' tidak dikenal" in err
    assert "Traceback" not in err


def test_disk_full_on_the_target_refused_clearly_live_untouched(tmp_path):
    with small_disk(tmp_path / "www", "4m"), stage(tmp_path, check_pages=0) as st:
        first = st.publish()  # one release (about 2.7 MB) fits, a second does not
        write(st.site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nBaru.\n")
        before = st.get("/")
        with pytest.raises(PpidError, match="disk penuh.*Situs online tidak diubah"):
            st.publish()
        assert st.live() == first.folder and st.get("/") == before
        assert [p.name for p in (st.target / "releases").iterdir()] == [first.folder]
