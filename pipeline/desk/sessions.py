"""Server-side sessions: a random id in an HttpOnly, SameSite=Strict cookie; the CSRF token, the unlocked
signer (the private key never leaves this process) and the messages to show next live here."""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field

from ..trust.identity import Signer

COOKIE = "meja_sesi"


@dataclass
class Session:
    id: str
    csrf: str
    signer: Signer | None = None
    roles: str = ""
    steps: set[str] = field(default_factory=set)
    messages: list[tuple[str, str]] = field(default_factory=list)

    def say(self, kind: str, text: str) -> None:
        self.messages.append((kind, text))

    def take_messages(self) -> list[tuple[str, str]]:
        found, self.messages = self.messages, []
        return found

    def token_matches(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.csrf.encode())


class Sessions:
    def __init__(self) -> None:
        self._items: dict[str, Session] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        with self._lock:
            return self._items.get(session_id)

    def renew(self, old: Session) -> Session:
        """The same session under a new id and a new CSRF token; the old id stops working."""
        fresh = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), messages=old.messages)
        with self._lock:
            self._items.pop(old.id, None)
            self._items[fresh.id] = fresh
        return fresh

    def new(self) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32))
        with self._lock:
            self._items[session.id] = session
        return session
