"""A page as the build renders it: its facts, its links placed on source lines, cached by content hash."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..parallel import run_forked
from . import cache
from .engine import Engine, RenderFailed, markdown_config, parsable
from .facts import Facts, read_html

if TYPE_CHECKING:
    from ..content import Page

RENDER_VERSION = "4"


@dataclass(frozen=True)
class Link:
    line: int
    target: str


class Rendered:
    """Links, anchors and failure are what most commands need; the full facts (the unsafe-content check,
    staging) are loaded only when asked for, so a warm run reads a small cache entry per page."""

    def __init__(self, links: list[Link], anchors: list[str], failure: str | None,
                 facts: Facts | None = None, load: Callable[[], Facts] | None = None) -> None:
        self.links, self.anchors, self.failure = links, anchors, failure  # failure: why the engine gave up
        self._facts, self._load = facts, load

    @property
    def facts(self) -> Facts:
        if self._facts is None:
            self._facts = self._load() if self._load else Facts()
        return self._facts

    def summary_json(self) -> dict:
        return {"links": [[link.line, link.target] for link in self.links], "anchors": self.anchors,
                "failure": self.failure}


class Renderer:
    """Renders the pages of one site with the engine and configuration of its build."""

    def __init__(self, root: Path, work_dir: Path) -> None:
        from ..checks.stylesheets import PageStyles

        config = markdown_config(root)
        self.engine = Engine(config)
        self.styles = PageStyles(root)  # which links the site's stylesheets hide: part of a page's facts
        self.cache_dir = work_dir / "cache" / "render"
        digest = hashlib.sha256(f"{RENDER_VERSION}|{config.fingerprint}|{self.styles.fingerprint}".encode())
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.read_bytes())
        self.fingerprint = digest.hexdigest()
        self.expected: dict[int, "Page"] = {}

    def expect(self, pages: list["Page"]) -> None:
        """Pages a command may ask for: on the first one missing from the cache, all are rendered at once."""
        self.expected.update((id(p), p) for p in pages)

    def __call__(self, page: "Page") -> Rendered:
        name = self._name(page)
        stored = cache.read(self.cache_dir, name)
        if stored is None and self.expected:
            batch, self.expected = list(self.expected.values()), {}
            self.prerender(batch)
            stored = cache.read(self.cache_dir, name)
        try:
            links = [Link(int(n), str(t)) for n, t in stored["links"]]
            return Rendered(links, list(stored["anchors"]), stored["failure"], load=lambda: self._facts(page, name))
        except (KeyError, TypeError, ValueError):
            return self._render(page, name)

    def _name(self, page: "Page") -> str:
        return hashlib.sha256(f"{self.fingerprint}|{page.sha256}|{page.body_line}".encode()).hexdigest()

    def prerender(self, pages: list["Page"]) -> None:
        """Render the pages missing from the cache on every core at once: a cold check of a large site
        is then bounded by the engine's speed divided by the cores, not by one core."""
        missing = [p for p in pages if not cache.exists(self.cache_dir, self._name(p))]
        if len(missing) > 1:
            self.styles.styles  # parsed once here, before the workers fork, not once in each
        run_forked(self._prerender_one, [(p.body, p.body_line, self._name(p)) for p in missing])

    def _prerender_one(self, job: tuple[str, int, str]) -> None:
        body, first_line, name = job
        self.store(self.render(body, first_line), name)

    def _facts(self, page: "Page", name: str) -> Facts:
        stored = cache.read(self.cache_dir, name, 1)
        try:
            return Facts.from_json(stored)
        except (KeyError, TypeError, ValueError):
            return self._render(page, name).facts

    def _render(self, page: "Page", name: str) -> Rendered:
        return self.store(self.render(page.body, page.body_line), name)

    def store(self, rendered: Rendered, name: str) -> Rendered:
        cache.write(self.cache_dir, name, rendered.summary_json(), rendered.facts.to_json())
        return rendered

    def render(self, body: str, first_line: int) -> Rendered:
        try:
            html = self.engine.render(body)
        except RenderFailed as exc:
            return Rendered([], [], str(exc), Facts())
        facts = read_html(html, self.styles)
        return Rendered(place_links(facts, body, first_line), facts.anchors, None, facts)


def place_links(facts: Facts, body: str, first_line: int) -> list[Link]:
    """Each URL on the source line where it is written (the engine keeps no line numbers): the n-th
    occurrence of a target is looked for after the previous one."""
    finder = LineFinder(body, first_line)
    return [Link(finder.line_of(url, key=url), url) for _, _, url in facts.urls if parsable(url)]


class LineFinder:
    """Source lines of things found in the rendered HTML, by searching the Markdown for their text. Links are
    looked for from where the previous one was found (the engine keeps the source order), so a page of many
    links is read once, not once per link; a bounded number of searches may fail and restart from the top."""

    MISSES = 64

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.folded = body.casefold() if len(body.casefold()) == len(body) else None
        self.first_line = first_line
        self.after: dict[str, int] = {}
        self.cursor = 0
        self.misses = 0
        self._starts: list[int] | None = None

    def line_of(self, *needles: str, key: str | None = None) -> int:
        start = self.after.get(key, self.cursor) if key is not None else 0
        for needle in needles:
            index = self._find(needle, start) if needle else -1
            if index < 0 and start and needle and self.misses < self.MISSES:
                index = self._find(needle, 0)
            if index >= 0:
                if key is not None:
                    self.after[key] = index + len(needle)
                    self.cursor = index
                return self._line_at(index)
        self.misses += 1
        if self.misses > self.MISSES:
            return self._line_at(start)
        # Written differently in the source (entities, escapes): its longest plain word is still there.
        words = sorted((w for n in needles for w in re.findall(r"[A-Za-z0-9]{4,}", n or "")), key=len, reverse=True)
        for word in words[:3]:
            index = self._find(word, 0)
            if index >= 0:
                return self._line_at(index)
        return self.first_line

    def _line_at(self, index: int) -> int:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.body)]
        return self.first_line + bisect.bisect_right(self._starts, index) - 1

    def _find(self, needle: str, start: int) -> int:
        index = self.body.find(needle, start)
        if index < 0 and self.folded is not None:
            index = self.folded.find(needle.casefold(), start)
        return index
