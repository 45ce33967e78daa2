"""Drafts as the operator edits them in the desk: read a page (draft, else live), write it back to drafts/,
and receive attachments into drafts/files/ with the offer to clean their metadata."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .. import cleaning
from ..content import read_page
from ..errors import PpidError, YamlError
from ..site import Site
from ..yamlio import dumps

_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md$")
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)+$")
ATTACHMENTS = "files"


class DraftError(PpidError):
    """A draft or an attachment the desk cannot write."""


@dataclass
class Draft:
    page: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    origin: str = ""  # drafts | content | "" (new page)
    problem: str = ""


def page_key(text: str) -> str:
    """A page as the trust core names it (`layanan/x.md`), from what a person typed. Unlike the CLI's page_arg
    this never looks at the desk process's working folder: a typed path is always relative to the site."""
    page = posixpath.normpath(text.strip().replace("\\", "/"))
    for area in ("drafts/", "content/"):
        page = page.removeprefix(area)
    if page.startswith(("/", "..")) or not page.endswith(".md") or page == ".md":
        raise DraftError(f"{text.strip() or '(kosong)'}: sebutkan halaman Markdown (.md) di dalam drafts/ atau content/, "
                         "misalnya layanan/permohonan.md")
    return page


def page_name(text: str) -> str:
    """A page name the desk may create: simple lower-case path segments."""
    page = page_key(text)
    if not _PAGE_NAME.match(page):
        raise DraftError(f"{page}: nama halaman hanya boleh huruf kecil, angka, '-' dan '_', dipisah '/', diakhiri .md "
                         "(misalnya layanan/jam-layanan.md)")
    return page


def load(site: Site, page: str) -> Draft:
    for origin, folder in (("drafts", site.drafts_dir), ("content", site.content_dir)):
        source = folder / page
        if source.is_file():
            try:
                read = read_page(source, page, f"{origin}/{page}")
            except YamlError as exc:
                return Draft(page, {}, source.read_text(encoding="utf-8", errors="replace"), origin, str(exc))
            return Draft(page, dict(read.meta), read.body.lstrip("\n"), origin)
    return Draft(page)


def save(site: Site, page: str, meta: dict[str, Any], body: str) -> Path:
    text = "---\n" + dumps(meta) + "---\n\n" + body.replace("\r\n", "\n").strip("\n") + "\n"
    return write_atomic(site.drafts_dir / page, text.encode("utf-8"))


def write_atomic(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.meja.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return target


def attachment_name(raw_name: str) -> str:
    name = Path(raw_name.replace("\\", "/")).name.strip().lower().replace(" ", "-")
    if not _FILE_NAME.match(name) or f".{cleaning.COPY_MARK}." in name:
        raise DraftError(f"'{raw_name}': nama berkas lampiran hanya boleh huruf kecil, angka, '-' dan '_' dengan "
                         "akhiran jenis berkas (misalnya laporan-2026.pdf); ganti nama berkasnya lalu unggah lagi")
    return name


def add_attachment(site: Site, page: str, raw_name: str, data: IO[bytes], clean: bool) -> tuple[str, list[str]]:
    """Store the upload under drafts/files/, list it in the page's `lampiran`, and clean it when asked.
    Returns the attachment's path (relative to the area) and what the user should read."""
    name = attachment_name(raw_name)
    limit = site.limits.attachment_bytes
    content = data.read(limit + 1)
    if len(content) > limit:
        raise DraftError(f"{name}: lebih besar dari batas {limit // 1_000_000} MB (site_config/site.yml limits)")
    draft = load(site, page)
    if draft.problem:
        raise DraftError(f"drafts/{page}: perbaiki dulu front matter halaman ini: {draft.problem}")
    rel = f"{ATTACHMENTS}/{name}"
    target = write_atomic(site.drafts_dir / rel, content)
    notes = [f"Lampiran disimpan: drafts/{rel}"]
    if clean:
        notes.append(_clean(target, f"drafts/{rel}"))
    listed = [str(x) for x in draft.meta.get("lampiran") or []]
    if rel not in listed:
        save(site, page, {**draft.meta, "lampiran": listed + [rel]}, draft.body)
        notes.append(f"Ditambahkan ke 'lampiran' halaman {page}.")
    return rel, notes


def _clean(path: Path, shown: str) -> str:
    try:
        prepared = cleaning.prepare(path, shown)
        if prepared.copy is None:
            return "Pembersihan metadata: tidak ada yang perlu dihapus."
        applied = cleaning.apply(path, shown)
    except cleaning.CleanError as exc:
        return f"Metadata tidak dibersihkan: {exc}"
    return "Metadata dibersihkan: " + "; ".join(applied.removed)
