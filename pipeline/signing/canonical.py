"""The canonical bytes of signed records: RFC 8785 JSON with every string in NFC."""

from __future__ import annotations

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
    normalised = _normalise(fields, "rekaman")
    try:
        return rfc8785.dumps(normalised)
    except (rfc8785.CanonicalizationError, UnicodeError) as exc:
        raise SigningError(f"rekaman tidak dapat dikanonikkan: {exc}") from exc


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
