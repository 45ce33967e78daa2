"""A readable diff of two texts as HTML: removed and added lines, changed words highlighted."""

from __future__ import annotations

import difflib
import html
import re

CONTEXT = 2
_TOKEN = re.compile(r"(\s+)")


def render_diff(old: str, new: str) -> str:
    """HTML (no blank lines, so Markdown keeps it as one block) showing what changed from old to new."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[str] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(CONTEXT):
        if rows:
            rows.append('<div class="ppid-diff-gap">⋯</div>')
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [_row("same", i + 1, j + 1, html.escape(a[i])) for i, j in zip(range(i1, i2), range(j1, j2))]
            elif tag == "replace" and (i2 - i1) == (j2 - j1):
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    old_html, new_html = _words(a[i], b[j])
                    rows += [_row("del", i + 1, None, old_html), _row("ins", None, j + 1, new_html)]
            else:
                rows += [_row("del", i + 1, None, html.escape(a[i])) for i in range(i1, i2)]
                rows += [_row("ins", None, j + 1, html.escape(b[j])) for j in range(j1, j2)]
    if not rows:
        return '<div class="ppid-diff"><div class="ppid-diff-same">Teks halaman tidak berubah.</div></div>'
    return '<div class="ppid-diff">' + "".join(rows) + "</div>"


def _row(kind: str, old_no: int | None, new_no: int | None, text: str) -> str:
    sign = {"same": " ", "del": "−", "ins": "+"}[kind]
    numbers = f'<span class="ppid-diff-no">{old_no or ""}</span><span class="ppid-diff-no">{new_no or ""}</span>'
    return f'<div class="ppid-diff-{kind}">{numbers}<span class="ppid-diff-sign">{sign}</span>{text or "&nbsp;"}</div>'


def _words(old: str, new: str) -> tuple[str, str]:
    """The two versions of a changed line, with the changed words wrapped in <del> and <ins>."""
    a, b = _TOKEN.split(old), _TOKEN.split(new)
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = html.escape("".join(a[i1:i2])), html.escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return "".join(left), "".join(right)
