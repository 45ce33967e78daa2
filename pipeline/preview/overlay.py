"""What the preview shows: content/ with the pending changes applied, every unapproved page bannered."""

from __future__ import annotations

from ..content import Page
from ..trust.state import Pending, SiteState
from ..view import View, build_view
from ..trust.chains import STATE_NAMES

KIND_NAMES = {"add": "halaman baru", "edit": "perubahan", "remove": "penghapusan"}


def preview_view(state: SiteState) -> View:
    removed = frozenset(p.change.page for p in state.pending if p.change.kind == "remove")
    return build_view(state.site, ["drafts", "content"], removed=removed)


def banner(item: Pending) -> str:
    state = STATE_NAMES[item.chain.state]
    return (
        '!!! danger ppid-banner "PRATINJAU — belum disetujui"\n'
        f"    Status: **{state}** · {KIND_NAMES[item.change.kind]} · hash `{item.change.digest.short}`"
        f" · pengaju: {item.chain.author or '—'}\n\n"
    )


def with_banner(page: Page, item: Pending) -> bytes:
    """The page's bytes with the banner placed right after its front matter."""
    text = page.raw.decode("utf-8")
    head = text[: len(text) - len(page.body)]
    return (head + "\n" + banner(item) + page.body).encode("utf-8")


def body_rewriter(state: SiteState):
    """For stage(): banner every page whose change is not yet approved; others unchanged."""
    unapproved = {p.change.page: p for p in state.pending if p.chain.state != "approved"}

    def body_of(page: Page):
        item = unapproved.get(page.rel)
        return with_banner(page, item) if item else page.source

    return body_of
