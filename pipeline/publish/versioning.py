"""Per-release asset paths, so that one page load never mixes two releases.

Why a per-release prefix and not content-hashed names: the live site is one symlink switched
atomically, so every *request* is wholly release A or wholly release B, but a page loaded from A
just before the switch asks for its stylesheets, scripts and images just after it, and would get
B's `ppid.css` (same name, new bytes) or a 404 for an asset B renamed. Material already hashes its
bundle names, yet our own CSS, the search worker and content images are not hashed, and renaming
every file by its hash would change the URLs of documents people cite.

So every release folder holds a symlink `_rilis -> ..` (to the folder of all kept releases), and the
HTML of release X refers to what a page *loads* (`<link>`, `<script src>`, `<img>`, `<source>` and
the search worker in Material's `__config`) as `_rilis/X/...`. A page of X therefore loads X's
assets even after the live symlink moved on, for as long as X is kept (the last N releases, at
least the live and the previous one). Links (`<a href>`) keep their stable URLs: following a link
is a new page load. The web server serves `_rilis/<folder>/` only for `assets/` and images, so old
releases' pages and documents are not reachable under that prefix. The symlink works the same for
nginx, Apache and rsync (copied as a link), with no server-side alias to keep in sync.

What is still fetched from the live release: the search index (Material asks for it relative to
the site root when search is first used) — a later interaction, not part of loading the page.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

PREFIX_DIR = "_rilis"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".avif")

_REF = re.compile(r'(<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=")([^"]+)(")', re.IGNORECASE)
_WORKER = re.compile(r'("search":\s*")([^"]+)(")')


def is_versioned(rel: str) -> bool:
    """Whether a release file is served under the per-release prefix too (see the nginx location)."""
    return rel.startswith("assets/") or rel.lower().endswith(IMAGE_SUFFIXES)


def rewrite_page(html: str, page_rel: str, folder: str, files: set[str], memo: dict | None = None) -> str:
    """`html` of the page at `page_rel` with every loaded asset pointing into this release's prefix. `memo` keeps
    what a reference from a folder became: every page loads the same assets."""
    page_dir = posixpath.dirname(page_rel)
    known = {} if memo is None else memo

    def replace(match: re.Match) -> str:
        key = (match.group(2), page_dir)
        if key not in known:
            known[key] = _versioned_ref(match.group(2), page_dir, folder, files)
        return match.group(1) + known[key] + match.group(3)

    return _WORKER.sub(replace, _REF.sub(replace, html), count=0)


def _versioned_ref(ref: str, page_dir: str, folder: str, files: set[str]) -> str:
    if ref.startswith(("//", "#", "data:")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", ref):
        return ref
    path, sep, tail = _split_suffix(ref)
    if path.startswith("/"):
        target, absolute = posixpath.normpath(path.lstrip("/")), True
    else:
        target, absolute = posixpath.normpath(posixpath.join(page_dir, path)), False
    if target not in files or target.endswith(".html") or not is_versioned(target):
        return ref
    versioned = f"{PREFIX_DIR}/{folder}/{target}"
    # Up from the page's folder to the release root: the prefix is never a page folder (check_built refuses one),
    # so this equals posixpath.relpath(versioned, page_dir) without its two abspath calls per reference.
    up = "../" * (page_dir.count("/") + 1) if page_dir else ""
    new = "/" + versioned if absolute else up + versioned
    return new + sep + tail


def _split_suffix(ref: str) -> tuple[str, str, str]:
    for mark in ("?", "#"):
        if mark in ref:
            path, tail = ref.split(mark, 1)
            return path, mark, tail
    return ref, "", ""


def version_release(root: Path, folder: str, files: set[str]) -> None:
    """Rewrite every HTML file of the release folder in place and add the `_rilis` link."""
    memo: dict = {}
    for rel in sorted(files):
        if rel.endswith(".html"):
            path = root / rel
            html = path.read_text(encoding="utf-8")
            new = rewrite_page(html, rel, folder, files, memo)
            if new != html:
                tmp = path.with_name(f".{path.name}.tmp")
                tmp.write_text(new, encoding="utf-8")
                os.replace(tmp, path)  # a new file: the build's, hard-linked here, stays as it was built
    (root / PREFIX_DIR).symlink_to("..", target_is_directory=True)
