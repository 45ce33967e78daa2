"""Deploy a finished build as a new release, roll back to a kept one, list what a target keeps.

Order of a deploy, each step safe to die in: prepare the release folder beside the others (never
seen until renamed complete) → write the server configuration for every kept release and reload →
write a journal naming the old and new live folders → switch `live` (one rename) → check what the
URL serves → append the publication log → drop the journal → prune. A run that finds a journal
finishes nothing it cannot prove: without a log entry for the switch it switches back.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import PpidError
from ..signing import SignatureError, sshsig_verify
from ..site import Site
from . import history, publog
from .config import TargetConfig, target_named
from .faults import step
from .manifest import MANIFEST_PATH, Manifest, parse_manifest
from .model import DeployResult, KeptRelease, ReleaseInfo
from .release import HISTORY_FILE, LOG_FILE, check_built, folder_name, prepare
from .served import check_browser, check_bytes, csp_allows, outward_pages, wait_for_config
from .targets import Target, open_target
from .targets.base import RELEASES, SERVER_CONF, SERVER_DIR, SITE_CONF, STANDALONE_CONF, STATE
from .webserver import nginx_server, nginx_site, nginx_standalone

JOURNAL = f"{STATE}/journal.json"


class DeployRefused(PpidError):
    """A deploy or rollback did not happen, or was undone; the live site is what it was."""


def deploy(site: Site, target_name: str, built: Path, release: ReleaseInfo, *, action: str = "publish") -> DeployResult:
    """Put `built` live on the target as `release`, check it, log it; or leave the old release live and raise."""
    config = target_named(site, target_name)
    check_built(built)
    _check_release_signature(release)
    outward = outward_pages(built) if config.check_pages > 0 else []
    target = open_target(site, config)
    with _lock(site, config):
        step("locked")
        _prepare_target(site, target)
        previous = target.live()
        live = _manifest_of(target, previous).release if previous else None
        if live and (live.id, live.variant) == (release.id, release.variant):
            return DeployResult(config.name, action, previous, release.id, previous, False,
                                f"Rilis {_short(release.id)} sudah tayang di '{config.name}'; tidak ada yang diubah.")
        folder = _unique(folder_name(release, dt.datetime.now(dt.timezone.utc)), target.folders())
        staged = target.staging(folder)
        step("staging-made")
        try:
            manifest = prepare(built, staged, folder, release, site.root)
            target.commit(folder)
        except BaseException:
            target.discard(folder)
            raise
        step("committed")
        try:
            return _go_live(site, target, manifest, previous, action, outward)
        except PpidError:
            if target.live() != folder:
                target.remove_release(folder)  # refused before or undone after the switch: keep no stray release
            raise


def live_release(site: Site, target_name: str | None) -> ReleaseInfo | None:
    """The release live on the target now, or None."""
    config = target_named(site, target_name)
    target = open_target(site, config)
    folder = target.live()
    if not folder:
        return None
    return _manifest_of(target, folder).release


def rollback(site: Site, target_name: str, to: str | None = None) -> DeployResult:
    """Make a kept release live again (the one before the live one, or `to`: folder or release id)."""
    config = target_named(site, target_name)
    target = open_target(site, config)
    with _lock(site, config):
        step("locked")
        _prepare_target(site, target)
        previous = target.live()
        folder = _choose(target, previous, to)
        if folder == previous:
            return DeployResult(config.name, "rollback", folder, _manifest_of(target, folder).release.id, previous,
                                False, f"Rilis {folder} sudah tayang di '{config.name}'; tidak ada yang diubah.")
        return _go_live(site, target, _manifest_of(target, folder), previous, "rollback")


def list_releases(site: Site, target_name: str | None) -> list[KeptRelease]:
    """Kept releases of the target, oldest first, the live one marked."""
    config = target_named(site, target_name)
    target = open_target(site, config)
    target.check_ready()
    live = target.live()
    kept = []
    for folder in target.folders():
        release = _manifest_of(target, folder).release
        kept.append(KeptRelease(folder, release.id, release.approver, release.approver_name, release.approved_at,
                                folder == live))
    return kept


def _go_live(site: Site, target: Target, manifest: Manifest, previous: str | None, action: str,
             outward: list[str] = ()) -> DeployResult:
    config = target.config
    if config.server == "nginx":
        reloaded = _write_server_config(target, manifest)
        if not reloaded and not csp_allows(config.url, manifest):
            _reload(target)  # the file was right but the server never read it (a run died in between)
            reloaded = True
    step("server-config")
    if config.server == "nginx":
        wait_for_config(config.url, manifest, config.name, steady=10 if reloaded else 1)
    # apache: the release's own .htaccess holds its headers and CSP, so they change with the switch itself
    entries = _log_entries(site, target)
    target.write(JOURNAL, json.dumps({"from": previous, "to": manifest.folder, "started": _stamp(_now()),
                                      "log_head": entries[-1].digest if entries else None}).encode())
    step("journal")
    target.switch(manifest.folder)
    step("switched")
    try:
        check_bytes(config.url, manifest, manifest.to_bytes())
        step("bytes-checked")
        check_browser(config.url, manifest, config.check_pages, outward)
        step("browser-checked")
    except PpidError as exc:
        target.switch(previous)
        target.delete(JOURNAL)
        back = f"rilis {previous} tayang kembali" if previous else "tidak ada rilis yang tayang (seperti sebelumnya)"
        raise DeployRefused(f"pemeriksaan setelah peralihan gagal; {back}. Penyebab: {exc}") from None
    entry = _append_log(site, target, manifest, action)
    step("logged")
    target.delete(JOURNAL)
    step("journal-cleared")
    _prune(target, manifest.folder, None if action == "takedown" else previous, everything=action == "takedown")
    step("pruned")
    verb = "diterbitkan" if action == "publish" else "dikembalikan" if action == "rollback" else "diturunkan"
    return DeployResult(config.name, action, manifest.folder, manifest.release.id, previous, True,
                        f"Rilis {_short(manifest.release.id)} {verb} di '{config.name}' ({config.url}), folder "
                        f"{manifest.folder}; entri log {entry.digest.split(':')[1][:12]}.")


def _check_release_signature(release: ReleaseInfo) -> None:
    try:
        sshsig_verify(release.signer_key, release.signature, release.signed_bytes)
    except SignatureError as exc:
        raise DeployRefused(f"tanda tangan rilis {_short(release.id)} tidak sah: {exc}. Tidak diterbitkan.") from None


@contextmanager
def _lock(site: Site, config: TargetConfig) -> Iterator[None]:
    """One deploy per target at a time; the kernel drops the lock if the process dies."""
    path = site.work_dir / "publish" / f"{config.name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise PpidError(f"penerbitan lain ke target '{config.name}' sedang berjalan (proses {holder}); "
                            "tunggu sampai selesai lalu ulangi") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def _prepare_target(site: Site, target: Target) -> None:
    target.check_ready()
    _recover(site, target)
    target.clean_leftovers()
    step("recovered")


def _recover(site: Site, target: Target) -> None:
    """A run killed between the switch and the log: switch back unless the log shows the switch finished."""
    raw = target.read(JOURNAL)
    if raw is None:
        return
    journal = json.loads(raw)
    entries = _log_entries(site, target)
    done = any(e.folder == journal["to"] for e in _written_since(entries, journal))
    if done:
        _write_log(site, target, entries)  # the run died between the site's log and the target's copy
    else:
        target.switch(journal["from"] if journal["from"] in target.folders() else None)
        print(f"ppid: penerbitan sebelumnya terhenti sebelum selesai; {journal['from'] or 'keadaan awal'} "
              "dipulihkan sebagai rilis yang tayang.")
    target.delete(JOURNAL)


def _choose(target: Target, live: str | None, to: str | None) -> str:
    folders = target.folders()
    if to is None:
        older = [f for f in folders if live and f < live]
        if not older:
            raise PpidError(f"tidak ada rilis sebelum {live or '(belum ada yang tayang)'} yang disimpan; "
                            "lihat 'ppid releases'")
        return older[-1]
    key = to.removeprefix("sha256:")
    matches = [f for f in folders if f == to or f.endswith("-" + key[:12]) and _manifest_of(target, f).release.id.removeprefix("sha256:").startswith(key)]
    if not matches:
        raise PpidError(f"rilis '{to}' tidak disimpan di target '{target.config.name}'; lihat 'ppid releases'")
    return matches[-1]


def _unique(folder: str, existing: list[str]) -> str:
    """Two deploys of one release within a second (a retry after a failed check) get distinct folders."""
    name, n = folder, 1
    while name in existing:
        n += 1
        name = f"{folder}-{n}"
    return name


def _manifest_of(target: Target, folder: str) -> Manifest:
    data = target.read(f"{RELEASES}/{folder}/{MANIFEST_PATH}")
    if data is None:
        raise PpidError(f"folder rilis {folder} di target '{target.config.name}' tidak memuat manifes; "
                        "folder itu bukan rilis ppid (hapus atau pindahkan)")
    return parse_manifest(data, f"{target.config.name}:{RELEASES}/{folder}/{MANIFEST_PATH}")


def _write_server_config(target: Target, manifest: Manifest) -> bool:
    """The server configuration allowing every kept release's inline scripts; reload when it changed."""
    hashes = set(manifest.script_hashes)
    for folder in target.folders():
        hashes |= set(_manifest_of(target, folder).script_hashes)
    listen = target.config.listen
    if target.read(SITE_CONF) == nginx_site(target.server_root(), hashes).encode():
        return False
    target.write_per_host(SITE_CONF, lambda root: nginx_site(root, hashes).encode())
    target.write_per_host(SERVER_CONF, lambda root: nginx_server(listen, f"{root}/{SITE_CONF}").encode())
    if target.config.type == "local":
        conf_dir = Path(target.server_root()) / SERVER_DIR
        (conf_dir / "run").mkdir(parents=True, exist_ok=True)
        target.write(STANDALONE_CONF, nginx_standalone(conf_dir, conf_dir / Path(SERVER_CONF).name).encode())
    _reload(target)
    return True


def _reload(target: Target) -> None:
    if target.config.reload:
        standalone = f"{target.server_root()}/{STANDALONE_CONF}"
        target.reload([part.replace("{nginx_conf}", standalone) for part in target.config.reload])


def _written_since(entries: list[publog.LogEntry], journal: dict) -> list[publog.LogEntry]:
    """The log entries written after the journal was: by the log's head then (the clock's seconds cannot tell two
    runs in one second apart); journals of older versions hold only the time."""
    if "log_head" not in journal:
        return [e for e in entries if e.time >= journal["started"]]
    if journal["log_head"] is None:
        return entries
    digests = [e.digest for e in entries]
    return entries[digests.index(journal["log_head"]) + 1:] if journal["log_head"] in digests else []


def _log_entries(site: Site, target: Target) -> list[publog.LogEntry]:
    local = publog.log_path(site, target.config.name)
    data = publog.merge(local.read_bytes() if local.is_file() else b"", target.read(f"{STATE}/{LOG_FILE}"),
                        site.rel(local))
    return publog.parse_log(data, site.rel(local))


def _append_log(site: Site, target: Target, manifest: Manifest, action: str) -> publog.LogEntry:
    entries = _log_entries(site, target)
    entry = publog.new_entry(entries, target.config.name, action, manifest, _now())
    _write_log(site, target, entries + [entry])
    return entry


def _write_log(site: Site, target: Target, entries: list[publog.LogEntry]) -> None:
    """The site's log first (the record), then the target's served copy and the Riwayat Publikasi page."""
    data = publog.to_bytes(entries)
    publog.write_atomic(publog.log_path(site, target.config.name), data)
    step("logged-records")
    target.write(f"{STATE}/{LOG_FILE}", data)
    step("logged-target")
    live = target.live()
    template = target.read(f"{RELEASES}/{live}/404.html") if live else None
    if template:
        page = history.render(template.decode("utf-8"), entries, site.timezone)
        target.write(f"{STATE}/{HISTORY_FILE}", page.encode("utf-8"))


def _prune(target: Target, live: str, previous: str | None, everything: bool = False) -> None:
    """Keep the last releases for rollback; after a takedown keep none but the live one, so the withdrawn page
    and its files are reachable nowhere on the server (not under an older release's prefix either)."""
    folders = target.folders()
    keep = {live} if everything else set(folders[-target.config.keep:]) | {live} | ({previous} if previous else set())
    for folder in folders:
        if folder not in keep:
            target.remove_release(folder)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _short(release_id: str) -> str:
    return release_id.split(":")[-1][:12]
