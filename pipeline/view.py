"""A view of the site: the pages and files of one or more areas overlaid (drafts over content)."""

from __future__ import annotations

import os
import re
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .config import load_config
from .content import AreaFile, Page, Problem, area_files, file_sha256, iter_asset_files, iter_page_files, read_page
from .errors import ConfigError, YamlError
from .problems import shown_name
from .front_matter import FrontMatterMemo
from .render.page import Renderer
from .site import Site


@dataclass
class View:
    """What a build of these areas would contain, and what could not be read."""

    pages: dict[str, Page] = field(default_factory=dict)
    assets: dict[str, Path] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # rel -> area name it came from
    generated: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    file_hashes: dict[str, str] = field(default_factory=dict, repr=False)

    def sha256(self, rel: str) -> str:
        """SHA-256 of a file of the view, hashed once however many pages link it."""
        if rel not in self.file_hashes:
            self.file_hashes[rel] = file_sha256(self.assets[rel])
        return self.file_hashes[rel]

    def has_page(self, rel: str) -> bool:
        return rel in self.pages or rel in self.generated or rel in self.unreadable

    def has_file(self, rel: str) -> bool:
        return rel in self.assets or rel in self.generated

    @cached_property
    def asset_suffixes(self) -> frozenset[str]:
        """The suffix ('.pdf') of every file's name, '' for a name without one."""
        return frozenset(posixpath.splitext(posixpath.basename(rel))[1] for rel in self.assets)

    @cached_property
    def directories(self) -> set[str]:
        """Folders that have an index page, so a link to the folder resolves."""
        return {posixpath.dirname(rel) for rel in self.pages if rel == "index.md" or rel.endswith("/index.md")}


def build_view(site: Site, areas: list[str], removed: frozenset[str] = frozenset()) -> View:
    """Overlay `areas` (first wins) into one view; `removed` paths are left out. Read once per command."""
    key = (tuple(areas), removed)
    if key not in site.views:
        site.views[key] = _read_view(site, areas, removed)
    return site.views[key]


def _read_view(site: Site, areas: list[str], removed: frozenset[str]) -> View:
    view = View(generated={site.dip_page, site.dip_csv})
    for area in reversed(areas):  # later areas are overwritten by earlier ones
        _add_area(site, area, view)
    for rel in removed:
        view.pages.pop(rel, None)
        view.assets.pop(rel, None)
    view.problems += collisions(view) + _files_used_as_folders(view)
    front_matter_of(site).save()
    renderer_of(site).expect(list(view.pages.values()))  # rendered together, in parallel, when first asked
    return view


def served_path(rel: str) -> str:
    """Where a file of the view lands in the online build (pages get folder URLs), case folded."""
    if rel.endswith(".md"):
        stem = rel[: -len(".md")]
        rel = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return rel.casefold()


def collisions(view: View) -> list[Problem]:
    """Two files served at one address (`a.md` and `a/index.md`), or names differing only in case:
    one would silently replace the other, and a zip of the site breaks on a case-insensitive disk."""
    urls: dict[str, str] = {}
    spellings: dict[str, tuple[str, str]] = {}  # folded name -> (name as written, first file using it)
    problems = []
    for rel in sorted([*view.pages, *view.assets]):
        other = urls.setdefault(served_path(rel), rel)
        for written in _prefixes(rel):
            spelled, first = spellings.setdefault(written.casefold(), (written, rel))
            if other == rel and spelled != written:
                other = first
        if other != rel:
            if view.origin.get(other) == "drafts" and view.origin.get(rel) != "drafts":
                rel, other = other, rel  # reported on the draft, where the new name was made
            mine, theirs = f"{view.origin.get(rel, '')}/{rel}", f"{view.origin.get(other, '')}/{other}"
            problems.append(Problem(mine, None, f"'{mine}' dan '{theirs}' menjadi alamat yang sama di situs "
                                    "(atau namanya hanya berbeda huruf besar/kecil); ganti nama salah satunya"))
    return problems


def _files_used_as_folders(view: View) -> list[Problem]:
    """A file and a folder of the same name (`a.md` and `a.md/b.md`, one from drafts/ over content/) cannot both
    be built: the file under the folder is left out of the view, and named, never silently."""
    files = {*view.pages, *view.assets}
    problems = []
    for rel in sorted(files):
        parts = rel.split("/")
        clash = next(("/".join(parts[:i]) for i in range(1, len(parts)) if "/".join(parts[:i]) in files), None)
        if clash is None:
            continue
        area = view.origin.get(rel, "")
        problems.append(Problem(f"{area}/{rel}", None, f"'{clash}' adalah berkas ({view.origin.get(clash, '')}/"
                                f"{clash}), jadi tidak dapat sekaligus menjadi folder; ganti nama salah satunya"))
        view.pages.pop(rel, None)
        view.assets.pop(rel, None)
        if rel.endswith(".md"):
            view.unreadable.add(rel)
    return problems


def _prefixes(rel: str) -> list[str]:
    """Each folder above the file, then the file itself, as written: a/, a/b/, a/b/c.md."""
    parts = rel.split("/")
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))] + [rel]


def _add_area(site: Site, area: str, view: View) -> None:
    root = site.root / area
    if root.exists() and not root.is_dir():
        view.problems.append(Problem(area, None, f"'{area}' harus berupa folder, bukan berkas"))
        return
    files = area_files(root)
    for item in iter_page_files(files):
        rel, path = item.rel, item.path
        if _refused(root, item, f"{area}/{rel}", site.limits.page_bytes, "berkas", view):
            continue
        try:
            view.pages[rel] = _read_once(site, path, rel, f"{area}/{rel}")
        except YamlError as exc:
            view.problems.append(Problem(exc.path, exc.line, exc.message))
            view.unreadable.add(rel)
            view.pages.pop(rel, None)
            continue
        view.unreadable.discard(rel)
        view.origin[rel] = area
    for item in iter_asset_files(files):
        if _refused(root, item, f"{area}/{item.rel}", site.limits.attachment_bytes, "lampiran", view):
            continue
        rel, path = item.rel, item.path
        if not file_type_allowed(site, rel):
            view.problems.append(Problem(f"{area}/{rel}", None, FILE_TYPE_REFUSED.format(suffix=_suffix(rel))))
        view.assets[rel] = path
        view.origin[rel] = area


FILE_TYPE_REFUSED = ("jenis berkas '.{suffix}' tidak diizinkan (HTML, SVG dan skrip berjalan di peramban pengunjung); "
                     "jenis yang boleh ada di site_config/security.yml (attachments.allowed_types)")


def _suffix(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def allowed_file_types(root: Path) -> frozenset[str]:
    """The attachment types site_config/security.yml allows (ConfigError when it cannot be read)."""
    data = load_config(root, "security").data or {}
    return frozenset((data.get("attachments") or {}).get("allowed_types") or ())


def file_type_allowed(site: Site, rel: str) -> bool:
    """Whether an attachment's type may be served: a preview leaves the others out, publishing refuses them."""
    key = ("allowed_types",)
    if key not in site.views:
        try:
            site.views[key] = allowed_file_types(site.root)
        except ConfigError:  # `ppid check` lists every problem of site_config/ and runs nothing; publishing refuses
            site.views[key] = None
    return site.views[key] is None or _suffix(rel) in site.views[key]


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def _read_once(site: Site, path: Path, rel: str, display: str) -> Page:
    """A file is parsed once per command even when several views hold it (content/ under drafts/)."""
    key = ("page", display)
    if key not in site.views:
        page = read_page(path, rel, display, front_matter_of(site).parse)
        page.renderer = renderer_of(site)
        site.views[key] = page
    return site.views[key]


def front_matter_of(site: Site) -> FrontMatterMemo:
    key = ("front matter",)
    if key not in site.views:
        site.views[key] = FrontMatterMemo(site.work_dir / "cache" / "front-matter.json")
    return site.views[key]


def renderer_of(site: Site) -> Renderer:
    """The site's Markdown engine, made once per command."""
    key = ("renderer",)
    if key not in site.views:
        site.views[key] = Renderer(site.root, site.work_dir)
    return site.views[key]


def _refused(root: Path, item: AreaFile, display: str, limit: int, what: str, view: View) -> bool:
    """A file that may not be part of the site: a name unfit for a web address, a link out of the tree,
    a linked folder, a pipe or device, or too large."""
    if not _SAFE_NAME.fullmatch(display):
        view.problems.append(Problem(shown_name(display), None, "nama berkas hanya boleh berisi huruf, angka, titik, garis bawah, "
                                     "tanda hubung dan garis miring; ganti namanya (misalnya spasi menjadi '-')"))
        return True
    path = item.path
    if item.link and path.is_dir():
        view.problems.append(Problem(display, None, "tautan simbolik ke folder tidak didukung; hapus tautan ini"))
        return True
    if item.link and not _inside(root, path):
        area = display.split("/", 1)[0]
        view.problems.append(Problem(display, None, f"tautan simbolik menunjuk ke luar folder {area}/ atau ke berkas yang "
                                     "tidak ada; ganti dengan berkas biasa"))
        return True
    if item.special or (item.link and not path.is_file()):
        view.problems.append(Problem(display, None, "bukan berkas biasa (pipa, perangkat atau soket, mungkin lewat "
                                     "tautan simbolik); tidak dibaca: hapus, lalu simpan halaman atau lampiran sebagai "
                                     "berkas biasa"))
        return True
    size = path.stat().st_size if item.link else item.size
    if size > limit:
        view.problems.append(Problem(display, None, f"{what} terlalu besar ({size} bita; batas {limit}, lihat site_config/site.yml)"))
        return True
    return False


def _inside(root: Path, path: Path) -> bool:
    """A linked file stays inside the area (linked folders are never entered)."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return os.path.exists(real) and os.path.commonpath([real, base]) == base
