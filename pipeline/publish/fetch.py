"""Fetching what a web server serves: bytes and headers, many files at once, with clear failures."""

from __future__ import annotations

import hashlib
import http.client
import ssl
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlsplit

TIMEOUT = 20
HEADERS = {"User-Agent": "ppid-verify/1", "Accept-Encoding": "identity"}
CHUNK = 1 << 16


@dataclass(frozen=True)
class Response:
    url: str
    status: int              # 0 when nothing answered
    body: bytes
    headers: dict[str, str]
    error: str = ""


@dataclass(frozen=True)
class Digest:
    url: str
    status: int              # 0 when nothing answered
    sha256: str              # hex digest of the body; "" unless status is 200
    error: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect is reported, never followed to another host
        return None


class _Kept(threading.local):
    def __init__(self) -> None:
        self.open: dict[tuple[str, str], http.client.HTTPConnection] = {}


_OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
_KEPT = _Kept()  # one connection per host and thread, for digest(); never a proxy, never a redirect followed


def get(url: str) -> Response:
    try:
        with _OPENER.open(_request(url), timeout=TIMEOUT) as response:
            return Response(url, response.status, response.read(), dict(response.headers.items()))
    except urllib.error.HTTPError as exc:
        return Response(url, exc.code, exc.read() if exc.fp else b"", dict(exc.headers.items()))
    except (urllib.error.URLError, OSError) as exc:
        return Response(url, 0, b"", {}, error=_reason(exc))


def digest(url: str) -> Digest:
    """The SHA-256 of what `url` serves, read in chunks: checking a whole release never holds it in memory. The
    connection is kept for this thread's next request to the same host (a release check makes a thousand)."""
    parts = urlsplit(url)
    connection, kept = _connection(parts.scheme, parts.netloc)
    try:
        connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), headers=HEADERS)
        response = connection.getresponse()
        hasher = hashlib.sha256()
        while chunk := response.read(CHUNK):
            hasher.update(chunk)
    except (http.client.HTTPException, OSError) as exc:
        _drop(parts.scheme, parts.netloc)
        # A kept connection the server has closed meanwhile: once more on a new one.
        return digest(url) if kept else Digest(url, 0, "", error=_reason(exc))
    if response.will_close:
        _drop(parts.scheme, parts.netloc)
    return Digest(url, response.status, hasher.hexdigest() if response.status == 200 else "")


def _connection(scheme: str, netloc: str) -> tuple[http.client.HTTPConnection, bool]:
    found = _KEPT.open.get((scheme, netloc))
    if found is not None:
        return found, True
    made = (http.client.HTTPSConnection(netloc, timeout=TIMEOUT, context=ssl.create_default_context())
            if scheme == "https" else http.client.HTTPConnection(netloc, timeout=TIMEOUT))
    _KEPT.open[(scheme, netloc)] = made
    return made, False


def _drop(scheme: str, netloc: str) -> None:
    connection = _KEPT.open.pop((scheme, netloc), None)
    if connection is not None:
        connection.close()


def get_many(urls: Iterable[str], workers: int = 8) -> list[Response]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(get, urls))


def digest_many(urls: Iterable[str], workers: int = 8) -> list[Digest]:
    with ThreadPoolExecutor(max_workers=workers) as pool:  # kept connections close with their threads
        return list(pool.map(digest, urls))


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers=HEADERS)


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "reason", exc))
