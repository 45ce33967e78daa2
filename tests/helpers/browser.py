"""Chromium launched so that nothing can leave the machine, with every request recorded."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from playwright.sync_api import BrowserContext, Page

from pipeline.browser import local_browser


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


@contextmanager
def guarded_browser() -> Iterator[tuple[BrowserContext, Traffic]]:
    traffic = Traffic()
    with local_browser(on_blocked=traffic.blocked.append) as context:
        yield context, traffic
