"""Parsed front matter remembered by the hash of its text: every command reads every page, and parsing the YAML
is most of that. The memo is an authenticated cache (pipeline.cache): it speeds reading up and never decides;
a front matter that does not parse is never remembered, so its error is given every time."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import cache
from .yamlio import Located, loads


class FrontMatterMemo:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, str] = cache.read_mapping(path)
        self.used: dict[str, str] = {}  # hash -> the parse as JSON text: callers may change what they get

    def parse(self, text: str, display: str) -> Located:
        """`yamlio.loads(text, display)`, from the memo when this exact text was parsed before."""
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        entry = self.known.get(key) or self.used.get(key)
        if entry is not None:
            try:
                data, lines = json.loads(entry)
                located = Located(data, {tuple(path): line for path, line in lines})
                self.used[key] = entry
                return located
            except (TypeError, ValueError):
                pass
        located = loads(text, display, first_line=1)
        self.used[key] = json.dumps([located.data, [[list(path), line] for path, line in located.lines.items()]],
                                    ensure_ascii=False)
        return located

    def save(self) -> None:
        """Keep what this command read (pages no longer in the site drop out)."""
        if self.used.keys() == self.known.keys():
            return
        if cache.write_mapping(self.path, self.used):
            self.known = dict(self.used)
