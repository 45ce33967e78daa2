"""Regressions from a hostile pass: each input that once crashed a command or slipped past a rule now gets a
clear refusal naming the file, and harms nobody else."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, write
from helpers.lifecycle import heads
from pipeline.signing import load_private_key
from pipeline.trust.records import page_fields, sign_fields, write_record
from pipeline.yamlio import dumps

PAGE = "layanan/permohonan.md"


def no_crash(out: str, err: str) -> None:
    assert "kesalahan internal" not in err and "Traceback" not in out + err


def test_a_signed_record_with_an_impossible_date_is_ignored_by_name(site: Path, ppid, people) -> None:
    fields = page_fields(PAGE, "edit", "sha256:" + "4" * 64, "baru", "submit", "submitted", "operator", "siti", "",
                         dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc), heads(site))
    fields["time"] = "2026-02-30T10:00:00Z"
    write(site / "reviews" / "2026" / "02" / "mustahil.yml",
          dumps({**fields, "signature": sign_fields(fields, load_private_key(people.keys["siti"], None))}))
    for args in (["verify"], ["status"], ["withdraw", PAGE, "-m", "darurat", *people.key("ratna")]):
        code, out, err = ppid(*args)
        no_crash(out, err)
    code, out, err = ppid("verify")
    assert "mustahil.yml:" in out and "bukan tanggal dan jam yang ada" in out


def test_links_and_devices_in_reviews_are_named_and_ignored(site: Path, ppid, people) -> None:
    (site / "reviews" / "2026").mkdir(parents=True, exist_ok=True)
    os.symlink("/tidak/ada", site / "reviews" / "2026" / "putus.yml")
    os.symlink("/dev/zero", site / "reviews" / "2026" / "nol.yml")
    code, out, err = ppid("verify")
    no_crash(out, err)
    assert code == 0 and "putus.yml: tautan simbolik" in out and "nol.yml: tautan simbolik" in out


def test_a_junk_preview_manifest_does_not_crash_a_review(site: Path, ppid, people) -> None:
    write(site / "drafts" / PAGE, MINIMAL_PAGES[PAGE].replace("Isi [formulir]", "Baru: isi [formulir]"))
    assert ppid("submit", PAGE, *people.key("siti"))[0] == 0
    junk = {"changes": {PAGE: "x"}}
    from pipeline.signing import canonical_bytes
    import hashlib
    name = hashlib.sha256(canonical_bytes(junk)).hexdigest()
    write(site / "reviews" / "manifests" / f"{name}.json", json.dumps(junk))
    code, out, err = ppid("review", PAGE, "--setuju", "--pratinjau", name[:12], *people.key("budi"))
    no_crash(out, err)
    assert code == 2 and "tidak memuat isi" in err


def test_a_root_key_inside_the_site_is_refused(site: Path, ppid, people, monkeypatch) -> None:
    shutil.copy(people.root_pub, site / "site_config" / "akar.pub")
    for source in (str(site / "site_config" / "akar.pub"),):
        monkeypatch.setenv("PPID_ROOT_KEYS", source)
        code, out, err = ppid("verify")
        assert code == 1 and "tidak boleh diambil dari dalam folder situs" in out
    monkeypatch.delenv("PPID_ROOT_KEYS")
    code, out, _ = ppid("verify", "--root-key", str(site / "site_config" / "akar.pub"))
    assert code == 1 and "tidak boleh diambil dari dalam folder situs" in out


def test_a_valid_cache_entry_copied_over_another_is_not_trusted(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "bersih.md", MINIMAL_PAGES[PAGE].replace("Isi [formulir]", "Bersih. [formulir]"))
    write(site / "drafts" / "layanan" / "kotor.md", MINIMAL_PAGES[PAGE].replace("Isi [formulir]", "NIK 3273010101900003 [formulir]"))
    code, out, _ = ppid("check")
    assert "] nik:" in out
    entries = sorted((site / ".ppid" / "cache" / "scan").rglob("*.json"), key=lambda p: p.stat().st_size)
    clean = entries[0].read_bytes()
    for entry in entries[1:]:
        entry.write_bytes(clean)
    code, out, _ = ppid("check")
    assert code == 1 and "] nik:" in out


@pytest.mark.parametrize("file, old, new, expected", [
    ("site.yml", "  page_bytes: 1000000", "  page_bytes: x", "site_config/site.yml:"),
    ("site.yml", 'timezone: "Asia/Jakarta"', 'timezone: "Mars/Olympus"', "zona waktu 'Mars/Olympus' tidak dikenal"),
    ("security.yml", "never_acceptable: [dikecualikan, kunci_privat]", "never_acceptable: 12345", "site_config/security.yml:"),
])
def test_malformed_settings_are_messages_in_every_command(site: Path, ppid, people, file, old, new, expected) -> None:
    path = site / "site_config" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    for args in (["check"], ["build", "--out", str(site / "site")], ["verify"]):
        code, out, err = ppid(*args)
        no_crash(out, err)
        assert code != 0 and expected in out + err, (args, out, err)


def test_theme_written_as_a_word_is_a_message(site: Path, ppid, people) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("theme:")
    end = text.index("plugins:")
    config.write_text(text[:start] + "theme: material\n" + text[end:], encoding="utf-8")
    code, out, err = ppid("build", "--out", str(site / "site"))
    no_crash(out, err)
    assert code == 2 and "mkdocs.yml:" in err and "theme" in err


def test_a_record_a_few_minutes_ahead_does_not_block_others(site: Path, ppid, people) -> None:
    ahead = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)
    fields = page_fields("layanan/lain.md", "add", "sha256:" + "5" * 64, "baru", "submit", "submitted", "operator",
                         "siti", "", ahead, heads(site))
    write_record(site / "reviews", fields, sign_fields(fields, load_private_key(people.keys["siti"], None)))
    code, out, err = ppid("withdraw", PAGE, "-m", "darurat", *people.key("ratna"))
    assert code == 0, err


def test_a_page_that_vanishes_while_the_check_runs_is_named_not_a_crash(site: Path, ppid, monkeypatch) -> None:
    """Another program (an editor saving, a git checkout) removes a page after it was listed and before it is read:
    the answer names the page as unreadable and why; nothing else is skipped silently."""
    import pipeline.view as view

    real = view.read_page
    gone = site / "content" / "layanan" / "permohonan.md"

    def vanishing(source, rel, display, parse=None):
        if source == gone:
            source.unlink()
        return real(source, rel, display, parse)

    monkeypatch.setattr(view, "read_page", vanishing)
    code, out, err = ppid("check")
    assert code == 1 and "kesalahan internal" not in err
    assert "content/layanan/permohonan.md: tidak dapat dibaca" in out and "jalankan lagi" in out


def test_an_attachment_that_vanishes_while_the_check_runs_is_named_not_a_crash(site: Path, ppid, monkeypatch) -> None:
    import pipeline.scan as scan

    real = scan.file_sha256
    gone = site / "content" / "files" / "formulir.pdf"

    def vanishing(path):
        if path == gone and path.exists():
            path.unlink()
        return real(path)

    monkeypatch.setattr(scan, "file_sha256", vanishing)
    code, out, err = ppid("check")
    assert code != 0 and "kesalahan internal" not in err
    assert "content/files/formulir.pdf" in out + err and "jalankan" in out + err


def _ppid_bounded(site: Path, *args: str):
    """ppid in its own process with 2 GB of memory and a minute at most: a bug here must not take the machine."""
    import resource
    import subprocess
    import sys

    from conftest import REPO

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--site", str(site), *args], capture_output=True,
                          text=True, timeout=60, cwd=REPO, preexec_fn=limit)


def test_a_settings_file_that_is_a_device_or_a_pipe_is_named_not_read_forever(site: Path) -> None:
    """A commit can put a link to /dev/zero or a named pipe where site_config/privacy.yml was: every command
    (the publishing job too) would then fill the memory or wait forever."""
    config = site / "site_config" / "privacy.yml"
    for make in (lambda: config.symlink_to("/dev/zero"), lambda: os.mkfifo(config)):
        config.unlink()
        make()
        done = _ppid_bounded(site, "check")
        assert done.returncode == 2, done.stderr
        assert "site_config/privacy.yml" in done.stderr and "bukan berkas biasa" in done.stderr, done.stderr


def test_pipes_among_pages_and_attachments_are_named_never_read_nor_skipped(site: Path) -> None:
    """Nothing silent: a named pipe where a page or attachment would be (or a link to one) is a problem with its
    name, never read (it would wait forever) and never left out of the answer without a word."""
    os.mkfifo(site / "drafts" / "pipa.md")
    os.mkfifo(site / "content" / "files" / "pipa.pdf")
    os.mkfifo(site / "content" / "files" / ".pipa")
    (site / "content" / "files" / "tautan.pdf").symlink_to("pipa.pdf")
    done = _ppid_bounded(site, "check")
    assert done.returncode == 1, done.stdout + done.stderr
    for name in ("drafts/pipa.md", "content/files/pipa.pdf", "content/files/tautan.pdf"):
        assert f"{name}: bukan berkas biasa" in done.stdout, done.stdout
