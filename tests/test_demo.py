"""The shipped demo verifies, and `ppid demo` gives a new user a scratch copy to walk the lifecycle."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import REPO, Ppid, write
from pipeline.cli import main
from pipeline.signing import generate_key, private_key_bytes


def test_shipped_demo_verifies_against_its_root(capsys, monkeypatch) -> None:
    # A root key is pinned from outside the site, never from inside it: copy it out first.
    monkeypatch.setenv("PPID_ROOT_KEYS", (REPO / "tests" / "data" / "demo-root.pub").read_text(encoding="utf-8").strip())
    assert main(["--site", str(REPO), "verify"]) == 0
    out = capsys.readouterr().out
    assert "Registri peninjau dan kebijakan peran ditandatangani kunci akar yang dipasang." in out


def test_shipped_demo_holds_no_private_key() -> None:
    from pipeline.guard import private_keys_in
    assert private_keys_in(REPO) == []


def test_demo_copy_lifecycle_walk(tmp_path: Path, capsys, monkeypatch) -> None:
    target = tmp_path / "coba"
    assert main(["--site", str(REPO), "demo", str(target)]) == 0
    out = capsys.readouterr().out
    keys = dict(re.findall(r"^  (\w+)\s+\w+\s+(\S+)$", out, re.MULTILINE))
    assert set(keys) >= {"siti", "budi", "ratna"}
    assert (target / ".git").is_dir() and not list(target.rglob("siti"))
    monkeypatch.setenv("PPID_ROOT_KEYS", str(Path(keys["siti"]).with_name("root.pub")))
    ppid = Ppid(target, capsys)
    assert ppid("verify")[0] == 0
    assert {row["page"]: row["state"] for row in json.loads(ppid("status", "--json")[1])["pending"]} == {
        "informasi-publik/serta-merta/index.md": "submitted",
        "informasi-publik/serta-merta/pemadaman-listrik-terencana.md": "submitted",
        "layanan/jam-layanan.md": "submitted",
    }
    assert ppid("preview")[0] == 0
    assert ppid("review", "layanan/jam-layanan.md", "--setuju", "--key", keys["budi"])[0] == 0
    assert ppid("approve", "layanan/jam-layanan.md", "--key", keys["ratna"])[0] == 0
    code, out, _ = ppid("promote")
    assert code == 0 and "layanan/jam-layanan.md: diperbarui" in out
    assert ppid("verify")[0] == 0


def test_a_private_key_in_the_tree_stops_every_command(site: Path, ppid) -> None:
    write(site / "site_config" / "kunci-ratna", private_key_bytes(generate_key(), None).decode())
    code, _, err = ppid("check")
    assert code == 2
    assert "kunci privat ditemukan di dalam folder situs: site_config/kunci-ratna" in err


def test_a_key_written_over_a_file_found_clean_before_is_still_found(site: Path, ppid) -> None:
    """Files found clean are remembered by their stat; a file whose bytes change is read again."""
    import time

    notes = site / "catatan.txt"
    write(notes, "x" * 400)
    time.sleep(0.25)
    assert ppid("check")[0] == 0  # scanned, found clean, remembered
    assert ppid("check")[0] == 0
    key = private_key_bytes(generate_key(), None).decode()
    notes.write_text(key, encoding="utf-8")
    code, _, err = ppid("check")
    assert code == 2 and "catatan.txt" in err


def test_a_key_in_a_folder_named_like_a_tool_folder_deeper_in_the_site_is_found(site: Path, ppid) -> None:
    """Only the top of the tree holds tools' folders (.git, site, node_modules); content/site/ is the site's."""
    write(site / "content" / "site" / "id_ed25519", private_key_bytes(generate_key(), None).decode())
    code, _, err = ppid("check")
    assert code == 2 and "content/site/id_ed25519" in err
