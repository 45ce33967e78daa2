"""Nothing goes online that the Koordinator did not approve: `ppid publish` on a real git repository with real
keys, a real nginx on 127.0.0.1, the release checked by the Sub Koordinator and signed by the Koordinator."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import write
from helpers.lifecycle import commit
from helpers.nginx import free_port, running_nginx
from helpers.releases import write_deploy_yml


@pytest.fixture
def served(site: Path, people, tmp_path: Path):
    target = tmp_path / "www"
    target.mkdir()
    port = free_port()
    write_deploy_yml(site, target, port, check_pages=2)
    with running_nginx(target, port):
        yield target, f"http://127.0.0.1:{port}/"


def approve_release(ppid, people) -> None:
    assert ppid("release", "--pratinjau")[0] == 0
    code, out, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 0, err
    code, out, err = ppid("release", "--setujui", *people.key("ratna"))
    assert code == 0, err


def live_bytes(url: str, path: str) -> bytes:
    with urllib.request.urlopen(url + path, timeout=10) as response:
        return response.read()


def test_publish_only_the_signed_release_and_nothing_else(site: Path, ppid, people, served) -> None:
    target, url = served
    code, _, err = ppid("publish")
    assert code == 1 and "belum disetujui Koordinator" in err and not (target / "live").exists()
    approve_release(ppid, people)
    code, out, err = ppid("publish")
    assert code == 0, err
    assert b"Tata Cara Permohonan" in live_bytes(url, "layanan/permohonan/")
    code, out, _ = ppid("publish")  # safe for cron: nothing new
    assert code == 0 and "Tidak ada yang baru" in out
    live = (target / "live").resolve()

    # One unapproved byte in content/: refused, naming the page; the live site untouched.
    page = site / "content" / "layanan" / "permohonan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nslot gacor\n", encoding="utf-8")
    code, _, err = ppid("publish")
    assert code == 1 and "content/layanan/permohonan.md" in err
    assert (target / "live").resolve() == live
    code, _, err = ppid("build", "--out", str(site / "site"))
    assert code == 1 and not (site / "site").exists()


def test_template_change_needs_a_new_signed_release(site: Path, ppid, people, served) -> None:
    target, _ = served
    approve_release(ppid, people)
    assert ppid("publish")[0] == 0
    live = (target / "live").resolve()
    template = site / "overrides" / "main.html"
    write(template, '{% extends "base.html" %}{% block scripts %}{{ super() }}<script src="https://analitik.example/a.js"></script>{% endblock %}\n')
    code, _, err = ppid("publish")
    assert code == 1 and "overrides/main.html: diubah" in err
    assert "— 1 hal belum disetujui" in err  # one refusal, however many lines it takes
    assert (target / "live").resolve() == live
    code, out, _ = ppid("release")
    assert "diubah" in out and "overrides/main.html" in out


def test_inputs_changed_after_signing_are_listed(site: Path, ppid, people, served) -> None:
    approve_release(ppid, people)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Kota Contoh", "Kota Lain", 1), encoding="utf-8")
    code, _, err = ppid("publish")
    assert code == 1 and "mkdocs.yml: diubah" in err


def test_registry_edited_without_the_root_stops_publishing(site: Path, ppid, people, served) -> None:
    approve_release(ppid, people)
    registry = site / "site_config" / "reviewers.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("Budi Santoso", "Budi S."), encoding="utf-8")
    code, _, err = ppid("publish")
    assert code == 2 and "tanda tangan kunci akar tidak cocok" in err


def test_no_root_key_no_publish(site: Path, ppid, people, served, monkeypatch) -> None:
    approve_release(ppid, people)
    monkeypatch.delenv("PPID_ROOT_KEYS")
    code, _, err = ppid("publish")
    assert code == 2 and "tidak ada kunci akar yang dipasang" in err


def test_the_same_person_cannot_check_and_approve_a_release(site: Path, ppid, people, served) -> None:
    assert ppid("release", "--pratinjau")[0] == 0
    assert ppid("release", "--periksa", "--setuju", *people.key("budi"))[0] == 0
    code, _, err = ppid("release", "--setujui", *people.key("budi"))
    assert code == 2 and "Koordinator" in err
    code, _, err = ppid("release", "--periksa", "--setuju", *people.key("siti"))
    assert code == 2


def test_publish_then_verify_site_confirms_what_is_served(site: Path, ppid, people, served, tmp_path) -> None:
    target, url = served
    approve_release(ppid, people)
    commit(site, "rilis disetujui")
    assert ppid("publish")[0] == 0
    code, out, err = ppid("verify-site", url, "--root-key", str(people.root_pub))
    assert code == 0, out + err
    injected = (target / "live").resolve() / "slot-gacor.html"
    injected.write_text("<a href='https://judi.example'>slot gacor</a>", encoding="utf-8")
    index = (target / "live").resolve() / "index.html"
    index.write_bytes(index.read_bytes().replace(b"</body>", b"<a href='https://judi.example'>x</a></body>"))
    code, out, _ = ppid("verify-site", url, "--root-key", str(people.root_pub))
    assert code == 1 and "isi berbeda dari manifes" in out and "slot-gacor.html: disajikan tetapi tidak ada di manifes" in out


def test_a_linked_folder_in_overrides_is_refused(site: Path, ppid, people, served, tmp_path) -> None:
    approve_release(ppid, people)
    outside = tmp_path / "luar"
    write(outside / "main.html", '{% extends "base.html" %}{% block scripts %}<script src="https://judi.example/s.js"></script>{% endblock %}')
    (site / "overrides" / "partials" / "tambahan").symlink_to(outside)
    code, _, err = ppid("publish")
    assert code == 1 and "overrides/partials/tambahan: tautan simbolik" in err
    code, out, _ = ppid("build", "--out", str(site / "site"))
    assert code == 1 and "tautan simbolik" in out


def test_emergency_takedown_is_published_by_the_koordinator_alone_and_cannot_be_undone_by_deleting_it(
        site: Path, ppid, people, served) -> None:
    target, url = served
    approve_release(ppid, people)
    assert ppid("publish")[0] == 0
    assert b"Tata Cara Permohonan" in live_bytes(url, "layanan/permohonan/")
    code, _, err = ppid("withdraw", "layanan/permohonan.md", "-m", "NIK pemohon terbit", *people.key("ratna"))
    assert code == 0, err
    code, out, err = ppid("publish")  # no new release check: the withdrawal alone justifies the takedown
    assert code == 0, err
    assert "diturunkan" in out
    with pytest.raises(urllib.error.HTTPError):
        live_bytes(url, "layanan/permohonan/")
    assert len(list((target / "releases").iterdir())) == 1  # no older release keeps the page reachable
    commit(site, "penarikan")
    # Deleting the withdrawal and putting the page back is caught by what is live.
    withdrawal = next((site / "reviews").rglob("*-withdraw-ratna-*.yml"))
    withdrawal.unlink()
    from helpers.lifecycle import git
    git(site, "checkout", "HEAD~1", "--", "content/layanan/permohonan.md", "content/files/formulir.pdf")
    code, _, err = ppid("publish")
    assert code == 2 and "rekaman keputusan telah dihapus" in err and "penarikan" in err


def test_the_release_check_cites_the_offline_preview_of_exactly_this_release(site: Path, ppid, people, served) -> None:
    code, _, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 2 and "ppid release --pratinjau" in err  # nothing checked offline yet
    approve_release(ppid, people)
    commit(site, "rilis pertama disetujui")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Kota Contoh", "Kota Lain", 1), encoding="utf-8")
    code, _, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 2 and "ppid release --pratinjau" in err  # the preview shows the release before this change
    code, out, err = ppid("release", "--pratinjau")
    assert code == 0, err
    zip_path = Path(next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Zip: ")))
    assert zip_path.is_file() and zip_path.name.startswith("pratinjau-rilis-")
    built = site / ".ppid" / "release-preview" / "site"
    summary = (built / "ringkasan-rilis.html").read_text(encoding="utf-8")
    assert "mkdocs.yml" in summary and "Kota Contoh" in summary and "Kota Lain" in summary  # the changed line
    assert "PRATINJAU LURING RILIS" in (built / "index.html").read_text(encoding="utf-8")
    code, out, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 0, err


def test_a_release_preview_with_a_foreign_script_in_a_template_is_refused(site: Path, ppid, people, served) -> None:
    write(site / "overrides" / "main.html", '{% extends "base.html" %}{% block scripts %}{{ super() }}'
          '<script src="https://analitik.example/a.js"></script>{% endblock %}\n')
    code, _, err = ppid("release", "--pratinjau")
    assert code == 1 and "analitik.example" in err and "Pratinjau rilis dihentikan" in err
    code, _, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 2 and "ppid release --pratinjau" in err


def test_a_hand_written_manifest_naming_the_release_is_never_cited(site: Path, ppid, people, served) -> None:
    import json

    from pipeline.release.inputs import collect_inputs
    from pipeline.site import Site
    from pipeline.trust.previews import Manifest

    release = collect_inputs(Site(site)).id
    forged = {"type": "ppid-preview-manifest", "version": 1, "changes": {}, "inputs": {"content/palsu.md": "00"},
              "release": release}
    (site / "reviews" / "manifests").mkdir(parents=True, exist_ok=True)
    (site / "reviews" / "manifests" / f"{Manifest(forged).id}.json").write_text(json.dumps(forged), encoding="utf-8")
    code, _, err = ppid("release", "--periksa", "--setuju", *people.key("budi"))
    assert code == 2 and "ppid release --pratinjau" in err
