"""E-mail addresses outside the domains the policy allows, found from each "@" outwards, and addresses written
out to dodge harvesters ("nama [at] dinas [dot] go [dot] id"). Public bodies' addresses are only for review."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .channels import FREE_MAIL
from .hits import P_CONTEXT

if TYPE_CHECKING:
    from .scan import Scan

_EMAIL_LOCAL_REV = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_EMAIL_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,24}}(?![A-Za-z0-9\-])")
# "[at]", "(at)", "{at}", " at " between brackets or spaces; "[dot]", "(dot)", "[titik]" or a dot between labels.
_AT = r"(?:\s*[\[({<]\s*(?:at|et|@)\s*[\])}>]\s*|\s+(?:at|AT)\s+|\s+@\s+)"
_DOT = r"(?:\s*[\[({<]\s*(?:dot|titik|\.)\s*[\])}>]\s*|\s+(?:dot|DOT|titik)\s+|\.)"
_WRITTEN_OUT = re.compile(
    rf"(?<![\w.%+\-])(?P<local>[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*){_AT}"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}[A-Za-z]{{2,24}})(?![A-Za-z0-9\-])")
_BRACKET_AT = re.compile(r"[\[({<][ ]?(?:at|et|AT|ET)[ ]?[\])}>]")
_DOT_WORDS = re.compile(rf"{_DOT}")
_MAILBOX_SPLIT = re.compile(r"[._\-+0-9]+")
# Mailbox names of a company's role, not a person ("sales@", "rekrutmen@", "cs@" on a company's or a regional
# company's own domain): only for review. Offices' mailbox names ("humas", "info") are the policy's mailbox_words.
# At a free-mail provider such a name says nothing (channels.py decides).
ROLE_MAILBOXES = frozenset(["legal", "sales", "marketing", "cs", "customer", "care", "service", "halo", "hello",
                            "office", "finance", "keuangan", "tender", "pengadaan", "procurement", "hrd", "hr",
                            "rekrutmen", "recruitment", "karir", "career", "support", "corporate", "corsec",
                            "direksi", "pelanggan", "konsumen", "billing", "tagihan", "no", "reply", "noreply",
                            "webmaster", "postmaster"])
# Hosts of students' and alumni's own mailboxes on a campus domain: a person's address, not the campus's.
_PERSONAL_HOSTS = frozenset(["student", "students", "mhs", "mahasiswa", "siswa", "alumni", "std"])
# Free-mail providers, where offices keep mailboxes too ("rsudsintang@gmail.com" on a hospital's complaint page):
# an address there is a person's unless it is listed among a public body's channels (channels.py).
_FREE_MAIL = frozenset(["gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.id", "ymail.com", "rocketmail.com",
                        "hotmail.com", "outlook.com", "outlook.co.id", "live.com", "msn.com", "aol.com", "icloud.com",
                        "me.com", "protonmail.com", "proton.me", "mail.com", "gmx.com", "zoho.com", "yandex.com"])


def find_emails(scan: Scan) -> None:
    text = scan.text
    find = text.find
    at = find("@")
    while at >= 0:
        left = text[max(0, at - 64):at][::-1]
        local = _EMAIL_LOCAL_REV.match(left)
        dom = _EMAIL_DOMAIN.match(text, at + 1) if local else None
        if local and dom:
            start = at - local.end()
            _add(scan, start, dom.end(), text[start:at], dom.group().lower())
            at = find("@", dom.end())
        else:
            at = find("@", at + 1)


def find_written_out_emails(scan: Scan) -> None:
    """Addresses written with words for "@" and "." ("budi [at] gmail [dot] com", "budi(at)gmail.com")."""
    text = scan.text
    if not (" at " in text or " AT " in text or " @ " in text or _BRACKET_AT.search(text)):
        return
    for m in _WRITTEN_OUT.finditer(text):
        domain = _DOT_WORDS.sub(".", m.group("domain")).lower()
        if " at " in m.group() and "." not in m.group("domain"):
            continue  # "bertemu at kantor dot ..." in prose needs a real dot or brackets somewhere
        _add(scan, m.start(), m.end(), m.group("local"), domain)


def _add(scan: Scan, start: int, end: int, local: str, domain: str) -> None:
    if any(domain == d or domain.endswith("." + d) for d in scan.rx.domains):
        return  # the agency's own
    if domain.split(".", 1)[0] in _PERSONAL_HOSTS:
        kind = "email"
    elif _public(scan, local, domain) or (domain not in _FREE_MAIL and _role_mailbox(local)):
        kind = "email_instansi"
    elif domain in _FREE_MAIL:
        kind = FREE_MAIL  # a person's, unless it is listed among a public body's channels
    else:
        kind = "email"
    scan.add(P_CONTEXT, start, end, kind)


def _role_mailbox(local: str) -> bool:
    """Whether the part before "@" names only roles ("sales", "cs", "no-reply"), never a person."""
    words = [w for w in _MAILBOX_SPLIT.split(local.lower()) if w]
    return bool(words) and all(w in ROLE_MAILBOXES for w in words)


def _public(scan: Scan, local: str, domain: str) -> bool:
    """A public body's address: on a public-body domain (go.id, ac.id, ...), or an office mailbox name."""
    if any(domain == d or domain.endswith("." + d) for d in scan.rx.public_domains):
        return True
    words = [w for w in _MAILBOX_SPLIT.split(local.lower()) if w]
    # short names ("kel", "upt") only as a whole word: "kelly" is a person
    exact, prefixes = scan.rx.mailboxes
    return any(w in exact or w.startswith(prefixes) for w in words)
