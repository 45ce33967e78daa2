"""Deploy targets as declared in site_config/deploy.yml, validated against its schema before use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..config import load_config
from ..site import Site

DEPLOY = Path("site_config") / "deploy.yml"
DEFAULT_KEEP = 5
DEFAULT_CHECK_PAGES = 5


@dataclass(frozen=True)
class Host:
    address: str             # user@host
    path: str                # absolute path on that host
    port: int | None


@dataclass(frozen=True)
class TargetConfig:
    name: str
    type: str                # local | rsync
    url: str                 # public address of the site, ending in "/"
    path: Path | str         # local: absolute Path; rsync: default remote path
    keep: int
    reload: tuple[str, ...]  # command run before the switch so the server reads the new configuration
    check_pages: int
    hosts: tuple[Host, ...] = ()
    server: str = "nginx"    # nginx: configuration written and reloaded by ppid; apache: the release's .htaccess
    identity: Path | None = None
    known_hosts: Path | None = None

    @property
    def listen(self) -> str:
        """host:port the generated nginx configuration listens on, from the URL."""
        parts = urlsplit(self.url)
        return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def load_targets(site: Site) -> dict[str, TargetConfig]:
    """Every target in deploy.yml; all problems of the file reported at once with their lines."""
    if not (site.root / DEPLOY).is_file():
        raise ConfigError(f"{DEPLOY}: tidak ada; tulis target penerbitan di sana (contoh: lihat docs/dev/publishing.md)")
    located = load_config(site.root, "deploy")
    return {name: _target(site, name, raw) for name, raw in located.data["targets"].items()}


def target_named(site: Site, name: str | None) -> TargetConfig:
    targets = load_targets(site)
    if name is None:
        if len(targets) == 1:
            return next(iter(targets.values()))
        raise ConfigError(f"{DEPLOY} memuat beberapa target ({', '.join(targets)}); pilih satu dengan --target NAMA")
    if name not in targets:
        raise ConfigError(f"target '{name}' tidak ada di {DEPLOY}; target yang ada: {', '.join(targets)}")
    return targets[name]


def _target(site: Site, name: str, raw: dict) -> TargetConfig:
    common = dict(name=name, type=raw["type"], url=raw["url"], keep=raw.get("keep", DEFAULT_KEEP),
                  reload=tuple(raw.get("reload") or ()), check_pages=raw.get("check_pages", DEFAULT_CHECK_PAGES),
                  server=raw.get("server", "nginx"))
    if raw["type"] == "local":
        return TargetConfig(path=(site.root / Path(raw["path"]).expanduser()).resolve(), **common)
    default_path = raw.get("path")
    hosts = []
    for i, host in enumerate(raw["hosts"]):
        path = host.get("path") or default_path
        if not path or not path.startswith("/"):
            raise ConfigError(f"{DEPLOY}: target '{name}', host ke-{i + 1}: 'path' (jalur absolut di server) wajib diisi")
        hosts.append(Host(host["address"], path.rstrip("/") or "/", host.get("port")))
    ssh = raw.get("ssh") or {}
    return TargetConfig(path=default_path or hosts[0].path, hosts=tuple(hosts),
                        identity=_user_path(ssh.get("identity")), known_hosts=_user_path(ssh.get("known_hosts")),
                        **common)


def _user_path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None
