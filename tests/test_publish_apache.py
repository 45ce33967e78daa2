"""The .htaccess `ppid publish` puts in every release, served by a real Apache 2.4 on 127.0.0.1.

nginx gates the deploy (the pre-switch CSP check talks to it, as in test_publish_deploy.py); Apache serves
the same target folder, so every answer can be compared with what nginx sends for the same release."""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import write, write_bytes
from helpers.apache import running_apache, world_readable_dir
from helpers.nginx import free_port
from helpers.publishing import sha256, stage
from pipeline.publish.manifest import url_of
from pipeline.publish.webserver import SECURITY_HEADERS, inline_script_hashes

CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                 ".svg": "image/svg+xml", ".png": "image/png", ".pdf": "application/pdf", ".json": "application/json"}
HIDDEN = {".git/config": b"[remote \"origin\"]\n\turl = https://rahasia@example.invalid/ppid.git\n",
          ".env": b"KUNCI_RAHASIA=jangan-tampil\n", "dokumen/.kunci": b"KUNCI_RAHASIA=jangan-tampil\n"}


UPLOADED_HTACCESS = b"Options +Indexes\nHeader always unset Content-Security-Policy\nRewriteEngine Off\n"
CGI = b"#!/bin/sh\nprintf 'Content-Type: text/plain\\n\\nDIJALANKAN'\n"


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def script_sources(csp: str) -> set[str]:
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    return set(directives["script-src"].split())


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture(scope="module")
def served():
    """One published release behind nginx and Apache at once; yields (stage, apache URL)."""
    with world_readable_dir("ppid-apache-") as base, stage(base, check_pages=1) as st:
        write_bytes(st.site / "content" / "files" / "alat.cgi", CGI)  # an upload the host would run
        write_bytes(st.site / "content" / "files" / ".htaccess", UPLOADED_HTACCESS)
        write_bytes(st.site / "content" / "files" / "Denah.PNG", png())  # a camera's upper-case suffix
        write(st.site / "content" / "denah.md", "---\ntitle: Denah Kantor\njenis: halaman\n---\n\n"
              "# Denah Kantor\n\n![Denah kantor PPID](files/Denah.PNG)\n")
        st.publish()
        (st.target / "live" / "files" / "alat.cgi").chmod(0o755)
        port = free_port()
        with running_apache(st.target, port):
            yield st, f"http://127.0.0.1:{port}/"


def test_every_file_of_the_manifest_is_served_with_its_bytes_and_type(served):
    st, apache = served
    manifest = st.served_manifest()
    for rel, digest in manifest["files"].items():
        code, headers, body = fetch(apache + url_of(rel))
        assert code == 200 and sha256(body) == digest, rel
        suffix = "." + rel.rsplit(".", 1)[-1]
        if suffix in CONTENT_TYPES:
            assert headers["Content-Type"] == CONTENT_TYPES[suffix], rel
        assert headers["X-Content-Type-Options"] == "nosniff"
    # What a page loads comes from the release's own prefix, and that is served too.
    home = fetch(apache)[2].decode()
    loaded = re.findall(r'(?:href|src)="(/?_rilis/[^"]+)"', home)
    assert loaded and all(fetch(urljoin(apache, ref))[0] == 200 for ref in loaded)
    page = fetch(apache + "denah/")[2].decode()
    image = re.search(r'<img[^>]* src="([^"]+)"', page).group(1)
    assert "_rilis/" in image and fetch(urljoin(st.url + "denah/", image))[0] == 200, ("nginx", image)
    assert fetch(urljoin(apache + "denah/", image))[0] == 200, image
    assert fetch(apache + "layanan/permohonan")[0] == 200  # a folder without its slash: redirected, then served


def test_an_uploaded_script_is_sent_as_a_file_never_run(served):
    _, apache = served
    code, _, body = fetch(apache + "files/alat.cgi")
    assert code == 200 and body == CGI


@pytest.mark.parametrize("path", ["", "layanan/permohonan/", "tidak/ada/sama/sekali", ".htaccess", "assets/",
                                  "_rilis/", ".well-known/ppid/manifest.json", "assets/stylesheets/ppid.css"])
def test_security_headers_are_the_ones_nginx_sends(served, path):
    st, apache = served
    code, headers, body = fetch(apache + path)
    nginx_code, nginx_headers, _ = fetch(st.url + path)
    assert code == nginx_code, path
    for name in ("Content-Security-Policy", *SECURITY_HEADERS):
        assert headers.get(name) == nginx_headers[name], (path, name)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "img-src 'self' data:" in csp and "frame-ancestors 'none'" in csp
    assert all(h in csp for h in st.served_manifest()["csp_script_hashes"])
    # The inline scripts of the page actually served run under this CSP.
    if headers.get("Content-Type", "").startswith("text/html"):
        assert inline_script_hashes(body.decode()) <= script_sources(csp)
    assert "Apache/" not in body.decode(errors="replace")


def test_hidden_files_folders_and_other_releases_pages_are_not_served(served):
    st, apache = served
    release = st.target / "live"
    for rel, secret in HIDDEN.items():  # planted in the live release, as a careless upload would
        write_bytes(release / rel, secret)
    folder = st.live()
    refused = [".htaccess", ".git/config", ".git/", ".git", ".env", "dokumen/.kunci", ".ppid-build", "assets/",
               "assets/javascripts/", "_rilis/", f"_rilis/{folder}/", f"_rilis/{folder}/index.html",
               f"_rilis/{folder}/layanan/permohonan/", f"_rilis/{folder}/files/formulir.pdf",
               f"_rilis/{folder}/.htaccess", f"_rilis/{folder}/.well-known/ppid/manifest.json",
               f"_rilis/{folder}/riwayat-publikasi/", f"_rilis/{folder}/.git/config", "%2egit/config",
               "assets/%2e%2e/.env", f"_rilis/{folder}/_rilis/{folder}/index.html",
               f"/_rilis/{folder}/index.html", f"_rilis/{folder}/assets/../index.html", "files/"]
    for path in refused:
        code, _, body = fetch(apache + path)
        assert code == 404, (path, code)
        assert b"Index of" not in body and b"KUNCI_RAHASIA" not in body and b"rahasia@" not in body, path
        assert b"Halaman tidak ditemukan" in body, path
    assert not (release / "files" / ".htaccess").exists()  # an uploaded .htaccess never reaches the server
    assert "Content-Security-Policy" in fetch(apache + "files/formulir.pdf")[1]
    htaccess = (release / ".htaccess").read_bytes()
    assert htaccess not in fetch(apache + ".htaccess")[2]
    assert fetch(apache + ".well-known/ppid/log.jsonl")[0] == 200  # the one dotted path served


def test_404_page_works_at_any_depth(served):
    st, apache = served
    for path in ("tidak-ada", "a/b/c/tidak-ada/", "layanan/permohonan/x/y/z.html"):
        code, headers, body = fetch(apache + path)
        assert code == 404 and headers["Content-Type"] == "text/html; charset=utf-8", path
        page = body.decode()
        assert "Halaman tidak ditemukan" in page and 'lang="id"' in page
        refs = {r for r in re.findall(r'(?:href|src)="([^"#]+)"', page) if not urlsplit(r).scheme}
        assert refs, path
        for ref in refs:
            assert fetch(urljoin(apache + path, ref))[0] == 200, (path, ref)


def test_a_switch_to_another_release_is_served(served):
    st, apache = served
    first = st.live()
    css_first = fetch(apache + "assets/stylesheets/ppid.css")[2]
    write(st.site / "content" / "index.md",
          "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nVersi kedua di Apache.\n")
    css = st.site / "overrides" / "assets" / "stylesheets" / "ppid.css"
    css.write_text(css.read_text() + "\n/* rilis kedua */\n")
    second = st.publish()
    assert second.changed and st.live() != first
    code, headers, body = fetch(apache)
    assert code == 200 and b"Versi kedua di Apache" in body
    allowed = script_sources(headers["Content-Security-Policy"]) - {"'self'"}
    assert inline_script_hashes(body.decode()) <= allowed == set(st.served_manifest()["csp_script_hashes"])
    assert b"rilis kedua" in fetch(apache + "assets/stylesheets/ppid.css")[2]
    # A page of the first release loaded just before the switch still gets its own stylesheet.
    code, _, old_css = fetch(f"{apache}_rilis/{first}/assets/stylesheets/ppid.css")
    assert code == 200 and old_css == css_first
    assert fetch(f"{apache}_rilis/{first}/index.html")[0] == 404



def test_a_target_served_by_apache_alone_is_published_switched_and_rolled_back(tmp_path):
    """`server: apache` in deploy.yml: no nginx anywhere; each release's .htaccess carries its headers and CSP,
    switched with it, and the checks after the switch judge what Apache serves."""
    import json

    from conftest import make_site
    from helpers.releases import build, signed_release
    from pipeline.publish.deploy import deploy, rollback
    from pipeline.site import Site

    with world_readable_dir("ppid-apache-saja-") as base:
        site, target, port = make_site(base / "situs"), base / "www", free_port()
        (target / "releases" / ".kosong").mkdir(parents=True)  # the placeholder publishing.md tells admins to make
        (target / "live").symlink_to("releases/.kosong", target_is_directory=True)
        (site / "site_config" / "deploy.yml").write_text(json.dumps({"targets": {"uji": {
            "type": "local", "server": "apache", "path": str(target), "url": f"http://127.0.0.1:{port}/",
            "keep": 3, "check_pages": 1}}}), encoding="utf-8")
        url = f"http://127.0.0.1:{port}/"
        with running_apache(target, port):
            first = deploy(Site(site), "uji", build(site, base / "b0"), signed_release(site))
            code, headers, body = fetch(url + "layanan/permohonan/")
            assert code == 200 and b"Tata Cara Permohonan" in body
            csp = headers["Content-Security-Policy"]
            assert script_sources(csp) >= inline_script_hashes(body.decode("utf-8"))
            page = site / "content" / "layanan" / "permohonan.md"
            page.write_text(page.read_text(encoding="utf-8").replace("Tata Cara Permohonan", "Cara Memohon"),
                            encoding="utf-8")
            deploy(Site(site), "uji", build(site, base / "b1"), signed_release(site))
            assert b"Cara Memohon" in fetch(url + "layanan/permohonan/")[2]
            rollback(Site(site), "uji", None)
            assert b"Tata Cara Permohonan" in fetch(url + "layanan/permohonan/")[2]
            assert (target / "live").resolve().name == first.folder
        assert not (target / "nginx").exists() and not any(target.rglob("nginx.conf"))
