"""The front-matter schema (data in site_config/schema/) and its messages in Bahasa Indonesia."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import jsonschema_rs

from .errors import ConfigError
from .problems import Problem
from .yamlio import load_file

SCHEMA_PATH = Path("site_config") / "schema" / "page.yml"


if TYPE_CHECKING:
    import jsonschema

    from .content import Page


class Schema:
    """A schema held as data, compiled twice: a native validator answers the common case (the document is
    valid) quickly, and the reference validator, imported only when needed, words what is wrong. The native one
    checks formats too; a schema using a format other than those both check alike ('date': a real calendar date)
    is judged by the reference validator alone."""

    def __init__(self, data: dict, display: str) -> None:
        self.data, self.display = data, display
        try:
            self.fast = None if _formats(data) - SAME_FORMATS else jsonschema_rs.validator_for(data, validate_formats=True)
        except (ValueError, jsonschema_rs.ValidationError):
            self.fast = None
            self.reference  # words the schema's own fault as a configuration error

    @cached_property
    def reference(self) -> "jsonschema.Draft202012Validator":
        import jsonschema
        from jsonschema import Draft202012Validator, FormatChecker

        try:
            Draft202012Validator.check_schema(self.data)
        except jsonschema.SchemaError as exc:
            raise ConfigError(f"{self.display}: skema tidak valid: {exc.message}") from None
        return Draft202012Validator(self.data, format_checker=FormatChecker())

    def is_valid(self, data: Any) -> bool:
        return self.fast.is_valid(data) if self.fast is not None else self.reference.is_valid(data)


SAME_FORMATS = frozenset({"date"})


def _formats(schema: Any) -> set[str]:
    """Every value of a 'format' keyword anywhere in the schema (a property named 'format' counts too: safe)."""
    if isinstance(schema, dict):
        found = {str(schema["format"])} if "format" in schema else set()
        return found.union(*(_formats(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_formats(v) for v in schema))
    return set()


@lru_cache(maxsize=8)
def _validator(root: Path) -> Schema:
    return compile_schema(load_file(root / SCHEMA_PATH, str(SCHEMA_PATH)).data, str(SCHEMA_PATH))


def page_keys(root: Path) -> frozenset[str]:
    """The front-matter keys a page may have (site_config/schema/page.yml)."""
    return frozenset((_validator(root).data.get("properties") or {}).keys())


def validate_page(root: Path, page: Page) -> Iterator[Problem]:
    """Every schema problem of the page's front matter, each with its line."""
    yield from validate_data(_validator(root), page.meta, page.display, page.line_of)
    yield from _date_order(page)


def compile_schema(schema: Any, display: str) -> Schema:
    """A validator for a schema held as data; a broken schema is a configuration error."""
    if not isinstance(schema, dict) or not (schema.get("properties") or schema.get("$defs")):
        raise ConfigError(f"{display}: skema kosong atau tanpa 'properties'; pemeriksaan tidak dapat berjalan")
    return Schema(schema, display)


def validate_data(schema: Schema, data: Any, display: str, line_of) -> Iterator[Problem]:
    """Every schema problem of a document, each with its source line; unknown keys named one by one."""
    if schema.is_valid(data):
        return
    errors = sorted(schema.reference.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    for error in _leaves(errors):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = ", ".join(error.schema.get("properties", {}))
            for key in _extra_keys(error):
                inside = f" di '{_field(path)}'" if path else ""
                yield Problem(display, line_of(path + (key,)), f"kolom '{key}' tidak dikenal{inside}; kolom yang boleh: {allowed}")
            continue
        yield Problem(display, line_of(path) or 1, _message(error, path))


def _leaves(errors: list["jsonschema.ValidationError"]) -> Iterator["jsonschema.ValidationError"]:
    from jsonschema.exceptions import best_match

    for error in errors:
        if error.context:  # oneOf / anyOf: the branch that came closest says what is wrong
            yield from _leaves([best_match(error.context)])
        else:
            yield error


def _extra_keys(error: "jsonschema.ValidationError") -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return sorted(k for k in error.instance if k not in allowed)


def _field(path: tuple) -> str:
    return ".".join(str(p) for p in path) if path else "front matter"


def _message(error: "jsonschema.ValidationError", path: tuple) -> str:
    name = _field(path)
    kind, arg, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        named = re.match(r"'([^']+)' is a required property", error.message)
        return f"kolom wajib '{named.group(1) if named else arg}' tidak ada"
    if kind in ("enum", "const"):
        options = ", ".join(map(str, arg)) if kind == "enum" else str(arg)
        return f"nilai '{value}' tidak diizinkan untuk '{name}'; pilihan: {options}"
    if kind == "type":
        return f"'{name}' harus bertipe {_type_name(arg)}, bukan {_type_name(type(value).__name__)}"
    if kind in ("pattern", "format") and _is_date_field(error):
        return f"'{name}' harus tanggal yang benar dengan format TTTT-BB-HH (contoh \"2026-11-24\"), bukan '{value}'"
    if kind == "minLength":
        return f"'{name}' terlalu pendek (minimal {arg} karakter)"
    if kind == "maxLength":
        return f"'{name}' terlalu panjang (maksimal {arg} karakter)"
    if kind == "minItems":
        return f"'{name}' harus berisi minimal {arg} butir"
    if kind == "uniqueItems":
        return f"'{name}' berisi butir yang sama lebih dari sekali"
    if kind == "minimum":
        return f"'{name}' harus minimal {arg}"
    if kind == "maximum":
        return f"'{name}' harus paling besar {arg}"
    if kind == "pattern":
        return f"'{name}' tidak berbentuk yang benar: '{value}'"
    if kind == "maxItems":
        return f"'{name}' berisi paling banyak {arg} butir"
    return f"'{name}' tidak valid ({kind}: {arg})"


def _is_date_field(error: "jsonschema.ValidationError") -> bool:
    return error.schema.get("format") == "date" or "[0-9]{4}-" in str(error.schema.get("pattern", ""))


_TYPE_NAMES = {"string": "teks", "str": "teks", "integer": "bilangan bulat", "int": "bilangan bulat",
               "array": "daftar", "list": "daftar", "object": "pemetaan", "dict": "pemetaan",
               "boolean": "benar/salah", "bool": "benar/salah", "NoneType": "kosong", "null": "kosong"}


def _type_name(name: Any) -> str:
    if isinstance(name, list):
        return " atau ".join(_type_name(n) for n in name)
    return _TYPE_NAMES.get(str(name), str(name))


def parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _date_order(page: Page) -> Iterator[Problem]:
    start, end = parse_date(page.meta.get("publish_at")), parse_date(page.meta.get("expire_at"))
    if start and end and end <= start:
        yield Problem(page.display, page.line_of(("expire_at",)), "'expire_at' harus sesudah 'publish_at'")
