"""A throw-away OpenSSH server on 127.0.0.1 for rsync deploy tests: its own host key, one user key."""

from __future__ import annotations

import getpass
import os
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from helpers.nginx import free_port, wait_for_port

SSHD = "/usr/sbin/sshd"


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    identity: Path       # the client's private key
    known_hosts: Path    # pins the server's host key


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


@contextmanager
def running_sshd(directory: Path) -> Iterator[SshServer]:
    directory.mkdir(parents=True, exist_ok=True)
    host_key, user_key = directory / "host_ed25519", directory / "user_ed25519"
    _keygen(host_key)
    _keygen(user_key)
    (directory / "authorized_keys").write_text(user_key.with_suffix(".pub").read_text())
    port = free_port()
    (directory / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key.with_suffix('.pub').read_text()}")
    config = directory / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {host_key}", f"PidFile {directory / 'sshd.pid'}",
        f"AuthorizedKeysFile {directory / 'authorized_keys'}", "PasswordAuthentication no",
        "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password", "StrictModes no", "UsePAM no",
        "Subsystem sftp internal-sftp", "LogLevel ERROR", ""]))
    Path("/run/sshd").mkdir(exist_ok=True)  # privilege separation directory sshd insists on
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL,
                               stderr=open(directory / "sshd.log", "w"))
    try:
        wait_for_port(port)
        yield SshServer(port, getpass.getuser(), user_key, directory / "known_hosts")
    finally:
        process.terminate()
        process.wait(timeout=10)
