"""What a change is: a page with the attachments it links, hashed together, and the pending changes."""

from __future__ import annotations

import hashlib
import posixpath
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
    for link in page.links:
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or not parts.path or parts.path.endswith(".md"):
            continue
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), unquote(parts.path))))
    return sorted(rel for rel in found if rel in view.assets)


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

