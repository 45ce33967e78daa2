"""What the preview shows: content/ with the pending changes applied, every unapproved page bannered."""

from __future__ import annotations

import posixpath

from ..content import Page
from ..trust.state import Pending, SiteState
from ..view import View, build_view
from ..trust.chains import STATE_NAMES

KIND_NAMES = {"add": "halaman baru", "edit": "perubahan", "remove": "penghapusan"}
SUMMARY_PAGE = "ringkasan-perubahan.md"
ANCHOR_PREFIX = "perubahan-"


def anchor(item: Pending) -> str:
    """The id of a change's section in the change summary (a draft's banner links to it)."""
    return ANCHOR_PREFIX + item.change.digest.short


def unapproved_pages(state: SiteState) -> frozenset[str]:
    return frozenset(p.change.page for p in state.pending if p.chain.state != "approved")


def preview_view(state: SiteState) -> View:
    removed = frozenset(p.change.page for p in state.pending if p.change.kind == "remove")
    return build_view(state.site, ["drafts", "content"], removed=removed)


def banner(item: Pending) -> str:
    state = STATE_NAMES[item.chain.state]
    return (
        '!!! danger ppid-banner "PRATINJAU — belum disetujui"\n'
        f"    Status: **{state}** · {KIND_NAMES[item.change.kind]} · hash `{item.change.digest.short}`"
        f" · pengaju: {item.chain.author or '—'}\n\n"
        f"    [Lihat apa yang berubah di Ringkasan Perubahan]({_summary_link(item)})\n\n"
    )


def _summary_link(item: Pending) -> str:
    return posixpath.relpath(SUMMARY_PAGE, posixpath.dirname(item.change.page) or ".") + "#" + anchor(item)


CHANGED_MARK = '<p class="ppid-berubah">Bagian berikut baru atau diubah dalam draf ini:</p>'


def with_banner(page: Page, item: Pending, old: Page | None = None) -> bytes:
    """The page's bytes with the banner placed right after its front matter, and, for an edit of `old`,
    each changed block marked."""
    text = page.raw.decode("utf-8")
    head = text[: len(text) - len(page.body)]
    body = mark_changed(old.body, page.body) if old is not None else page.body
    return (head + "\n" + banner(item) + body).encode("utf-8")


def mark_changed(old: str, new: str) -> str:
    """`new` with a marker before each top-level block (text between blank lines) that `old` lacks. Indented
    blocks (list or admonition bodies) are left alone, and so is a page with fenced code, whose blank lines
    do not end a block: a marker there would change what the page shows."""
    if "```" in new or "~~~" in new:
        return new
    before = {block.strip() for block in old.split("\n\n")}
    blocks = new.split("\n\n")
    return "\n\n".join(f"{CHANGED_MARK}\n\n{block}" if _changed(block, before) else block for block in blocks)


def _changed(block: str, before: set[str]) -> bool:
    stripped = block.strip("\n")
    return bool(stripped.strip()) and not stripped[0].isspace() and stripped.strip() not in before


def body_rewriter(state: SiteState):
    """For stage(): banner every page whose change is not yet approved (marking what an edit changed);
    others unchanged."""
    unapproved = {p.change.page: p for p in state.pending if p.chain.state != "approved"}
    current = state.snap.content.pages

    def body_of(page: Page):
        item = unapproved.get(page.rel)
        if not item:
            return page.source
        return with_banner(page, item, current.get(page.rel) if item.change.kind == "edit" else None)

    return body_of
