"""A warm `ppid check` replays the last answer only while nothing it reads has changed."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import cache

PAGE = "layanan/permohonan.md"


def settled() -> None:
    time.sleep(0.25)  # older than the racy window: the answer may be remembered


def test_the_answer_is_replayed_until_a_byte_changes(site: Path, ppid) -> None:
    settled()
    first = ppid("check")
    assert first[0] == 0 and "bersih" in first[1]
    memo = site / ".ppid" / "cache" / "check-answer.json"
    assert memo.is_file()
    assert ppid("check")[:2] == first[:2]
    page = site / "content" / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('tanggal: "2026-01-15"', 'tanggal: "2026-02-30"'), encoding="utf-8")  # same size
    code, out, _ = ppid("check")
    assert code == 1 and f"content/{PAGE}:7: 'tanggal' harus tanggal yang benar" in out


def test_a_change_in_the_same_instant_is_never_hidden(site: Path, ppid) -> None:
    """Written right before the check: the state is too fresh to remember, so the next check judges again."""
    page = site / "content" / PAGE
    text = page.read_text(encoding="utf-8")
    assert ppid("check")[0] == 0
    page.write_text(text.replace('tanggal: "2026-01-15"', 'tanggal: "2026-02-30"'), encoding="utf-8")
    assert ppid("check")[0] == 1


def test_a_forged_answer_is_ignored(site: Path, ppid) -> None:
    memo = site / ".ppid" / "cache" / "check-answer.json"
    memo.parent.mkdir(parents=True, exist_ok=True)
    memo.write_bytes(b"0" * 64 + b'\n{"key": "x", "code": 0, "text": "ppid check: bersih\\n"}')
    page = site / "content" / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace('tanggal: "2026-01-15"', 'tanggal: "15/01/2026"'),
                    encoding="utf-8")
    settled()
    assert ppid("check")[0] == 1
    assert cache.read(memo) is not None  # replaced by an answer this user's key wrote


def test_a_file_deep_in_a_folder_named_like_a_tool_folder_is_part_of_the_state(site: Path, ppid) -> None:
    attachment = site / "content" / "site" / "denah.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes((site / "content" / "files" / "formulir.pdf").read_bytes())
    page = site / "content" / "layanan" / "permohonan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Denah](../site/denah.pdf)\n", encoding="utf-8")
    settled()
    assert ppid("check")[0] == 0
    attachment.unlink()
    code, out, _ = ppid("check")
    assert code == 1 and "site/denah.pdf" in out
