"""Inline styles as a browser reads them: escapes and comments undone, then judged by what they do."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.DOTALL)
# A browser fetches an unquoted url(...) even when the closing parenthesis is missing, and any quoted string
# may be a URL (image-set("..."), src("..."), @import "..."): every one of them is judged as a URL.
_URL = re.compile(r"""url\(\s*([^"'()\s]*)|(["'])(.*?)(?:\2|$)""", re.DOTALL)
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|pt|em|rem|%|vw|vh|vmin|vmax|cm|mm|in|pc|ch|ex)?$")
_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "%": 0.16, "cm": 37.8, "mm": 3.78, "in": 96.0,
       "pc": 16.0, "ch": 8.0, "ex": 8.0}
_NAMED = {"white": (255, 255, 255), "snow": (255, 250, 250), "ivory": (255, 255, 240), "whitesmoke": (245, 245, 245),
          "ghostwhite": (248, 248, 255), "black": (0, 0, 0), "transparent": None}


def _unescape(match: re.Match) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return match.group(2)


def decode(style: str) -> str:
    return _ESCAPE.sub(_unescape, _COMMENT.sub(" ", style)).lower()


def declarations(style: str) -> dict[str, str]:
    found = {}
    for part in decode(style).split(";"):
        name, colon, value = part.partition(":")
        if colon:
            found[name.strip()] = " ".join(value.replace("!important", "").split())
    return found


def urls(style: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(3) for m in _URL.finditer(decode(style))]


def length_px(value: str) -> float | None:
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    unit = match.group(2) or "px"
    return float(match.group(1)) * _PX[unit] if unit in _PX else None


def colour(value: str) -> tuple[int, int, int] | None | str:
    """(r, g, b), None for fully transparent, or '' when not understood."""
    value = value.strip()
    if value in _NAMED:
        return _NAMED[value]
    if value.startswith("#") and len(value) in (4, 5, 7, 9):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        try:
            channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
        except ValueError:
            return ""
        return None if len(channels) == 4 and channels[3] < 26 else tuple(channels[:3])
    match = re.match(r"rgba?\(([^)]*)\)", value)
    if match:
        numbers = [n for n in re.split(r"[\s,/]+", match.group(1)) if n]
        try:
            rgb = [float(n[:-1]) * 2.55 if n.endswith("%") else float(n) for n in numbers[:3]]
            alpha = float(numbers[3][:-1]) / 100 if len(numbers) > 3 and numbers[3].endswith("%") else \
                float(numbers[3]) if len(numbers) > 3 else 1.0
        except (ValueError, IndexError):
            return ""
        return None if alpha < 0.1 else tuple(int(c) for c in rgb)
    match = re.match(r"hsla?\(\s*[\d.]+(?:deg)?[\s,]+[\d.]+%[\s,]+([\d.]+)%", value)
    if match and float(match.group(1)) >= 97:
        return (255, 255, 255)
    return ""


def hiding(style: str) -> str | None:
    """Why this style hides what it holds or covers the page, in Bahasa Indonesia; None if it does not."""
    d = declarations(style)
    if d.get("display") == "none":
        return "display:none"
    if d.get("visibility") in ("hidden", "collapse") or d.get("content-visibility") == "hidden":
        return "visibility:hidden"
    if re.search(r"scale[xyz3d]*\(\s*0*(\.0\d*)?\s*[,)]", d.get("transform", "")) or \
            _fraction(d.get("scale", "1").split(" ")[0]) < 0.1 or _fraction(d.get("zoom", "1")) < 0.1:
        return "diperkecil hingga tak terlihat (scale)"
    if _fraction(d.get("opacity", "1")) < 0.1 or re.search(r"opacity\(\s*0*(\.0\d*)?%?\s*\)", d.get("filter", "")):
        return "opacity hampir 0"
    size = length_px(d.get("font-size", "")) if "font-size" in d else None
    if size is not None and size < 4:
        return "huruf sangat kecil (font-size)"
    for name in ("left", "top", "right", "bottom", "text-indent", "margin-left", "margin-top", "inset", "translate"):
        amount = length_px(d.get(name, "").split(" ")[0]) if name in d else None
        if (amount is not None and amount <= -100) or _viewports(d.get(name, "")) <= -90:
            return f"didorong ke luar layar ({name})"
    if re.search(r"translate[xy3d]*\(\s*-\d{3,}", d.get("transform", "")):
        return "didorong ke luar layar (transform)"
    for name in ("width", "height", "max-width", "max-height"):
        amount = length_px(d.get(name, "")) if name in d else None
        if amount is not None and amount <= 1:
            return f"ukuran nol ({name})"
    if d.get("clip", "auto") != "auto" or d.get("clip-path", "none") != "none":
        return "dipotong (clip)"
    if _overlay(d):
        return "lapisan menutupi seluruh layar"
    return _invisible_text(d)


def _viewports(value: str) -> float:
    """The first length of `value` in viewport or container percent (`-100vw`, `-200%`), else 0."""
    match = re.match(r"\s*(-?\d*\.?\d+)(vw|vh|vmin|vmax|%)", value)
    return float(match.group(1)) if match else 0.0


def _fraction(value: str) -> float:
    try:
        return float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0


def _overlay(d: dict[str, str]) -> bool:
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


def _invisible_text(d: dict[str, str]) -> str | None:
    if "color" not in d:
        return None
    fg = colour(d["color"])
    if fg == "":
        return None
    if fg is None:
        return "teks transparan"
    background = d.get("background-color") or d.get("background", "").split(" ")[0] if ("background-color" in d or "background" in d) else None
    if background is None:
        return "teks putih di atas latar putih" if min(fg) >= 235 else None
    bg = colour(background)
    if isinstance(bg, tuple) and sum(abs(a - b) for a, b in zip(fg, bg)) < 30:
        return "warna teks sama dengan latarnya"
    return None


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_AT_BLOCK = re.compile(r"@(?:media|supports|layer)([^{]*)\{((?:[^{}]*\{[^{}]*\})*)\s*\}")
# A class the page's own content is inside of: `.md-typeset .x` applies to a class written in a page.
_CLASS_SELECTOR = re.compile(r"(?:\.md-typeset\s+)?\.([A-Za-z_][\w-]*)")


def hiding_classes(stylesheets: list[str]) -> dict[str, str]:
    """Classes the site's stylesheets hide or stretch over the page (`md-toggle`, `.md-typeset .x`), with why:
    writing `class="md-toggle"` hides a link as well as an inline `display:none` does."""
    found: dict[str, str] = {}
    for sheet in stylesheets:
        for selectors, body in _RULE.findall(_AT_BLOCK.sub(_screen_rules, _COMMENT.sub(" ", sheet))):
            reason = hiding(body)
            if not reason:
                continue
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.fullmatch(selector.strip())
                if match:
                    found.setdefault(match.group(1), reason)
    return found


def _screen_rules(block: re.Match) -> str:
    """The rules of an at-rule block as if always on, except print-only ones: hidden on paper is not hidden."""
    condition = block.group(1).lower()
    return "" if "print" in condition and "screen" not in condition and "not print" not in condition else block.group(2)
