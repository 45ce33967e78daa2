"""A hostile pass on the desk over real HTTP: a session that never unlocked a key, an ended or idle session,
hostile form values and file names, uploads of active content or over someone else's file, a decision button
that was never pressed, two browsers deciding at once. Every answer is a message, never a 500."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import MINIMAL_PAGES, tiny_pdf, tree_digest, write
from helpers.browser import guarded_browser
from helpers.desk import Client, running_desk, sign_in, signed_in
from pipeline.cli import main

PAGE = "layanan/permohonan.md"
NEW = "layanan/jam.md"
NEW_TEXT = MINIMAL_PAGES[PAGE].replace("Tata Cara Permohonan Informasi", "Jam Layanan")


def fresh(url: str) -> tuple[Client, str]:
    """A browser that opened the desk but never unlocked a key: a session and its token, nothing more."""
    client = Client(url)
    _, headers, html = client.send("GET", "/masuk")
    client.cookie = headers["set-cookie"].split(";")[0]
    return client, re.search(r'name="csrf" content="([^"]+)"', html).group(1)


def shown(client: Client, path: str = "/") -> str:
    """The messages the next page shows this person."""
    status, headers, html = client.send("GET", path)
    if status == 303:
        status, _, html = client.send("GET", headers["location"].split(str(client.port), 1)[-1])
    return " ".join(re.findall(r'<div class="pesan[^>]*>(.*?)</div>', html, re.S))


def reviews(site: Path) -> set[str]:
    return {p.name for p in (site / "reviews").rglob("*.yml")}


def test_a_session_without_an_unlocked_key_changes_nothing(site: Path, people) -> None:
    before = tree_digest(site)
    with running_desk(site) as desk:
        anon, token = fresh(desk.url)
        forms = {"/draf": {"halaman": "liar.md", "title": "Liar", "isi": "x"}, "/pratinjau": {},
                 "/tampilan": {"isi": "# x"}, f"/ajukan/{PAGE}": {}, "/promosi": {},
                 "/tarik": {"halaman": PAGE, "komentar": "x"}, "/rilis/periksa": {"keputusan": "setuju"}}
        for path, form in forms.items():
            status, _, text = anon.send("POST", path, {**form, "csrf": token}, Origin=anon.origin)
            assert status == 403 and "buka kunci" in text, (path, status, text)
        status, _, text = anon.upload(f"/lampiran/{PAGE}", {"csrf": token}, b"a.pdf", tiny_pdf("x"))
        assert status == 403 and "buka kunci" in text
    assert tree_digest(site) == before and not (site / "preview").exists()


def test_sign_out_and_idle_time_end_the_session(site: Path, people) -> None:
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["ratna"])
        _, headers, _ = client.send("GET", "/masuk")
        assert "Path=/" in (headers.get("set-cookie") or "Path=/")
        status, headers, _ = client.send("POST", "/keluar", {"csrf": token}, Origin=client.origin)
        assert status == 303 and headers["set-cookie"].split(";")[0] != client.cookie
        status, _, text = client.send("POST", "/tarik", {"csrf": token, "halaman": PAGE, "komentar": "x"},
                                      Origin=client.origin)
        assert status == 403 and "tidak ada sesi" in text  # the old id is dead, not merely signed out

        client, token = signed_in(desk.url, people.keys["ratna"])
        desk.desk.sessions.idle_seconds = 0.5
        time.sleep(0.8)
        status, _, text = client.send("POST", "/tarik", {"csrf": token, "halaman": PAGE, "komentar": "x"},
                                      Origin=client.origin)
        assert status == 403 and "tidak ada sesi" in text
        status, headers, _ = client.send("GET", "/")
        assert status == 303 and headers["location"].endswith("/masuk")
    assert (site / "content" / PAGE).is_file()


HOSTILE_FORMS = [
    ("/draf", {"ada": "1", "halaman": "a\x00b.md", "title": "T", "isi": "x"}),
    ("/draf", {"ada": "1", "halaman": "Nama Liar.md", "title": "T", "isi": "x"}),
    ("/draf", {"ada": "1", "halaman": f"{PAGE}/anak.md", "title": "T", "isi": "x"}),
    ("/draf", {"halaman": "a" * 300 + ".md", "title": "T", "isi": "x"}),
    ("/draf", {"halaman": "layanan/" + "b" * 250 + ".md", "title": "T", "isi": "x"}),
    ("/draf", {"halaman": "baik.md", "title": "T", "isi": "x", "kembali": "/\r\nSet-Cookie: a=b"}),
    ("/draf", {"halaman": PAGE, "title": "Halaman baru bernama sama", "isi": "menimpa?"}),  # "new" over an existing page
    (f"/tinjau/{PAGE}", {"pratinjau": "/etc/passwd", "hash": "", "keputusan": "setuju"}),
    (f"/tinjau/{PAGE}", {"pratinjau": "../../*", "hash": "", "keputusan": "setuju"}),
    ("/tarik", {"halaman": "tidak-ada.md", "komentar": "x", "kembali": "/\\penyerang.example"}),
    ("/tarik", {"halaman": "tidak-ada.md", "komentar": "x", "kembali": "//penyerang.example/"}),
]


@pytest.mark.parametrize("path, form", HOSTILE_FORMS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(HOSTILE_FORMS)])
def test_hostile_form_values_get_a_message_and_stay_on_the_desk(site: Path, people, path: str, form: dict) -> None:
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["ratna"])
        status, headers, text = client.send("POST", path, {**form, "csrf": token}, Origin=client.origin)
        assert status in (200, 303), text
        location = headers.get("location", desk.url)
        assert location.startswith(desk.url) and "\\" not in location and "penyerang" not in location
        assert "set-cookie" not in headers or "a=b" not in headers["set-cookie"]
        page = text if status == 200 else shown(client, location.removeprefix(desk.url.rstrip("/")))
        assert "Kesalahan internal" not in page
    made = {p.relative_to(site).as_posix() for p in site.rglob("*.md")} - {f"content/{r}" for r in MINIMAL_PAGES}
    assert made <= {"drafts/baik.md"}, made


def test_undecodable_bytes_and_impossible_paths_are_messages(site: Path, people) -> None:
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        body = f"csrf={token}&halaman=%ff%fe.md&title=%c3&isi=%ff".encode()
        status, _, text = client.send("POST", "/draf", body=body, Origin=client.origin,
                                      Content_Type="application/x-www-form-urlencoded")
        assert status == 400 and "UTF-8" in text
        for path in ("/berkas/a%00b.pdf", "/berkas/" + "a" * 5000 + ".pdf", "/draf/" + "a" * 5000 + ".md",
                     "/perubahan/a%00b.md", "/pratinjau/pratinjau-%00.zip"):
            status, _, text = client.send("GET", path)
            assert status in (200, 404) and "Kesalahan internal" not in text, (path, text)


def test_uploads_land_in_drafts_files_only_with_safe_names_and_types(site: Path, people) -> None:
    write(site / "drafts" / NEW, NEW_TEXT)
    limits = site / "site_config" / "site.yml"
    limits.write_text(limits.read_text(encoding="utf-8").replace("attachment_bytes: 20000000",
                                                                  "attachment_bytes: 200000"), encoding="utf-8")
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        pdf = tiny_pdf("Lampiran uji")
        for name in (b"../../../luar.pdf", b"/etc/mutlak.pdf", b"C:\\\\Users\\\\x\\\\jendela.pdf"):
            status, _, _ = client.upload(f"/lampiran/{NEW}", {"csrf": token}, name, pdf)
            assert status == 303
        stored = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
        assert stored == ["content/files/formulir.pdf", "drafts/files/jendela.pdf", "drafts/files/luar.pdf",
                          "drafts/files/mutlak.pdf"]
        for name, why in ((b"halaman.html", "tidak diizinkan"), (b"gambar.svg", "tidak diizinkan"),
                          (b"skrip.js", "tidak diizinkan"), (b"a" * 200 + b".pdf", "terlalu panjang"),
                          (b"laporan\xe2\x80\x8b.pdf", "nama berkas lampiran")):
            status, _, _ = client.upload(f"/lampiran/{NEW}", {"csrf": token}, name, b"<script>alert(1)</script>")
            assert status == 303
            assert why in shown(client, f"/draf/{NEW}"), name
        status, _, text = client.upload(f"/lampiran/{NEW}", {"csrf": token}, b"nul\x00.pdf", b"x")
        assert status == 400 and "karakter kendali" in text
        status, _, _ = client.upload(f"/lampiran/{NEW}", {"csrf": token}, b"besar.pdf", b"%PDF" + b"0" * 300_000)
        assert "lebih besar dari batas" in shown(client, f"/draf/{NEW}")
        # content/files/formulir.pdf belongs to another page: a draft of the same name would replace it silently.
        status, _, _ = client.upload(f"/lampiran/{NEW}", {"csrf": token}, b"FORMULIR.pdf", pdf)
        assert "sudah dipakai" in shown(client, f"/draf/{NEW}")
        assert not (site / "drafts" / "files" / "formulir.pdf").exists()
        # Uploading the page's own attachment again replaces it, and says so.
        status, _, _ = client.upload(f"/lampiran/{NEW}", {"csrf": token}, b"luar.pdf", tiny_pdf("Versi dua"))
        assert "menggantikan" in shown(client, f"/draf/{NEW}")
    uploaded = {p.name for area in ("drafts", "content") for p in (site / area).rglob("*") if p.is_file()}
    assert not {n for n in uploaded if n.endswith((".html", ".svg", ".js"))} and not (site.parent / "luar.pdf").exists()


def test_a_decision_needs_its_button(site: Path, people) -> None:
    write(site / "drafts" / NEW, NEW_TEXT)
    assert main(["--site", str(site), "submit", NEW, "--key", str(people.keys["siti"])]) == 0
    assert main(["--site", str(site), "preview"]) == 0
    before = reviews(site)
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["budi"])
        _, _, html = client.send("GET", f"/perubahan/{NEW}")
        digest = re.search(r'name="hash" value="([^"]+)"', html).group(1)
        preview = re.search(r'name="pratinjau" value="([^"]+)"', html).group(1)
        for value in (None, "", "SETUJU", "ya"):
            form = {"csrf": token, "hash": digest, "pratinjau": preview, "komentar": "catatan"}
            status, _, _ = client.send("POST", f"/tinjau/{NEW}", {**form, **({"keputusan": value} if value is not None
                                                                            else {})}, Origin=client.origin)
            assert status == 303 and "pilih keputusan" in shown(client, f"/perubahan/{NEW}")
        client.send("POST", "/rilis/periksa", {"csrf": token, "komentar": "x"}, Origin=client.origin)
        assert "pilih keputusan" in shown(client, "/rilis")
    assert reviews(site) == before


def test_two_browsers_deciding_the_same_change_at_once_get_one_record(site: Path, people) -> None:
    write(site / "drafts" / NEW, NEW_TEXT)
    for args in (["submit", NEW, "--key", str(people.keys["siti"])], ["preview"],
                 ["review", NEW, "--setuju", "--key", str(people.keys["budi"])]):
        assert main(["--site", str(site), *args]) == 0
    before = reviews(site)
    with running_desk(site) as desk:
        tabs = [signed_in(desk.url, people.keys["ratna"]) for _ in range(2)]
        _, _, html = tabs[0][0].send("GET", f"/perubahan/{NEW}")
        digest = re.search(r'name="hash" value="([^"]+)"', html).group(1)
        start, answers = threading.Barrier(2), []

        def decide(client: Client, token: str) -> None:
            start.wait()
            answers.append(client.send("POST", f"/setujui/{NEW}", {"csrf": token, "hash": digest, "komentar": "ok",
                                                                   "kembali": f"/perubahan/{NEW}"}, Origin=client.origin))
        threads = [threading.Thread(target=decide, args=tab) for tab in tabs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert [a[0] for a in answers] == [303, 303]
        said = [shown(client, f"/perubahan/{NEW}") for client, _ in tabs]
    assert sum("Disetujui: layanan/jam.md" in s for s in said) == 1
    assert sum("Ditolak:" in s for s in said) == 1, said
    assert len(reviews(site) - before) == 1
    assert main(["--site", str(site), "verify"]) == 0


HOSTILE_PAGE = """---
title: "<script>window.kena = 'judul'</script>"
jenis: halaman
---

# Judul {: onclick="window.kena = 'atribut'" }

<script>window.kena = 'skrip'</script>

<img src="x" onerror="window.kena = 'gambar'">

[klik di sini](javascript:window.kena='tautan')

![pelacak](http://penyerang.example/piksel.png)
"""


def test_hostile_page_text_never_runs_in_the_desk(site: Path, people) -> None:
    write(site / "drafts" / NEW, HOSTILE_PAGE)
    with running_desk(site) as desk, guarded_browser() as (context, traffic):
        tab = traffic.watch(context.new_page())
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(tab, desk.url, people.keys["siti"])
        for path in (f"perubahan/{NEW}", f"draf/{NEW}"):
            tab.goto(desk.url + path)
            title = tab.locator("main") if path.startswith("perubahan") else tab.get_by_label("Judul")
            (expect(title).to_contain_text if path.startswith("perubahan") else expect(title).to_have_value)(
                "<script>window.kena = 'judul'</script>")
            tab.locator("main h1", has_text="Judul").first.click()
            tab.get_by_role("link", name="klik di sini").first.click()
            assert tab.evaluate("window.kena") is None and tab.locator("main script").count() == 0
        editor = tab.get_by_label("Isi halaman (Markdown)")
        editor.fill(HOSTILE_PAGE.split("---\n", 2)[2])
        expect(tab.locator("#tampilan-isi h1")).to_have_text("Judul")
        tab.locator("#tampilan-isi h1").click()
        assert tab.evaluate("window.kena") is None and tab.locator("#tampilan-isi script, #tampilan-isi img[onerror]").count() == 0
    assert dialogs == []
    assert traffic.blocked == []  # the CSP stopped the tracking pixel before it reached the network


def test_an_internal_error_is_logged_privately_not_at_a_fixed_shared_name(site: Path, people, tmp_path: Path,
                                                                          monkeypatch) -> None:
    import tempfile

    from pipeline.desk import views

    victim = write(tmp_path / "milik-korban.txt", "jangan ditimpa\n")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "ppid-meja-error.log").symlink_to(victim)  # planted by another user of the machine

    def broken(*args):
        raise RuntimeError("galat buatan uji")

    with running_desk(site) as desk:
        client, _ = signed_in(desk.url, people.keys["siti"])
        monkeypatch.setattr(views, "change_view", broken)
        status, _, text = client.send("GET", f"/perubahan/{PAGE}")
    assert status == 500 and "Kesalahan internal meja kerja" in text and "Traceback" not in text
    log = Path(re.search(r"rincian di (\S+)\.", text).group(1))
    assert log.is_relative_to(site / ".ppid") and (log.stat().st_mode & 0o077) == 0
    assert "galat buatan uji" in log.read_text(encoding="utf-8")
    assert victim.read_text(encoding="utf-8") == "jangan ditimpa\n"


def test_the_key_and_its_passphrase_stay_with_the_user(site: Path, people, tmp_path: Path) -> None:
    import os

    from pipeline.signing import load_private_key, public_key_line, write_private_key

    locked = tmp_path / "kunci" / "ratna-berfrasa"
    write_private_key(locked, load_private_key(people.keys["ratna"], None), "frasa-rahasia-7319")
    public = write(tmp_path / "kunci" / "ratna-salin", public_key_line(load_private_key(people.keys["ratna"], None)))
    os.chmod(public, 0o644)  # a public key, as it usually lies around: readable, without its .pub ending
    with running_desk(site) as desk:
        client, token = fresh(desk.url)
        attempts = {"salah-frasa-4421": "frasa sandi kunci privat salah", "": "dilindungi frasa sandi"}
        for passphrase, why in attempts.items():
            status, _, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(locked), "frasa": passphrase},
                                       Origin=client.origin)
            _, _, html = client.send("GET", "/masuk")
            assert status == 303 and why in html and "salah-frasa-4421" not in html
        status, _, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(public), "frasa": ""},
                                   Origin=client.origin)
        _, _, html = client.send("GET", "/masuk")
        assert "kunci publik" in html and "chmod" not in html
        status, headers, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(locked),
                                                            "frasa": "frasa-rahasia-7319"}, Origin=client.origin)
        assert status == 303 and headers["location"].endswith("/")
        client.cookie = headers["set-cookie"].split(";")[0]
        _, _, html = client.send("GET", "/")
        assert "Ratna" in html and "frasa-rahasia-7319" not in html
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "ppid" / "meja.yml"
    assert str(locked) in settings.read_text(encoding="utf-8")
    for path in [settings, *(p for p in site.rglob("*") if p.is_file())]:
        data = path.read_bytes()
        assert b"frasa-rahasia-7319" not in data and b"salah-frasa-4421" not in data, path
        assert path == settings or str(locked).encode() not in data, path  # the key's path only in the user's config


def test_front_matter_values_cannot_inject_keys(site: Path, people) -> None:
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        title = "Jam: layanan\n---\njenis: dip\n---\n# bukan judul"
        form = {"csrf": token, "halaman": NEW, "title": title, "jenis": "halaman", "ringkasan": "a: b\n- c",
                "urutan": "3", "lampiran": "files/a.pdf\n---\n  x: y", "isi": "---\njenis: rahasia\n---\nIsi."}
        status, _, _ = client.send("POST", "/draf", form, Origin=client.origin)
        assert status == 303
    from pipeline.content import read_page
    page = read_page(site / "drafts" / NEW, NEW, f"drafts/{NEW}")
    assert page.meta["title"] == title.strip() and page.meta["jenis"] == "halaman" and page.meta["urutan"] == 3
    assert page.meta["lampiran"] == ["files/a.pdf", "---", "x: y"] and "rahasia" not in page.meta.values()
    assert page.body.lstrip().startswith("---\njenis: rahasia")


@pytest.mark.parametrize("host", ["[::1]:{port}", "127.0.0.1", "127.0.0.1:1", "localhost.:{port}", "LOCALHOST:{port}",
                                  "127.0.0.1:{port}@penyerang.example", "penyerang.example", "", "127.1:{port}"])
def test_only_the_desks_own_host_is_served(site: Path, people, host: str) -> None:
    with running_desk(site) as desk:
        client = Client(desk.url)
        status, _, text = client.send("GET", "/masuk", Host=host.format(port=client.port))
        assert status == 403 and "Host" in text


def test_sign_in_itself_needs_the_session_token_and_the_desks_origin(site: Path, people) -> None:
    with running_desk(site) as desk:
        client, token = fresh(desk.url)
        form = {"csrf": token, "kunci": str(people.keys["ratna"]), "frasa": ""}
        for changed, headers in (({"csrf": ""}, {"Origin": client.origin}), ({}, {"Origin": "null"}),
                                 ({}, {"Origin": client.origin, "Sec_Fetch_Site": "same-site"}),
                                 ({}, {"Referer": "http://penyerang.example/masuk"})):
            status, response_headers, _ = client.send("POST", "/masuk", {**form, **changed}, **headers)
            assert status == 403 and "set-cookie" not in response_headers
        siti, _ = signed_in(desk.url, people.keys["siti"])
        pages = [siti.send("GET", path)[2] for path in ("/masuk", "/", "/draf/baru", f"/draf/{PAGE}", "/rilis")]
        assert not any(re.search(r"[?&]csrf=", html) for html in pages)  # the token never travels in a URL
        get_forms = [f for html in pages for f in re.findall(r'<form method="get".*?</form>', html, re.S)]
        assert get_forms and not any('name="csrf"' in f for f in get_forms)


def test_a_desk_commit_holds_only_what_the_decision_touched(site: Path, people) -> None:
    from helpers.lifecycle import git

    write(site / "drafts" / "layanan" / "lain.md", NEW_TEXT.replace("Jam Layanan", "Halaman Lain"))  # someone's work
    write(site / "drafts" / NEW, NEW_TEXT)
    for args in (["submit", NEW, "--key", str(people.keys["siti"])], ["preview"],
                 ["review", NEW, "--setuju", "--key", str(people.keys["budi"])],
                 ["approve", NEW, "--key", str(people.keys["ratna"])]):
        assert main(["--site", str(site), *args]) == 0
    with running_desk(site) as desk:
        ratna, token = signed_in(desk.url, people.keys["ratna"])
        ratna.send("POST", "/promosi", {"csrf": token, "commit": "1"}, Origin=ratna.origin)
        promoted = git(site, "show", "--name-status", "--format=%s", "HEAD")
        ratna.send("POST", "/tarik", {"csrf": token, "halaman": PAGE, "komentar": "Data pribadi tampil.",
                                      "commit": "1"}, Origin=ratna.origin)
        withdrawn = git(site, "show", "--name-status", "--format=%s", "HEAD")
    assert promoted.startswith("Promosi ke content/: layanan/jam.md") and f"A\tcontent/{NEW}" in promoted
    assert withdrawn.startswith("DITARIK") and f"D\tcontent/{PAGE}" in withdrawn
    assert git(site, "ls-files", "drafts/layanan/lain.md") == ""  # never swept into another person's commit
    assert "drafts/layanan/lain.md" in git(site, "status", "--porcelain", "--untracked-files=all")


def test_saving_keeps_the_typed_text_when_busy_and_says_when_a_submission_stops_holding(site: Path, people) -> None:
    from pipeline.desk.actions import one_at_a_time
    from pipeline.site import Site

    write(site / "drafts" / NEW, NEW_TEXT)
    assert main(["--site", str(site), "submit", NEW, "--key", str(people.keys["siti"])]) == 0
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        form = {"csrf": token, "ada": "1", "halaman": NEW, "title": "Jam Layanan", "jenis": "halaman",
                "isi": "# Jam Layanan\n\nSenin sampai Jumat, teks yang diketik dengan susah payah.\n"}
        with one_at_a_time(Site(site)):  # a decision is being written at this moment
            status, _, html = client.send("POST", "/draf", form, Origin=client.origin)
        assert status == 200 and "orang lain sedang mencatat keputusan" in html
        assert "teks yang diketik dengan susah payah" in html  # nothing the operator typed is lost
        status, _, _ = client.send("POST", "/draf", form, Origin=client.origin)
        said = shown(client, f"/draf/{NEW}")
        assert status == 303 and "Perhatian:</strong> layanan/jam.md sudah diajukan" in said and "ajukan lagi" in said


def test_a_body_larger_than_any_attachment_is_refused_before_it_is_read(site: Path, people) -> None:
    import socket

    limits = site / "site_config" / "site.yml"
    limits.write_text(limits.read_text(encoding="utf-8").replace("attachment_bytes: 20000000",
                                                                  "attachment_bytes: 1000").replace("page_bytes: 1000000", "page_bytes: 1000"), encoding="utf-8")
    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["siti"])
        with socket.create_connection(("127.0.0.1", client.port), timeout=10) as raw:
            raw.sendall(f"POST /lampiran/{PAGE} HTTP/1.1\r\nHost: 127.0.0.1:{client.port}\r\nOrigin: {client.origin}\r\n"
                        f"Cookie: {client.cookie}\r\nX-CSRF-Token: {token}\r\n"
                        "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 50000000000\r\n\r\n".encode())
            answer = b""
            while chunk := raw.recv(65536):
                answer += chunk
    answer = answer.decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.0 413") and "kiriman terlalu besar (batas lampiran 1 KB," in answer


def test_a_key_revoked_while_signed_in_stops_at_once(site: Path, people) -> None:
    with running_desk(site) as desk:
        ratna, token = signed_in(desk.url, people.keys["ratna"])
        assert main(["--site", str(site), "keys", "revoke", "--id", "ratna", "--root-key", str(people.keys["root"])]) == 0
        before = reviews(site)
        status, _, _ = ratna.send("POST", "/tarik", {"csrf": token, "halaman": PAGE, "komentar": "darurat"},
                                  Origin=ratna.origin)
        assert status == 303 and "dicabut" in shown(ratna)
    assert (site / "content" / PAGE).is_file() and reviews(site) == before


def test_the_cli_logs_its_own_bug_privately_too(site: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    import tempfile

    from pipeline import cli

    victim = write(tmp_path / "milik-korban.txt", "jangan ditimpa\n")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "ppid-error.log").symlink_to(victim)

    def broken(explicit):
        raise RuntimeError("galat buatan uji")

    monkeypatch.setattr(cli, "find_site", broken)
    assert cli.main(["--site", str(site), "status"]) == 3
    err = capsys.readouterr().err
    log = Path(re.search(r"rincian di (\S+)\.", err).group(1))
    assert (log.stat().st_mode & 0o077) == 0 and "galat buatan uji" in log.read_text(encoding="utf-8")
    assert victim.read_text(encoding="utf-8") == "jangan ditimpa\n"


def test_every_route_refuses_a_missing_or_foreign_token_and_no_get_changes_anything(site: Path, people) -> None:
    write(site / "drafts" / NEW, NEW_TEXT)
    before = tree_digest(site)
    with running_desk(site) as desk:
        ratna, token = signed_in(desk.url, people.keys["ratna"])
        _, other_token = signed_in(desk.url, people.keys["siti"])  # another browser's valid token
        routes = [(r.method, re.sub(r"<[^>]+>", lambda m: NEW if ":path" in m.group(0) else "x", r.rule))
                  for r in desk.desk.app.routes]
        posts = [path for method, path in routes if method == "POST"]
        assert len(posts) >= 15
        for path in posts:
            form = {"halaman": PAGE, "komentar": "x", "keputusan": "setuju", "kunci": str(people.keys["ratna"])}
            for token_sent in ({}, {"csrf": other_token}, {"csrf": token + "x"}):
                status, _, text = ratna.send("POST", path, {**form, **token_sent}, Origin=ratna.origin)
                assert status == 403 and "CSRF" in text, (path, token_sent, status)
        for path in [path for method, path in routes if method == "GET"]:
            status, _, text = ratna.send("GET", path)
            assert status in (200, 303, 404) and "Kesalahan internal" not in text, (path, status)
    assert tree_digest(site) == before


def test_another_user_of_this_computer_cannot_use_the_desk(site: Path, people, monkeypatch) -> None:
    """The desk runs as its owner and can read the owner's key: another account on the same machine reaching
    127.0.0.1 must not get to unlock it (a key without a passphrase would sign for them)."""
    from pipeline.desk import peer

    with running_desk(site) as desk:
        client, token = signed_in(desk.url, people.keys["ratna"])  # the owner: same account as the desk
        owner = peer.own_uid()
        monkeypatch.setattr(peer, "own_uid", lambda: owner + 4321)  # the desk now belongs to someone else
        status, _, text = Client(desk.url).send("GET", "/masuk")
        assert status == 403 and "pengguna lain" in text
        status, _, text = client.send("POST", "/tarik", {"csrf": token, "halaman": PAGE, "komentar": "x"},
                                      Origin=client.origin)
        assert status == 403 and "pengguna lain" in text
    assert (site / "content" / PAGE).is_file()
