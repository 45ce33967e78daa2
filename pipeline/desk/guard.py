"""Checks every request passes before the desk looks at it: the Host header (DNS rebinding), the origin of any
state-changing request, and the security headers of every answer (no asset from another host)."""

from __future__ import annotations

from typing import Callable, Iterable
from urllib.parse import urlsplit

from . import peer

SECURITY_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
]
SAFE_METHODS = ("GET", "HEAD")


def allowed_hosts(port: int) -> frozenset[str]:
    return frozenset({f"127.0.0.1:{port}", f"localhost:{port}"})


def refusal(environ: dict, hosts: frozenset[str]) -> str | None:
    """Why this request must not reach the desk, or None."""
    if not environ.get(peer.ENVIRON_KEY, False):
        return "permintaan dari pengguna lain di komputer ini ditolak; meja kerja hanya melayani akun yang menjalankannya"
    if environ.get("HTTP_HOST", "") not in hosts:
        return "alamat (Host) permintaan ini bukan meja kerja ini; buka meja lewat alamat yang dicetak 'ppid meja'"
    if environ.get("REQUEST_METHOD", "GET") in SAFE_METHODS:
        return None
    if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
        return "permintaan dari situs lain ditolak"
    origin = environ.get("HTTP_ORIGIN") or _origin_of(environ.get("HTTP_REFERER", ""))
    try:
        parts = urlsplit(origin)
    except ValueError:  # "http://[x": no browser sends it
        return "permintaan dari asal (Origin) lain ditolak; kirim formulir dari halaman meja kerja ini"
    if not origin or parts.netloc not in hosts or parts.scheme != "http":
        return "permintaan dari asal (Origin) lain ditolak; kirim formulir dari halaman meja kerja ini"
    return None


def _origin_of(referer: str) -> str:
    try:
        parts = urlsplit(referer)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def guarded(app: Callable, port_of: Callable[[], int]) -> Callable:
    """Wrap the WSGI app: refuse foreign hosts and origins, add the security headers to every answer."""

    def wrapper(environ: dict, start_response: Callable) -> Iterable[bytes]:
        def with_headers(status: str, headers: list, exc_info=None):
            return start_response(status, list(headers) + SECURITY_HEADERS, exc_info)

        why = refusal(environ, allowed_hosts(port_of()))
        if why:
            body = f"Ditolak: {why}.\n".encode("utf-8")
            with_headers("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8"),
                                           ("Content-Length", str(len(body)))])
            return [body]
        return app(environ, with_headers)

    return wrapper
