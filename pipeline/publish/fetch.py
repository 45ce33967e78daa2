"""Fetching what a web server serves: bytes and headers, many files at once, with clear failures."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable

TIMEOUT = 20


@dataclass(frozen=True)
class Response:
    url: str
    status: int              # 0 when nothing answered
    body: bytes
    headers: dict[str, str]
    error: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect is reported, never followed to another host
        return None


_OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


def get(url: str) -> Response:
    request = urllib.request.Request(url, headers={"User-Agent": "ppid-verify/1", "Accept-Encoding": "identity"})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            return Response(url, response.status, response.read(), dict(response.headers.items()))
    except urllib.error.HTTPError as exc:
        return Response(url, exc.code, exc.read() if exc.fp else b"", dict(exc.headers.items()))
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return Response(url, 0, b"", {}, error=str(reason))


def get_many(urls: Iterable[str], workers: int = 8) -> list[Response]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(get, urls))
