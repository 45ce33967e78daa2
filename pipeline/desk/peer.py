"""Who is on the other end of a loopback connection. The desk runs as its owner and can read the owner's key,
so only the owner's own programs may talk to it: another account on the same computer is refused, whatever
headers it sends. Linux tells the owner of every TCP socket in /proc/net/tcp; elsewhere this check is skipped
(and `ppid meja` says so)."""

from __future__ import annotations

import os
import socket
import struct
from pathlib import Path

TABLE = Path("/proc/net/tcp")
ENVIRON_KEY = "meja.same_user"


def available() -> bool:
    return TABLE.is_file()


def own_uid() -> int:
    return os.getuid()


def _address(host: str, port: int) -> str:
    return "%08X:%04X" % (struct.unpack("=I", socket.inet_aton(host))[0], port)


def peer_uid(client: tuple[str, int], server: tuple[str, int]) -> int | None:
    """The account that owns the client's end of this connection, or None when it cannot be found."""
    mine, theirs = _address(*client), _address(*server)
    try:
        lines = TABLE.read_text(encoding="ascii").splitlines()[1:]
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if len(fields) > 7 and fields[1] == mine and fields[2] == theirs:
            return int(fields[7])
    return None


def same_user(client: tuple[str, int], server: tuple[str, int]) -> bool:
    """Whether the connection comes from the desk's own account (fails closed where the table exists)."""
    if not available():
        return True
    return peer_uid(client, server) == own_uid()
