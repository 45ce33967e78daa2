"""XML from untrusted files: the prolog checked before ElementTree parses anything."""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO, Any

# The standard library's C parser is used (the pure-Python one under defusedxml is ~5x slower on a
# large sheet). Python's expat (>= 2.4) refuses entity-amplification bombs and ElementTree never
# fetches external entities; on top of that, a document type declaration is refused outright: no
# XMP packet or Office part has one.

PROLOG_MAX = 65536
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")


class UnsafeXml(ValueError):
    """XML with a DOCTYPE/ENTITY declaration, or a prolog that never ends."""


def check_prolog(head: bytes, *, complete: bool) -> None:
    probe = head.replace(b"\x00", b"")  # UTF-16 text read as bytes
    found = _ELEMENT_START.search(probe)
    if found is None and not complete:
        raise UnsafeXml("XML tidak wajar (pembuka dokumen terlalu panjang)")
    prolog = probe[:found.start()] if found else probe
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise UnsafeXml("XML memuat deklarasi DTD/entitas")


class _Joined(io.RawIOBase):
    """`head` (already read, to check the prolog), then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._rest.read(), b""
            else:
                data, self._head = self._head[:size], self._head[size:]
            return data
        return self._rest.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


def open_xml(zf: zipfile.ZipFile, name: str) -> IO[bytes]:
    """A member of the archive as a stream for ElementTree, its prolog checked first."""
    stream = zf.open(name)
    head = stream.read(PROLOG_MAX)
    try:
        check_prolog(head, complete=len(head) < PROLOG_MAX)
    except UnsafeXml:
        stream.close()
        raise
    return _Joined(head, stream)  # type: ignore[return-value]
