"""rsync over a real sshd on 127.0.0.1 to two "hosts": upload everywhere first, then switch; a host that
fails before the switch leaves every host on the old release."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import make_site, write
from helpers.nginx import free_port, running_nginx
from helpers.publishing import small_disk
from helpers.releases import build, signed_release
from helpers.sshd import running_sshd
from pipeline.errors import PpidError
from pipeline.publish.deploy import deploy, list_releases
from pipeline.site import Site


def rsync_target(site: Path, ssh, hosts: list[Path], port: int) -> None:
    (site / "site_config" / "deploy.yml").write_text(json.dumps({"targets": {"uji": {
        "type": "rsync", "url": f"http://127.0.0.1:{port}/", "keep": 3, "check_pages": 1,
        "hosts": [{"address": f"{ssh.user}@127.0.0.1", "port": ssh.port, "path": str(h)} for h in hosts],
        "ssh": {"identity": str(ssh.identity), "known_hosts": str(ssh.known_hosts)},
        "reload": ["/usr/sbin/nginx", "-c", str(hosts[0] / "nginx" / "nginx.conf"), "-s", "reload"]}}}))


def live_of(host: Path) -> str:
    return (host / "live").resolve().name


@pytest.fixture
def tiny(tmp_path):
    with small_disk(tmp_path / "kecil", "1m") as mount:  # a release does not fit: the upload fails midway
        yield mount


def test_rsync_to_two_hosts_switches_both_and_a_failing_host_leaves_both_on_the_old_release(tmp_path, tiny):
    site = make_site(tmp_path / "situs")
    host_a, host_b = tmp_path / "host-a", tmp_path / "host-b"
    host_a.mkdir(), host_b.mkdir()
    port = free_port()
    with running_sshd(tmp_path / "sshd") as ssh, running_nginx(host_a, port):
        rsync_target(site, ssh, [host_a, host_b], port)
        first = deploy(Site(site), "uji", build(site, tmp_path / "b1"), signed_release(site))
        assert live_of(host_a) == live_of(host_b) == first.folder
        assert (host_b / "releases" / first.folder / "_rilis").is_symlink()  # links travel as links
        assert list_releases(Site(site), "uji")[0].live

        # Host B's disk is now too small: its upload fails before any host is switched.
        write(site / "content" / "index.md", "---\ntitle: Beranda\njenis: halaman\nurutan: 0\n---\n\n# Beranda\n\nKedua.\n")
        subprocess.run(["cp", "-a", f"{host_b}/.", str(tiny)], check=False, capture_output=True)
        rsync_target(site, ssh, [host_a, tiny], port)
        (tiny / "live").unlink(missing_ok=True)
        (tiny / "live").symlink_to(f"releases/{first.folder}")
        with pytest.raises(PpidError) as caught:
            deploy(Site(site), "uji", build(site, tmp_path / "b2"), signed_release(site))
        message = str(caught.value)
        assert "unggah ke host" in message and "semua tetap menayangkan rilis lama" in message
        assert live_of(host_a) == first.folder and live_of(tiny) == first.folder
        assert [p.name for p in (host_a / "releases").iterdir()] == [first.folder]  # no half release left

        rsync_target(site, ssh, [host_a, host_b], port)
        second = deploy(Site(site), "uji", build(site, tmp_path / "b3"), signed_release(site))
        assert live_of(host_a) == live_of(host_b) == second.folder
        assert (host_b / "state" / "log.jsonl").read_bytes() == (site / "records/publikasi/uji.jsonl").read_bytes()
