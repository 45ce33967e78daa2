"""E-mail addresses outside the domains the policy allows, found from each "@" outwards."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .hits import P_CONTEXT

if TYPE_CHECKING:
    from .scan import Scan

_EMAIL_LOCAL_REV = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_EMAIL_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,24}}(?![A-Za-z0-9\-])")


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
            domain = dom.group().lower()
            if not any(domain == d or domain.endswith("." + d) for d in scan.rx.domains):
                scan.add(P_CONTEXT, start, dom.end(), "email")
            at = find("@", dom.end())
        else:
            at = find("@", at + 1)
