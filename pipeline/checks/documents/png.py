"""PNG structure: chunks and the text they hold, read the same way for inspection and for cleaning."""

from __future__ import annotations

import io
import struct
import zlib
from typing import IO, Iterator, NamedTuple

from .report import Unreadable

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_METADATA_CHUNKS = {b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"}
TEXT_CHUNK_MAX = 1024 * 1024      # zTXt/iTXt decompression cap


class Chunk(NamedTuple):
    kind: bytes
    data: bytes | None            # None for a chunk not asked for: skipped, not read
    crc: bytes | None             # as stored (short if the file ends inside it); None when skipped


def png_chunks(stream: IO[bytes], want: set[bytes] | None = None) -> Iterator[Chunk]:
    """Each chunk up to IEND; only those of a type in `want` (all when None) are read."""
    if stream.read(8) != PNG_SIGNATURE:
        raise Unreadable("tanda tangan PNG rusak")
    while True:
        header = stream.read(8)
        if len(header) < 8:
            raise Unreadable("berkas PNG terpotong (tidak ada IEND)")
        length, kind = struct.unpack(">I4s", header)
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise Unreadable("potongan PNG tidak sah")
        if want is None or kind in want:
            data = stream.read(length)
            if len(data) < length:
                raise Unreadable("berkas PNG terpotong")
            yield Chunk(kind, data, stream.read(4))
        else:
            stream.seek(length + 4, io.SEEK_CUR)
            yield Chunk(kind, None, None)
        if kind == b"IEND":
            return


def png_text(kind: bytes, data: bytes) -> tuple[str, str]:
    """(keyword, text) of a tEXt, zTXt or iTXt chunk."""
    keyword, _, rest = data.partition(b"\x00")
    key = keyword.decode("latin-1")
    if kind == b"tEXt":
        return key, rest.decode("latin-1")
    if kind == b"zTXt":
        return key, _inflate(rest[1:]).decode("latin-1")
    flag = rest[:1]  # then the compression method byte
    _lang, _, rest = rest[2:].partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    if flag == b"\x01":
        text = _inflate(text)
    return key, text.decode("utf-8", "replace")


def _inflate(data: bytes) -> bytes:
    return zlib.decompressobj().decompress(data, TEXT_CHUNK_MAX)

