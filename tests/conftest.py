"""Shared fixtures: scratch sites copied from the repository's own configuration."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

REPO = Path(__file__).resolve().parent.parent

MINIMAL_PAGES = {
    "index.md": "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nSelamat datang. Lihat [layanan](layanan/index.md).\n",
    "layanan/index.md": "---\ntitle: Layanan Informasi\njenis: halaman\n---\n\n# Layanan Informasi\n\n- [Permohonan](permohonan.md#tata-cara)\n",
    "layanan/permohonan.md": (
        "---\n"
        "title: Tata Cara Permohonan Informasi\n"
        "klasifikasi: berkala\n"
        "ringkasan: Prosedur mengajukan permohonan informasi publik kepada PPID.\n"
        "unit: Bidang Informasi dan Komunikasi Publik\n"
        "penanggung_jawab: Kepala Bidang Informasi dan Komunikasi Publik\n"
        "tanggal: \"2026-01-15\"\n"
        "bentuk: [cetak, elektronik]\n"
        "retensi: 5 tahun\n"
        "lampiran:\n"
        "  - files/formulir.pdf\n"
        "---\n\n# Tata Cara Permohonan\n\n## Tata cara\n\nIsi [formulir](../files/formulir.pdf).\n"
    ),
}


def make_site(root: Path, pages: dict[str, str] | None = None) -> Path:
    """A site at `root` with the repository's config and a few pages (or `pages`)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "site_config", root / "site_config",
                    ignore=lambda folder, names: [n for n in names if n.startswith("reviewers") and Path(folder).name == "site_config"])
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / ".gitignore", root / ".gitignore")
    for area in ("content", "drafts", "reviews", "records"):
        (root / area).mkdir(exist_ok=True)
    for rel, text in (MINIMAL_PAGES if pages is None else pages).items():
        write(root / "content" / rel, text)
    write_bytes(root / "content" / "files" / "formulir.pdf", tiny_pdf("Formulir permohonan informasi"))
    return root


def tiny_pdf(text: str) -> bytes:
    """A real one-page PDF with this text (fixed dates, so equal text gives equal bytes)."""
    import datetime as dt

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under root (but scratch space) with its hash: to assert nothing changed."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".ppid" not in p.parts
    }


class Ppid:
    """Runs `ppid` in-process against one site and captures what it prints."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--site", str(self.root), *args])
        out = self.capsys.readouterr()
        return code, out.out, out.err


@pytest.fixture(autouse=True)
def own_user_config(tmp_path_factory, monkeypatch) -> None:
    """No test sees the real user's pinned root or keys, and no test leaves any behind."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("PPID_ROOT_KEYS", raising=False)
    monkeypatch.delenv("PPID_KEY", raising=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "situs")


@pytest.fixture
def ppid(site: Path, capsys: pytest.CaptureFixture[str]) -> Ppid:
    return Ppid(site, capsys)


@pytest.fixture
def people(site: Path, tmp_path: Path, monkeypatch):
    """Real keys for every role, the site's content approved by them, the root pinned, a git repository."""
    from helpers.lifecycle import init_repo, setup_people

    found = setup_people(site, tmp_path / "kunci")
    monkeypatch.setenv("PPID_ROOT_KEYS", str(found.root_pub))
    init_repo(site)
    return found
