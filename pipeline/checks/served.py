"""The last gate: the built site itself. Every HTML file the build or the preview is about to hand out
is parsed as a browser parses it, and nothing may run or load beyond what the theme itself emits."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ..errors import CheckFailed
from ..render import cache
from ..site import Site
from ..render.facts import SRCSET_ATTRIBUTES, URL_ATTRIBUTES, srcset_urls
from . import css, stylesheets
from .findings import BLOCK, Finding, value_hash
from .stylesheets import leaves_site
from .visibility import served_hidden_links
from .unsafe import (NAVIGATION, check, RENDERER_TAGS, SecurityPolicy, load_policy, other_host, plain_relative, served_url,
                     url_problem)

SERVED_VERSION = "2"
# Elements of the theme's frame around pages (mkdocs-material): allowed here, still judged.
THEME_TAGS = frozenset({"html", "head", "body", "meta", "title", "link", "script", "header", "footer", "main", "nav",
                        "article", "aside", "form", "input", "label", "button", "svg", "path", "g", "circle", "rect",
                        "polygon", "small", "time", "section"})
# Documents a browser renders with script of their own. Parsed here as HTML (an XML parser would see at
# least as much markup; anything outside the allowed tags is refused either way).
INSPECTED = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg"})
# Types that run or transform in a browser and that neither the theme nor an allowed attachment produces.
REFUSED_TYPES = frozenset({".svgz", ".xml", ".xsl", ".xslt", ".mht", ".mhtml", ".swf", ".jar", ".hta", ".wasm"})
THEME_FILES = frozenset({"sitemap.xml"})
# The search index: Material's search shows titles and text as HTML, and writes only these tags, bare.
SEARCH_INDEX = "search/search_index.json"
_SEARCH_TAG = re.compile(r"<(?!/?(?:p|code|pre|li|ol|ul|sub|sup)>)[^\s\\\d=<>\"']")
# URL attributes that hold a space-separated list of URLs.
URL_LISTS = frozenset({"ping", "archive"})
# The inline scripts mkdocs-material 9.8.1 writes, after their relative base path is normalised
# (see _normalised). Upgrading the theme changes them: the served-site test then names the new ones.
THEME_SCRIPTS = frozenset({
    "6a9a103c779f08d5a3c5b0a6f87cd50ce016e024955a163b5729508e0385c9f9",  # __md_scope, __md_get, __md_set
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f",  # content tabs follow the URL hash
})
NOT_EXECUTED = frozenset({"application/json"})
LINK_NAVIGATION = frozenset({"canonical", "alternate", "prev", "next", "author", "license", "help", "search"})
_JUDGES = [Path(__file__)] + [Path(stylesheets.__file__).with_name(name) for name in stylesheets.JUDGES]
_BASE_PATH = re.compile(r"""(["'])(?:\.{1,2}|/)(?:/\.\.)*/?\1""")


def _normalised(script: str) -> str:
    """An inline script with its relative base (".", "..", "../..", "/") written as ".", hashed."""
    return hashlib.sha256(_BASE_PATH.sub('"."', script.strip()).encode("utf-8")).hexdigest()


class _Inspection:
    def __init__(self, display: str, text: str, policy: SecurityPolicy) -> None:
        self.display, self.text, self.policy = display, text, policy
        self.tags = THEME_TAGS | policy.tags | RENDERER_TAGS
        self.found: list[Finding] = []

    def add(self, detector: str, message: str, excerpt: str, needle: str) -> None:
        index = self.text.find(needle) if needle else -1
        line = self.text.count("\n", 0, index) + 1 if index >= 0 else None
        self.found.append(Finding(self.display, detector, BLOCK, message, excerpt[:80], line=line,
                                  value_hash=value_hash(f"{detector}:{excerpt}")))

    def element(self, node) -> None:
        tag, raw = node.tag, node.attributes
        if tag not in self.tags:
            self.add("html_tag", f"tag <{tag}> ada di situs hasil build", f"<{tag}>", f"<{tag}")
        if not raw and tag not in ("script", "style"):
            return  # most of a page: nothing that could run or load
        attrs = {k.lower(): v or "" for k, v in raw.items()}
        for name, value in attrs.items():
            if name.startswith("on") or name == "srcdoc":
                self.add("html_event", f"atribut '{name}' menjalankan skrip di situs hasil build", f"{name}=…", name)
            elif name in URL_LISTS:
                for url in value.split():
                    self.url(tag, name, url, attrs)
            elif name in URL_ATTRIBUTES:
                self.url(tag, name, value, attrs)
            elif name in SRCSET_ATTRIBUTES:
                for url in srcset_urls(value):
                    self.url(tag, name, url, attrs)
        if tag == "meta" and "http-equiv" in attrs:
            self.add("html_tag", "<meta http-equiv> mengalihkan atau mengatur halaman", attrs["http-equiv"], "http-equiv")
        if tag == "script":
            self.script(node, attrs)
        for style in ([attrs["style"]] if "style" in attrs else []) + ([node.text()] if tag == "style" else []):
            for url in css.urls(style):
                self.url(tag, "style", url, attrs)

    def script(self, node, attrs: dict[str, str]) -> None:
        if "src" in attrs:  # judged as a URL too: it must stay on this site, and be a script the build wrote
            if not served_url(attrs["src"]).split("?")[0].split("#")[0].endswith(".js"):
                self.add("html_tag", "<script src> tidak menunjuk berkas .js situs ini", attrs["src"], attrs["src"])
            return
        if attrs.get("type", "").lower() in NOT_EXECUTED:
            return
        if _normalised(node.text()) not in THEME_SCRIPTS:
            self.add("html_tag", "<script> yang tidak dibuat tema ada di situs hasil build", "<script>",
                     node.text()[:40] or "<script")

    def url(self, tag: str, name: str, value: str, attrs: dict[str, str]) -> None:
        if plain_relative(value):
            return
        problem = url_problem(value, self.policy)
        if problem:
            self.add("url_berbahaya", problem, value, value)
            return
        navigation = (tag, name) in NAVIGATION or ("*", name) in NAVIGATION or \
            (tag == "link" and name == "href" and set(attrs.get("rel", "").lower().split()) <= LINK_NAVIGATION)
        host = None if navigation else other_host(value)
        if host and host not in self.policy.embed_hosts:
            self.add("sematan_asing", f"<{tag} {name}> memuat dari host lain '{host}'", host, value)


def inspect_file(path: Path, display: str, policy: SecurityPolicy, site_dir: Path | None = None) -> list[Finding]:
    """Findings of one built file; with the `site_dir` it belongs to, also its links to other hosts that the
    page's own stylesheets hide from a reader (a template can write them where no page check looks)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    inspection = _Inspection(display, text, policy)
    if path.suffix.lower() != ".html" and re.search(r"<[?!](?!--)", text):
        inspection.add("html_tag", "deklarasi XML (<?…?>, <!DOCTYPE/ENTITY>) dalam berkas yang dibuka peramban",
                       path.name, "<")
    tree = LexborHTMLParser(text)
    outward = False
    for node in tree.root.traverse(include_text=False):
        if node.tag and not node.tag.startswith(("-", "#")):
            inspection.element(node)
            outward = outward or (node.tag in ("a", "area") and leaves_site(node.attributes.get("href") or ""))
    if outward and site_dir is not None:
        for link in served_hidden_links(tree, path, site_dir, leaves_site):
            inspection.add("konten_tersembunyi", f"tautan '{link.text or link.href}' ke host lain tidak terlihat oleh "
                           f"pembaca: {link.why}; cara umum menyisipkan tautan judi. Hapus tautan itu dari templat "
                           "atau halaman, atau ubah aturan gaya yang menyembunyikannya", link.href, link.href)
    return inspection.found





def inspect_site(site_dir: Path, policy: SecurityPolicy, cache_dir: Path | None, shown_as: str) -> list[Finding]:
    """Findings in every file under `site_dir` a browser would run: pages, SVG, the search index, and types
    nothing of the site should hold. With a `cache_dir`, a page's results are reused while its bytes are
    unchanged (a warm preview rebuilds few pages); a fresh online build is not worth caching."""
    # A page's verdict depends on the stylesheets it loads too: any change of one is a new fingerprint.
    fingerprint = hashlib.sha256(SERVED_VERSION.encode() + repr(sorted(policy.tags)).encode() +
                                 repr(sorted(policy.embed_hosts)).encode() + repr(sorted(policy.schemes)).encode() +
                                 b"".join(p.read_bytes() for p in _JUDGES) +
                                 b"".join(p.read_bytes() for p in sorted(site_dir.rglob("*.css")))).hexdigest()
    found = _search_index(site_dir, shown_as)
    for path in sorted(site_dir.rglob("*")):
        rel, suffix = path.relative_to(site_dir).as_posix(), path.suffix.lower()
        if suffix in REFUSED_TYPES and rel not in THEME_FILES:
            found.append(Finding(f"{shown_as}/{rel}", "html_tag", BLOCK, f"berkas '{path.suffix}' dapat menjalankan "
                                 "kode di peramban; tidak boleh ada di situs hasil build", path.name,
                                 value_hash=value_hash(f"html_tag:{rel}")))
        if suffix not in INSPECTED or not path.is_file():
            continue
        display = f"{shown_as}/{rel}"
        if cache_dir is None:
            found += inspect_file(path, display, policy, site_dir)
            continue
        # Keyed by the file's identity and times, as git does: the build rewrites what it changes, and
        # ctime cannot be set back, so unchanged pages of a warm preview are not even read.
        info = path.stat()
        name = hashlib.sha256(f"{fingerprint}|{display}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|"
                              f"{info.st_ctime_ns}".encode()).hexdigest()
        stored = cache.read(cache_dir, name)
        if stored is None:
            stored = [f.__dict__ for f in inspect_file(path, display, policy, site_dir)]
            cache.write(cache_dir, name, stored)
        found += [Finding(**item) for item in stored]
    return found


def _search_index(site_dir: Path, shown_as: str) -> list[Finding]:
    index = site_dir / SEARCH_INDEX
    match = _SEARCH_TAG.search(index.read_text(encoding="utf-8", errors="replace")) if index.is_file() else None
    if match is None:
        return []
    return [Finding(f"{shown_as}/{SEARCH_INDEX}", "html_tag", BLOCK, "indeks pencarian memuat markah yang akan "
                    "dijalankan saat hasil pencarian ditampilkan", match.group(0),
                    value_hash=value_hash(f"html_tag:{SEARCH_INDEX}"))]


def refuse_unrenderable(site: Site, pages: list, what: str) -> None:
    """Raise CheckFailed naming each page the Markdown engine cannot render, before the builder stops on the
    first one with a traceback that names none."""
    failed = [f for page in pages if page.rendered.failure for f in check(page, load_policy(site.root))
              if f.detector == "render_gagal"]
    if failed:
        lines = "\n".join(str(f) for f in failed)
        raise CheckFailed(f"{lines}\n{what} dihentikan: {len(failed)} halaman tidak dapat diolah mesin Markdown situs; "
                          "perbaiki halaman yang disebut di atas, lalu jalankan 'ppid check'.")


def refuse_unsafe_output(site: Site, site_dir: Path, what: str, remember: bool = False) -> None:
    """Raise CheckFailed naming every finding when the built site holds anything the gate refuses.
    `what` names the step stopped ("Build", "Pratinjau"); `remember` caches results across runs."""
    cache_dir = site.work_dir / "cache" / "served" if remember else None
    found = inspect_site(site_dir, load_policy(site.root), cache_dir, what.lower())
    if found:
        lines = "\n".join(str(f) for f in found[:50])
        more = f"\n… dan {len(found) - 50} temuan lain" if len(found) > 50 else ""
        raise CheckFailed(f"{lines}{more}\n{what} dihentikan: hasil build memuat {len(found)} hal yang tidak aman "
                          "(skrip, atribut peristiwa, pemuatan dari host lain, atau tautan tersembunyi); hasil lama tidak diganti. "
                          "Periksa judul dan isi halaman yang disebut di atas, lalu jalankan 'ppid check'.")
