"""SIGKILL a deploy at every named step: the served site is always exactly one complete release,
and the next run recovers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from conftest import write
from helpers.publishing import sha256, stage
from helpers.releases import build, signed_release
from pipeline.publish.faults import KILL_AT
from pipeline.publish.publog import parse_log

CHILD = Path(__file__).parent / "helpers" / "deploy_child.py"
DEPLOY_STEPS = ("locked", "recovered", "staging-made", "copy-partial", "copied", "versioned", "manifest-written",
                "committed", "server-config", "journal", "switch-link-made", "switched", "bytes-fetched",
                "bytes-checked", "browser-checked", "logged-records", "logged-target", "logged",
                "journal-cleared", "prune-renamed", "pruned")
ROLLBACK_STEPS = ("journal", "switched", "logged-records")


def served_is_one_complete_release(st, releases: dict[str, str]) -> str:
    """The served manifest names one of our releases and every file it lists is served with its bytes."""
    manifest = st.served_manifest()
    assert manifest["release"]["id"] in releases.values()
    for rel, digest in manifest["files"].items():
        url_path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        assert sha256(st.get(url_path)) == digest, rel
    live = (st.target / "live").resolve()
    assert live.parent.name == "releases" and not live.name.startswith(".")
    return manifest["release"]["id"]


def after_recovery(st, releases: dict[str, str], served_id: str) -> str:
    """The release the next run will find live: a run killed after its switch is switched back first."""
    journal = st.target / "state" / "journal.json"
    if not journal.exists():
        return served_id
    state = json.loads(journal.read_text())
    logged = parse_log((st.site / "records" / "publikasi" / "uji.jsonl").read_bytes(), "log")
    heads = [e.digest for e in logged]
    since = logged[heads.index(state["log_head"]) + 1:] if state["log_head"] else logged
    finished = any(e.folder == state["to"] for e in since)
    manifest = st.target / "releases" / state["to" if finished else "from"] / ".well-known" / "ppid" / "manifest.json"
    return json.loads(manifest.read_text())["release"]["id"]


def run_child(st, args: list[str], kill_at: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(CHILD.parent.parent.parent)}
    env.pop(KILL_AT, None)
    if kill_at:
        env[KILL_AT] = kill_at
    return subprocess.run([sys.executable, str(CHILD), str(st.site), *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_sigkill_at_every_step_leaves_one_complete_release_and_the_next_run_recovers(tmp_path):
    with stage(tmp_path, check_pages=0) as st:
        config = json.loads((st.site / "site_config" / "deploy.yml").read_text())
        config["targets"]["uji"]["keep"] = 2
        (st.site / "site_config" / "deploy.yml").write_text(json.dumps(config))
        builds, releases = {}, {}
        for name, text in (("a", "Versi A."), ("b", "Versi B.")):
            write(st.site / "content" / "index.md", f"---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\n{text}\n")
            builds[name] = build(st.site, tmp_path / f"build-{name}")
            release = signed_release(st.site)
            releases[name] = release.id
            (tmp_path / f"{name}.json").write_text(json.dumps(release.to_public()))
        assert run_child(st, [str(builds["a"]), str(tmp_path / "a.json")], None).returncode == 0

        for step in DEPLOY_STEPS:
            live_id = after_recovery(st, releases, served_is_one_complete_release(st, releases))
            other = "b" if live_id == releases["a"] else "a"
            result = run_child(st, [str(builds[other]), str(tmp_path / f"{other}.json")], step)
            assert result.returncode == -signal.SIGKILL, f"{step} not reached: {result.stderr}"
            served_is_one_complete_release(st, releases)
        for step in ROLLBACK_STEPS:
            result = run_child(st, ["--rollback"], step)
            assert result.returncode == -signal.SIGKILL, f"rollback {step} not reached: {result.stderr}"
            served_is_one_complete_release(st, releases)

        live_id = after_recovery(st, releases, served_is_one_complete_release(st, releases))
        other = "b" if live_id == releases["a"] else "a"
        final = run_child(st, [str(builds[other]), str(tmp_path / f"{other}.json")], None)
        assert final.returncode == 0, final.stderr
        assert served_is_one_complete_release(st, releases) == releases[other]
        log = (st.site / "records" / "publikasi" / "uji.jsonl").read_bytes()
        entries = parse_log(log, "log")  # the chain is whole after all those deaths
        assert entries[-1].release == releases[other] and st.get(".well-known/ppid/log.jsonl") == log
        leftovers = [p.name for p in (st.target / "releases").iterdir() if p.name.startswith(".")]
        assert leftovers == [] and not (st.target / "state" / "journal.json").exists()
        assert len(list((st.target / "releases").iterdir())) <= 3  # keep 2, plus the one before the switch


def test_a_run_killed_after_its_switch_is_undone_even_when_the_log_names_that_folder_in_the_same_second(tmp_path):
    """Rolling back to A, killed after the switch: A's own old log entry (written in the same clock second as
    the journal) must not be taken for this run's entry; the next run switches back to B and the log says B."""
    with stage(tmp_path, check_pages=0) as st:
        first = st.publish()
        write(st.site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# B\n")
        second = st.publish()
        logged = parse_log((st.site / "records" / "publikasi" / "uji.jsonl").read_bytes(), "log")
        journal = {"from": second.folder, "to": first.folder, "started": logged[0].time, "log_head": logged[-1].digest}
        (st.target / "state" / "journal.json").write_text(json.dumps(journal))
        os.symlink(f"releases/{first.folder}", st.target / "live.tmp")
        os.replace(st.target / "live.tmp", st.target / "live")
        assert st.live() == first.folder

        again = st.publish()  # the same bytes as B: recovered first, then B is found live
        assert st.live() == second.folder and not again.changed
        assert not (st.target / "state" / "journal.json").exists()
        assert parse_log((st.site / "records" / "publikasi" / "uji.jsonl").read_bytes(), "log")[-1].folder == second.folder
