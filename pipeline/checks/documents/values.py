"""Metadata values: which name a person, hold a local path or an account, or are only noise."""

from __future__ import annotations

import re

from ..findings import mask
from .report import METADATA_OFFICE, Report

# Generic values that identify nobody: tool defaults and placeholders.
_GENERIC_NAMES = {"", "openpyxl", "python-docx", "python-pptx", "apache poi", "xlsxwriter", "microsoft office user",
                  "microsoft office", "unknown", "author", "user", "administrator", "admin", "-", "n/a"}

LOCAL_PATH = re.compile(
    r"""(?ix)
      (?<![a-z0-9])[a-z]:[\\/][^\s"'<>|]*           # C:\Users\..., D:/data/...
    | \\\\[\w.$-]+\\[^\s"'<>|]+                      # \\server\share\...
    | \bfile:/{1,3}[^\s"'<>]+                        # file:///...
    | (?<![\w.:/-])/(?:home|users|root|media|mnt|tmp|var|opt|srv|private|volumes|run/media)/[^\s"'<>]*
    | (?<![\w/])~/[^\s"'<>]+                         # ~/Documents/...
    """
)
_ACCOUNT = re.compile(r"[A-Za-z][\w.-]{0,30}\\[\w.$-]{1,40}")  # DOMAIN\user, the whole value
_NOISE = re.compile(
    r"""(?ix)^(?:
        D:\d{4,14}.*                                  # PDF dates
      | \d{4}-\d{2}(?:-\d{2})?(?:[T\s][\d:.+-]+Z?)?   # ISO dates
      | \d{4}:\d{2}:\d{2}(?:\s[\d:]+)?                # EXIF dates
      | (?:uuid|xmp\.iid|xmp\.did|adobe:docid:[\w]+|urn:uuid):[\w:-]+
      | (?=[0-9]*[a-f])[0-9a-f]{16,}                  # bare hex identifiers (not all-digit: a NIK is data)
      | \[?[0-9a-f-]{36}\]?                           # GUIDs
    )$"""
)
_PERSON_KEYS = {"author", "authors", "lastmodifiedby", "last_modified_by", "lastauthor", "manager", "owner",
                "operator", "user", "username", "editor", "writer", "creatorname", "preparedby", "reviewer",
                "approvedby", "signedby", "penulis", "pembuat", "penyusun", "pemilik"}


def is_noise(value: str) -> bool:
    return bool(_NOISE.match(value.strip()))


def person_key(name: str) -> bool:
    return re.sub(r"[^a-z_]", "", name.lower()) in _PERSON_KEYS


def check_value(report: Report, detector: str, field: str, value: str, *, person_message: str | None,
                page: int | None = None, fix: str | None = None) -> None:
    """Flag `value`: as a person's name when `person_message` is given, else when it holds a path or an account.

    `fix` says how to remove it; by default, `ppid clean`.
    """
    value = value.strip()
    if not value:
        return
    if person_message is not None and value.casefold() not in _GENERIC_NAMES:
        report.finding(detector, f"{person_message}; {fix or report.hint()}", mask(value), value, field=field,
                       page=page)
        return
    found = LOCAL_PATH.search(value)
    if found:
        report.finding(detector, f"metadata menyimpan jalur berkas lokal yang dapat memuat nama pengguna komputer; "
                                 f"{report.hint()}", mask(found.group(0)), value, field=field, page=page)
    elif _ACCOUNT.fullmatch(value) and not LOCAL_PATH.search(value):
        report.finding(detector, f"metadata menyimpan nama akun komputer (DOMAIN\\pengguna); {report.hint()}",
                       mask(value), value, field=field, page=page)


def office_person(report: Report, field: str, value: str, message: str) -> None:
    """A person named by comments or tracked changes: content, so `ppid clean` does not remove it."""
    check_value(report, METADATA_OFFICE, field, value, person_message=message,
                fix="terima/tolak semua perubahan dan hapus komentar di aplikasinya, lalu simpan ulang")
