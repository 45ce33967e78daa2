"""How many failed unlocks the desk takes: a few free tries per session and per key, then a wait that doubles
with every further failure. A new session (a dropped cookie) does not reset a key's count; restarting the desk
does, which only its owner can do (and the owner could read the key file anyway)."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

from ..trust.errors import IdentityError

FREE_TRIES = 5
FIRST_WAIT = 30.0            # seconds, after the free tries
LONGEST_WAIT = 15 * 60.0
MAX_TRACKED = 10_000         # a script cannot grow the table without bound


@dataclass
class _Count:
    failures: int = 0
    until: float = 0.0


class Attempts:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._counts: dict[str, _Count] = {}
        self._lock = threading.Lock()

    def check(self, names: dict[str, str]) -> None:
        """Refuse while any of `names` (what → who: "sesi" → session id, "kunci" → fingerprint) must wait."""
        now = self.clock()
        with self._lock:
            for what, name in names.items():
                count = self._counts.get(name)
                if count is not None and count.until > now:
                    raise IdentityError(_refusal(what, count.until - now))

    def failed(self, names: dict[str, str]) -> None:
        now = self.clock()
        with self._lock:
            if len(self._counts) >= MAX_TRACKED:
                self._forget_quiet(now)
            for name in names.values():
                count = self._counts.setdefault(name, _Count())
                count.failures += 1
                if count.failures >= FREE_TRIES:
                    count.until = now + min(FIRST_WAIT * 2 ** (count.failures - FREE_TRIES), LONGEST_WAIT)

    def succeeded(self, names: dict[str, str]) -> None:
        with self._lock:
            for name in names.values():
                self._counts.pop(name, None)

    def _forget_quiet(self, now: float) -> None:
        for name in [n for n, c in self._counts.items() if c.until <= now]:
            del self._counts[name]


def _refusal(what: str, seconds: float) -> str:
    where = "untuk kunci ini" if what == "kunci" else "di sesi ini"
    wait = math.ceil(seconds)
    told = f"{wait} detik" if wait < 120 else f"{math.ceil(wait / 60)} menit"
    return (f"terlalu banyak percobaan buka kunci yang gagal {where}; tunggu {told} lalu coba lagi dengan frasa sandi "
            "yang benar. Bila frasa sandi terlupa, buat kunci baru (ppid keys new) dan minta pemegang kunci akar "
            "mencabut yang lama (ppid keys revoke).")
