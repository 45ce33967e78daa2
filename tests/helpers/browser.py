"""Chromium launched so that nothing can leave the machine, with every request recorded."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from playwright.sync_api import BrowserContext, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Chromium phones home at start-up, invisibly to Playwright: the resolver rule fails those lookups.
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
LOCAL_PREFIXES = ("file:", "data:", "blob:", "http://127.0.0.1", "about:")


@dataclass
class Traffic:
    """Everything the pages asked for, what was refused, and what went wrong in them."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.console_errors.append(f"{page.url}: {e}"))
        return page


def _guard(context: BrowserContext, traffic: Traffic) -> None:
    def route(route, request) -> None:
        if request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            traffic.blocked.append(request.url)
            route.abort()
    context.route("**/*", route)


@contextmanager
def guarded_browser() -> Iterator[tuple[BrowserContext, Traffic]]:
    traffic = Traffic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        _guard(context, traffic)
        try:
            yield context, traffic
        finally:
            context.close()
            browser.close()
