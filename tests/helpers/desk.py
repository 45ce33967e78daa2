"""The desk served from a thread of the test process, and a person signing in to it in Chromium."""

from __future__ import annotations

import http.client
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode, urlsplit

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
    """The messages of the page a click just led to (once it has loaded: a click only waits for it to start)."""
    tab.wait_for_load_state()
    return " ".join(tab.locator(".pesan").all_inner_texts())


class Client:
    """Raw HTTP to the desk, headers chosen by the test (what a hostile page or a script could send)."""

    def __init__(self, url: str) -> None:
        self.origin = url.rstrip("/")
        self.port = urlsplit(url).port
        self.cookie = ""

    def send(self, method: str, path: str, form: dict | None = None, body: bytes | str | None = None,
             **headers: str) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}", **({"Cookie": self.cookie} if self.cookie else {}),
                **{k.replace("_", "-"): v for k, v in headers.items()}}
        if body is None and method == "POST":
            body = urlencode(form or {}, doseq=True)
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        found = (answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read().decode("utf-8"))
        connection.close()
        return found


    def upload(self, path: str, form: dict[str, str], name: bytes, data: bytes) -> tuple[int, dict, str]:
        """A multipart upload with a file name chosen byte for byte (what a hostile client could send)."""
        parts = [b'--B\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (k.encode(), v.encode())
                 for k, v in form.items()]
        parts.append(b'--B\r\nContent-Disposition: form-data; name="berkas"; filename="%s"\r\n'
                     b"Content-Type: application/octet-stream\r\n\r\n%s\r\n--B--\r\n" % (name, data))
        return self.send("POST", path, body=b"".join(parts), Content_Type="multipart/form-data; boundary=B",
                         Origin=self.origin)


def signed_in(url: str, key: Path) -> tuple[Client, str]:
    """A client signed in with this key, and the CSRF token of its (renewed) session."""
    client = Client(url)
    status, headers, html = client.send("GET", "/masuk")
    assert status == 200
    client.cookie = headers["set-cookie"].split(";")[0]
    token = re.search(r'name="csrf" content="([^"]+)"', html).group(1)
    status, headers, _ = client.send("POST", "/masuk", {"csrf": token, "kunci": str(key), "frasa": ""},
                                     Origin=client.origin)
    assert status == 303
    client.cookie = headers["set-cookie"].split(";")[0]  # signing in renews the session id and its token
    _, _, html = client.send("GET", "/")
    return client, re.search(r'name="csrf" content="([^"]+)"', html).group(1)
