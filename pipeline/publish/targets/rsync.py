"""rsync over SSH to one or several hosts: the same folder layout on each, upload to all before switching any."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Callable

from ...errors import PpidError
from ..config import Host, TargetConfig
from ..faults import step
from .base import LIVE, RELEASES
from .local import STAGING_PREFIX, TRASH_PREFIX

TIMEOUT = 600
_ABSENT = 3  # exit code of our `cat` wrapper when the file is not there


class RsyncTarget:
    def __init__(self, config: TargetConfig, work: Path) -> None:
        self.config = config
        self.hosts = config.hosts
        self.work = work

    # -- plumbing ---------------------------------------------------------------------------------
    def _ssh_argv(self, host: Host) -> list[str]:
        argv = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "StrictHostKeyChecking=yes"]
        if host.port:
            argv += ["-p", str(host.port)]
        if self.config.identity:
            argv += ["-i", str(self.config.identity), "-o", "IdentitiesOnly=yes"]
        if self.config.known_hosts:
            argv += ["-o", f"UserKnownHostsFile={self.config.known_hosts}"]
        return argv

    def _run(self, host: Host, script: str, data: bytes | None = None, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
        argv = self._ssh_argv(host) + [host.address, f"cd {shlex.quote(host.path)} && {script}"]
        try:
            result = subprocess.run(argv, input=data, capture_output=True, timeout=TIMEOUT)
        except FileNotFoundError:
            raise PpidError("perintah 'ssh' tidak ada; pasang openssh-client") from None
        except subprocess.TimeoutExpired:
            raise PpidError(f"host {host.address}: perintah tidak selesai dalam {TIMEOUT} detik") from None
        if result.returncode not in ok:
            raise PpidError(f"host {host.address} ({host.path}): {_last_line(result.stderr) or f'kode {result.returncode}'}")
        return result

    def _each(self, script: str, data: bytes | None = None) -> None:
        for host in self.hosts:
            self._run(host, script, data)

    # -- the Target interface ---------------------------------------------------------------------
    def check_ready(self) -> None:
        for host in self.hosts:
            try:
                self._run(host, f"test -w . && mkdir -p {RELEASES} state && command -v rsync >/dev/null")
            except PpidError as exc:
                raise PpidError(f"target '{self.config.name}' tidak siap: {exc}. Pastikan folder ada, dapat "
                                "ditulisi, dan rsync terpasang di server. Situs online tidak diubah.") from None

    def live(self) -> str | None:
        out = self._run(self.hosts[0], f"readlink {LIVE} || true").stdout.decode().strip()
        return out.rsplit("/", 1)[-1] or None

    def folders(self) -> list[str]:
        out = self._run(self.hosts[0], f"ls -1 {RELEASES}").stdout.decode().split()
        return sorted(name for name in out if not name.startswith("."))

    def read(self, rel: str) -> bytes | None:
        quoted = shlex.quote(rel)
        result = self._run(self.hosts[0], f"if [ -f {quoted} ]; then cat {quoted}; else exit {_ABSENT}; fi",
                           ok=(0, _ABSENT))
        return None if result.returncode == _ABSENT else result.stdout

    def write(self, rel: str, data: bytes) -> None:
        self.write_per_host(rel, lambda _root: data)

    def write_per_host(self, rel: str, render: Callable[[str], bytes]) -> None:
        quoted, tmp = shlex.quote(rel), shlex.quote(rel + ".tmp")
        for host in self.hosts:
            self._run(host, f"mkdir -p \"$(dirname {quoted})\" && cat > {tmp} && mv -f {tmp} {quoted}", render(host.path))

    def delete(self, rel: str) -> None:
        self._each(f"rm -f {shlex.quote(rel)}")

    def staging(self, folder: str) -> Path:
        path = self.work / folder
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def commit(self, folder: str) -> None:
        """Upload to every host, then rename on every host: a failure on any host leaves none switched."""
        live = self.live()
        for number, host in enumerate(self.hosts):
            try:
                self._upload(host, folder, live)
            except PpidError as exc:
                self.discard(folder)
                raise PpidError(f"unggah ke host {host.address} gagal: {exc}. Tidak ada host yang dialihkan; "
                                "semua tetap menayangkan rilis lama.") from None
            if number == 0:
                step("uploaded-first-host")
        tmp, final = shlex.quote(f"{RELEASES}/{STAGING_PREFIX}{folder}"), shlex.quote(f"{RELEASES}/{folder}")
        self._each(f"mv -T {tmp} {final}")
        shutil.rmtree(self.work / folder, ignore_errors=True)

    def _upload(self, host: Host, folder: str, live: str | None) -> None:
        argv = ["rsync", "-a", "--delete", "-e", shlex.join(self._ssh_argv(host))]
        if live:
            argv.append(f"--link-dest=../{live}")  # unchanged files become hard links: a small upload
        dest = f"{host.address}:{host.path}/{RELEASES}/{STAGING_PREFIX}{folder}/"
        try:
            result = subprocess.run(argv + [f"{self.work / folder}/", dest], capture_output=True, timeout=TIMEOUT)
        except FileNotFoundError:
            raise PpidError("perintah 'rsync' tidak ada di mesin ini; pasang rsync") from None
        if result.returncode != 0:
            raise PpidError(_last_line(result.stderr) or f"rsync kode {result.returncode}")

    def discard(self, folder: str) -> None:
        shutil.rmtree(self.work / folder, ignore_errors=True)
        for host in self.hosts:
            try:
                self._run(host, f"rm -rf {shlex.quote(f'{RELEASES}/{STAGING_PREFIX}{folder}')}")
            except PpidError:
                pass  # the next run's clean_leftovers removes it

    def switch(self, folder: str | None) -> None:
        """Switch every host; if one fails, the hosts already switched are switched back."""
        previous = self.live()
        done: list[Host] = []
        for host in self.hosts:
            try:
                self._run(host, _switch_script(folder))
            except PpidError as exc:
                for switched in done:
                    self._run(switched, _switch_script(previous))
                raise PpidError(f"peralihan gagal di {exc}; host lain dikembalikan ke {previous}") from None
            done.append(host)

    def remove_release(self, folder: str) -> None:
        release, trash = shlex.quote(f"{RELEASES}/{folder}"), shlex.quote(f"{RELEASES}/{TRASH_PREFIX}{folder}")
        self._each(f"mv -T {release} {trash} && rm -rf {trash}")

    def clean_leftovers(self) -> None:
        self._each(f"rm -rf {RELEASES}/{STAGING_PREFIX}* {RELEASES}/{TRASH_PREFIX}* .{LIVE}.tmp")

    def reload(self, command: list[str]) -> None:
        for host in self.hosts:
            try:
                self._run(host, shlex.join(command))
            except PpidError as exc:
                raise PpidError(f"server web tidak dapat dimuat ulang: {exc}. Situs online tidak diubah.") from None

    def server_root(self) -> str:
        return self.hosts[0].path


def _switch_script(folder: str | None) -> str:
    if folder is None:
        return f"rm -f {LIVE}"
    return f"ln -sfn {shlex.quote(f'{RELEASES}/{folder}')} .{LIVE}.tmp && mv -T .{LIVE}.tmp {LIVE}"


def _last_line(stderr: bytes) -> str:
    lines = [l for l in stderr.decode(errors="replace").strip().splitlines() if l.strip()]
    return lines[-1] if lines else ""
