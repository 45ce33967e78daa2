"""What an operator's own markup does to readers who cannot see it as written (WCAG 2.2 level A/AA, as axe-core
judges the served page): an image or image-map area without a text alternative, a frame without a title, text
whose inline colours fall below the contrast minimum, a language tag no reader can use; and attributes the HTML
standard made obsolete (the Nu HTML Checker's errors, common in text pasted from a word processor). The theme's
own markup is audited by the browser tests."""

from __future__ import annotations

import re

from . import colours, css

NORMAL_MINIMUM = 4.5  # WCAG 1.4.3
LARGE_MINIMUM = 3.0   # large text: at least 24 px, or 18.67 px bold
# Attributes of allowed elements that HTML made obsolete: presentational sizes and borders belong to the theme.
OBSOLETE = {("table", "width"), ("td", "width"), ("th", "width"), ("td", "height"), ("th", "height"),
            ("tr", "height"), ("hr", "width"), ("pre", "width"), ("iframe", "frameborder")}
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")  # BCP 47 in its common shape: id, en, id-ID, jv
ALT_HINT = ("Tulis keterangannya (![Keterangan gambar](gambar.png) atau alt=\"…\"), atau alt=\"\" bila gambar hanya "
            "hiasan")


def element_problems(tag: str, attrs: dict[str, str]) -> list[tuple[str, str, str]]:
    """(message, excerpt, needle) for each way this element shuts out a reader."""
    found = []
    if tag == "img" and "alt" not in attrs:
        found.append(("gambar tanpa teks alternatif (alt): pembaca layar tidak dapat menyampaikannya. " + ALT_HINT,
                      attrs.get("src", "<img>"), attrs.get("src", "<img")))
    if tag == "area" and "href" in attrs and not attrs.get("alt", "").strip():
        found.append(("area peta gambar tanpa teks alternatif (alt); tulis ke mana tautannya membawa pembaca",
                      attrs["href"], attrs["href"]))
    if tag == "iframe" and not attrs.get("title", "").strip():
        found.append(("bingkai <iframe> tanpa judul (title): pembaca layar tidak tahu isinya. Tambahkan "
                      "title=\"…\" yang menjelaskan isi bingkai", attrs.get("src", "<iframe>"), attrs.get("src", "<iframe")))
    for name in attrs:
        if (tag, name) in OBSOLETE:
            found.append((f"atribut '{name}' pada <{tag}> sudah usang dalam HTML (galat pemeriksa HTML); hapus "
                          "atribut itu: ukuran dan garis tabel diatur oleh tema situs", f"<{tag} {name}>", f"{name}="))
    if "lang" in attrs and attrs["lang"] and not _LANGUAGE_TAG.fullmatch(attrs["lang"]):
        found.append((f"lang=\"{attrs['lang']}\" bukan kode bahasa: pembaca layar tidak dapat memakainya. Tulis "
                      "kodenya, misalnya lang=\"id\" (Indonesia), lang=\"en\" (Inggris), lang=\"jv\" (Jawa)",
                      attrs["lang"], "lang="))
    if attrs.get("dir", "ltr").lower() not in ("ltr", "rtl", "auto"):
        found.append(("dir hanya boleh ltr, rtl, atau auto", attrs["dir"], "dir="))
    style = attrs.get("style")
    if style:
        low = low_contrast(css.declarations(style))
        if low:
            found.append((low, style, style))
    return found


def low_contrast(d: dict[str, str]) -> str | None:
    """Why text in these inline colours (on their own background, or the page's white) is too faint to read."""
    fg = css.text_colour(d)
    if not isinstance(fg, tuple) or fg[3] < 0.1 or css.clipped_to_text(d):
        return None  # no colour of its own, or transparent text: the hidden-content check speaks of it
    bg = css.background(d) if ("background" in d or "background-color" in d) else colours.WHITE
    if not isinstance(bg, tuple):
        return None
    under = colours.over(bg, colours.WHITE)
    ratio = colours.contrast(colours.over(fg, under), under)
    minimum = LARGE_MINIMUM if _large(d) else NORMAL_MINIMUM
    if ratio >= minimum or colours.distance(colours.over(fg, under), under) < colours.SAME:
        return None  # enough contrast, or so little that the hidden-content check names it
    shown = f"{ratio:.2f}".replace(".", ",")
    needed = f"{minimum:.1f}".replace(".", ",")
    return (f"kontras warna teks {shown}:1, di bawah batas {needed}:1 (WCAG 1.4.3): sulit dibaca, terutama oleh "
            "pembaca berpenglihatan rendah. Pakai warna teks yang lebih gelap atau latar yang lebih kontras")


def _large(d: dict[str, str]) -> bool:
    size = css.font_size(d)
    if size is None:
        return False
    weight = d.get("font-weight", "")
    bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 700)
    return size >= 24 or (bold and size >= 18.66)
