"""Drafts as the operator edits them in the desk: read a page (draft, else live), write it back to drafts/,
and receive attachments into drafts/files/ with the offer to clean their metadata."""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .. import cleaning
from ..changes import linked_files
from ..content import read_page
from ..errors import PpidError, YamlError
from ..site import Site
from ..view import allowed_file_types
from ..view import build_view
from ..yamlio import dumps

_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md$")
_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)+$")
ATTACHMENTS = "files"
# Far below the file system's 255 bytes: the temporary name written next to a file is longer than the file's.
MAX_NAME, MAX_PATH = 100, 200


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
    shown = text.strip().encode("unicode_escape").decode("ascii")[:MAX_PATH] or "(kosong)"
    if page.startswith(("/", "..")) or not page.endswith(".md") or page == ".md" or not page.isprintable():
        raise DraftError(f"{shown}: sebutkan halaman Markdown (.md) di dalam drafts/ atau content/, "
                         "misalnya layanan/permohonan.md")
    if len(page) > MAX_PATH or any(len(part) > MAX_NAME for part in page.split("/")):
        raise DraftError(f"{shown}…: nama halaman terlalu panjang (paling banyak {MAX_NAME} karakter per bagian, "
                         f"{MAX_PATH} seluruhnya)")
    return page


def page_name(text: str) -> str:
    """A page name the desk may create: simple lower-case path segments."""
    page = page_key(text)
    if not _PAGE_NAME.match(page):
        raise DraftError(f"{page}: nama halaman hanya boleh huruf kecil, angka, '-' dan '_', dipisah '/', diakhiri .md "
                         "(misalnya layanan/jam-layanan.md)")
    return page


def editable(site: Site, typed: str, new: bool) -> str:
    """The page a save writes: an existing page (draft or live) under its own name, a new one only under a name
    the desk may create and no page has yet."""
    page = page_key(typed)
    if not ((site.drafts_dir / page).is_file() or (site.content_dir / page).is_file()):
        return page_name(typed)
    if new:
        raise DraftError(f"{page}: halaman ini sudah ada; bukalah lewat 'Ubah halaman yang sudah ada' agar isinya "
                         "tidak tertimpa")
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


def save(site: Site, page: str, meta: dict[str, Any], body: str) -> bool:
    """Write the draft; whether its bytes changed."""
    text = "---\n" + dumps(meta) + "---\n\n" + body.replace("\r\n", "\n").strip("\n") + "\n"
    target = site.drafts_dir / page
    before = target.read_bytes() if target.is_file() else None
    write_atomic(target, text.encode("utf-8"))
    return before != text.encode("utf-8")


def write_atomic(target: Path, data: bytes) -> Path:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.meja.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DraftError(f"{target}: tidak dapat ditulis ({exc.strerror}); periksa nama dan folder tujuannya") from None
    return target


def attachment_name(site: Site, raw_name: str) -> str:
    """The stored name of an upload: its last path part in lower case, of a type the site allows."""
    name = Path(raw_name.replace("\\", "/")).name.strip().lower().replace(" ", "-")
    shown = raw_name.encode("unicode_escape").decode("ascii")[:MAX_NAME]
    if len(name) > MAX_NAME:
        raise DraftError(f"'{shown}…': nama berkas lampiran terlalu panjang (paling banyak {MAX_NAME} karakter); "
                         "ganti nama berkasnya lalu unggah lagi")
    if not _FILE_NAME.match(name) or f".{cleaning.COPY_MARK}." in name:
        raise DraftError(f"'{shown}': nama berkas lampiran hanya boleh huruf kecil, angka, '-' dan '_' dengan "
                         "akhiran jenis berkas (misalnya laporan-2026.pdf); ganti nama berkasnya lalu unggah lagi")
    suffix = name.rsplit(".", 1)[-1]
    if suffix not in allowed_file_types(site.root):
        raise DraftError(f"{name}: jenis berkas '.{suffix}' tidak diizinkan sebagai lampiran (HTML, SVG dan skrip "
                         "berjalan di peramban pengunjung); jenis yang boleh ada di site_config/security.yml "
                         "(attachments.allowed_types)")
    return name


def _owners(site: Site, rel: str, page: str) -> tuple[bool, list[str]]:
    """Whether a file of this name (in any letter case) is already in drafts/ or content/, and which other pages
    use it: replacing it would change their bytes without anyone deciding on them."""
    view = build_view(site, ["drafts", "content"])
    same = [known for known in view.assets if known.lower() == rel]
    users = sorted({other for other, found in view.pages.items() if other != page
                    for known in same if known in linked_files(found, view)})
    return bool(same), users


def add_attachment(site: Site, page: str, raw_name: str, data: IO[bytes], clean: bool) -> tuple[str, list[str]]:
    """Store the upload under drafts/files/, list it in the page's `lampiran`, and clean it when asked.
    Returns the attachment's path (relative to the area) and what the user should read."""
    name = attachment_name(site, raw_name)
    limit = site.limits.attachment_bytes
    content = data.read(limit + 1)
    if len(content) > limit:
        raise DraftError(f"{name}: lebih besar dari batas {size_text(limit)} (site_config/site.yml limits.attachment_bytes)")
    draft = load(site, page)
    if draft.problem:
        raise DraftError(f"drafts/{page}: perbaiki dulu front matter halaman ini: {draft.problem}")
    rel = f"{ATTACHMENTS}/{name}"
    exists, users = _owners(site, rel, page)
    if users:
        raise DraftError(f"{rel}: nama berkas ini sudah dipakai oleh halaman {', '.join(users)}; beri lampiran ini nama "
                         "lain (atau ganti berkas itu dari draf halaman pemakainya)")
    target = write_atomic(site.drafts_dir / rel, content)
    notes = [f"Lampiran disimpan: drafts/{rel}" + (" (menggantikan berkas lama dengan nama yang sama)" if exists else "")]
    if clean:
        notes.append(_clean(target, f"drafts/{rel}"))
    listed = [str(x) for x in draft.meta.get("lampiran") or []]
    if rel not in listed:
        save(site, page, {**draft.meta, "lampiran": listed + [rel]}, draft.body)
        notes.append(f"Ditambahkan ke 'lampiran' halaman {page}.")
    return rel, notes


def size_text(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} KB"


def _clean(path: Path, shown: str) -> str:
    try:
        prepared = cleaning.prepare(path, shown)
        if prepared.copy is None:
            return "Pembersihan metadata: tidak ada yang perlu dihapus."
        applied = cleaning.apply(path, shown)
    except cleaning.CleanError as exc:
        return f"Metadata tidak dibersihkan: {exc}"
    return "Metadata dibersihkan: " + "; ".join(applied.removed)
