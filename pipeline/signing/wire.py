"""The SSH wire format: length-prefixed strings and a reader for them."""

from __future__ import annotations

import struct


def ssh_string(data: bytes) -> bytes:
    """Encode `data` as an SSH `string` (uint32 length, then bytes)."""
    return struct.pack(">I", len(data)) + data


class Reader:
    """Reads SSH wire-format fields; raises ValueError on malformed input."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def take(self, size: int) -> bytes:
        """Read exactly `size` raw bytes."""
        if size > len(self._data) - self._pos:
            raise ValueError("data terpotong")
        chunk = self._data[self._pos : self._pos + size]
        self._pos += size
        return chunk

    def uint32(self) -> int:
        """Read a big-endian uint32."""
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        """Read an SSH `string`."""
        return self.take(self.uint32())

    def finish(self) -> None:
        """Refuse trailing bytes."""
        if self._pos != len(self._data):
            raise ValueError("ada byte berlebih di akhir data")
