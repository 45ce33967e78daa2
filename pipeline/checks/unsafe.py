"""Unsafe content in a page, judged on the HTML the build serves: markup outside the allow-list,
script and dangerous URLs, requests to other hosts, hidden content, gambling spam."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..content import Page
from ..errors import ConfigError
from ..render.page import LineFinder
from ..yamlio import load_file
from . import access, css
from .findings import BLOCK, REVIEW, Finding, value_hash
from .lookalike import fold

POLICY = Path("site_config") / "security.yml"
# What the Markdown engine itself writes (blockquote, admonitions, tables' alignment, list starts);
# always allowed, and still judged (styles, URLs) like everything else.
RENDERER_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "code", "pre", "blockquote", "ul",
                           "ol", "li", "em", "strong", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div",
                           "span", "sup", "sub", "dl", "dt", "dd", "abbr"})
RENDERER_ATTRIBUTES = frozenset({"class", "id", "href", "src", "alt", "title", "style", "start"})
# Attributes whose URL is only followed when the reader clicks; every other URL is fetched by the browser.
NAVIGATION = frozenset({("a", "href"), ("area", "href"), ("*", "cite"), ("*", "longdesc"), ("*", "itemtype"),
                        ("*", "usemap")})
# Never allowed whatever security.yml says: they run script, are parsed differently with script on
# (noscript), replace the page's base or load other documents. A page MkDocs cannot render is never
# accepted either: it would stop every build after it.
NEVER_TAGS = frozenset({"script", "noscript", "style", "template", "base", "meta", "link", "object", "embed", "applet",
                        "frame", "frameset", "portal", "xmp", "plaintext", "noembed", "noframes"})
NEVER_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "blob", "filesystem", "livescript"})
_WHITESPACE_IN_URL = re.compile(r"[\t\n\r]")
_NOT_PLAIN = re.compile(r"[:\\\x00-\x20]|//")
_TAG = re.compile(r"<[^>]*>")
_PUNYCODE = re.compile(r"(?i)xn--([a-z0-9-]+)")


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
    unsafe = sorted(set(map(str, html.get("allowed_tags") or [])) & NEVER_TAGS) + \
        sorted(set(map(str, html.get("url_schemes_allowed") or [])) & NEVER_SCHEMES)
    if unsafe:
        raise ConfigError(f"{POLICY}: {', '.join(unsafe)} menjalankan skrip atau memuat dari luar situs dan tidak dapat "
                          "diizinkan; hapus dari html.allowed_tags / html.url_schemes_allowed")
    words = [r"[\W_]*".join(map(re.escape, fold(str(w)).split())) for w in spam.get("words") or []]
    return SecurityPolicy(
        tags=frozenset(map(str, html.get("allowed_tags") or [])) | RENDERER_TAGS,
        attributes=frozenset(map(str, html.get("allowed_attributes") or [])) | RENDERER_ATTRIBUTES,
        embed_hosts=frozenset(map(str, html.get("embed_hosts_allowed") or [])),
        schemes=frozenset(map(str, html.get("url_schemes_allowed") or ["http", "https", "mailto", "tel"])),
        hidden=tuple(re.compile(str(p), re.IGNORECASE) for p in hidden.get("style_patterns") or []),
        spam=re.compile(r"(?<![a-z0-9])(" + "|".join(words) + r")(?![a-z0-9])") if words else None,
        never_acceptable=frozenset(map(str, data.get("never_acceptable") or [])) | {"render_gagal"},
    )


def served_url(value: str) -> str:
    """A URL as the browser's URL parser reads it: tabs and line breaks dropped, surrounding controls and
    spaces trimmed, backslashes read as slashes (so `\\\\host\\x` and `/\\host/x` reach another host)."""
    return _WHITESPACE_IN_URL.sub("", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                   "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ").replace("\\", "/")


def plain_relative(target: str) -> bool:
    """A path on this site for certain: no scheme, no host, nothing a browser would strip or turn around."""
    return _NOT_PLAIN.search(target) is None


def url_problem(target: str, policy: SecurityPolicy) -> str | None:
    try:
        scheme = urlsplit(served_url(target)).scheme.lower()
    except ValueError:  # MkDocs and other tools stop on such a URL; a browser may read it otherwise
        return "alamat tidak sah (tidak dapat diurai); tulis alamat lengkap yang benar"
    if scheme and scheme not in policy.schemes:
        return f"tautan berskema '{scheme}:' tidak diizinkan (hanya {', '.join(sorted(policy.schemes))})"
    return None


def other_host(target: str) -> str | None:
    """The host a URL reaches when it is not this site (scheme-relative and backslash forms included)."""
    try:
        parts = urlsplit(served_url(target))
    except ValueError:
        return "(alamat tidak sah)"
    if parts.netloc:
        return parts.hostname or parts.netloc
    if parts.scheme in ("http", "https"):  # `https:host/x` reaches https://host/x
        return parts.path.lstrip("/").split("/")[0] or "(host lain)"
    return None


class _Judge:
    """Findings of one page, each placed on the source line that writes the offending text."""

    def __init__(self, page: Page, policy: SecurityPolicy) -> None:
        self.page, self.policy = page, policy
        self.lines = LineFinder(page.body, page.body_line)
        self.found: list[Finding] = []

    def add(self, detector: str, message: str, excerpt: str, *needles: str, level: str = BLOCK) -> None:
        line = self.lines.line_of(*needles, excerpt)
        self.found.append(Finding(self.page.display, detector, level, message, excerpt[:80], line=line,
                                  value_hash=value_hash(f"{detector}:{excerpt}")))

    def element(self, tag: str, attrs: dict[str, str]) -> None:
        policy = self.policy
        if tag not in policy.tags and tag not in ("html", "head", "body"):
            self.add("html_tag", f"tag <{tag}> tidak diizinkan dalam halaman", f"<{tag}>", f"<{tag}")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.add("html_event", f"atribut '{name}' menjalankan skrip; tidak diizinkan", f"{name}=…", name)
            elif name not in policy.attributes:
                self.add("html_atribut", f"atribut '{name}' tidak diizinkan", name, f"{name}=", value)
        style = attrs.get("style")
        if style is not None:
            self.style(tag, style)

    def url(self, tag: str, attribute: str, value: str) -> None:
        if plain_relative(value):
            return
        problem = url_problem(value, self.policy)
        if problem:
            self.add("url_berbahaya", problem, value, value, value.strip())
            return
        if (tag, attribute) in NAVIGATION or ("*", attribute) in NAVIGATION:
            return
        host = other_host(value)
        if host and host not in self.policy.embed_hosts:
            self.add("sematan_asing", f"<{tag} {attribute}> memuat dari host '{host}' yang tidak diizinkan "
                     "(site_config/security.yml)", host, value)

    def style(self, tag: str, style: str) -> None:
        reason = css.hiding(style) or next((p.pattern for p in self.policy.hidden if p.search(css.decode(style))), None)
        if reason:
            self.add("konten_tersembunyi", f"gaya yang menyembunyikan isi ({reason}); cara umum menyisipkan tautan judi",
                     style, style)
        if any(word in css.decode(style) for word in ("expression(", "behavior:", "-moz-binding")):
            self.add("html_event", "gaya menjalankan skrip; tidak diizinkan", style, style)
        for url in css.urls(style):
            self.url(tag, "style", url)

    def spam(self, text: str) -> None:
        pattern = self.policy.spam
        if pattern is None:
            return
        seen = set()
        for match in pattern.finditer(fold(text)):
            word = " ".join(match.group(0).split())
            if word not in seen:
                seen.add(word)
                self.add("spam_judi", "kata khas spam judi online; halaman mungkin disusupi", word, *self._spam_lines(word))

    def _spam_lines(self, word: str) -> list[str]:
        """The source line holding the (possibly disguised) word: each line folded as the text was."""
        for line in self.page.body.splitlines():
            if self.policy.spam.search(fold(_unicode_hosts(_TAG.sub("", line)))):
                return [line]
        return []


def _unicode_hosts(url: str) -> str:
    """The URL with its punycode labels (`xn--…`) as the letters a reader sees in the address bar."""
    if "xn--" not in url.lower():
        return url
    return _PUNYCODE.sub(lambda m: _decoded_label(m.group(1)), url)


def _decoded_label(label: str) -> str:
    try:
        return label.encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label


def check(page: Page, policy: SecurityPolicy, markup_only: bool = False) -> list[Finding]:
    """Findings of the page's served HTML. `markup_only`: only what could run or load (the preview's
    question before it shows a page), not hidden content or spam."""
    judge = _Judge(page, policy)
    rendered = page.rendered
    if rendered.failure:
        judge.add("render_gagal", "halaman tidak dapat diolah mesin Markdown situs; situs tidak dapat dibangun "
                  f"dengan halaman ini ({rendered.failure}). Periksa HTML mentah di halaman ini", "render",
                  *re.findall(r"at '(.{1,20})", rendered.failure), *re.findall(r"'([^']{1,60})'", rendered.failure), "<")
        return judge.found
    facts = rendered.facts
    for tag, attrs in facts.elements:
        judge.element(tag, attrs)
    for tag, attribute, value in facts.urls:
        judge.url(tag, attribute, value)
    if markup_only:
        return judge.found
    for tag, attrs in facts.elements:
        for message, excerpt, needle in access.element_problems(tag, attrs):
            judge.add("aksesibilitas", message, excerpt, needle)
    for href in facts.empty_links:
        judge.add("konten_tersembunyi", "tautan tanpa teks yang terlihat (kosong atau hanya karakter tak terlihat); cara "
                  "umum menyisipkan tautan judi", href, href)
    for href, text, why in facts.hidden_links:
        judge.add("konten_tersembunyi", f"tautan '{text or href}' tidak terlihat oleh pembaca: {why}; cara umum "
                  "menyisipkan tautan judi. Hapus tautan itu, atau ubah aturan gaya yang menyembunyikannya", href, href)
    for href in facts.closed_details_links:
        judge.add("konten_tersembunyi", "tautan tersembunyi di dalam <details> yang tertutup tanpa ringkasan "
                  "(<summary>) yang terlihat; cara umum menyisipkan tautan judi. Beri <summary> yang menjelaskan isinya, "
                  "atau hapus tautan itu", href, href)
    for href in facts.folded_links:
        if other_host(href):
            judge.add("tautan_terlipat", "tautan ke situs lain di dalam <details> yang tertutup (terbuka bila "
                      "ringkasannya diklik); pastikan ringkasan menjelaskan tautan itu dan situs tujuannya benar",
                      href, href, level=REVIEW)
    judge.spam(" ".join([facts.text, *(_unicode_hosts(u) for _, _, u in facts.urls)]))
    return judge.found
