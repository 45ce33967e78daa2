"""A real Apache 2.4 on 127.0.0.1 serving a deploy target's `live` folder with the release's own .htaccess."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from helpers.nginx import terminate, wait_for_port

APACHE = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
# What ppid's .htaccess needs, and CGI: the test host runs scripts the way a careless shared host runs PHP.
MODULE_NAMES = ("mpm_prefork", "authz_core", "dir", "mime", "headers", "rewrite", "cgid")
USER = "www-data"  # Apache refuses to run its children as root


@contextmanager
def world_readable_dir(prefix: str) -> Iterator[Path]:
    """A folder under /tmp that Apache's unprivileged children can read (pytest's tmp folders are 0700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def apache_conf(run: Path, target_root: Path, port: int) -> str:
    """A self-contained httpd.conf: nothing read from /etc/apache2, every runtime file under `run`."""
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n" for name in MODULE_NAMES)
    return (
        f"ServerRoot {run}\nDefaultRuntimeDir {run}\nPidFile {run}/httpd.pid\nErrorLog {run}/error.log\n"
        f"LogLevel warn\nListen 127.0.0.1:{port}\nServerName 127.0.0.1\n{modules}"
        f"User {USER}\nGroup {USER}\nStartServers 2\nMinSpareServers 1\nMaxSpareServers 4\nMaxRequestWorkers 8\n"
        "TypesConfig /etc/mime.types\n"
        f"DocumentRoot {target_root}/live\n"
        "<Directory />\n    AllowOverride None\n    Require all denied\n</Directory>\n"
        # Sections match the path as requested: live/_rilis/<folder>/ (an older release) is under live too.
        f"<Directory {target_root}/live>\n    Options FollowSymLinks ExecCGI\n    AllowOverride All\n"
        "    Require all granted\n</Directory>\n"
        "<FilesMatch \"\\.(cgi|php)$\">\n    SetHandler cgi-script\n</FilesMatch>\n"
    )


@contextmanager
def running_apache(target_root: Path, port: int) -> Iterator[Path]:
    """Apache serving target_root/live (target_root must be readable by www-data); yields its error log."""
    run = target_root.parent / f"apache-{port}"
    run.mkdir()
    conf = run / "httpd.conf"
    conf.write_text(apache_conf(run, target_root, port), encoding="utf-8")
    started = subprocess.run([APACHE, "-f", str(conf), "-k", "start"], capture_output=True, text=True)
    if started.returncode:
        raise RuntimeError(f"apache2 did not start: {started.stderr}")
    wait_for_port(port)
    try:
        yield run / "error.log"
    finally:
        terminate(run / "httpd.pid")

