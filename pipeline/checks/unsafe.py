"""Unsafe content in a page: raw HTML outside the allow-list, dangerous URLs, hidden links, gambling spam."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..content import Page
from ..errors import ConfigError
from ..markdown_text import prose_lines
from ..yamlio import load_file
from .findings import BLOCK, Finding, value_hash

POLICY = Path("site_config") / "security.yml"


@dataclass(frozen=True)
class SecurityPolicy:
    tags: frozenset[str]
    attributes: frozenset[str]
    embed_hosts: frozenset[str]
    schemes: frozenset[str]
    hidden: tuple[re.Pattern, ...]
    spam: re.Pattern | None
    never_acceptable: frozenset[str]


@lru_cache(maxsize=8)
def load_policy(root: Path) -> SecurityPolicy:
    data = load_file(root / POLICY, str(POLICY)).data or {}
    if not isinstance(data, dict) or not all(isinstance(data.get(k) or {}, dict) for k in ("html", "hidden_content", "gambling_spam")):
        raise ConfigError(f"{POLICY}: harus berupa pemetaan dengan bagian html, hidden_content, gambling_spam")
    html, hidden, spam = data.get("html") or {}, data.get("hidden_content") or {}, data.get("gambling_spam") or {}
    words = [re.escape(str(w)) for w in spam.get("words") or []]
    return SecurityPolicy(
        tags=frozenset(map(str, html.get("allowed_tags") or [])),
        attributes=frozenset(map(str, html.get("allowed_attributes") or [])),
        embed_hosts=frozenset(map(str, html.get("embed_hosts_allowed") or [])),
        schemes=frozenset(map(str, html.get("url_schemes_allowed") or ["http", "https", "mailto", "tel"])),
        hidden=tuple(re.compile(str(p), re.IGNORECASE) for p in hidden.get("style_patterns") or []),
        spam=re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE) if words else None,
        never_acceptable=frozenset(map(str, data.get("never_acceptable") or [])),
    )


def _finding(page: Page, line: int, detector: str, message: str, excerpt: str) -> Finding:
    return Finding(page.display, detector, BLOCK, message, excerpt[:80], line=line,
                   value_hash=value_hash(f"{detector}:{excerpt}"))


def check(page: Page, policy: SecurityPolicy) -> list[Finding]:
    found: list[Finding] = []
    found += _html(page, policy)
    for link in page.links:
        problem = url_problem(link.target, policy)
        if problem:
            found.append(_finding(page, link.line, "url_berbahaya", problem, link.target))
    if policy.spam:
        for number, line in prose_lines(page.body, page.body_line):
            for match in policy.spam.finditer(line):
                found.append(_finding(page, number, "spam_judi", "kata khas spam judi online; halaman mungkin disusupi",
                                      match.group(0)))
    return found


def url_problem(target: str, policy: SecurityPolicy) -> str | None:
    scheme = urlsplit(target.strip()).scheme.lower()
    if scheme and scheme not in policy.schemes:
        return f"tautan berskema '{scheme}:' tidak diizinkan (hanya {', '.join(sorted(policy.schemes))})"
    return None


_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^<>]*?)?)\s*/?>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _start_tags(text: str):
    """(tag, attributes, line) of every start tag, in one linear pass. Python's html.parser turns
    quadratic on a page of unclosed tags, which would let one draft stall everyone's review."""
    line, last = 1, 0
    for match in _TAG.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        attrs = {m.group(1).lower(): html.unescape(next((g for g in m.groups()[1:] if g is not None), ""))
                 for m in _ATTR.finditer(match.group(2))}
        yield match.group(1).lower(), attrs, line


def _html(page: Page, policy: SecurityPolicy) -> list[Finding]:
    numbered = dict(prose_lines(page.body, page.body_line))
    first = page.body_line
    last = max(numbered, default=first)
    text = "\n".join(numbered.get(n, "") for n in range(first, last + 1))
    found = []
    for tag, attrs, line in _start_tags(text):
        found += _tag_findings(page, policy, tag, attrs, first + line - 1)
    return found


def _tag_findings(page: Page, policy: SecurityPolicy, tag: str, attrs: dict[str, str], line: int) -> list[Finding]:
    found = []
    if tag not in policy.tags:
        found.append(_finding(page, line, "html_tag", f"tag <{tag}> tidak diizinkan dalam halaman", f"<{tag}>"))
    for name, value in attrs.items():
        if name.startswith("on"):
            found.append(_finding(page, line, "html_event", f"atribut '{name}' menjalankan skrip; tidak diizinkan", f"{name}=…"))
        elif name not in policy.attributes and name != "style":
            found.append(_finding(page, line, "html_atribut", f"atribut '{name}' tidak diizinkan", name))
        if name in ("href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href"):
            problem = url_problem(value, policy)
            if problem:
                found.append(_finding(page, line, "url_berbahaya", problem, value))
    style = attrs.get("style", "")
    if any(p.search(style) for p in policy.hidden):
        found.append(_finding(page, line, "konten_tersembunyi",
                              "gaya yang menyembunyikan isi (cara umum menyisipkan tautan judi)", style))
    if tag in ("iframe", "img", "embed", "object", "frame", "video", "audio", "source"):
        host = urlsplit(attrs.get("src", "")).hostname
        if host and host not in policy.embed_hosts:
            found.append(_finding(page, line, "sematan_asing",
                                  f"<{tag}> memuat dari host '{host}' yang tidak diizinkan (site_config/security.yml)", host))
    return found
