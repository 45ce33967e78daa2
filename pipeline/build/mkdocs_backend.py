"""The MkDocs backend: a config generated from the site's mkdocs.yml, then `mkdocs build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..config import problems_of
from ..errors import BuildError, ConfigError
from ..site import Site
from ..yamlio import load_file


PLUGINS_ALLOWED = {"search", "offline"}


def site_config(site: Site) -> dict[str, Any]:
    located = load_file(site.root / "mkdocs.yml", "mkdocs.yml")
    config = located.data
    if not isinstance(config, dict) or "site_name" not in config:
        raise ConfigError("mkdocs.yml: harus berisi setidaknya 'site_name'")
    problem = _unsafe_config(config)
    if problem:
        key, message = problem
        raise ConfigError(f"mkdocs.yml:{located.line_of((key,)) or 1}: {message}")
    problems = problems_of(site.root, "mkdocs", located, "mkdocs.yml")  # the allow-list: site_config/schema/mkdocs.yml
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise ConfigError(f"mkdocs.yml memuat pengaturan yang tidak diizinkan (lihat site_config/schema/mkdocs.yml):\n{listing}")
    return config


def _unsafe_config(config: dict[str, Any]) -> tuple[str, str] | None:
    """The build configuration must not run code of its own or load from a third-party host."""
    if config.get("hooks"):
        return "hooks", "'hooks' menjalankan kode Python saat membangun; tidak diizinkan"
    if "INHERIT" in config:
        return "INHERIT", "'INHERIT' memuat pengaturan dari berkas lain yang tidak ikut diperiksa; tulis pengaturannya di sini"
    for entry in config.get("markdown_extensions") or []:
        name = next(iter(entry)) if isinstance(entry, dict) and entry else str(entry)
        if name.endswith(("snippets", "b64")) or "/" in name or name.endswith(".py"):
            return "markdown_extensions", (f"ekstensi Markdown '{name}' membaca berkas lokal atau menjalankan berkas "
                                           "Python di situs; tidak diizinkan")
    names = [next(iter(p)) if isinstance(p, dict) else str(p) for p in config.get("plugins") or []]
    extra = sorted(set(names) - PLUGINS_ALLOWED)
    if extra:
        return "plugins", f"plugin {', '.join(extra)} tidak diizinkan (hanya {', '.join(sorted(PLUGINS_ALLOWED))})"
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            path = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if "://" in path or path.startswith("//"):
                return key, f"'{path}' dimuat dari host lain; salin berkasnya ke overrides/ dan tulis jalur lokalnya"
    return None


def write_config(site: Site, docs: Path, out: Path, nav: list, overrides: dict[str, Any]) -> Path:
    """The config the builder reads: the agency's mkdocs.yml with paths made absolute and our nav."""
    config = site_config(site)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((site.root / theme["custom_dir"]).resolve())
    config.update(theme=theme, docs_dir=str(docs.resolve()), site_dir=str(out.resolve()), nav=nav)
    for key, value in overrides.items():
        if key == "plugins":
            config["plugins"] = list(config.get("plugins") or []) + value
        elif key == "extra":
            config["extra"] = {**(config.get("extra") or {}), **value}
        else:
            config[key] = value
    path = docs.parent / "mkdocs.yml"
    # JSON is YAML too, and writes a nav of thousands of pages in milliseconds.
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def run_build(config: Path, dirty: bool = False) -> None:
    # -P: the working directory is not on the import path, so no Python file of the site can be imported.
    command = [sys.executable, "-P", "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent)
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise BuildError(f"MkDocs gagal membangun situs (kode {result.returncode}):\n{tail}")
