"""Secrets in a page are found whatever the issuer and however the word is cased (each pattern is tried only on
text holding one of its words, so the words must cover every match)."""

from __future__ import annotations

import pytest

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
