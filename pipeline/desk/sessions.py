"""Server-side sessions: a random id in an HttpOnly, SameSite=Strict cookie; the CSRF token, the unlocked
signer (the private key never leaves this process) and the messages to show next live here. A session left
alone for IDLE_SECONDS ends, and with it the unlocked key."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

from ..trust.identity import Signer

COOKIE = "meja_sesi"
IDLE_SECONDS = 30 * 60
MAX_SESSIONS = 1000  # a local script opening the desk in a loop cannot grow the server without bound


@dataclass
class Session:
    id: str
    csrf: str
    signer: Signer | None = None
    roles: str = ""
    steps: set[str] = field(default_factory=set)
    messages: list[tuple[str, str]] = field(default_factory=list)
    seen: float = field(default_factory=time.monotonic)

    def say(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def take_messages(self) -> list[tuple[str, str]]:
        found, self.messages = self.messages, []
        return found

    def token_matches(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.csrf.encode())


class Sessions:
    def __init__(self, idle_seconds: float = IDLE_SECONDS) -> None:
        self.idle_seconds = idle_seconds
        self._items: dict[str, Session] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Session | None:
        """The live session with this id (its idle time starts again), or None."""
        if not session_id:
            return None
        now = time.monotonic()
        with self._lock:
            found = self._items.get(session_id)
            if found is not None and now - found.seen > self.idle_seconds:
                del self._items[session_id]
                return None
            if found is not None:
                found.seen = now
            return found

    def renew(self, old: Session) -> Session:
        """The same session under a new id and a new CSRF token; the old id stops working."""
        fresh = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), messages=old.messages)
        self.end(old)
        self._add(fresh)
        return fresh

    def new(self) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32))
        self._add(session)
        return session

    def end(self, session: Session) -> None:
        with self._lock:
            self._items.pop(session.id, None)

    def _add(self, session: Session) -> None:
        now = time.monotonic()
        with self._lock:
            for old in [s for s in self._items.values() if now - s.seen > self.idle_seconds]:
                del self._items[old.id]
            if len(self._items) >= MAX_SESSIONS:  # the oldest session that never unlocked a key goes first
                idle = sorted(self._items.values(), key=lambda s: (s.signer is not None, s.seen))
                del self._items[idle[0].id]
            self._items[session.id] = session
