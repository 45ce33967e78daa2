"""The MkDocs backend: a config generated from the site's mkdocs.yml, then `mkdocs build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..errors import BuildError, ConfigError
from ..site import Site
from ..yamlio import load_file


def site_config(site: Site) -> dict[str, Any]:
    config = load_file(site.root / "mkdocs.yml", "mkdocs.yml").data
    if not isinstance(config, dict) or "site_name" not in config:
        raise ConfigError("mkdocs.yml: harus berisi setidaknya 'site_name'")
    return config


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
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise BuildError(f"MkDocs gagal membangun situs (kode {result.returncode}):\n{tail}")
