"""The operator's front-matter form, generated from site_config/schema/page.yml: one field per property, its
kind from the property's type. An agency that changes the schema changes the form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PpidError
from ..yamlio import load_file

SCHEMA = Path("site_config") / "schema" / "page.yml"
# Property names that are not Indonesian words already.
LABELS = {"title": "Judul", "publish_at": "Tayang mulai", "expire_at": "Berakhir pada", "penanggung_jawab":
          "Penanggung jawab", "lampiran": "Lampiran (satu jalur per baris, misalnya files/laporan.pdf)"}


class FormError(PpidError):
    """A value typed in the form cannot be used."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # text | textarea | select | choices | date | number | lines
    required: bool
    options: tuple[str, ...] = ()
    help: str = ""


def fields(site_root: Path) -> list[Field]:
    schema = load_file(site_root / SCHEMA, str(SCHEMA)).data
    required = set(schema.get("required") or ())
    defs = schema.get("$defs") or {}
    return [_field(name, _resolve(spec, defs), name in required) for name, spec in (schema.get("properties") or {}).items()]


def _resolve(spec: dict, defs: dict) -> dict:
    ref = spec.get("$ref", "")
    return {**defs.get(ref.rsplit("/", 1)[-1], {}), **spec} if ref.startswith("#/$defs/") else spec


def _field(name: str, spec: dict, required: bool) -> Field:
    label, help_text = LABELS.get(name, name.replace("_", " ").capitalize()), str(spec.get("description") or "")
    if "enum" in spec:
        return Field(name, label, "select", required, tuple(map(str, spec["enum"])), help_text)
    choices = [s for s in spec.get("oneOf") or [] if "enum" in s or "enum" in (s.get("items") or {})]
    if choices:
        options = choices[0].get("enum") or choices[0]["items"]["enum"]
        return Field(name, label, "choices", required, tuple(map(str, options)), help_text)
    if spec.get("type") == "integer":
        return Field(name, label, "number", required, (), help_text)
    if spec.get("type") == "array":
        return Field(name, label, "lines", required, (), help_text)
    if spec.get("format") == "date":
        return Field(name, label, "date", required, (), help_text)
    long_text = int(spec.get("maxLength") or 0) > 200
    return Field(name, label, "textarea" if long_text else "text", required, (), help_text)


def form_values(meta: dict[str, Any], form: list[Field]) -> dict[str, Any]:
    """The page's values as the form shows them."""
    shown: dict[str, Any] = {}
    for f in form:
        value = meta.get(f.name)
        if f.kind == "choices":
            shown[f.name] = [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]
        elif f.kind == "lines":
            shown[f.name] = "\n".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
        else:
            shown[f.name] = "" if value is None else str(value)
    return shown


def parse(form: list[Field], get: Any, get_all: Any, keep: dict[str, Any]) -> dict[str, Any]:
    """Front matter from the submitted form, in schema order; keys the form does not know are kept."""
    meta: dict[str, Any] = {}
    for f in form:
        if f.kind == "choices":
            picked = [v for v in get_all(f.name) if v in f.options]
            if picked:
                meta[f.name] = picked
            continue
        text = (get(f.name) or "").replace("\r\n", "\n").strip()
        if not text:
            continue
        if f.kind == "number":
            if not text.isdigit():
                raise FormError(f"{f.label}: isi dengan bilangan bulat 0 atau lebih (bukan '{text}')")
            meta[f.name] = int(text)
        elif f.kind == "lines":
            meta[f.name] = [line.strip() for line in text.splitlines() if line.strip()]
        elif f.kind == "select" and text not in f.options:
            raise FormError(f"{f.label}: pilih salah satu dari {', '.join(f.options)}")
        else:
            meta[f.name] = text
    return {**meta, **{k: v for k, v in keep.items() if k not in {f.name for f in form}}}
