"""`ppid verify-site`: anyone checks over HTTP that what is served is exactly the signed release."""

from __future__ import annotations

import pytest

from helpers.publishing import stage
from pipeline.cli import main
from pipeline.demo import create_identities
from pipeline.signing import generate_key, load_private_key, public_key_line
from pipeline.site import Site


def verify(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["verify-site", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def published(tmp_path):
    with stage(tmp_path) as st:
        keys = create_identities(Site(st.site), tmp_path / "kunci")
        st.key = load_private_key(keys["ratna"], None)
        st.publish()
        st.root_pub = keys["root"].with_name("root.pub")
        yield st


def test_verify_site_confirms_the_served_release_and_its_signer(published, capsys, tmp_path):
    log = published.site / "records" / "publikasi" / "uji.jsonl"
    code, out = verify(capsys, published.url, "--root-key", str(published.root_pub), "--log", str(log))
    assert code == 0, out
    assert "sama dengan rilis yang ditandatangani Koordinator" in out
    assert "adalah koordinator di registri" in out and "rantai log publikasi utuh (1 entri)" in out

    stranger = tmp_path / "lain.pub"
    stranger.write_text(public_key_line(generate_key()) + "\n")
    code, out = verify(capsys, published.url, "--root-key", str(stranger))
    assert code == 1 and "tidak sah terhadap kunci akar" in out


def test_verify_site_finds_altered_file_injected_page_and_broken_log(published, capsys):
    live = published.target / "live"
    page = live / "layanan" / "index.html"
    page.write_text(page.read_text().replace("</article>", '<div style="display:none"><a href="https://slot.example/">slot gacor</a><a href="http://[x">x</a></div></article>'))
    (live / "slot-gacor").mkdir()
    (live / "slot-gacor" / "index.html").write_text("<h1>SLOT GACOR MAXWIN</h1>")
    log = published.target / "state" / "log.jsonl"
    log.write_bytes(log.read_bytes().replace(b'"action":"publish"', b'"action":"takedown"'))

    code, out = verify(capsys, published.url)
    assert code == 1
    assert f"{published.url}layanan/: isi berbeda dari manifes" in out
    assert f"{published.url}slot-gacor/: disajikan tetapi tidak ada di manifes" in out
    assert "rantai log publikasi" in out or "log publikasi" in out and "SALAH" in out
    assert "BUKAN tepat rilis yang disetujui" in out
    assert "tidak dapat didaftar lewat HTTP" in out  # it says what it cannot see


def test_verify_site_refuses_a_bad_release_signature(published, capsys):
    manifest = next((published.target / "live").resolve().glob(".well-known/ppid/manifest.json"))
    text = manifest.read_text()
    manifest.write_text(text.replace('"approver": "ratna"', '"approver": "ratnaa"', 1).replace(
        '\\"approver\\":\\"ratna\\"', '\\"approver\\":\\"budi\\"'))
    code, out = verify(capsys, published.url)
    assert code == 1 and "tanda tangan rilis tidak sah" in out


@pytest.mark.parametrize("served", ["bukan-waktu", "2026-01-02T03:00:00Z", "2026-01-02T03:00:00+07:00"])
def test_verify_site_judges_the_signed_approval_time_not_the_served_one(published, capsys, tmp_path, served):
    """The approval time a hostile server serves beside the signature (to hide an expired key, or to crash the
    checker) is not believed: only the time inside the signed bytes counts."""
    import json

    manifest = next((published.target / "live").resolve().glob(".well-known/ppid/manifest.json"))
    data = json.loads(manifest.read_text())
    data["release"]["approved_at"] = served
    manifest.write_text(json.dumps(data))
    code, out = verify(capsys, published.url, "--root-key", str(published.root_pub))
    assert code == 1 and "waktu persetujuan rilis" in out and served in out, out
    assert "kesalahan internal" not in out.lower() and "Traceback" not in out


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://127.0.0.1/", "http://", "situs"])
def test_verify_site_refuses_an_address_that_is_no_web_site(capsys, url):
    code, out = verify(capsys, url)
    assert code == 2 and "http:// atau https://" in out and url in out
    assert "kesalahan internal" not in out
