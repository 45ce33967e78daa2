"""OpenSSH `allowed_signers` lines, so auditors can verify with `ssh-keygen -Y verify`."""

from __future__ import annotations

import re
from datetime import date

from .errors import SigningError
from .keys import format_key_line, parse_public_key
from .sshsig import NAMESPACE

_PRINCIPAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def allowed_signers_line(
    principal: str, public_key_line: str, valid_after: str | None, valid_before: str | None
) -> str:
    """One `allowed_signers` line for OpenSSH, limited to the ppid namespace.

    `valid_after`/`valid_before` are "YYYY-MM-DD", written with a "Z" so that OpenSSH reads
    each as midnight UTC (as our records are timed), whatever the auditor's time zone; the
    key is no longer valid on the `valid_before` day.
    """
    if not _PRINCIPAL.fullmatch(principal):
        raise SigningError(
            f"identitas penanda tangan {principal!r} tidak sah untuk allowed_signers; "
            "gunakan huruf, angka, '.', '_', '@', '+' atau '-'"
        )
    options = [f'namespaces="{NAMESPACE}"']
    if valid_after is not None:
        options.append(f'valid-after="{_compact_date(valid_after)}"')
    if valid_before is not None:
        options.append(f'valid-before="{_compact_date(valid_before)}"')
    key_line = format_key_line(parse_public_key(public_key_line))
    return f"{principal} {','.join(options)} {key_line}"


def _compact_date(text: str) -> str:
    """"YYYY-MM-DD" → "YYYYMMDDZ" (midnight UTC), refusing anything else."""
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text).strftime("%Y%m%dZ")
    except (TypeError, ValueError) as exc:
        raise SigningError(
            f"tanggal {text!r} tidak sah; gunakan bentuk TTTT-BB-HH (mis. 2025-01-31)"
        ) from exc
