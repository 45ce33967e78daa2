"""A real nginx on 127.0.0.1 serving a deploy target, with the configuration `ppid publish` generates."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.publish.webserver import nginx_server, nginx_site, nginx_standalone

NGINX = "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@contextmanager
def running_nginx(target_root: Path, port: int) -> Iterator[Path]:
    """nginx serving target_root/live with the generated config (an empty CSP until the first publish
    rewrites it); yields the standalone nginx.conf, stops nginx by its pid."""
    conf_dir = target_root / "nginx"
    (conf_dir / "run").mkdir(parents=True, exist_ok=True)
    site, server = conf_dir / "ppid-site.conf", conf_dir / "ppid-server.conf"
    if not site.exists():
        site.write_text(nginx_site(str(target_root), ()), encoding="utf-8")
    server.write_text(nginx_server(f"127.0.0.1:{port}", str(site)), encoding="utf-8")
    conf = conf_dir / "nginx.conf"
    conf.write_text(nginx_standalone(conf_dir, server), encoding="utf-8")
    subprocess.run([NGINX, "-c", str(conf)], check=True, capture_output=True)
    wait_for_port(port)
    try:
        yield conf
    finally:
        terminate(conf_dir / "run" / "nginx.pid")


def terminate(pid_file: Path) -> None:
    """Stop the server whose main process wrote pid_file (fast shutdown: nothing to drain in a test)."""
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text())
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
