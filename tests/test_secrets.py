"""Secrets in a page are found whatever the issuer and however the word is cased (each pattern is tried only on
text holding one of its words, so the words must cover every match)."""

from __future__ import annotations

import pytest
from pathlib import Path

from pipeline.checks.secrets import scan_text

SECRETS = [
    ("-----BEGIN RSA PRIVATE KEY-----", "kunci_privat"),
    ("kunci AKIA" + "ABCDEFGHIJKLMNOP" + " lama", "token_aws"),
    ("sementara ASIA" + "ABCDEFGHIJKLMNOP", "token_aws"),
    ("token ghs_" + "a1B2" * 9, "token_github"),
    ("github_pat_" + "a" * 40, "token_github"),
    ("kunci AIza" + "b" * 35, "token_google"),
    ("xoxb-" + "1234567890-abc", "token_slack"),
    ("eyJ" + "a" * 12 + ".eyJ" + "b" * 12 + "." + "c" * 12, "token_jwt"),
    ("Password: Rahasia2026", "kata_sandi"),
    ("PASSWD=Rahasia2026", "kata_sandi"),
    ("Kata Sandi : Rahasia2026", "kata_sandi"),
    ("sandi wifi = Rahasia2026", None),  # a word between: not a written password
    ("pwd=Rahasia2026", "kata_sandi"),
]


@pytest.mark.parametrize("text,detector", SECRETS)
def test_each_kind_of_secret_is_found(text: str, detector: str | None) -> None:
    found = {hit[0] for hit in scan_text(f"Baris sebelum.\n{text}\nBaris sesudah.")}
    assert found == ({detector} if detector else set())


def test_a_large_site_is_scanned_on_every_core_and_nothing_is_missed(site: Path, ppid) -> None:
    from conftest import write

    for n in range(80):
        write(site / "content" / "arsip" / f"halaman-{n:02d}.md",
              f"---\ntitle: Arsip {n}\njenis: halaman\n---\n\n# Arsip {n}\n\nIsi halaman arsip nomor {n}.\n")
    page = site / "content" / "arsip" / "halaman-41.md"
    page.write_text(page.read_text(encoding="utf-8") + "\npassword: Rahasia2026\n", encoding="utf-8")
    code, out, _ = ppid("check")
    assert code == 1 and "content/arsip/halaman-41.md:10: [blokir] kata_sandi" in out, out
    assert out.count("kata_sandi") == 1
