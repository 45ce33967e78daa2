"""Named steps of a deploy, where a test may kill the process to prove every step is safe to die in."""

from __future__ import annotations

import os
import signal

KILL_AT = "PPID_TEST_KILL_AT"


def step(name: str) -> None:
    """A point where dying must leave the live site one complete release (tests set PPID_TEST_KILL_AT)."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
