"""Errors of the SOP records and reports; each message names the file (and line) and what to do."""

from __future__ import annotations

from ..errors import PpidError


class SopError(PpidError):
    """A records/ document, a period or a request that cannot be used."""


class NotVerified(SopError):
    """A signed records/ document does not verify (edited after signing, forged, wrong signer)."""

    exit_code = 1
