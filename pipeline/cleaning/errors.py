"""The error `ppid clean` reports when it cannot do what was asked."""

from __future__ import annotations

from ..errors import PpidError


class CleanError(PpidError):
    """`ppid clean` cannot do what was asked; the message says what to do instead."""
