"""Indonesian personal-data detectors: NIK, KK, NPWP, phones, e-mail, passports, accounts, birth dates, NIP, BPJS."""

from __future__ import annotations

from .identifiers import NIK_PROVINCES, nik_ok, nip_ok, npwp_ok
from .numbers import _AMOUNT, _CODE, _DATE_TOKEN, _TIME  # noqa: F401 (tests check what is a barrier)
from .policy import DETECTORS, MESSAGES, POLICY_FILE, PrivacyPolicy, load_policy
from .scan import scan_text

# Texts are classified and lower-cased in pieces of this many characters (text.chunk_sizes reads them here).
_CHUNK = 1 << 22
_CHUNK_SLACK = 1 << 12

__all__ = ["DETECTORS", "MESSAGES", "NIK_PROVINCES", "POLICY_FILE", "PrivacyPolicy", "load_policy", "nik_ok",
           "nip_ok", "npwp_ok", "scan_text"]
