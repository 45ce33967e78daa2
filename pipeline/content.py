"""Pages and attachments: reading a Markdown file with front matter, and listing an area."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator

import frontmatter

from .errors import YamlError
from .problems import Problem  # noqa: F401 (the page model's problems; imported from here by most modules)
from .render.page import Link, Rendered
from .yamlio import Located, loads

_YAML = frontmatter.YAMLHandler()
# C0 and C1 control characters other than tab and line ends, and DEL: never part of a page's text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PAGE_SUFFIX = ".md"


@dataclass
class Page:
    """A Markdown page of one area (`content` or `drafts`), path relative to that area."""

    rel: str
    source: Path
    display: str
    raw: bytes
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: Located | None = None
    body: str = ""
    body_line: int = 1
    renderer: Callable[["Page"], Rendered] | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or Path(self.rel).stem)

    @property
    def jenis(self) -> str:
        return str(self.meta.get("jenis") or "informasi")

    @property
    def is_information(self) -> bool:
        return self.jenis == "informasi"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def line_of(self, key_path: tuple) -> int | None:
        return self.meta_lines.line_of(key_path) if self.meta_lines else None

    @cached_property
    def rendered(self) -> Rendered:
        """The page as the build renders it (the site's Markdown engine and extensions)."""
        if self.renderer is None:
            raise RuntimeError(f"{self.display}: page read without a renderer")
        return self.renderer(self)

    @property
    def anchors(self) -> set[str]:
        return set(self.rendered.anchors)

    @property
    def links(self) -> list[Link]:
        """Every URL of the rendered page (href, src, srcset, poster, ...), on the line that writes it."""
        return self.rendered.links

    @property
    def attachments(self) -> list[str]:
        value = self.meta.get("lampiran") or []
        return [str(v) for v in value] if isinstance(value, list) else []


def read_page(source: Path, rel: str, display: str, parse: Callable[[str, str], Located] | None = None) -> Page:
    """Read a page; raise YamlError (with the line) when it cannot be parsed at all. `parse` reads the front
    matter (the text from the opening '---' line), by default with yamlio.loads."""
    try:
        raw = source.read_bytes()
    except OSError as exc:  # removed or replaced by another program after it was listed
        raise YamlError(display, None, f"tidak dapat dibaca ({_reason(exc)}); bila berkas baru saja dipindahkan atau "
                        "disimpan program lain, jalankan lagi") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(display, line, f"bukan teks UTF-8 (bita ke-{exc.start}); simpan berkas dengan pengodean UTF-8") from None
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise YamlError(display, line, f"berisi karakter kendali tak terlihat U+{ord(control.group()):04X}; "
                        "hapus karakter itu (sering terbawa saat menyalin dari dokumen lain)")
    page = Page(rel=rel, source=source, display=display, raw=raw, body=text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _YAML.detect(text):
        raise YamlError(display, 1, "front matter tidak ada: halaman harus diawali baris '---', kolom YAML, lalu '---'")
    try:
        fm_text, body = _YAML.split(text)
    except ValueError:
        raise YamlError(display, 1, "front matter tidak ditutup: tambahkan baris '---' setelah kolom YAML") from None
    # fm_text starts on the opening "---" line
    located = parse(fm_text, display) if parse else loads(fm_text, display, first_line=1)
    if not isinstance(located.data, dict):
        raise YamlError(display, 2, "front matter harus berupa pasangan 'kolom: nilai'")
    page.meta = located.data
    page.meta_lines = located
    page.body = body
    page.body_line = text[: len(text) - len(body)].count("\n") + 1
    return page


@dataclass(frozen=True)
class AreaFile:
    """A file found under an area, with what its directory entry says about it (read once)."""

    rel: str
    path: Path
    link: bool  # a symbolic link (to a file, a folder, or nothing)
    size: int  # of the entry itself; a link's target is measured by whoever follows it
    special: bool = False  # a pipe, device or socket: never read, always named (nothing is left out silently)


def _reason(exc: OSError) -> str:
    """Why a file could not be read, in Bahasa Indonesia."""
    return {errno.ENOENT: "berkas hilang", errno.EACCES: "izin ditolak", errno.EISDIR: "berupa folder",
            errno.ELOOP: "tautan simbolik berputar"}.get(exc.errno or 0, exc.strerror or "galat sistem berkas")


def area_files(area: Path) -> list[AreaFile]:
    """Every file and link under `area`, sorted by relative path; linked folders are listed, not entered.
    Devices, pipes and sockets are listed as special, for the caller to name and never read."""
    found: list[AreaFile] = []
    todo = [(area, "")] if area.is_dir() else []
    while todo:
        folder, prefix = todo.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    found.append(AreaFile(rel, Path(entry.path), True, 0))
                elif entry.is_dir(follow_symlinks=False):
                    todo.append((Path(entry.path), rel + "/"))
                elif entry.is_file(follow_symlinks=False):
                    found.append(AreaFile(rel, Path(entry.path), False, entry.stat(follow_symlinks=False).st_size))
                else:
                    found.append(AreaFile(rel, Path(entry.path), False, 0, special=True))
    return sorted(found, key=lambda f: f.rel)


def iter_page_files(files: list[AreaFile]) -> Iterator[AreaFile]:
    """The Markdown files among an area's files."""
    return (f for f in files if f.rel.endswith(PAGE_SUFFIX))


def iter_asset_files(files: list[AreaFile]) -> Iterator[AreaFile]:
    """The other files (attachments, images), except hidden ones."""
    return (f for f in files if not f.rel.endswith(PAGE_SUFFIX) and not f.rel.rsplit("/", 1)[-1].startswith("."))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
