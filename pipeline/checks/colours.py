"""CSS colours as a browser reads them (tinycss2's CSS Color 4/5 parser), brought to sRGB with alpha, and how
far apart two of them look (OKLab distance): text in a colour its background nearly shares is not seen."""

from __future__ import annotations

from functools import lru_cache
from math import cbrt

import tinycss2
from tinycss2 import color5

RGBA = tuple[float, float, float, float]  # sRGB channels 0..1, gamma-encoded, and alpha 0..1
WHITE: RGBA = (1.0, 1.0, 1.0, 1.0)
# Below this OKLab distance two colours read as one (about three times the just-noticeable difference):
# #f2f2f2 on white, #111 on black.
SAME = 0.07
CURRENT = "currentcolor"
_BRADFORD_D50_TO_D65 = ((0.955473421488075, -0.02309845494876471, 0.06325924320057072),
                        (-0.0283697093338637, 1.0099953980813041, 0.021041441191917323),
                        (0.012314014864481998, -0.020507649298898964, 1.330365926242124))
_XYZ_TO_LINEAR = ((3.2409699419045226, -1.537383177570094, -0.4986107602930034),
                  (-0.9692436362808796, 1.8759675015077202, 0.04155505740717559),
                  (0.05563007969699366, -0.20397695888897652, 1.0569715142428786))


@lru_cache(maxsize=4096)
def parse(value: str) -> RGBA | str | None:
    """The colour `value` names, 'currentcolor', or None when it is not a colour this reads."""
    tokens = [t for t in tinycss2.parse_component_value_list(value, skip_comments=True) if t.type != "whitespace"]
    if len(tokens) != 1:
        return None
    return _from_token(tokens[0])


def _from_token(token) -> RGBA | str | None:
    if token.type == "function" and token.lower_name == "color-mix":
        return _mix(token.arguments)
    parsed = color5.parse_color(token)
    if parsed is None or parsed == CURRENT:
        return parsed
    rgb = _srgb(parsed)
    return None if rgb is None else (*rgb, parsed.alpha)


def _srgb(colour) -> tuple[float, float, float] | None:
    space, coordinates = colour.space, tuple(c or 0.0 for c in colour.coordinates)
    if space in ("srgb", "hsl", "hwb"):
        return tuple(_clip(c) for c in colour.to("srgb").coordinates) if space != "srgb" else tuple(map(_clip, coordinates))
    if space in ("display-p3", "a98-rgb", "prophoto-rgb", "rec2020"):
        return tuple(map(_clip, coordinates))  # wider gamuts: close enough to judge "same as the background"
    if space == "srgb-linear":
        return tuple(_gamma(c) for c in coordinates)
    if space in ("lab", "lch", "xyz-d50"):
        xyz = colour.to("xyz-d50").coordinates if space != "xyz-d50" else coordinates
        return _xyz_d65_to_srgb(_times(_BRADFORD_D50_TO_D65, xyz))
    if space in ("oklab", "oklch", "xyz-d65"):
        return _xyz_d65_to_srgb(colour.to("xyz-d65").coordinates if space != "xyz-d65" else coordinates)
    return None


def _mix(arguments: list) -> RGBA | None:
    """color-mix(in <space>, a [p%], b [p%]), interpolated in sRGB with premultiplied alpha."""
    parts = _split_commas(arguments)
    if len(parts) != 3:
        return None
    colours, weights = [], []
    for part in parts[1:]:
        colour = next((c for c in (_from_token(t) for t in part if t.type != "percentage") if c is not None), None)
        if not isinstance(colour, tuple):
            return None
        colours.append(colour)
        weights.append(next((t.value / 100 for t in part if t.type == "percentage"), None))
    first, second = weights
    first, second = (0.5, 0.5) if first is None and second is None else \
        (1 - second, second) if first is None else (first, 1 - first) if second is None else (first, second)
    total = first + second
    if total <= 0:
        return None
    (a, b), scale = colours, min(total, 1.0)
    first, second = first / total, second / total
    alpha = a[3] * first + b[3] * second
    if alpha <= 0:
        return (0.0, 0.0, 0.0, 0.0)
    rgb = tuple((x * a[3] * first + y * b[3] * second) / alpha for x, y in zip(a[:3], b[:3]))
    return (*rgb, alpha * scale)


def _split_commas(tokens: list) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        elif token.type not in ("whitespace", "comment"):
            parts[-1].append(token)
    return parts


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """`top` painted over `bottom` (source-over)."""
    alpha = top[3] + bottom[3] * (1 - top[3])
    if alpha <= 0:
        return (0.0, 0.0, 0.0, 0.0)
    rgb = tuple((t * top[3] + b * bottom[3] * (1 - top[3])) / alpha for t, b in zip(top[:3], bottom[:3]))
    return (*rgb, alpha)


def distance(a: RGBA, b: RGBA) -> float:
    """How far apart two opaque colours look (OKLab Euclidean distance)."""
    return sum((x - y) ** 2 for x, y in zip(_oklab(a), _oklab(b))) ** 0.5


def contrast(a: RGBA, b: RGBA) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: RGBA) -> float:
    r, g, b = (_linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _oklab(colour: RGBA) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in colour[:3])
    l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
    m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
    s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
    return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)


def _xyz_d65_to_srgb(xyz) -> tuple[float, float, float]:
    return tuple(_gamma(c) for c in _times(_XYZ_TO_LINEAR, xyz))


def _times(matrix, vector) -> tuple[float, float, float]:
    return tuple(sum(m * v for m, v in zip(row, vector)) for row in matrix)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = _clip(c)
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _clip(c: float) -> float:
    return min(max(c, 0.0), 1.0)
