"""Fetching what a web server serves: bytes and headers, many files at once, with clear failures."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable

TIMEOUT = 20
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


_OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


def get(url: str) -> Response:
    try:
        with _OPENER.open(_request(url), timeout=TIMEOUT) as response:
            return Response(url, response.status, response.read(), dict(response.headers.items()))
    except urllib.error.HTTPError as exc:
        return Response(url, exc.code, exc.read() if exc.fp else b"", dict(exc.headers.items()))
    except (urllib.error.URLError, OSError) as exc:
        return Response(url, 0, b"", {}, error=_reason(exc))


def digest(url: str) -> Digest:
    """The SHA-256 of what `url` serves, read in chunks: checking a whole release never holds it in memory."""
    try:
        with _OPENER.open(_request(url), timeout=TIMEOUT) as response:
            hasher = hashlib.sha256()
            while chunk := response.read(CHUNK):
                hasher.update(chunk)
            return Digest(url, response.status, hasher.hexdigest())
    except urllib.error.HTTPError as exc:
        return Digest(url, exc.code, "")
    except (urllib.error.URLError, OSError) as exc:
        return Digest(url, 0, "", error=_reason(exc))


def get_many(urls: Iterable[str], workers: int = 8) -> list[Response]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(get, urls))


def digest_many(urls: Iterable[str], workers: int = 8) -> list[Digest]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(digest, urls))


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": "ppid-verify/1", "Accept-Encoding": "identity"})


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "reason", exc))
