"""Identities: `ppid keys` makes keys outside the tree, signs the registry, and lets an auditor use OpenSSH alone."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

from conftest import REPO, write
from helpers.lifecycle import People, setup_people


def test_keys_new_writes_a_private_key_outside_the_site_and_prints_the_registry_entry(site: Path, ppid, tmp_path) -> None:
    out = tmp_path / "kunci" / "siti"
    code, text, err = ppid("keys", "new", "--id", "siti", "--nama", "Siti R.", "--peran", "operator", "--out", str(out))
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    public = out.with_name("siti.pub").read_text(encoding="utf-8").strip()
    assert f'key: "{public}"' in text and "roles: [operator]" in text and "- id: siti" in text
    derived = subprocess.run(["ssh-keygen", "-y", "-f", str(out)], capture_output=True, text=True, check=True).stdout
    assert derived.split()[:2] == public.split()[:2]


def test_keys_new_refuses_a_path_inside_the_site(site: Path, ppid) -> None:
    code, _, err = ppid("keys", "new", "--id", "siti", "--nama", "Siti", "--peran", "operator",
                        "--out", str(site / "site_config" / "siti"))
    assert code == 2 and "tidak boleh disimpan di dalam folder situs" in err
    assert not (site / "site_config" / "siti").exists()


def test_sign_registry_then_verify_with_the_pinned_root(site: Path, ppid, tmp_path, monkeypatch) -> None:
    people: People = setup_people(site, tmp_path / "kunci")
    registry = site / "site_config" / "reviewers.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("Budi Santoso", "Budi S."), encoding="utf-8")
    monkeypatch.setenv("PPID_ROOT_KEYS", str(people.root_pub))
    assert ppid("verify")[0] == 1
    code, out, _ = ppid("keys", "sign-registry", "--root-key", str(people.keys["root"]))
    assert code == 0 and "6 peninjau" in out
    assert ppid("verify")[0] == 0


def test_an_auditor_checks_a_record_with_ssh_keygen_alone(site: Path, ppid, tmp_path) -> None:
    setup_people(site, tmp_path / "kunci")
    record = next((site / "reviews").rglob("*-approve-ratna-*.yml"))
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(ppid("keys", "allowed-signers")[1], encoding="utf-8")
    signature = tmp_path / "rekaman.sig"
    signature.write_text(ppid("record", str(record), "--signature")[1], encoding="utf-8")
    ppid_bin = REPO / ".venv" / "bin" / "ppid"
    canonical = subprocess.run([str(ppid_bin), "--site", str(site), "record", str(record), "--canonical"],
                               capture_output=True, check=True).stdout
    shown = ppid("record", str(record))[1]
    when = re.search(r"-Overify-time=(\d{14}Z)", shown).group(1)

    def ssh_verify(data: bytes, principal: str = "ratna") -> int:
        return subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", principal, "-n", "ppid",
                               "-s", str(signature), f"-Overify-time={when}"], input=data, capture_output=True).returncode

    assert ssh_verify(canonical) == 0
    assert ssh_verify(canonical.replace(b"approved", b"rejected")) != 0
    assert ssh_verify(canonical, principal="budi") != 0


def test_registry_with_a_bad_key_is_a_clear_error(site: Path, ppid) -> None:
    write(site / "site_config" / "reviewers.yml", "versi: 1\nreviewers:\n  - id: siti\n    name: Siti\n    roles: [operator]\n"
          "    key: ssh-rsa AAAAB3NzaC1yc2E\n    valid_from: '2026-01-01'\n    valid_until: '2027-01-01'\n")
    code, _, err = ppid("status")
    assert code == 2 and "site_config/reviewers.yml:6:" in err and "reviewers.0.key" in err and "Traceback" not in err


def test_keys_new_counts_validity_in_utc_days_whatever_the_computers_zone(site: Path, ppid, tmp_path,
                                                                          monkeypatch) -> None:
    """Key validity is in UTC days (registry.valid_at): a key made at 00.30 WIB is valid from the UTC day, not from
    the local day that is already tomorrow in UTC (the key would be refused for its first hours)."""
    import datetime as dt
    import time

    for n, zone in enumerate(("Etc/GMT-14", "Etc/GMT+12")):  # at any moment one of them is on another day than UTC
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        code, text, err = ppid("keys", "new", "--id", f"siti{n}", "--nama", "Siti", "--peran", "operator",
                               "--berlaku-hari", "30", "--out", str(tmp_path / f"kunci{n}"))
        today = dt.datetime.now(dt.timezone.utc).date()
        assert code == 0, err
        assert f'valid_from: "{today.isoformat()}"' in text
        assert f'valid_until: "{(today + dt.timedelta(days=30)).isoformat()}"' in text
    monkeypatch.delenv("TZ")
    time.tzset()


def test_keys_new_refuses_a_validity_that_is_no_period(site: Path, ppid, tmp_path) -> None:
    for days in ("0", "-5", "1000000000"):
        code, out, err = ppid("keys", "new", "--id", "siti", "--nama", "Siti", "--peran", "operator",
                              "--berlaku-hari", days, "--out", str(tmp_path / f"k{days}"))
        assert code == 2 and "--berlaku-hari" in err and "Traceback" not in out + err
        assert not (tmp_path / f"k{days}").exists()


def _ppid_process(site: Path, *args: str) -> subprocess.CompletedProcess:
    import sys

    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--site", str(site), *args], capture_output=True,
                          text=True, timeout=120, cwd=REPO)


def test_a_root_or_public_key_file_that_is_no_key_file_is_refused_by_name(site: Path, people, tmp_path) -> None:
    """A device (never read to its end), a program, a folder, or a file far too big: a message naming the file and
    what to give instead, never an internal error nor a command that never ends."""
    big = tmp_path / "besar.pub"
    big.write_bytes(b"ssh-ed25519 " + b"A" * 200_000 + b"\n")
    for bad in ("/dev/zero", "/bin/ls", str(tmp_path), str(big)):
        for args in (("verify", "--root-key", bad), ("keys", "pin-root", bad)):
            done = _ppid_process(site, *args)
            assert done.returncode in (1, 2), (args, done.stdout, done.stderr)
            said = done.stdout + done.stderr
            assert bad in said and "kesalahan internal" not in said and "Traceback" not in said, (args, said)


def test_a_file_that_is_no_private_key_gets_no_chmod_advice(site: Path, people, ppid, tmp_path) -> None:
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan kunci\n", encoding="utf-8")
    notes.chmod(0o644)
    code, _, err = ppid("submit", "layanan/permohonan.md", "--key", str(notes))
    assert code == 2 and "bukan kunci privat" in err and "chmod" not in err
