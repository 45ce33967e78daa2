"""Staging: the exact input of a build, written to a scratch folder the builder reads."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from ..checks import unsafe
from ..checks.unsafe import SecurityPolicy, load_policy
from ..content import Page
from ..schema import page_keys, parse_date
from ..site import Site
from ..view import View, file_type_allowed
from .dip import dip_csv, dip_markdown, dip_rows
from .nav import DEFAULT_ORDER, NavEntry, build_nav

DIP_TITLE = "Daftar Informasi Publik"
PENDING_MARK = " (belum disetujui)"


@dataclass
class Staged:
    """What a build will contain: file bytes or source paths keyed by path in docs/, and the nav."""

    files: dict[str, bytes | Path] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)


def today(site: Site) -> dt.date:
    return dt.datetime.now(ZoneInfo(site.timezone)).date()


def is_live(page: Page, on: dt.date) -> bool:
    """Whether the page belongs on the site on that day (never when excluded from disclosure)."""
    if page.meta.get("klasifikasi") == "dikecualikan":
        return False
    start, end = parse_date(page.meta.get("publish_at")), parse_date(page.meta.get("expire_at"))
    return not (start and on < start) and not (end and on >= end)


def stage(site: Site, view: View, directory_urls: bool, on: dt.date | None = None,
          body_of=None, extra: dict[str, tuple[bytes, NavEntry]] | None = None, withhold: bool = False,
          pending: frozenset[str] = frozenset()) -> Staged:
    """Decide the build input from a view: live pages, their files, the DIP page and CSV, the nav.
    `body_of` may rewrite a page (a preview's banner); `extra` adds generated pages (a change summary);
    `withhold` replaces pages that cannot render or carry live markup by a notice (the preview, which shows
    unchecked drafts; the online build is gated by `ppid check` before it and by its own output after).
    `pending` pages (a preview's unapproved drafts) are marked as such in the DIP and the menu."""
    on = on or today(site)
    staged = Staged()
    staged.pages = [p for p in view.pages.values() if is_live(p, on)]
    policy = load_policy(site.root) if withhold else None
    for page in staged.pages:
        staged.files[page.rel] = served_page(page, body_of(page) if body_of else page.source, policy,
                                             page_keys(site.root))
    for rel, path in view.assets.items():
        if withhold and not file_type_allowed(site, rel):
            continue  # an unchecked upload that would run in the reader's browser (HTML, SVG); `ppid check` names it
        staged.files[rel] = path
    rows = dip_rows(staged.pages, lambda rel: page_url(rel, directory_urls))
    dip_url = page_url(site.dip_page, directory_urls)
    staged.files[site.dip_page] = dip_markdown(rows, site.dip_page, site.dip_csv, DIP_TITLE, dip_url, pending).encode("utf-8")
    staged.files[site.dip_csv] = dip_csv(rows)
    entries = {p.rel: NavEntry(p.title + (PENDING_MARK if p.rel in pending else ""), _order(p)) for p in staged.pages}
    entries[site.dip_page] = NavEntry(DIP_TITLE, int((site.settings.get("dip") or {}).get("urutan", 40)))
    for rel, (data, entry) in (extra or {}).items():
        staged.files[rel] = data
        entries[rel] = entry
    staged.nav = build_nav(entries)
    return staged


# Findings of markup that would run or load something: such a page is never served as written.
LIVE = frozenset({"html_tag", "html_event", "html_atribut", "url_berbahaya", "sematan_asing"})
WITHHELD = ('!!! failure "Isi halaman ini ditahan"\n'
            '    {reason} Jalankan `ppid check` untuk melihat rinciannya.\n')


def served_page(page: Page, source: bytes | Path, withhold: SecurityPolicy | None, keys: frozenset[str]) -> bytes:
    """The page as the builder reads it. MkDocs' templates do not escape, so every front-matter text
    (the title reaches the menu, the header and <title>) is HTML-escaped here; only the keys of the page
    schema reach the theme (a draft's `template: redirect.html` or `hide:` would steer it). A page the Markdown engine
    cannot render, or whose markup would run or load something, is replaced by a notice: it can neither
    stop the build of every other page nor run in a reader's browser."""
    text = (page.raw if isinstance(source, Path) else source).decode("utf-8")
    head = len(page.raw.decode("utf-8")) - len(page.body)
    reason = _withheld(page, withhold) if withhold else None
    body = WITHHELD.format(reason=reason) if reason else text[head:]
    meta = json.dumps(_escaped({k: v for k, v in page.meta.items() if k in keys}), ensure_ascii=False, default=str)
    return f"---\n{meta}\n---\n{body}".encode("utf-8")


def _withheld(page: Page, policy: SecurityPolicy) -> str | None:
    if page.rendered.failure:
        return "Mesin Markdown situs gagal mengolah halaman ini."
    if any(f.detector in LIVE for f in unsafe.check(page, policy, markup_only=True)):
        return "Halaman ini memuat HTML atau alamat yang tidak aman."
    return None


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def _order(page: Page) -> int:
    value = page.meta.get("urutan")
    return value if isinstance(value, int) else DEFAULT_ORDER


def page_url(rel: str, directory_urls: bool) -> str:
    stem = rel[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def write_tree(staged: Staged, docs: Path) -> None:
    """Make `docs` hold exactly the staged files, touching only what changed (keeps mtimes for reuse)."""
    docs.mkdir(parents=True, exist_ok=True)
    wanted = set(staged.files)
    for path in sorted(docs.rglob("*"), reverse=True):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for rel, source in staged.files.items():
        target = docs / rel
        data = source if isinstance(source, bytes) else None
        if target.is_file() and _same(target, source):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            shutil.copyfile(source, target)
        else:
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)


def _same(target: Path, source: bytes | Path) -> bool:
    if isinstance(source, bytes):
        return target.stat().st_size == len(source) and target.read_bytes() == source
    return target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes()
