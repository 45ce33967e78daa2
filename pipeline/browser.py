"""Chromium, launched so that it cannot reach anything but this machine (used to print PDFs)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
# Chromium phones home at start-up, invisibly to Playwright: the resolver rule fails those lookups
# while loopback stays reachable.
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
LOCAL_PREFIXES = ("file:", "data:", "blob:", "http://127.0.0.1", "about:")


@contextmanager
def local_browser(on_blocked=None) -> Iterator:
    """A browser context that aborts (and reports) every request not for this machine."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()

        def route(route, request) -> None:
            if request.url.startswith(LOCAL_PREFIXES):
                route.continue_()
            else:
                if on_blocked:
                    on_blocked(request.url)
                route.abort()

        context.route("**/*", route)
        try:
            yield context
        finally:
            context.close()
            browser.close()
