"""Day, month and year boundaries: key validity is in UTC days whatever zone a time is written in, and the demo's
throw-away identities do not expire on a fixed date (the demo and every test built on it would stop working)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.demo import create_identities
from pipeline.site import Site
from pipeline.trust.registry import Person, load_registry

WIB = dt.timezone(dt.timedelta(hours=7))


def person(valid_from: dt.date, valid_until: dt.date) -> Person:
    return Person("ratna", "Ratna", ("koordinator",), "ssh-ed25519 AAAA", "SHA256:x", valid_from, valid_until)


def test_key_validity_is_judged_on_the_utc_day_of_a_time_written_in_another_zone() -> None:
    last_day = person(dt.date(2026, 1, 1), dt.date(2026, 11, 30))
    assert last_day.valid_at(dt.datetime(2026, 12, 1, 1, 0, tzinfo=WIB)) is None          # 30 Nov 18.00 UTC
    assert "kedaluwarsa" in last_day.valid_at(dt.datetime(2026, 12, 1, 8, 0, tzinfo=WIB))  # 1 Dec 01.00 UTC
    first_day = person(dt.date(2026, 12, 1), dt.date(2027, 12, 1))
    assert "baru berlaku" in first_day.valid_at(dt.datetime(2026, 12, 1, 6, 59, tzinfo=WIB))  # 30 Nov 23.59 UTC


def test_demo_identities_stay_valid_for_years_from_today(site: Path, tmp_path: Path) -> None:
    create_identities(Site(site), tmp_path / "kunci")
    in_two_years = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2 * 366)
    for someone in load_registry(site).people.values():
        assert someone.valid_at(in_two_years) is None
        assert someone.valid_at(dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc)) is None  # the fixtures' past records
