"""Dates a test derives from "now" the way the library does: in the agency's time zone (site.yml, Asia/Jakarta),
never the machine's date (UTC here), which differs from 17:00 UTC to midnight."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.sop.periods import local_day
from pipeline.trust.records import now_utc

ZONE = "Asia/Jakarta"


def agency_today() -> dt.date:
    return local_day(now_utc(), ZONE)


def request_number(n: int) -> str:
    """The number `ppid permintaan baru` gives the n-th request made today: the agency's year, then n."""
    return f"{agency_today().year}-{n:04d}"


def dated_recently(page: str) -> str:
    """The page with its `tanggal` a month before today: a fixed date turns stale for monev a year later."""
    recent = (agency_today() - dt.timedelta(days=30)).isoformat()
    return re.sub(r'^tanggal: .*$', f'tanggal: "{recent}"', page, count=1, flags=re.M)
