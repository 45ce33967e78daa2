"""Chromium opening pages of one site: console errors, CSP violations and requests to any other host."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..browser import ARGS, CHROMIUM
from ..errors import PpidError

_CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', e => console.error("
                 "'CSP: ' + e.violatedDirective + ' memblokir ' + (e.blockedURI || 'skrip/gaya sebaris')));")
LOCAL_SCHEMES = ("data:", "blob:", "about:")
# Debian's chromium-headless-shell: the same Blink (CSP, console, network) without the desktop browser around it,
# at about half the CPU and 80 MB less per process than /usr/bin/chromium (bench/publish_bench.py). A publish
# runs unattended on a server, so the lighter one is used when installed.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"


@dataclass
class BrowserReport:
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"permintaan ke host lain: {u}" for u in self.third_party]
                + [f"pelanggaran CSP: {m}" for m in self.csp_violations]
                + [f"galat konsol: {m}" for m in self.console_errors]
                + [f"halaman gagal dimuat: {m}" for m in self.failed])


def executable() -> str:
    return HEADLESS_SHELL if os.access(HEADLESS_SHELL, os.X_OK) else CHROMIUM


def _args_for(origin_host: str) -> list[str]:
    # The resolver rule keeps Chromium's own start-up traffic off the network; the site's host stays reachable.
    return [a if not a.startswith("--host-resolver-rules") else
            f"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE {origin_host}" for a in ARGS]


def load_pages(urls: list[str], site_url: str) -> BrowserReport:
    """Open each URL in a fresh page; every request outside the site's origin is aborted and reported."""
    try:
        from playwright.sync_api import Error as PlaywrightError, sync_playwright
    except ImportError:
        raise PpidError("Playwright tidak terpasang; pemeriksaan halaman di Chromium tidak dapat berjalan") from None
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    report = BrowserReport()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable(), args=_args_for(urlsplit(site_url).hostname or ""))
            context = browser.new_context()
            context.add_init_script(_CSP_LISTENER)

            def route(route, request) -> None:
                if request.url.startswith(LOCAL_SCHEMES) or request.url == origin or request.url.startswith(origin + "/"):
                    route.continue_()
                else:
                    report.third_party.append(request.url)
                    route.abort()

            context.route("**/*", route)
            for url in urls:
                _open(context, url, report, PlaywrightError)
            context.close()
            browser.close()
    except PlaywrightError as exc:
        raise PpidError(f"Chromium tidak dapat dijalankan untuk memeriksa halaman: {str(exc).splitlines()[0]}") from None
    return report


def _open(context, url: str, report: BrowserReport, error_type) -> None:
    page = context.new_page()

    def on_console(message) -> None:
        if message.type != "error":
            return
        text = f"{url}: {message.text}"
        (report.csp_violations if "CSP" in message.text or "Content Security Policy" in message.text
         else report.console_errors).append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: report.console_errors.append(f"{url}: {exc}"))
    try:
        response = page.goto(url, wait_until="load", timeout=30_000)
        if response is None or response.status != 200:
            report.failed.append(f"{url} (status {response.status if response else '—'})")
        page.wait_for_timeout(300)  # scripts that run after load (search worker start-up) report here
    except error_type as exc:
        report.failed.append(f"{url}: {str(exc).splitlines()[0]}")
    finally:
        page.close()
