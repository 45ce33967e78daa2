"""The errors raised when signing or verifying."""

from __future__ import annotations

from pipeline.errors import PpidError


class SigningError(PpidError):
    """A key, a record or a signing tool cannot be used."""


class SignatureError(SigningError):
    """A signature does not prove what it should."""
