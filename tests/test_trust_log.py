"""The attacks on the rules around the signatures (issue: trust core, second edition), each on a real git
repository with real keys, each refused with a clear message."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_PAGES, write
from helpers.lifecycle import commit, git, heads
from pipeline.demo import sign_registry
from pipeline.signing import load_private_key
from pipeline.site import Site
from pipeline.trust.records import page_fields, sign_fields, write_record
from pipeline.yamlio import dumps, load_file

PAGE = "layanan/permohonan.md"
TEXT = MINIMAL_PAGES[PAGE]


def walk(ppid, people, page: str) -> None:
    assert ppid("submit", page, *people.key("siti"))[0] == 0, ppid("status")
    assert ppid("preview")[0] == 0
    assert ppid("review", page, "--setuju", *people.key("budi"))[0] == 0
    assert ppid("approve", page, *people.key("ratna"))[0] == 0


def edit_draft(site: Path, text: str) -> None:
    write(site / "drafts" / PAGE, TEXT.replace("Isi [formulir]", text))


def test_a_b_a_needs_a_new_approval(site: Path, ppid, people) -> None:
    edit_draft(site, "Versi A: isi [formulir]")
    walk(ppid, people, PAGE)
    version_a = (site / "drafts" / PAGE).read_bytes()
    edit_draft(site, "Versi B: isi [formulir]")  # A approved but replaced before promotion
    walk(ppid, people, PAGE)
    assert ppid("promote")[0] == 0
    assert b"Versi B" in (site / "content" / PAGE).read_bytes()
    write(site / "drafts" / PAGE, version_a.decode("utf-8"))  # A copied back: its approval replaced another version
    code, out, _ = ppid("status")
    assert "disetujui, siap dipromosikan" not in out and "belum ada pengajuan" in out
    code, out, _ = ppid("promote")
    assert "Tidak ada perubahan yang siap" in out and b"Versi B" in (site / "content" / PAGE).read_bytes()


def test_deleting_a_withdrawal_does_not_bring_old_approvals_back(site: Path, ppid, people) -> None:
    original = (site / "content" / PAGE).read_bytes()
    assert ppid("withdraw", PAGE, "-m", "data pribadi", *people.key("ratna"))[0] == 0
    write(site / "drafts" / "layanan" / "lain.md", "---\ntitle: Halaman Lain\njenis: halaman\n---\n\n# Lain\n")
    code, out, err = ppid("submit", "layanan/lain.md", *people.key("siti"))
    assert code == 0, err
    next((site / "reviews").rglob("*-withdraw-ratna-*.yml")).unlink()
    (site / "content" / PAGE).write_bytes(original)
    code, out, _ = ppid("verify")
    assert code == 1 and "sebuah rekaman keputusan telah dihapus" in out
    code, _, err = ppid("promote")
    assert code == 2 and "log rekaman keputusan tidak utuh" in err


def test_revoked_key_cannot_sign_back_dated_records(site: Path, ppid, people) -> None:
    assert ppid("keys", "revoke", "--id", "ratna", "--root-key", str(people.keys["root"]))[0] == 0
    assert ppid("verify")[0] == 0  # her earlier approvals stand
    write(site / "content" / "layanan" / "baru.md", TEXT.replace("Tata Cara Permohonan Informasi", "Halaman Selundupan"))
    from pipeline.changes import page_digest
    from pipeline.view import build_view
    view = build_view(Site(site), ["content"])
    digest = page_digest(view.pages["layanan/baru.md"], view).value
    when = dt.datetime(2026, 1, 6, tzinfo=dt.timezone.utc)  # dated before the revocation
    for action, who, role in (("submit", "siti", "operator"), ("review", "budi", "subkoordinator"),
                              ("approve", "ratna", "koordinator")):
        when += dt.timedelta(minutes=5)
        fields = page_fields("layanan/baru.md", "add", digest, "baru", action,
                             "submitted" if action == "submit" else "approved", role, who, "", when, [])
        write_record(site / "reviews", fields, sign_fields(fields, load_private_key(people.keys[who], None)))
    code, out, _ = ppid("verify")
    assert code == 1 and "kunci ratna telah dicabut sebelum rekaman ini masuk log" in out
    assert "content/layanan/baru.md" in out


def test_a_future_dated_junk_record_is_reported_and_blocks_nobody(site: Path, ppid, people) -> None:
    junk = page_fields(PAGE, "edit", "sha256:" + "1" * 64, "baru", "submit", "submitted", "operator", "siti", "",
                       dt.datetime(2099, 1, 1, tzinfo=dt.timezone.utc), heads(site))
    write(site / "reviews" / "2099" / "01" / "sampah.yml", dumps({**junk, "signature": "bukan tanda tangan sah " * 3}))
    forged = dict(junk, comment="ditandatangani kunci lain")
    write(site / "reviews" / "2099" / "01" / "palsu.yml",
          dumps({**forged, "signature": sign_fields(forged, load_private_key(people.keys["agus"], None))}))
    code, out, _ = ppid("verify")
    assert code == 0 and "reviews/2099/01/sampah.yml" in out and "reviews/2099/01/palsu.yml" in out
    assert "tanda tangan tidak sah" in out
    code, out, err = ppid("withdraw", PAGE, "-m", "darurat", *people.key("ratna"))
    assert code == 0, err


def test_a_record_dated_in_the_future_by_a_real_key_is_void_and_not_built_upon(site: Path, ppid, people) -> None:
    edit_draft(site, "Perubahan: [formulir]")
    future = page_fields(PAGE, "edit", "sha256:" + "2" * 64, "baru", "submit", "submitted", "operator", "siti", "",
                         dt.datetime(2099, 1, 1, tzinfo=dt.timezone.utc), heads(site))
    write_record(site / "reviews", future, sign_fields(future, load_private_key(people.keys["siti"], None)))
    code, out, _ = ppid("status")
    assert "bertanggal di masa depan" in out
    walk(ppid, people, PAGE)  # everyone else carries on
    assert ppid("promote")[0] == 0


def test_reordered_record_is_named(site: Path, ppid, people) -> None:
    approve = next((site / "reviews").rglob("*-approve-ratna-layanan--permohonan.yml"))
    data = load_file(approve).data
    review = next((site / "reviews").rglob("*-review-budi-layanan--permohonan.yml"))
    data["time"] = load_file(review).data["time"]  # claims to come no later than what it cites
    data.pop("signature")
    write_record(site / "reviews", data, sign_fields(data, load_private_key(people.keys["ratna"], None)))
    approve.unlink()
    code, out, _ = ppid("verify")
    assert code == 1 and "urutan log tidak cocok" in out


@pytest.mark.parametrize("policy_edit", [("roles:", "roles: [operator]\nx_roles:"), ("steps:", "steps: [submit]\nx_steps:")])
def test_malformed_policy_is_a_message_in_every_command(site: Path, ppid, people, policy_edit) -> None:
    policy = site / "site_config" / "policy.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(*policy_edit, 1), encoding="utf-8")
    for args in (["verify"], ["status"], ["withdraw", PAGE, "-m", "x", *people.key("ratna")], ["check"]):
        code, out, err = ppid(*args)
        assert code in (1, 2) and "site_config/policy.yml" in out + err and "Traceback" not in out + err
        assert "kesalahan internal" not in err


def test_malformed_field_in_a_signed_record_is_refused_with_a_message(site: Path, ppid, people) -> None:
    fields = page_fields(PAGE, "edit", "sha256:" + "3" * 64, "baru", "approve", "approved", "koordinator", "ratna",
                         "", dt.datetime.now(dt.timezone.utc), heads(site))
    fields["accepted_findings"] = 5
    path = write_record(site / "reviews", fields, sign_fields(fields, load_private_key(people.keys["ratna"], None)))
    code, out, err = ppid("verify")
    assert "accepted_findings" in out and path.name in out and "kesalahan internal" not in err
    code, out, err = ppid("withdraw", PAGE, "-m", "darurat", *people.key("ratna"))
    assert code == 0 and "kesalahan internal" not in err


@pytest.mark.parametrize("name, body", [("formulir.html", "<form action='https://x.example'><script>1</script></form>"),
                                        ("logo.svg", "<svg onload='alert(1)'/>"), ("app.js", "alert(1)"),
                                        ("lampiran.pdf", None)])
def test_every_file_in_content_is_bound(site: Path, ppid, people, name: str, body) -> None:
    target = site / "content" / "files" / name
    if body is None:
        shutil.copy(site / "content" / "files" / "formulir.pdf", target)  # an allowed type, linked by no page
    else:
        target.write_text(body, encoding="utf-8")
    code, out, _ = ppid("verify")
    assert code == 1 and out.count(f"content/files/{name}") == 1  # named once, with its one reason


def test_a_committed_cache_entry_is_ignored_in_a_fresh_clone(site: Path, ppid, people, tmp_path, monkeypatch) -> None:
    write(site / "drafts" / "layanan" / "aduan.md", TEXT.replace("Isi [formulir]", "NIK 3273010101900003. Isi [formulir]"))
    code, out, _ = ppid("check")
    assert code == 1 and "] nik:" in out
    entries = list((site / ".ppid" / "cache" / "scan").rglob("*.json"))
    for entry in entries:  # an attacker rewrites the cached results to "nothing found" and commits them
        entry.write_bytes(entry.read_bytes().split(b"\n", 1)[0] + b"\n[]")
    git(site, "add", "-f", ".ppid")
    commit(site, "cache")
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(site), str(clone)], check=True)
    assert (clone / ".ppid" / "cache").is_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-lain"))  # another person's machine
    from conftest import Ppid
    code, out, _ = Ppid(clone, ppid.capsys)("check")
    assert code == 1 and "] nik:" in out


KILL_POINTS = ["copied", "written", "exchange", "exchanged", "draft-cleared"]


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_during_promote_leaves_content_whole(site: Path, ppid, people, point: str) -> None:
    edit_draft(site, "Versi baru: isi [formulir]")
    write(site / "drafts" / "layanan" / "kedua.md", TEXT.replace("Tata Cara Permohonan Informasi", "Halaman Kedua"))
    walk(ppid, people, PAGE)
    walk(ppid, people, "layanan/kedua.md")
    before = sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*"))
    env = {**os.environ, "PPID_TEST_KILL_AT": f"promote:{point}"}
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "--site", str(site), "promote"], env=env,
                         capture_output=True, text=True)
    assert run.returncode == -9, run.stderr
    assert (site / "content" / PAGE).is_file() and (site / "content" / "index.md").is_file()
    status = git(site, "status", "--porcelain", "--ignored")
    assert "content.ppid-baru" not in status.replace("!! content.ppid-baru/", "")  # ignored by git, never added
    code, out, _ = ppid("verify")  # the next command makes content/ one whole version
    assert not (site / "content.ppid-baru").exists()
    after = sorted(p.relative_to(site / "content").as_posix() for p in (site / "content").rglob("*"))
    new = b"Versi baru" in (site / "content" / PAGE).read_bytes()
    assert after == before or (new and "layanan/kedua.md" in after)
    assert code == 0, out


def test_an_unreadable_draft_is_named_everywhere(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "rusak.md", "---\ntitle: Judul: dengan titik dua: rusak\n---\n\nIsi.\n")
    code, out, _ = ppid("status")
    assert "layanan/rusak.md" in out and "tidak dapat dibaca" in out
    code, _, err = ppid("submit", "layanan/rusak.md", *people.key("siti"))
    assert code == 2 and "tidak dapat dibaca" in err and "halaman tidak ditemukan" not in err
    assert ppid("preview")[0] == 0
    summary = next((site / ".ppid" / "preview").rglob("ringkasan-perubahan/index.html"), None) or next(
        (site / ".ppid" / "preview").rglob("ringkasan-perubahan.html"))
    assert "drafts/layanan/rusak.md" in summary.read_text(encoding="utf-8")


def test_promote_holds_back_a_page_that_links_to_a_page_still_under_review(site: Path, ppid, people) -> None:
    write(site / "drafts" / "layanan" / "baru.md", TEXT.replace("Tata Cara Permohonan Informasi", "Halaman Baru"))
    write(site / "drafts" / "layanan" / "index.md",
          "---\ntitle: Layanan Informasi\njenis: halaman\n---\n\n# Layanan Informasi\n\n- [Permohonan](permohonan.md)\n"
          "- [Baru](baru.md)\n")
    assert ppid("submit", "layanan/baru.md", *people.key("siti"))[0] == 0
    walk(ppid, people, "layanan/index.md")
    code, out, _ = ppid("promote")
    assert "layanan/index.md: DITAHAN" in out and "belum disetujui: layanan/baru.md" in out
    assert "Baru" not in (site / "content" / "layanan" / "index.md").read_text(encoding="utf-8")


def test_restoring_an_older_signed_registry_does_not_undo_a_revocation(site: Path, ppid, people) -> None:
    old = {name: (site / "site_config" / name).read_bytes() for name in ("reviewers.yml", "reviewers.yml.sig")}
    assert ppid("keys", "revoke", "--id", "budi", "--root-key", str(people.keys["root"]))[0] == 0
    write(site / "drafts" / "layanan" / "lain.md", "---\ntitle: Halaman Lain\njenis: halaman\n---\n\n# Lain\n")
    assert ppid("submit", "layanan/lain.md", *people.key("siti"))[0] == 0  # signed under the new registry
    for name, data in old.items():
        (site / "site_config" / name).write_bytes(data)  # still root-signed, but older
    code, out, _ = ppid("verify")
    assert code == 1 and "registri dikembalikan ke versi lama" in out
