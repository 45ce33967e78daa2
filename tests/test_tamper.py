"""Every way of sneaking bytes past the review is refused by `ppid verify`, naming the page and the reason."""

from __future__ import annotations


import re
import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, tiny_pdf, write
from pipeline.changes import page_digest
from pipeline.demo import PEOPLE, DemoPerson, approve_all_content, create_identities, sign_registry, utc
from pipeline.trust.previews import make_manifest, save
from pipeline.trust.records import page_fields, sign_fields, write_record
from helpers.lifecycle import heads
from pipeline.signing import generate_key, load_private_key
from pipeline.site import Site
from pipeline.view import build_view

PAGE = "layanan/permohonan.md"
EXTRA = (DemoPerson("dewi", "Dewi (dua peran)", ("operator", "koordinator")),
         DemoPerson("eko", "Eko (dua peran)", ("subkoordinator", "koordinator")))


@pytest.fixture
def keys(site: Path, tmp_path: Path, monkeypatch) -> dict[str, Path]:
    found = create_identities(Site(site), tmp_path / "kunci", PEOPLE + EXTRA)
    approve_all_content(Site(site), found, utc("2026-01-05T01:00:00"))
    monkeypatch.setenv("PPID_ROOT_KEYS", str(found["root"].with_name("root.pub")))
    return found


def verify_fails(ppid, *expected: str) -> str:
    code, out, err = ppid("verify")
    assert code == 1, out
    for text in expected:
        assert text in out, out
    assert "Traceback" not in out + err
    return out


def records_of(site: Path, action: str, page: str = PAGE) -> list[Path]:
    slug = page.removesuffix(".md").replace("/", "--")
    return sorted((site / "reviews").rglob(f"*-{action}-*-{slug}.yml"))


def sign_chain(site: Path, keys: dict[str, Path], page: str, steps, key_override=None, shown: str | None = None) -> None:
    """Write records for the content page's current bytes: steps of (action, who, role, iso time).
    The review cites a preview that showed `shown` (default: exactly these bytes)."""
    digest = page_digest(build_view(Site(site), ["content"]).pages[page], build_view(Site(site), ["content"])).value
    preview = make_manifest({page: {"change": "add", "hash": shown or digest, "state": "submitted", "author": "x"}}, {})
    save(site, preview)
    for action, who, role, when in steps:
        decision = "submitted" if action == "submit" else "approved"
        fields = page_fields(page, "add", digest, "baru", action, decision, role, who, "", utc(when), heads(site),
                             preview=preview.id if action == "review" else None)
        key = key_override if key_override and action == "approve" else load_private_key(keys[who], None)
        write_record(site / "reviews", fields, sign_fields(fields, key))


def new_content_page(site: Path, rel: str = "layanan/baru.md") -> str:
    write(site / "content" / rel, MINIMAL_PAGES[PAGE].replace("Tata Cara Permohonan Informasi", "Halaman Baru Uji"))
    return rel


def test_untouched_site_verifies(ppid, keys) -> None:
    assert ppid("verify")[0] == 0


def test_page_edited_after_approval(site: Path, ppid, keys) -> None:
    path = site / "content" / PAGE
    path.write_text(path.read_text(encoding="utf-8") + "\nSlot judi online gacor\n", encoding="utf-8")
    verify_fails(ppid, f"content/{PAGE}: tidak ada rantai persetujuan untuk isi halaman saat ini")


def test_linked_attachment_edited_after_approval(site: Path, ppid, keys) -> None:
    (site / "content" / "files" / "formulir.pdf").write_bytes(tiny_pdf("Formulir disusupi"))
    verify_fails(ppid, f"content/{PAGE}: tidak ada rantai persetujuan")


def test_page_committed_straight_into_content(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    verify_fails(ppid, f"content/{rel}: tidak ada rantai persetujuan")


def test_forged_signature(site: Path, ppid, keys) -> None:
    record = records_of(site, "approve")[0]
    text = record.read_text(encoding="utf-8")
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if "BEGIN SSH SIGNATURE" in line) + 2
    lines[i] = lines[i][:10] + ("A" if lines[i][10] != "A" else "B") + lines[i][11:]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    verify_fails(ppid, f"content/{PAGE}: tidak ada rantai persetujuan", "tanda tangan tidak sah")


def test_signature_by_an_unregistered_key(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "ratna", "koordinator", "2026-02-01T02:00:00")],
               key_override=generate_key())
    verify_fails(ppid, f"content/{rel}: tidak ada rantai persetujuan", "tanda tangan tidak sah")


def test_signature_by_someone_not_in_the_registry(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    mallory = generate_key()
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00")])
    digest = page_digest(build_view(Site(site), ["content"]).pages[rel], build_view(Site(site), ["content"])).value
    fields = page_fields(rel, "add", digest, "baru", "approve", "approved", "koordinator", "mallory", "", utc("2026-02-01T02:00:00"),
                         heads(site))
    write_record(site / "reviews", fields, sign_fields(fields, mallory))
    verify_fails(ppid, f"content/{rel}:", "penanda tangan 'mallory' tidak terdaftar")


def _change_person(site: Path, keys, person: str, **changes: str) -> None:
    registry = site / "site_config" / "reviewers.yml"
    text = registry.read_text(encoding="utf-8")
    block = re.search(rf"- id: {person}\n(?:  .*\n)+", text).group(0)
    new_block = block
    for key, value in changes.items():
        new_block = re.sub(rf"  {key}: .*\n", "", new_block) + f"  {key}: '{value}'\n"
    registry.write_text(text.replace(block, new_block), encoding="utf-8")
    sign_registry(Site(site), load_private_key(keys["root"], None))  # a legitimate, root-signed change


def test_key_expired_before_signing(site: Path, ppid, keys) -> None:
    _change_person(site, keys, "ratna", valid_until="2026-01-04")
    verify_fails(ppid, f"content/{PAGE}:", "kunci ratna kedaluwarsa sejak 2026-01-04")


def test_key_revoked_without_a_log_point_voids_all_its_records(site: Path, ppid, keys) -> None:
    _change_person(site, keys, "budi", revoked="2026-01-02")
    verify_fails(ppid, f"content/{PAGE}:", "kunci budi telah dicabut sebelum rekaman ini masuk log")


def test_wrong_role(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "agus", "koordinator", "2026-02-01T02:00:00")])
    verify_fails(ppid, f"content/{rel}:", "agus tidak terdaftar dengan peran 'Koordinator'")


def test_self_approval(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "dewi", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "dewi", "koordinator", "2026-02-01T02:00:00")])
    verify_fails(ppid, f"content/{rel}:", "dewi adalah pengaju perubahan ini")


def test_same_person_reviews_and_approves(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "eko", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "eko", "koordinator", "2026-02-01T02:00:00")])
    verify_fails(ppid, f"content/{rel}:", "peninjau dan penyetuju harus orang yang berbeda")


def test_approval_dated_before_the_review(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T03:00:00"),
                                 ("approve", "ratna", "koordinator", "2026-02-01T02:00:00")])
    verify_fails(ppid, f"content/{rel}:", "bertanggal sebelum rekaman yang dikutipnya")


def test_record_replayed_onto_another_page(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    view = build_view(Site(site), ["content"])
    old, new = (page_digest(view.pages[p], view).value for p in (PAGE, rel))
    for record in records_of(site, "*"):
        target = record.with_name(record.name.replace("layanan--permohonan", "layanan--baru"))
        text = record.read_text(encoding="utf-8").replace(f"page: {PAGE}", f"page: {rel}").replace(old, new)
        target.write_text(text, encoding="utf-8")
    verify_fails(ppid, f"content/{rel}:", "tanda tangan tidak sah")


def test_record_replayed_unchanged_does_not_count_for_another_page(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    for record in records_of(site, "*"):
        shutil.copy(record, record.with_name("salinan-" + record.name))
    verify_fails(ppid, f"content/{rel}: tidak ada rantai persetujuan")


def test_registry_edited_to_add_an_attacker_without_the_root(site: Path, ppid, keys) -> None:
    registry = site / "site_config" / "reviewers.yml"
    attacker = generate_key()  # someone with commit access adding a koordinator of their own
    from pipeline.signing import public_key_line
    registry.write_text(registry.read_text(encoding="utf-8") + (
        f"- id: penyusup\n  name: Penyusup\n  roles: [koordinator]\n  key: '{public_key_line(attacker)}'\n"
        "  valid_from: '2025-01-01'\n  valid_until: '2027-12-31'\n"), encoding="utf-8")
    verify_fails(ppid, "GAGAL: site_config/reviewers.yml atau site_config/policy.yml: tanda tangan kunci akar tidak cocok")


def test_one_key_under_two_ids_is_refused_even_when_root_signed(site: Path, ppid, keys) -> None:
    from pipeline.signing import public_key_line
    registry = site / "site_config" / "reviewers.yml"
    siti = public_key_line(load_private_key(keys["siti"], None))
    registry.write_text(registry.read_text(encoding="utf-8") + (
        f"- id: siti2\n  name: Siti Lain\n  roles: [koordinator]\n  key: '{siti}'\n"
        "  valid_from: '2025-01-01'\n  valid_until: '2027-12-31'\n"), encoding="utf-8")
    with pytest.raises(Exception):
        sign_registry(Site(site), load_private_key(keys["root"], None))
    code, out, err = ppid("verify")
    assert code == 2 and "kunci publik 'siti2' sama dengan kunci 'siti'" in err and "Traceback" not in err


def test_policy_edited_to_let_operators_approve_without_the_root(site: Path, ppid, keys) -> None:
    policy = site / "site_config" / "policy.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("review: [subkoordinator]", "review: [operator, subkoordinator]"),
                      encoding="utf-8")
    verify_fails(ppid, "GAGAL: site_config/reviewers.yml atau site_config/policy.yml: tanda tangan kunci akar tidak cocok")


def test_without_a_pinned_root_verify_fails_unless_asked_for_a_local_look(ppid, keys, monkeypatch) -> None:
    monkeypatch.delenv("PPID_ROOT_KEYS")
    code, out, _ = ppid("verify")
    assert code == 1 and "tidak ada kunci akar yang dipasang" in out and "--tanpa-akar" in out
    code, out, _ = ppid("verify", "--tanpa-akar")
    assert code == 1 and "registri peninjau TIDAK diverifikasi" in out


def test_comment_edited_after_signing(site: Path, ppid, keys) -> None:
    record = records_of(site, "review")[0]
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("comment: ''", "comment: 'sudah dicek'"), encoding="utf-8")
    assert text != record.read_text(encoding="utf-8")
    verify_fails(ppid, f"content/{PAGE}:", "tanda tangan tidak sah")


def test_review_record_deleted(site: Path, ppid, keys) -> None:
    deleted = records_of(site, "review")[0]
    deleted.unlink()
    verify_fails(ppid, f"content/{PAGE}:", "sebuah rekaman keputusan telah dihapus")


def test_path_traversal_in_the_page_field(site: Path, ppid, keys) -> None:
    fields = page_fields("../../site_config/policy.md", "add", "sha256:" + "0" * 64, "baru", "submit", "submitted",
                         "operator", "siti", "", utc("2026-02-01T00:00:00"), heads(site))
    signature = sign_fields(fields, load_private_key(keys["siti"], None))
    from pipeline.yamlio import dumps
    write(site / "reviews" / "2026" / "02" / "jahat.yml", dumps({**fields, "signature": signature}))
    code, out, _ = ppid("verify")  # reported by name, and harmless: it counts for nothing
    assert code == 0 and "reviews/2026/02/jahat.yml:3: jalur halaman '../../site_config/policy.md' tidak sah" in out


def test_reformatting_a_record_keeps_its_signature(site: Path, ppid, keys) -> None:
    record = records_of(site, "approve")[0]
    text = record.read_text(encoding="utf-8")
    record.write_text("# diformat ulang\n" + text.replace("type: ppid-review", "type: \"ppid-review\""), encoding="utf-8")
    assert ppid("verify")[0] == 0




def test_review_citing_a_preview_without_the_reviewed_bytes(site: Path, ppid, keys) -> None:
    rel = new_content_page(site)
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "ratna", "koordinator", "2026-02-01T02:00:00")],
               shown="sha256:" + "1" * 64)
    verify_fails(ppid, f"content/{rel}:", "yang dikutip tidak memuat isi yang ditinjau")


def test_edited_preview_manifest_is_not_evidence(site: Path, ppid, keys) -> None:
    manifest = next((site / "reviews" / "manifests").glob("*.json"))
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"state"', '"state" ', 1), encoding="utf-8")
    data = manifest.read_text(encoding="utf-8")
    manifest.write_text(data.replace("submitted", "reviewed", 1), encoding="utf-8")
    verify_fails(ppid, f"content/{PAGE}:", "yang dikutip tidak ada di reviews/manifests/ atau isinya telah diubah")


LINK_SPELLINGS = {
    "literal": "[Unduh](../files/uji.pdf)",
    "entity": "[Unduh](../files/uji&#46;pdf)",
    "named-entity": '<a href="../files/uji&period;pdf">Unduh</a>',
    "percent": "[Unduh](../files/uji%2Epdf)",
    "reference": "[Unduh][f]\n\n[f]: ../files/uji%2epdf",
    "attr-list": "[Unduh](../files/uji.pdf){ data-x=1 }",
}


@pytest.mark.parametrize("spelling", sorted(LINK_SPELLINGS))
def test_attachment_linked_in_any_spelling_is_bound(site: Path, ppid, keys, spelling: str) -> None:
    """`verify` knows a page's attachments without rendering it only when its text cannot name one; however the
    link is spelled, an attachment swapped after approval is found."""
    (site / "content" / "files" / "uji.pdf").write_bytes(tiny_pdf("Lampiran asli"))
    rel = "layanan/unduhan.md"
    write(site / "content" / rel, "---\ntitle: Unduhan\njenis: halaman\n---\n\n# Unduhan\n\n"
          + LINK_SPELLINGS[spelling] + "\n")
    view = build_view(Site(site), ["content"])
    assert "files/uji.pdf" in page_digest(view.pages[rel], view).files  # the build links it
    sign_chain(site, keys, rel, [("submit", "siti", "operator", "2026-02-01T00:00:00"),
                                 ("review", "budi", "subkoordinator", "2026-02-01T01:00:00"),
                                 ("approve", "ratna", "koordinator", "2026-02-01T02:00:00")])
    assert ppid("verify")[0] == 0
    (site / "content" / "files" / "uji.pdf").write_bytes(tiny_pdf("Lampiran disusupi"))
    verify_fails(ppid, f"content/{rel}: tidak ada rantai persetujuan")
