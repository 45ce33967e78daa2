"""Pages rendered on the server as HTML: the page as it will look, and old beside new with the changed blocks
marked. Raw HTML in the Markdown is shown as text, never run (the desk's CSP blocks scripts anyway)."""

from __future__ import annotations

import difflib
import re

import markdown
from markupsafe import Markup

from ..preview.diff import render_diff

EXTENSIONS = ["toc", "tables", "attr_list", "admonition", "fenced_code"]
_BLOCKS = re.compile(r"\n[ \t]*\n")


def to_html(text: str) -> Markup:
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return Markup(md.convert(text))


def blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in _BLOCKS.split(text.replace("\r\n", "\n")) if b.strip()]


def side_by_side(old: str, new: str) -> tuple[Markup, Markup]:
    """Old and new rendered block by block; removed blocks marked in the old, added or changed in the new."""
    a, b = blocks(old), blocks(new)
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left += [_block(x, "" if tag == "equal" else "dihapus") for x in a[i1:i2]]
        right += [_block(x, "" if tag == "equal" else "baru") for x in b[j1:j2]]
    return Markup("".join(left)), Markup("".join(right))


def _block(text: str, mark: str) -> str:
    html = to_html(text)
    if not mark:
        return f'<div class="blok">{html}</div>'
    label = {"dihapus": "Dihapus atau diubah", "baru": "Baru atau diubah"}[mark]
    return f'<div class="blok blok-{mark}"><span class="tanda">{label}</span>{html}</div>'


def source_diff(old: str, new: str) -> Markup:
    return Markup(render_diff(old, new))


def meta_rows(old: dict, new: dict) -> list[dict]:
    rows = []
    for key in list(dict.fromkeys([*new, *old])):
        before, after = _text(old.get(key)), _text(new.get(key))
        rows.append({"key": key, "old": before, "new": after, "changed": before != after})
    return rows


def _text(value: object) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)

