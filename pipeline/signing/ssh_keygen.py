"""Signing through `ssh-keygen -Y sign`, e.g. with a key held in ssh-agent."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import SigningError
from .keys import parse_public_key
from .sshsig import ARMOR_BEGIN, NAMESPACE, check_namespace, sshsig_verify

SSH_KEYGEN_TIMEOUT = 120.0


def sshsig_sign_with_ssh_keygen(
    public_key_path: Path, message: bytes, namespace: str = NAMESPACE
) -> str:
    """Sign through `ssh-keygen -Y sign` (stdin → stdout), e.g. with a key in ssh-agent."""
    check_namespace(namespace)
    expected_line = _read_public_key_file(public_key_path)
    command = ["ssh-keygen", "-Y", "sign", "-f", str(public_key_path), "-n", namespace]
    result = _run_ssh_keygen(command, message)
    armored = result.stdout.decode("ascii", errors="replace")
    if result.returncode != 0 or ARMOR_BEGIN not in armored:
        stderr = result.stderr.decode(errors="replace").strip()
        raise SigningError(f"ssh-keygen gagal menandatangani (kode {result.returncode}): {stderr}")
    sshsig_verify(expected_line, armored, message, namespace)
    return armored


def _read_public_key_file(path: Path) -> str:
    """The first line of a .pub file, checked to be an ssh-ed25519 key."""
    try:
        line = path.read_text(encoding="utf-8").strip().splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise SigningError(f"{path}: berkas kunci publik tidak dapat dibaca") from exc
    try:
        parse_public_key(line)
    except SigningError as exc:
        raise SigningError(f"{path}: {exc}") from exc
    return line


def _run_ssh_keygen(command: list[str], message: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run ssh-keygen with `message` on stdin, without a terminal prompt hanging forever."""
    try:
        return subprocess.run(
            command, input=message, capture_output=True, timeout=SSH_KEYGEN_TIMEOUT, check=False
        )
    except FileNotFoundError as exc:
        raise SigningError(
            "ssh-keygen tidak ditemukan; pasang OpenSSH (paket openssh-client)"
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise SigningError(
            f"ssh-keygen tidak selesai dalam {SSH_KEYGEN_TIMEOUT:.0f} detik"
        ) from exc
