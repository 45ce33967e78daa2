"""Unsafe content is refused, with its line; what the agency's policy allows passes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import write

HEAD = "---\ntitle: Halaman Uji\njenis: halaman\n---\n\n"

REFUSED = [
    ("script", "<script>alert(1)</script>", "html_tag"),
    ("script in caps", "<SCRIPT SRC=x.js></SCRIPT>", "html_tag"),
    ("event handler", '<img src="a.png" onerror="alert(1)">', "html_event"),
    ("event handler on allowed tag", '<b onmouseover="steal()">x</b>', "html_event"),
    ("javascript link in HTML", '<a href="javascript:alert(1)">klik</a>', "url_berbahaya"),
    ("javascript link in Markdown", "[klik](javascript:alert(1))", "url_berbahaya"),
    ("data URL in Markdown", "[unduh](data:text/html;base64,PHNjcmlwdD4=)", "url_berbahaya"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "url_berbahaya"),
    ("iframe from an unknown host", '<iframe src="https://contoh-asing.example/x"></iframe>', "sematan_asing"),
    ("object embed", '<object data="https://contoh-asing.example/x.swf"></object>', "html_tag"),
    ("form posting away", '<form action="https://contoh-asing.example/kirim" method="post"></form>', "html_tag"),
    ("hidden block", '<div style="display:none">tautan</div>', "konten_tersembunyi"),
    ("off-screen text", '<span style="position:absolute;left:-9999px">x</span>', "konten_tersembunyi"),
    ("tiny text", '<span style="font-size:0">x</span>', "konten_tersembunyi"),
    ("gambling spam", "Daftar SLOT GACOR hari ini, maxwin!", "spam_judi"),
    ("private key", "-----BEGIN OPENSSH PRIVATE KEY-----", "kunci_privat"),
    ("password", "password: Rahasia2026!", "kata_sandi"),
    ("github token", "token ghp_" + "a1B2" * 9, "token_github"),
]


@pytest.mark.parametrize("body,detector", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_unsafe_content_is_refused_with_its_line(site: Path, ppid, body: str, detector: str) -> None:
    write(site / "drafts" / "uji.md", HEAD + "Paragraf pembuka.\n\n" + body + "\n")
    code, out, _ = ppid("check")
    assert code == 1, out
    assert re.search(rf"drafts/uji.md:8: \[blokir\] {detector}:", out), out


ALLOWED = [
    ("plain formatting", "<b>tebal</b>, <em>miring</em>, <abbr title=\"Pejabat\">PPID</abbr>"),
    ("table", "<table><tr><td colspan=\"2\">sel</td></tr></table>"),
    ("links", "[UU 14/2008](https://peraturan.example/uu-14-2008) dan [surel](mailto:ppid@kotacontoh.go.id)"),
    ("code shows tags", "```\n<script>contoh</script>\n```"),
    ("inline code", "Tag `<script>` dilarang."),
    ("the word slot alone", "Slot waktu konsultasi tersedia pukul 09.00."),
]


@pytest.mark.parametrize("body", [c[1] for c in ALLOWED], ids=[c[0] for c in ALLOWED])
def test_allowed_content_passes(site: Path, ppid, body: str) -> None:
    write(site / "drafts" / "uji.md", HEAD + body + "\n")
    code, out, _ = ppid("check")
    assert code == 0, out


def test_embed_from_a_host_the_policy_allows_passes(site: Path, ppid) -> None:
    policy = site / "site_config" / "security.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "embed_hosts_allowed: []", "embed_hosts_allowed: [video.kotacontoh.go.id]"), encoding="utf-8")
    write(site / "drafts" / "uji.md", HEAD + '<iframe src="https://video.kotacontoh.go.id/v/1" width="560"></iframe>\n')
    assert ppid("check")[0] == 0
    write(site / "drafts" / "uji.md", HEAD + '<iframe src="https://video.contoh-asing.example/v/1"></iframe>\n')
    assert ppid("check")[0] == 1
