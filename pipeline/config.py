"""Every file in site_config/ read through its JSON Schema (site_config/schema/NAME.yml): fail closed.

A misspelled key must never switch a check off, so unknown keys and wrong types are refused with
file:line, every problem at once, before any command acts on the file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import ConfigError, YamlError
from .problems import Problem
from .schema import compile_schema, validate_data
from .yamlio import Located, load_file

CONFIG_DIR = Path("site_config")
SCHEMA_DIR = CONFIG_DIR / "schema"
# Files of site_config/ that are not YAML documents of their own schema.
NOT_DOCUMENTS = {"reviewers.yml.sig", "README.md"}
OUTSIDE = {"mkdocs"}  # schemas of documents kept outside site_config/


def config_path(name: str) -> Path:
    return CONFIG_DIR / f"{name}.yml"


@lru_cache(maxsize=32)
def _validator(schema_file: Path, mtime_ns: int, display: str):
    return compile_schema(load_file(schema_file, display).data, display)


def problems_of(root: Path, name: str, located: Located, document: str | None = None) -> list[Problem]:
    """Schema problems of an already parsed config document (site_config/NAME.yml unless `document` names it)."""
    schema_file = root / SCHEMA_DIR / f"{name}.yml"
    display = (SCHEMA_DIR / f"{name}.yml").as_posix()
    document = document or config_path(name).as_posix()
    if not schema_file.is_file():
        raise ConfigError(f"{display}: skema untuk {document} tidak ada; berkas itu tidak dapat diperiksa. "
                          "Pulihkan skemanya dari riwayat git")
    validator = _validator(schema_file, schema_file.stat().st_mtime_ns, display)
    data = {} if located.data is None else located.data
    return list(validate_data(validator, data, document, located.line_of))


def load_config(root: Path, name: str) -> Located:
    """Read site_config/NAME.yml and validate it against its schema; raise ConfigError listing every problem."""
    path = root / config_path(name)
    located = load_file(path, config_path(name).as_posix())
    problems = problems_of(root, name, located)
    if problems:
        raise ConfigError(_listing(problems))
    return located


def config_problems(root: Path) -> list[Problem]:
    """Every problem of every file in site_config/: unreadable, invalid against its schema, or unknown."""
    problems: list[Problem] = []
    folder = root / CONFIG_DIR
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        display = path.relative_to(root).as_posix()
        if path.is_dir() or path.name in NOT_DOCUMENTS or path.name.startswith("."):
            continue
        if path.suffix != ".yml" or path.stem in OUTSIDE or not (root / SCHEMA_DIR / path.name).is_file():
            problems.append(Problem(display, None, "berkas tidak dikenal di site_config/ (tidak ada skemanya di "
                                    "site_config/schema/); hapus, atau periksa ejaan namanya"))
            continue
        try:
            problems += problems_of(root, path.stem, load_file(path, display))
        except YamlError as exc:
            problems.append(Problem(exc.path, exc.line, exc.message))
        except ConfigError as exc:
            problems.append(Problem(display, None, str(exc)))
    return problems


def _listing(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    return lines[0] if len(lines) == 1 else f"{len(lines)} masalah konfigurasi:\n" + "\n".join(f"  {l}" for l in lines)
