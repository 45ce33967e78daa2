"""Small SVG charts drawn here (no library, nothing fetched): horizontal bars with their values written out."""

from __future__ import annotations

from html import escape

from .html import Markup

WIDTH, LABEL, ROW = 640, 190, 22


def bars(title: str, rows: list[tuple[str, float]], unit: str) -> Markup:
    """One bar per (label, value); the longest bar fills the width."""
    top = max((v for _, v in rows), default=0) or 1
    height = 24 + ROW * max(len(rows), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" width="{WIDTH}" height="{height}" '
             f'role="img" aria-label="{escape(title)}">',
             f'<text x="0" y="14" font-size="11" font-weight="bold">{escape(title)}</text>']
    if not rows:
        parts.append('<text x="0" y="36" font-size="10">tidak ada data</text>')
    span = WIDTH - LABEL - 70
    for index, (label, value) in enumerate(rows):
        y = 24 + index * ROW
        length = max(1, round(span * value / top)) if value else 0
        parts.append(f'<text x="0" y="{y + 14}" font-size="10">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL}" y="{y + 3}" width="{length}" height="{ROW - 8}" fill="#2f5d8a"/>')
        parts.append(f'<text x="{LABEL + length + 4}" y="{y + 14}" font-size="10">{value:.1f} {escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
