"""What a change is: a page with the attachments it links, hashed together, and the pending changes."""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .content import Page
from .signing import canonical_bytes
from .site import Site
from .view import View, build_view


@dataclass(frozen=True)
class Digest:
    """The SHA-256 binding a page's path, its bytes and the bytes of every attachment it links."""

    page: str
    value: str
    files: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def short(self) -> str:
        return self.value.removeprefix("sha256:")[:12]


def linked_files(page: Page, view: View) -> list[str]:
    """Attachments the page lists in `lampiran` or links in its text, as paths relative to the area."""
    found = {posixpath.normpath(item) for item in page.attachments}
    for link in page.links if may_link_a_file(page, view) else ():
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or not parts.path or parts.path.endswith(".md"):
            continue
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), unquote(parts.path))))
    return sorted(rel for rel in found if rel in view.assets)


# Extensions that write every URL from text of the page itself (none builds a URL out of a name, as
# wikilinks does, or from a shorthand, as magiclink does).
_VERBATIM_URLS = frozenset("""abbr admonition attr_list def_list footnotes md_in_html tables toc fenced_code
    sane_lists smarty meta nl2br codehilite legacy_attrs legacy_em betterem caret critic details highlight
    inlinehilite keys mark smartsymbols superfences tabbed tasklist tilde escapeall saneheaders blocks.admonition
    blocks.details blocks.tab""".split())
# Ways Markdown and HTML spell a character other than itself: an entity, a percent escape, a backslash escape.
_SPELLED_OTHERWISE = re.compile(r"&(?:#|[A-Za-z])|%[0-9A-Fa-f]{2}|\\")


def may_link_a_file(page: Page, view: View) -> bool:
    """False only when the rendered page cannot link any file of the view, so it need not be rendered to know:
    a rendered URL that names a file ends with the file's suffix, and with these extensions it is written in the
    page's text either literally or with an escape. Everything else is rendered, as the build renders it."""
    if not view.assets:
        return False
    engine = getattr(page.renderer, "engine", None)
    names = [n.removeprefix("markdown.extensions.").removeprefix("pymdownx.") for n in
             (engine.config.extensions if engine else ("?",))]
    if not all(n in _VERBATIM_URLS for n in names) or "" in view.asset_suffixes:
        return True
    return _SPELLED_OTHERWISE.search(page.body) is not None or any(s in page.body for s in view.asset_suffixes)


def page_digest(page: Page, view: View) -> Digest:
    files = {page.rel: page.sha256}
    for rel in linked_files(page, view):
        files[rel] = view.sha256(rel)
    body = canonical_bytes({"page": page.rel, "files": files})
    return Digest(page.rel, "sha256:" + hashlib.sha256(body).hexdigest(), files)


def removal_digest(previous: Digest) -> Digest:
    body = canonical_bytes({"page": previous.page, "remove": previous.value})
    return Digest(previous.page, "sha256:" + hashlib.sha256(body).hexdigest(), {})


@dataclass
class Change:
    """A pending change of one page: new, edited (page or an attachment), or removed."""

    page: str
    kind: str  # add | edit | remove
    digest: Digest
    draft: Page | None = None
    current: Digest | None = None  # the content/ version it replaces


@dataclass
class Snapshot:
    """Both views of the site and every page's digest in each, computed once."""

    content: View
    drafts: View
    content_digests: dict[str, Digest]
    draft_digests: dict[str, Digest]


def snapshot(site: Site) -> Snapshot:
    content = build_view(site, ["content"])
    drafts = build_view(site, ["drafts", "content"])
    content_digests = {rel: page_digest(p, content) for rel, p in content.pages.items()}
    draft_digests = {rel: _draft_digest(p, drafts, content_digests) for rel, p in drafts.pages.items()}
    return Snapshot(content, drafts, content_digests, draft_digests)


def _draft_digest(page: Page, drafts: View, content_digests: dict[str, Digest]) -> Digest:
    """A content page that no draft touches (itself or a file it links) keeps its content digest."""
    current = content_digests.get(page.rel)
    untouched = current is not None and drafts.origin.get(page.rel) == "content" and all(
        drafts.origin.get(rel) == "content" for rel in linked_files(page, drafts))
    return current if untouched else page_digest(page, drafts)


def draft_changes(snap: Snapshot) -> list[Change]:
    """Pages whose drafts-over-content version differs from content/ (a changed attachment counts)."""
    changes = []
    for rel, digest in sorted(snap.draft_digests.items()):
        current = snap.content_digests.get(rel)
        if current is None:
            changes.append(Change(rel, "add", digest, snap.drafts.pages[rel]))
        elif current.value != digest.value:
            changes.append(Change(rel, "edit", digest, snap.drafts.pages[rel], current))
    return changes

