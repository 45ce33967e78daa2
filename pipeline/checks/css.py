"""Inline styles as a browser reads them: escapes and comments undone, then judged by what they do."""

from __future__ import annotations

import re
from functools import lru_cache

import tinycss2

from . import colours

_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.DOTALL)
# A browser fetches an unquoted url(...) even when the closing parenthesis is missing, and any quoted string
# may be a URL (image-set("..."), src("..."), @import "..."): every one of them is judged as a URL.
_URL = re.compile(r"""url\(\s*([^"'()\s]*)|(["'])(.*?)(?:\2|$)""", re.DOTALL)
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|pt|em|rem|%|vw|vh|vmin|vmax|cm|mm|in|pc|ch|ex)?$")
_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "%": 0.16, "cm": 37.8, "mm": 3.78, "in": 96.0,
       "pc": 16.0, "ch": 8.0, "ex": 8.0}


def _unescape(match: re.Match) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match.group(2)


def decode(style: str) -> str:
    return _ESCAPE.sub(_unescape, _COMMENT.sub(" ", style)).lower()


def declarations(style: str) -> dict[str, str]:
    """A declaration block read by a CSS parser (escapes, comments, strings, `!important` as a browser reads
    them); later declarations win, names and values in lower case."""
    found = {}
    for item in tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            found[item.lower_name] = value_text(item.value)
    return found


def value_text(tokens: list) -> str:
    return " ".join(tinycss2.serialize(tokens).lower().split())


def urls(style: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(3) for m in _URL.finditer(decode(style))]


def length_px(value: str) -> float | None:
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    unit = match.group(2) or "px"
    return float(match.group(1)) * _PX[unit] if unit in _PX else None


def hiding(style: str) -> str | None:
    """Why this style hides what it holds or covers the page, in Bahasa Indonesia; None if it does not."""
    d = declarations(style)
    return concealing(d) or invisible_text(d)


def concealing(d: dict[str, str]) -> str | None:
    """Why these declarations hide an element's box (not its colours), or cover the page; None if they do not."""
    if d.keys().isdisjoint(_CONCEALING):
        return None
    if d.get("display") == "none":
        return "display:none"
    if d.get("visibility") in ("hidden", "collapse") or d.get("content-visibility") == "hidden":
        return "visibility:hidden"
    transform = d.get("transform", "")
    if re.search(r"scale[xyz3d]*\(\s*0*(\.0\d*)?\s*[,)]", transform) or _ZERO_MATRIX.search(transform) or \
            _EDGE_ON.search(transform) or _fraction(d.get("scale", "1").split(" ")[0]) < 0.1 or \
            _fraction(d.get("zoom", "1")) < 0.1:
        return "diperkecil hingga tak terlihat (transform/scale)"
    if _fraction(d.get("opacity", "1")) < 0.1:
        return "opacity hampir 0"
    blurred = _filtered(d.get("filter", ""))
    if blurred:
        return blurred
    if d.get("mix-blend-mode", "normal") in _BLENDS_AWAY:
        return f"warna dicampur dengan latarnya (mix-blend-mode:{d['mix-blend-mode']})"
    size = font_size(d)
    if size is not None and size < 4:
        return "huruf sangat kecil (font-size)"
    for name in ("left", "top", "right", "bottom", "text-indent", "margin-left", "margin-top", "margin", "inset",
                 "translate"):
        amount = length_px(d.get(name, "").split(" ")[0]) if name in d else None
        if (amount is not None and (amount <= -100 or amount >= FAR)) or _viewports(d.get(name, "")) <= -90:
            return f"didorong ke luar layar ({name})"
    if re.search(r"translate[xyz3d]*\(\s*-?\d{4,}|translate[xyz3d]*\(\s*-\d{3,}", transform):
        return "didorong ke luar layar (transform)"
    if d.get("overflow", d.get("overflow-x", "")) in ("hidden", "clip") and _viewports(d.get("text-indent", "")) >= 100:
        return "didorong ke luar kotaknya (text-indent)"
    for name in ("width", "height", "max-width", "max-height"):
        amount = length_px(d.get(name, "")) if name in d else None
        if amount is not None and amount <= 1:
            return f"ukuran nol ({name})"
    if d.get("clip", "auto") != "auto" or d.get("clip-path", "none") != "none":
        return "dipotong (clip)"
    if overlay(d):
        return "lapisan menutupi seluruh layar"
    return None


_CONCEALING = frozenset({"display", "visibility", "content-visibility", "transform", "scale", "zoom", "opacity", "filter",
                         "mix-blend-mode",
                         "font-size", "font", "left", "top", "right", "bottom", "text-indent", "margin-left", "margin-top",
                         "margin", "inset", "translate", "width", "height", "max-width", "max-height", "clip",
                         "clip-path", "position"})
# Blend modes that turn dark text on a light page into the page's own colour.
_BLENDS_AWAY = frozenset({"screen", "lighten", "color-dodge", "difference", "exclusion", "plus-lighter", "soft-light",
                          "hard-light", "overlay", "luminosity"})
_FILTER = re.compile(r"(opacity|brightness|blur|contrast)\(\s*(-?\d*\.?\d+)(%|px|em|rem)?\s*\)")


def _filtered(value: str) -> str | None:
    """What a `filter` does to text: fades it out, washes it white, or blurs it past reading."""
    for name, number, unit in _FILTER.findall(value):
        amount = float(number) / 100 if unit == "%" else float(number)
        if name == "opacity" and amount < 0.1:
            return "opacity hampir 0 (filter)"
        if name == "brightness" and amount >= 4:
            return "teks dibuat putih (filter: brightness)"
        if name == "blur" and (length_px(f"{number}{unit}") or 0) >= 4:
            return "teks dikaburkan (filter: blur)"
        if name == "contrast" and amount < 0.1:
            return "kontras dihapus (filter: contrast)"
    return None


# Offsets this far to the right or down leave the page's width (a reader never scrolls there).
FAR = 3000
_ZERO_MATRIX = re.compile(r"matrix(?:3d)?\(\s*0*(?:\.0*)?\s*,\s*0*(?:\.0*)?\s*,\s*0*(?:\.0*)?\s*,\s*0*(?:\.0*)?\s*[,)]")
_EDGE_ON = re.compile(r"rotate[xy]\(\s*(?:90|270|-90|-270)(?:\.0*)?deg|rotate[xy]\(\s*(?:0?\.25|0?\.75)turn")
_SIZE = re.compile(r"-?\d*\.?\d+(px|pt|em|rem|%|vw|vh|vmin|vmax|cm|mm|in|pc|ch|ex)|0")


def font_size(d: dict[str, str]) -> float | None:
    """The font size these declarations set, in px (`font-size`, or the size in a `font` shorthand)."""
    if "font-size" in d:
        return length_px(d["font-size"])
    for word in d.get("font", "").split():
        size = word.split("/")[0]
        if _SIZE.fullmatch(size):
            return length_px(size)
    return None


def _viewports(value: str) -> float:
    """The first length of `value` in viewport or container percent (`-100vw`, `-200%`), else 0."""
    match = re.match(r"\s*(-?\d*\.?\d+)(vw|vh|vmin|vmax|%)", value)
    return float(match.group(1)) if match else 0.0


def _fraction(value: str) -> float:
    try:
        return float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0


def overlay(d: dict[str, str]) -> bool:
    if d.get("position") not in ("fixed", "absolute", "sticky"):
        return False
    if d.get("inset", "").split() and all(length_px(v) == 0 for v in d["inset"].split()):
        return True
    if all(length_px(d.get(side, "x")) == 0 for side in ("top", "left", "right", "bottom")):
        return True
    return _full(d.get("width", "")) and _full(d.get("height", ""))


def _full(value: str) -> bool:
    match = _LENGTH.match(value.strip())
    if not match:
        return False
    unit = match.group(2)
    return (unit == "%" and float(match.group(1)) >= 90) or (unit in ("vw", "vh", "vmax") and float(match.group(1)) >= 90)


def text_colour(d: dict[str, str]) -> colours.RGBA | str | None:
    """The colour text is painted in by these declarations (-webkit-text-fill-color wins over color)."""
    for name in ("-webkit-text-fill-color", "color"):
        if name in d:
            parsed = colours.parse(d[name])
            if parsed is not None:
                return parsed
    return None


def background(d: dict[str, str]) -> colours.RGBA | str | None:
    """The background colour these declarations paint, '?' when an image or gradient paints it, else None."""
    if "background-color" not in d and "background" not in d:
        return "?" if d.get("background-image", "none") != "none" else None
    return _paint(d.get("background-color"), d.get("background"), d.get("background-image", "none"))


@lru_cache(maxsize=4096)
def _paint(colour: str | None, shorthand: str | None, image: str) -> colours.RGBA | str | None:
    if image != "none" or re.search(r"url\(|gradient\(|image", shorthand or colour or ""):
        return "?"
    if colour is not None:
        return colours.parse(colour)
    for token in tinycss2.parse_component_value_list(shorthand or "", skip_comments=True):
        if token.type in ("ident", "hash", "function"):
            parsed = colours.parse(tinycss2.serialize([token]))
            if isinstance(parsed, tuple):
                return parsed
    return None


def clipped_to_text(d: dict[str, str]) -> bool:
    """The background is painted through the letters (`background-clip: text`): transparent text shows it."""
    return "text" in (d.get("background-clip", ""), d.get("-webkit-background-clip", ""))


def colour_problem(text: colours.RGBA, under: colours.RGBA) -> str | None:
    """Why text of colour `text` cannot be read on the opaque colour `under`; None if it can."""
    if text[3] < 0.1:
        return "teks transparan"
    if colours.distance(colours.over(text, under), under) < colours.SAME:
        return "warna teks sama atau hampir sama dengan latarnya"
    return None


def invisible_text(d: dict[str, str]) -> str | None:
    """Text these declarations alone make unreadable, on their own background or the page's white."""
    if clipped_to_text(d):
        return None
    fg = text_colour(d)
    if not isinstance(fg, tuple):
        return None
    bg = background(d) if ("background" in d or "background-color" in d) else colours.WHITE
    if bg == "?" or bg is None or bg == colours.CURRENT:
        return "teks transparan" if fg[3] < 0.1 else None
    return colour_problem(fg, colours.over(bg, colours.WHITE))
