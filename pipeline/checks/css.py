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
    them); later declarations win, names (logical ones as their physical twins) and values in lower case."""
    return dict(_declared(style))


@lru_cache(maxsize=4096)
def _declared(style: str) -> tuple[tuple[str, str], ...]:
    # One parse per style attribute: the hiding check, the accessibility check and every descendant's ground read it.
    found = {}
    for item in tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            found[physical(item.lower_name)] = value_text(item.value)
    return tuple(found.items())


# Logical properties a left-to-right, horizontal page lays out as these physical ones.
LOGICAL = {"block-size": "height", "inline-size": "width", "max-block-size": "max-height",
           "max-inline-size": "max-width", "inset-inline-start": "left", "inset-inline-end": "right",
           "inset-block-start": "top", "inset-block-end": "bottom", "margin-inline-start": "margin-left",
           "margin-block-start": "margin-top", "inset-inline": "left", "inset-block": "top",
           "margin-inline": "margin-left", "margin-block": "margin-top"}


def physical(name: str) -> str:
    return LOGICAL.get(name, name)


def value_text(tokens: list) -> str:
    """A value as judged: lower case, numbers in plain decimals, calc()/min()/max()/clamp() of one unit computed."""
    return " ".join(tinycss2.serialize(_plain(tokens)).lower().split())


_MATH = frozenset({"calc", "min", "max", "clamp"})


def _plain(tokens: list, in_scale: bool = False) -> list:
    out = []
    for token in tokens:
        if token.type == "function" and token.lower_name in _MATH:
            value = _math(token)
            out.append(tinycss2.ast.LiteralToken(0, 0, value) if value is not None else token)
        elif token.type == "function":
            inner = _plain(token.arguments, token.lower_name.startswith("scale"))
            out.append(tinycss2.ast.FunctionBlock(0, 0, token.name, inner))
        elif token.type in ("number", "dimension", "percentage"):
            number = token.value / 100 if in_scale and token.type == "percentage" else token.value
            unit = "%" if token.type == "percentage" and not in_scale else getattr(token, "unit", "") or ""
            out.append(tinycss2.ast.LiteralToken(0, 0, f"{_decimal(number)}{unit}"))
        else:
            out.append(token)
    return out


def _decimal(number: float) -> str:
    return f"{number:.6f}".rstrip("0").rstrip(".") or "0"


def _math(function) -> str | None:
    """A math function of numbers, or of lengths in px-convertible units, or of percentages; None otherwise."""
    try:
        amount, unit = _evaluate(function)
    except (ValueError, ZeroDivisionError, IndexError):
        return None
    return f"{_decimal(amount)}{unit}"


def _evaluate(function) -> tuple[float, str]:
    parts = [[t for t in part] for part in _split(function.arguments)]
    values = [_sum([t for t in part if t.type not in ("whitespace", "comment")]) for part in parts]
    if function.lower_name == "calc" and len(values) == 1:
        return values[0]
    if len({unit for _, unit in values}) != 1:
        raise ValueError(function.lower_name)
    unit = values[0][1]
    numbers = [amount for amount, _ in values]
    if function.lower_name == "min":
        return min(numbers), unit
    if function.lower_name == "max":
        return max(numbers), unit
    if function.lower_name == "clamp" and len(numbers) == 3:
        return max(numbers[0], min(numbers[1], numbers[2])), unit
    raise ValueError(function.lower_name)


def _split(tokens: list) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _sum(tokens: list) -> tuple[float, str]:
    """`a + b - c * d / e` of numbers, lengths (in px) and percentages; a unit mixed with another is not read."""
    terms: list[tuple[float, str]] = []
    sign, index = 1.0, 0
    while index < len(tokens):
        amount, unit = _operand(tokens[index])
        index += 1
        while index + 1 < len(tokens) and tokens[index].type == "literal" and tokens[index].value in "*/":
            right, right_unit = _operand(tokens[index + 1])
            if tokens[index].value == "*":
                amount, unit = amount * right, unit or right_unit
            elif right_unit:
                raise ValueError("/ unit")
            else:
                amount /= right
            index += 2
        terms.append((sign * amount, unit))
        if index < len(tokens):
            if tokens[index].type != "literal" or tokens[index].value not in "+-":
                raise ValueError("operator")
            sign, index = (1.0 if tokens[index].value == "+" else -1.0), index + 1
    units = {unit for _, unit in terms if unit}
    if len(units) > 1:
        raise ValueError("units")
    return sum(amount for amount, _ in terms), next(iter(units), "")


def _operand(token) -> tuple[float, str]:
    if token.type == "number":
        return token.value, ""
    if token.type == "percentage":
        return token.value, "%"
    if token.type == "dimension" and token.lower_unit in _PX:
        return token.value * _PX[token.lower_unit], "px"
    if token.type == "function" and token.lower_name in _MATH:
        return _evaluate(token)
    if token.type == "() block":
        return _sum([t for t in token.content if t.type not in ("whitespace", "comment")])
    raise ValueError(token.type)


def urls(style: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(3) for m in _URL.finditer(decode(style))]


def length_px(value: str) -> float | None:
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    unit = match.group(2) or "px"
    return float(match.group(1)) * _PX[unit] if unit in _PX else None


def hiding(style: str, under: colours.RGBA | str = colours.WHITE) -> str | None:
    """Why this style hides what it holds or covers the page, in Bahasa Indonesia; None if it does not. `under`:
    what the style attributes around it paint (see `ground`), '?' for an image or gradient."""
    d = declarations(style)
    return concealing(d) or invisible_text(d, under)


def ground(around: list[str]) -> colours.RGBA | str:
    """The page's white with the backgrounds that the style attributes `around` an element (nearest first) paint
    over it; '?' when the nearest that paints is an image or gradient."""
    paints = []
    for style in around:
        paint = background(declarations(style))
        if paint == "?":
            if not paints:
                return "?"
            break
        if isinstance(paint, tuple):
            paints.append(paint)
            if paint[3] >= 1:
                break
    under = colours.WHITE
    for paint in reversed(paints):
        under = colours.over(paint, under)
    return under


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
            _EDGE_ON.search(transform) or _EDGE_ON.search(re.sub(r"^([xy])\s+(.*)", r"rotate\1(\2)", d.get("rotate", ""))) or \
            _fraction(d.get("scale", "1").split(" ")[0]) < 0.1 or \
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
    for name in ("padding-left", "padding-top", "padding"):
        amount = length_px(d.get(name, "").split(" ")[0]) if name in d else None
        if amount is not None and amount >= FAR:
            return f"didorong ke luar layar ({name})"
    if re.search(r"translate[xyz3d]*\(\s*-?\d{4,}|translate[xyz3d]*\(\s*-\d{3,}", transform):
        return "didorong ke luar layar (transform)"
    if d.get("overflow", d.get("overflow-x", "")) in ("hidden", "clip") and _viewports(d.get("text-indent", "")) >= 100:
        return "didorong ke luar kotaknya (text-indent)"
    cut = d.get("overflow", d.get("overflow-x", d.get("overflow-y", ""))) in ("hidden", "clip")
    for name in ("width", "height", "max-width", "max-height"):
        amount = length_px(d.get(name, "")) if name in d else None
        if amount is not None and (amount <= 1 or (cut and amount < CUT)):
            return f"ukuran nol ({name})"
    if cut and "height" not in d and _line_height(d) < CUT:
        return "ukuran nol (line-height)"
    if d.get("position", "static") != "static" and _integer(d.get("z-index", "auto")) < 0:
        return "ditaruh di belakang latar (z-index negatif)"
    if d.get("clip", "auto") != "auto" or d.get("clip-path", "none") != "none":
        return "dipotong (clip)"
    mask = next((name for name in _MASKS if d.get(name, "none") not in ("none", "")), None)
    if mask:
        return f"ditutup topeng ({mask})"
    if d.get("offset-path", "none") not in ("none", ""):
        return "dipindahkan sepanjang lintasan (offset-path)"
    spacing = length_px(d.get("letter-spacing", "0"))
    if spacing is not None and spacing <= -6 or _em(d.get("letter-spacing", "")) <= -0.4:
        return "huruf ditumpuk menjadi satu (letter-spacing)"
    if overlay(d):
        return "lapisan menutupi seluruh layar"
    return None


# A box that cuts off what overflows it and is smaller than this (px) shows at most a sliver of a letter.
CUT = 6


def _line_height(d: dict[str, str]) -> float:
    value = d.get("line-height", "normal")
    amount = length_px(value)
    if amount is None:
        return 16.0
    return amount * 16 if value.replace(".", "").lstrip("-").isdigit() else amount


# Properties that paint only where a mask image lets them: a page's text never needs one.
_MASKS = ("mask", "mask-image", "-webkit-mask", "-webkit-mask-image", "-webkit-mask-box-image")


def _em(value: str) -> float:
    match = re.fullmatch(r"(-?\d*\.?\d+)em", value.strip())
    return float(match.group(1)) if match else 0.0


def _integer(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


_CONCEALING = frozenset({"display", "line-height", "z-index", "overflow", "overflow-x", "overflow-y", *_MASKS,
                         "offset-path", "letter-spacing", "padding-left", "padding-top", "padding", "visibility", "content-visibility", "transform", "scale", "rotate", "zoom", "opacity", "filter",
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


def opacity(d: dict[str, str]) -> float:
    """How opaque these declarations paint their element, 0 to 1."""
    return min(max(_fraction(d.get("opacity", "1")), 0.0), 1.0)


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


def invisible_text(d: dict[str, str], under: colours.RGBA | str = colours.WHITE) -> str | None:
    """Text these declarations make unreadable, on their own background over `under` (see `ground`)."""
    if clipped_to_text(d):
        return None
    fg = text_colour(d)
    if not isinstance(fg, tuple):
        return None
    bg = surface(d, under)
    if bg is None:
        return "teks transparan" if fg[3] < 0.1 else None
    return colour_problem(fg, bg)


def surface(d: dict[str, str], under: colours.RGBA | str = colours.WHITE) -> colours.RGBA | None:
    """The opaque colour text of these declarations is painted on: their own background over `under`; None when
    an image, a gradient or an unread colour paints it."""
    bg = background(d) if ("background" in d or "background-color" in d) else under
    if not isinstance(bg, tuple) or not isinstance(under, tuple):
        return bg if isinstance(bg, tuple) and bg[3] >= 1 else None
    return colours.over(bg, under)
