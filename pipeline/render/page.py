"""A page as the build renders it: its facts, its links placed on source lines, cached by content hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import cache
from .engine import Engine, RenderFailed, markdown_config
from .facts import Facts, read_html

if TYPE_CHECKING:
    from ..content import Page

RENDER_VERSION = "1"


@dataclass(frozen=True)
class Link:
    line: int
    target: str


@dataclass
class Rendered:
    facts: Facts = field(default_factory=Facts)
    links: list[Link] = field(default_factory=list)
    failure: str | None = None  # why the engine could not render the page (then facts are empty)

    def to_json(self) -> dict:
        return {"facts": self.facts.to_json(), "links": [[l.line, l.target] for l in self.links], "failure": self.failure}

    @classmethod
    def from_json(cls, data: dict) -> "Rendered":
        return cls(Facts.from_json(data["facts"]), [Link(n, t) for n, t in data["links"]], data["failure"])


class Renderer:
    """Renders the pages of one site with the engine and configuration of its build."""

    def __init__(self, root: Path, work_dir: Path) -> None:
        config = markdown_config(root)
        self.engine = Engine(config)
        self.cache_dir = work_dir / "cache" / "render"
        digest = hashlib.sha256(f"{RENDER_VERSION}|{config.fingerprint}".encode())
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.read_bytes())
        self.fingerprint = digest.hexdigest()

    def __call__(self, page: "Page") -> Rendered:
        name = hashlib.sha256(f"{self.fingerprint}|{page.sha256}|{page.body_line}".encode()).hexdigest()
        stored = cache.read(self.cache_dir, name)
        if stored is not None:
            try:
                return Rendered.from_json(stored)
            except (KeyError, TypeError, ValueError):
                pass
        rendered = self.render(page.body, page.body_line)
        cache.write(self.cache_dir, name, rendered.to_json())
        return rendered

    def render(self, body: str, first_line: int) -> Rendered:
        try:
            html = self.engine.render(body)
        except RenderFailed as exc:
            return Rendered(failure=str(exc))
        facts = read_html(html)
        return Rendered(facts, place_links(facts, body, first_line))


def place_links(facts: Facts, body: str, first_line: int) -> list[Link]:
    """Each URL on the source line where it is written (the engine keeps no line numbers): the n-th
    occurrence of a target is looked for after the previous one."""
    finder = LineFinder(body, first_line)
    return [Link(finder.line_of(url, key=url), url) for _, _, url in facts.urls]


class LineFinder:
    """Source lines of things found in the rendered HTML, by searching the Markdown for their text."""

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.folded = body.casefold() if len(body.casefold()) == len(body) else None
        self.first_line = first_line
        self.after: dict[str, int] = {}

    def line_of(self, *needles: str, key: str | None = None) -> int:
        start = self.after.get(key, 0) if key is not None else 0
        for needle in needles:
            index = self._find(needle, start) if needle else -1
            if index < 0 and start:
                index = self._find(needle, 0) if needle else -1
            if index >= 0:
                if key is not None:
                    self.after[key] = index + len(needle)
                return self.first_line + self.body.count("\n", 0, index)
        # Written differently in the source (entities, escapes): its longest plain word is still there.
        words = sorted((w for n in needles for w in re.findall(r"[A-Za-z0-9]{4,}", n or "")), key=len, reverse=True)
        for word in words[:3]:
            index = self._find(word, 0)
            if index >= 0:
                return self.first_line + self.body.count("\n", 0, index)
        return self.first_line

    def _find(self, needle: str, start: int) -> int:
        index = self.body.find(needle, start)
        if index < 0 and self.folded is not None:
            index = self.folded.find(needle.casefold(), start)
        return index
