"""The review lifecycle on a real git repository with real keys: submit → review → approve → promote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, Ppid, tiny_pdf, write, write_bytes
from helpers.lifecycle import People, commit, git

NEW_PAGE = MINIMAL_PAGES["layanan/permohonan.md"].replace("Tata Cara Permohonan Informasi", "Pengumuman Jam Layanan")


def walk(ppid: Ppid, people: People, page: str) -> None:
    """Submit, review and approve one change, each by its own person."""
    assert ppid("submit", page, *people.key("siti"))[0] == 0
    assert ppid("preview")[0] == 0
    assert ppid("review", page, "--setuju", *people.key("budi"))[0] == 0
    assert ppid("approve", page, *people.key("ratna"))[0] == 0


def status(ppid: Ppid) -> dict[str, dict]:
    code, out, _ = ppid("status", "--json")
    assert code == 0
    return {row["page"]: row for row in json.loads(out)["pending"]}


def test_demo_content_verifies_with_the_pinned_root(ppid, people) -> None:
    code, out, _ = ppid("verify")
    assert code == 0, out
    assert "Registri peninjau dan kebijakan peran ditandatangani kunci akar yang dipasang." in out


def test_new_page_goes_through_every_step(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "jam.md", NEW_PAGE)
    assert status(ppid)["layanan/jam.md"]["state"] == "draft"
    assert ppid("submit", "drafts/layanan/jam.md", *people.key("siti"))[0] == 0
    row = status(ppid)["layanan/jam.md"]
    assert (row["state"], row["next_role"], row["change"]) == ("submitted", "subkoordinator", "add")
    code, out, _ = ppid("promote")
    assert code == 0 and "Tidak ada perubahan yang siap" in out
    code, _, err = ppid("review", "layanan/jam.md", "--setuju", *people.key("budi"))
    assert code == 2 and "belum ada pratinjau yang memuat isi ini" in err
    assert ppid("preview")[0] == 0
    assert ppid("review", "layanan/jam.md", "--setuju", *people.key("budi"))[0] == 0
    assert status(ppid)["layanan/jam.md"]["next_role"] == "koordinator"
    assert ppid("approve", "layanan/jam.md", *people.key("ratna"))[0] == 0
    commit(site, "tinjauan")
    code, out, _ = ppid("promote")
    assert code == 0 and "layanan/jam.md: ditambahkan" in out
    assert (site / "content" / "layanan" / "jam.md").read_text(encoding="utf-8") == NEW_PAGE
    assert not (site / "drafts" / "layanan" / "jam.md").exists()
    assert status(ppid) == {}
    commit(site, "promosi")
    assert ppid("verify")[0] == 0
    assert "content/layanan/jam.md" in git(site, "ls-files", "content")


def test_edit_of_page_and_attachment(site: Path, ppid, people) -> None:
    page = site / "content" / "layanan" / "permohonan.md"
    write(site / "drafts" / "layanan" / "permohonan.md", page.read_text(encoding="utf-8") + "\nTambahan.\n")
    write_bytes(site / "drafts" / "files" / "formulir.pdf", tiny_pdf("Formulir permohonan versi 2"))
    assert status(ppid)["layanan/permohonan.md"]["change"] == "edit"
    walk(ppid, people, "layanan/permohonan.md")
    assert ppid("promote")[0] == 0
    assert page.read_text(encoding="utf-8").endswith("Tambahan.\n")
    assert (site / "content" / "files" / "formulir.pdf").read_bytes() == tiny_pdf("Formulir permohonan versi 2")
    assert list((site / "drafts").rglob("*.*")) == []
    assert ppid("verify")[0] == 0


def test_attachment_only_change_is_a_change_of_the_page(site: Path, ppid, people) -> None:
    write_bytes(site / "drafts" / "files" / "formulir.pdf", tiny_pdf("Formulir diganti"))
    assert status(ppid)["layanan/permohonan.md"]["change"] == "edit"


def test_removal_needs_the_same_approvals(site: Path, ppid, people) -> None:
    code, _, err = ppid("submit", "--hapus", "layanan/permohonan.md", *people.key("siti"))
    assert code == 0, err
    write(site / "content" / "layanan" / "index.md", "---\ntitle: Layanan Informasi\njenis: halaman\n---\n\n# Layanan\n")
    row = status(ppid)["layanan/permohonan.md"]
    assert (row["change"], row["state"]) == ("remove", "submitted")
    assert ppid("preview")[0] == 0
    assert ppid("review", "layanan/permohonan.md", "--setuju", *people.key("budi"))[0] == 0
    assert ppid("approve", "layanan/permohonan.md", *people.key("ratna"))[0] == 0
    code, out, _ = ppid("promote")
    assert "layanan/permohonan.md: dihapus" in out
    assert not (site / "content" / "layanan" / "permohonan.md").exists()
    assert not (site / "content" / "files" / "formulir.pdf").exists()  # only that page linked it


def test_changes_requested_then_fixed(site: Path, ppid, people) -> None:
    draft = write(site / "drafts" / "layanan" / "jam.md", NEW_PAGE)
    assert ppid("submit", "layanan/jam.md", *people.key("siti"))[0] == 0
    assert ppid("preview")[0] == 0
    code, _, err = ppid("review", "layanan/jam.md", "--minta-perbaikan", *people.key("budi"))
    assert code == 2 and "tuliskan apa yang perlu diperbaiki" in err
    assert ppid("review", "layanan/jam.md", "--minta-perbaikan", "-m", "Jam Jumat salah", *people.key("budi"))[0] == 0
    row = status(ppid)["layanan/jam.md"]
    assert (row["state"], row["next_role"]) == ("changes_requested", "operator")
    assert "Jam Jumat salah" in row["reason"]
    code, _, err = ppid("approve", "layanan/jam.md", *people.key("ratna"))
    assert code == 2 and "belum siap disetujui" in err
    write(draft, NEW_PAGE + "\nJumat 07.30-15.30.\n")
    assert status(ppid)["layanan/jam.md"]["state"] == "draft"
    walk(ppid, people, "layanan/jam.md")
    assert ppid("promote")[0] == 0
    assert ppid("verify")[0] == 0


def test_nobody_reviews_or_approves_their_own_change(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "jam.md", NEW_PAGE)
    code, _, err = ppid("review", "layanan/jam.md", "--setuju", *people.key("budi"))
    assert code == 2 and "belum siap ditinjau (status: draft)" in err
    code, _, err = ppid("submit", "layanan/jam.md", *people.key("budi"))
    assert code == 2 and "tidak berperan sebagai Operator" in err
    assert ppid("submit", "layanan/jam.md", *people.key("siti"))[0] == 0
    code, _, err = ppid("review", "layanan/jam.md", "--setuju", *people.key("siti"))
    assert code == 2 and "tidak berperan sebagai Sub Koordinator" in err


def test_emergency_withdrawal_by_the_koordinator_alone(site: Path, ppid, people) -> None:
    page = site / "content" / "layanan" / "permohonan.md"
    original = page.read_bytes()
    code, _, err = ppid("withdraw", "layanan/permohonan.md", "-m", "NIK pemohon terbit", *people.key("budi"))
    assert code == 2 and "Koordinator" in err
    code, out, _ = ppid("withdraw", "layanan/permohonan.md", "-m", "NIK pemohon terbit", *people.key("ratna"))
    assert code == 0 and "DITARIK" in out
    assert not page.exists()
    record = next((site / "reviews").rglob("*-withdraw-ratna-*.yml")).read_text(encoding="utf-8")
    assert "emergency: true" in record and "NIK pemohon terbit" in record
    page.write_bytes(original)  # putting the same bytes back does not revive the old approvals
    code, out, _ = ppid("verify")
    assert code == 1 and "content/layanan/permohonan.md" in out


def test_submit_refuses_a_draft_with_problems(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "jam.md", NEW_PAGE.replace("klasifikasi: berkala", "klasifikasi: x"))
    code, out, err = ppid("submit", "layanan/jam.md", *people.key("siti"))
    assert code == 2 and "drafts/layanan/jam.md:3: nilai 'x'" in err and "perbaiki 1 masalah" in err
    assert list((site / "reviews").rglob("*-submit-siti-layanan--jam.yml")) == []


def test_a_promotion_cut_off_between_the_two_renames_is_undone(site: Path, ppid, people) -> None:
    from pipeline.trust.promotion import NEW, OLD
    before = sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*"))
    (site / "content").rename(site / f"content{OLD}")
    (site / f"content{NEW}").mkdir()
    (site / f"content{NEW}" / "setengah.md").write_text("---\ntitle: Setengah\n---\n", encoding="utf-8")
    code, out, _ = ppid("check")
    assert code == 0, out
    assert sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*")) == before
    assert not (site / f"content{NEW}").exists() and not (site / f"content{OLD}").exists()


def test_nothing_touches_content_while_another_command_changes_it(site: Path, ppid, people) -> None:
    from pipeline.trust.promotion import NEW, content_lock
    staging = site / f"content{NEW}"
    write(site / "drafts" / "layanan" / "jam.md", NEW_PAGE)
    walk(ppid, people, "layanan/jam.md")
    with content_lock(site / ".ppid") as mine:
        assert mine
        staging.mkdir()
        assert ppid("status")[0] == 0
        assert staging.is_dir()  # another promotion's work in progress is left alone
        code, _, err = ppid("promote")
        assert code == 2 and "sedang mengubah content/" in err
    assert not (site / "content" / "layanan" / "jam.md").exists()
    assert ppid("promote")[0] == 0
    assert (site / "content" / "layanan" / "jam.md").exists() and not staging.exists()
