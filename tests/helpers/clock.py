"""Dates a test derives from "now" the way the library does: in the agency's time zone (site.yml, Asia/Jakarta),
never the machine's date (UTC here), which differs from 17:00 UTC to midnight."""

from __future__ import annotations

import datetime as dt

from pipeline.sop.periods import local_day
from pipeline.trust.records import now_utc

ZONE = "Asia/Jakarta"


def agency_today() -> dt.date:
    return local_day(now_utc(), ZONE)


def request_number(n: int) -> str:
    """The number `ppid permintaan baru` gives the n-th request made today: the agency's year, then n."""
    return f"{agency_today().year}-{n:04d}"
