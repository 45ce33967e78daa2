"""Safe reading of the YAML we trust: line numbers kept, no aliases, no duplicates, YAML 1.2 core scalars."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import YamlError

MAX_FILE_BYTES = 16 * 1024 * 1024

Path_ = tuple[str | int, ...]

# libyaml's parser when present: same events and marks, several times faster on thousands of pages.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MAY_HOLD_ALIAS_OR_TAG = re.compile(r"[&*!]")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Leading zeros stay text: "010" is a code, never the number 8 (YAML 1.1) or 10.
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")


@dataclass
class Located:
    """A parsed document and the 1-based source line of every key and item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def loads(text: str, source: str, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    offset = first_line - 1
    if _MAY_HOLD_ALIAS_OR_TAG.search(text):  # anchors need '&', aliases '*', tags and directives '!'
        _refuse_aliases_and_tags(text, source, offset)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, source, offset) from None
    located = Located(None)
    if node is None:
        located.data = {}
        return located
    try:
        located.data = _build(node, (), located.lines, source, offset)
    except RecursionError:
        raise YamlError(source, first_line, "YAML bersarang terlalu dalam; sederhanakan isinya") from None
    return located


def _yaml_error(exc: yaml.YAMLError, source: str, offset: int) -> YamlError:
    """One message for every way the YAML reader can fail, with the line where there is one."""
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        return YamlError(source, None, f"berisi karakter yang tidak boleh ada dalam YAML (kode {exc.character!r}); "
                                       "hapus karakter kendali itu")
    line = mark.line + 1 + offset if mark else None
    problem = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc)
    return YamlError(source, line, f"YAML tidak valid: {_indonesian(problem)}")


# PyYAML's words, in the language of the people who read them; anything else gets a general hint.
_PROBLEMS = (
    ("mapping values are not allowed here", "titik dua ':' tidak boleh di sini; apit teks yang memuat ': ' dengan "
                                            "tanda kutip, misalnya title: \"Judul: Anak Judul\""),
    ("did not find expected ',' or ']'", "daftar [ ... ] tidak ditutup dengan benar (',' atau ']' tidak ada)"),
    ("did not find expected ',' or '}'", "pemetaan { ... } tidak ditutup dengan benar (',' atau '}' tidak ada)"),
    ("did not find expected key", "indentasi tidak konsisten (kunci yang diharapkan tidak ada)"),
    ("did not find expected '-' indicator", "indentasi daftar tidak konsisten (tanda '-' yang diharapkan tidak ada)"),
    ("could not find expected ':'", "tanda ':' setelah nama kolom tidak ada"),
    ("but found another document", "berkas memuat lebih dari satu dokumen YAML ('---' kedua); satu berkas satu dokumen"),
    ("expected <block end>", "indentasi tidak konsisten"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unknown escape character", "karakter '\\' tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal"),
    ("found unexpected ':'", "titik dua ':' di tempat yang tidak terduga; apit nilainya dengan tanda kutip"),
    ("that cannot start any token", "karakter ini tidak boleh mengawali nilai (tab? '@' atau '`'?); apit nilainya "
                                    "dengan tanda kutip, dan gunakan spasi, bukan tab, untuk indentasi"),
)


def _indonesian(problem: str) -> str:
    for english, ours in _PROBLEMS:
        if english in problem:
            return ours
    return "periksa tanda baca, tanda kutip dan indentasi di baris ini"


def load_file(path, display: str | None = None) -> Located:
    """Read and parse a UTF-8 YAML file: a regular file of at most MAX_FILE_BYTES (a link to /dev/zero or a named
    pipe committed in its place would otherwise fill the memory or wait forever)."""
    display = display or str(path)
    try:
        text = _read_regular(path, display).decode("utf-8")
    except FileNotFoundError:
        raise YamlError(display, None, "berkas tidak ditemukan") from None
    except UnicodeDecodeError as exc:
        raise YamlError(display, None, f"bukan teks UTF-8 (bita ke-{exc.start})") from None
    except OSError as exc:
        raise YamlError(display, None, f"tidak dapat dibaca ({exc.strerror or exc})") from None
    return loads(text, display)


def _read_regular(path, display: str) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a named pipe opens at once instead of waiting for a writer
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise YamlError(display, None, "bukan berkas biasa (folder, perangkat atau pipa, mungkin lewat tautan "
                            "simbolik); ganti dengan berkas YAML biasa")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(display, None, f"terlalu besar (lebih dari {MAX_FILE_BYTES} bita); berkas pengaturan dan "
                        "rekaman YAML jauh lebih kecil, periksa isinya")
    return data


def _refuse_aliases_and_tags(text: str, source: str, offset: int) -> None:
    # An alias bomb parses in a millisecond and explodes later: refuse before composing.
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlError(source, line, "anchor/alias YAML (& atau *) tidak diizinkan; tulis nilainya langsung")
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            explicit = tag is not None and (implicit is False or implicit == (False, False))
            if explicit and tag != "!":
                raise YamlError(source, line, f"tag YAML '{tag}' tidak diizinkan")
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, source, offset) from None


def _build(node: yaml.Node, path: Path_, lines: dict, source: str, offset: int) -> Any:
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(source, key_node.start_mark.line + 1 + offset, "kunci YAML harus berupa teks")
            key = key_node.value
            if key in result:
                line = key_node.start_mark.line + 1 + offset
                raise YamlError(source, line, f"kunci '{key}' ditulis dua kali")
            result[key] = _build(value_node, path + (key,), lines, source, offset)
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, source, offset) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
        return node.value
    value = node.value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    return value


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # signatures and long comments stay readable
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dumps(data: Any) -> str:
    """Write YAML that `loads` reads back to the same data (strings quoted where needed)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
