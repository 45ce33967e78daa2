"""The canonical bytes of signed records: RFC 8785 JSON with every string in NFC."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import rfc8785

from .errors import SigningError

MAX_SAFE_INT = 2**53 - 1


def canonical_bytes(fields: Mapping[str, Any]) -> bytes:
    """RFC 8785 canonical JSON of `fields`, every string NFC-normalised."""
    if not isinstance(fields, Mapping):
        raise SigningError("rekaman bertanda tangan harus berupa pemetaan kunci → nilai")
    if _plain(fields):
        return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("ascii")
    normalised = _normalise(fields, "rekaman")
    try:
        return rfc8785.dumps(normalised)
    except (rfc8785.CanonicalizationError, UnicodeError) as exc:
        raise SigningError(f"rekaman tidak dapat dikanonikkan: {exc}") from exc


def _plain(value: Any) -> bool:
    """Printable-ASCII text, small integers, booleans and null in maps and lists: for these the standard JSON
    encoder with sorted keys writes exactly RFC 8785's bytes (key order by code point equals UTF-16 order, no
    escapes but \\" and \\\\, integers as digits) and NFC changes nothing. Records and page digests are such data;
    anything else takes the library's way."""
    if isinstance(value, str):
        return _PRINTABLE_ASCII.fullmatch(value) is not None
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return abs(value) <= MAX_SAFE_INT
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_plain(item) for item in value)
    return False


_PRINTABLE_ASCII = re.compile(r"[ -~]*")


def _normalise(value: Any, where: str) -> Any:
    """Return `value` with strings in NFC; refuse what cannot be signed exactly."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, int):
        return _check_int(value, where)
    if isinstance(value, Mapping):
        return _normalise_mapping(value, where)
    if isinstance(value, (list, tuple)):
        return [_normalise(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise SigningError(
        f"{where}: nilai bertipe {type(value).__name__} tidak boleh ada dalam rekaman "
        "bertanda tangan; tulis sebagai teks"
    )


def _check_int(value: int, where: str) -> int:
    """Refuse integers that JSON consumers cannot represent exactly."""
    if abs(value) > MAX_SAFE_INT:
        raise SigningError(
            f"{where}: bilangan bulat {value} melebihi 2^53 − 1 dan tidak dapat "
            "ditandatangani dengan tepat; tulis sebagai teks"
        )
    return value


def _normalise_mapping(value: Mapping[Any, Any], where: str) -> dict[str, Any]:
    """Normalise keys and values; refuse non-text keys and keys equal after NFC."""
    result: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise SigningError(f"{where}: kunci {key!r} harus berupa teks")
        nfc_key = unicodedata.normalize("NFC", key)
        if nfc_key in result:
            raise SigningError(
                f"{where}: kunci {nfc_key!r} muncul dua kali (setelah normalisasi NFC)"
            )
        result[nfc_key] = _normalise(item, f"{where}.{nfc_key}")
    return result
