"""A site on a read-only file system (an auditor's mounted copy, a CI checkout): the commands that only read
answer as usual; the ones that must write say which file could not be written and what to do, never an internal
error. The mount is real: a bind mount made read-only in a private mount namespace (root, as in CI)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, tree_digest


def ppid_read_only(site: Path, *args: str) -> subprocess.CompletedProcess:
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "pipeline.cli", "--site", str(site), *args])
    script = (f"mount --bind {shlex.quote(str(site))} {shlex.quote(str(site))} && "
              f"mount -o remount,bind,ro {shlex.quote(str(site))} && cd {shlex.quote(str(REPO))} && {command}")
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


@pytest.fixture
def read_only_site(site: Path, people) -> Path:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a read-only bind mount needs root and unshare (as in CI)")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.decode(errors='replace')}")
    return site


def test_reading_commands_answer_on_a_read_only_site(read_only_site: Path) -> None:
    before = tree_digest(read_only_site)
    for args in (["check"], ["status"], ["verify"]):
        done = ppid_read_only(read_only_site, *args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "kesalahan internal" not in done.stderr
    assert tree_digest(read_only_site) == before


def test_writing_commands_name_the_file_they_cannot_write(read_only_site: Path) -> None:
    done = ppid_read_only(read_only_site, "notulen", "baru", "--tanggal", "2026-11-20")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "kesalahan internal" not in done.stderr and "Traceback" not in done.stderr
    assert "tidak dapat ditulis" in done.stderr and "records/notulen" in done.stderr
    assert "hanya-baca" in done.stderr
