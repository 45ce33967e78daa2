"""The desk refuses what a hostile web page could send it: a POST without the session or without its CSRF
token, a foreign Host header (DNS rebinding), a request from another origin; its cookie and headers keep
scripts and assets of other hosts out. `ppid meja` itself serves on 127.0.0.1 only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import tree_digest
from helpers.desk import Client, running_desk, signed_in


def test_cookie_and_headers_keep_other_hosts_out(site: Path, people) -> None:
    with running_desk(site) as desk:
        status, headers, _ = Client(desk.url).send("GET", "/masuk")
    assert status == 200
    cookie = headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["x-frame-options"] == "DENY"


def test_forged_and_foreign_requests_change_nothing(site: Path, people) -> None:
    before = tree_digest(site)
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["ratna"])
        withdraw = {"halaman": "layanan/permohonan.md", "komentar": "uji", "csrf": token}
        no_token = {k: v for k, v in withdraw.items() if k != "csrf"}
        status, _, text = client.send("POST", "/tarik", no_token, Origin=client.origin)
        assert status == 403 and "CSRF" in text
        status, _, text = client.send("POST", "/tarik", {**withdraw, "csrf": "tebakan"}, Origin=client.origin)
        assert status == 403 and "CSRF" in text
        status, _, text = client.send("POST", "/tarik", withdraw, Origin="http://penyerang.example")
        assert status == 403 and "asal (Origin) lain" in text
        status, _, text = client.send("POST", "/tarik", withdraw)  # neither Origin nor Referer
        assert status == 403
        for broken in ("http://[x", "http://[::1"):  # no browser sends these: refused, not a crash
            status, _, text = client.send("POST", "/tarik", withdraw, Origin=broken)
            assert status == 403 and "asal (Origin) lain" in text
            status, _, text = client.send("POST", "/tarik", withdraw, Referer=broken)
            assert status == 403
        status, _, text = client.send("POST", "/tarik", withdraw, Origin=client.origin, Sec_Fetch_Site="cross-site")
        assert status == 403 and "situs lain" in text
        status, _, text = client.send("GET", "/", Host=f"penyerang.example:{client.port}")
        assert status == 403 and "Host" in text
        stranger = Client(desk.url)
        status, _, text = stranger.send("POST", "/tarik", withdraw, Origin=client.origin)
        assert status == 403 and "tidak ada sesi" in text
        assert tree_digest(site) == before
        # The same request, from the page itself, does what it says: the refusals above came from the checks.
        status, headers, _ = client.send("POST", "/tarik", {**withdraw, "kembali": "/"}, Origin=client.origin)
        assert status == 303
    assert not (site / "content" / "layanan" / "permohonan.md").exists()


def test_ppid_meja_serves_on_loopback_and_says_where(site: Path, people) -> None:
    desk = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--site", str(site), "meja", "--tanpa-browser"],
                            stdout=subprocess.PIPE, text=True)
    try:
        first = desk.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
        status, _, html = Client(url).send("GET", "/masuk")
        assert status == 200 and "Buka kunci" in html and 'lang="id"' in html
    finally:
        desk.terminate()
        desk.wait(timeout=10)


def test_signing_in_renews_the_session(site: Path, people) -> None:
    """A session id planted before signing in (session fixation) is worth nothing afterwards."""
    with running_desk(site) as desk:
        client = Client(desk.url)
        _, headers, html = client.send("GET", "/masuk")
        planted = client.cookie = headers["set-cookie"].split(";")[0]
        token = re.search(r'name="csrf" content="([^"]+)"', html).group(1)
        status, headers, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(people.keys["siti"])},
                                         Origin=client.origin)
        assert status == 303 and headers["set-cookie"].split(";")[0] != planted
        status, headers, _ = client.send("GET", "/")
        assert status == 303 and headers["location"].endswith("/masuk")


def _try_unlock(client: Client, key: Path, passphrase: str) -> str:
    """One attempt at the sign-in form; the message the page then shows."""
    if not client.cookie:
        _, headers, _ = client.send("GET", "/masuk")
        client.cookie = headers["set-cookie"].split(";")[0]
    _, _, html = client.send("GET", "/masuk")
    token = re.search(r'name="csrf" content="([^"]+)"', html).group(1)
    status, headers, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(key), "frasa": passphrase,
                                                        "kembali": "/masuk"}, Origin=client.origin)
    assert status == 303
    if "set-cookie" in headers:
        client.cookie = headers["set-cookie"].split(";")[0]
    _, _, html = client.send("GET", "/masuk")
    return " ".join(re.findall(r'class="pesan[^"]*"[^>]*>(.*?)</div>', html, re.S))


def test_guessing_a_passphrase_is_slowed_per_session_and_per_key(site: Path, people, tmp_path: Path) -> None:
    """After five wrong passphrases the desk makes the guesser wait, even with the right one; a new session (a
    dropped cookie) does not reset the key's count, and the same session cannot turn to another key."""
    from pipeline.signing import load_private_key, write_private_key

    locked = tmp_path / "siti-terkunci"
    write_private_key(locked, load_private_key(people.keys["siti"], None), "frasa-benar")
    clock = [1000.0]
    with running_desk(site) as desk:
        desk.desk.attempts.clock = lambda: clock[0]
        guesser = Client(desk.url)
        for guess in range(5):
            assert "frasa sandi kunci privat salah" in _try_unlock(guesser, locked, f"tebakan-{guess}")
        refused = _try_unlock(guesser, locked, "frasa-benar")
        assert "terlalu banyak percobaan" in refused and "30 detik" in refused
        assert "terlalu banyak percobaan" in _try_unlock(Client(desk.url), locked, "frasa-benar")  # a new session
        assert "di sesi ini" in _try_unlock(guesser, people.keys["budi"], "")                     # another key
        clock[0] += 31
        assert "frasa sandi kunci privat salah" in _try_unlock(guesser, locked, "tebakan-6")
        assert "60 detik" in _try_unlock(guesser, locked, "frasa-benar")                         # the wait doubles
        clock[0] += 61
        assert "Selamat datang, Siti" in _try_unlock(Client(desk.url), locked, "frasa-benar")
