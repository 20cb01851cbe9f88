"""The course's colours, by meaning, chosen to survive colour-vision deficiency.

Why these colours
-----------------
The base is the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), the
usual choice for figures read by people with red–green or blue–yellow deficiency. It
is not enough on its own: simulating protanopia, deuteranopia and tritanopia (Machado,
Oliveira & Fernandes 2009, severity 1) and measuring CIEDE2000 distances
(:func:`delta_e`), pairs one would put side by side fall below the
:data:`MIN_DELTA_E` = 15 every pair that tells two things apart must keep:
orange/vermillion (12.5 under deuteranopia), blue/bluish green (12.4, tritanopia),
blue/reddish purple (12.2, protanopia), orange/reddish purple (10.9, tritanopia). So four
darker hues come from Paul Tol's palettes (wine, purple, green, gold), chosen by search
so that the colours that meet in one figure stay at least 15 apart under normal vision
and all three simulations. ``tests/ui/test_palette.py`` checks every such group.

How to use it
-------------
- ``COLORS[meaning]`` for a line, marker or text colour; never a hex literal elsewhere.
- The sign of a gradient or weight: ``COLORS["positive"]`` (green) and
  ``COLORS["negative"]`` (purple), the two ends of :data:`DIVERGING_CMAP` (``"PRGn"``).
- The two classes of a dataset: :func:`class_colors` and :data:`CLASS_MARKERS`, and
  :func:`class_cmap` for P(class 1) over the plane. Classes never share a colour
  with a sign (sky blue / gold against purple / green).
- Lines that must be told apart (per-layer ``W1``, ``W2`` …) differ in line style and
  marker as well as colour: :func:`layer_style`.
- Values on a scale: :data:`SEQUENTIAL_CMAP` (``"cividis"``), signed values:
  :data:`DIVERGING_CMAP`; both with a colour bar.
- Surfaces to write on (box fills, box outlines, white): :data:`TINTS`, never to tell
  data apart.

Colour maps. ``"PRGn"`` (purple–white–green): its ends (at 0.1, 0.9) stay >= 38 ΔE00 apart and
>= 43 from its white middle under all three simulations, it is a ColorBrewer
colour-blind-safe map, and its hues are those of the sign colours. ``"RdBu_r"`` measures
as well but its red and blue are the course's function/tangent colours; ``"PuOr"``
drops to 31 under tritanopia and its orange end is the class-1 gold; ``"coolwarm"``
has a grey middle (ends 31 from it). ``"cividis"`` (Nuñez et al. 2018) was designed to
look the same to deuteranopes and rises monotonically in lightness.

The colour maths (:func:`simulate_cvd`, :func:`to_lab`, :func:`delta_e`) uses NumPy only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matplotlib.colors import Colormap

#: The raw categorical colours: Okabe–Ito (first nine rows incl. grey) and four from Tol.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
    # Paul Tol, "muted" / "bright" / "high-contrast" schemes (personal.sron.nl/~pault).
    "wine": "#882255",
    "purple": "#AA3377",
    "green": "#117733",
    "gold": "#DDAA33",
}

#: Colours by meaning. Families: blue = the function / forward / value; vermillion = its
#: derivative (tangent, gradient, backward, reverse mode); sky blue = an approximation;
#: wine = the highlighted item; grey = neutral, zero, done, reference lines; black = ink
#: (data points, contours, the start of a path).
COLORS: dict[str, str] = {
    # 01 (and every curve): f, its tangent, a secant / finite difference, the point.
    "function": PALETTE["blue"],
    "tangent": PALETTE["vermillion"],
    "secant": PALETTE["sky_blue"],
    "highlight": PALETTE["wine"],
    "neutral": PALETTE["grey"],
    "ink": PALETTE["black"],
    # 02, 07: the forward value and the backward gradient / forward and reverse mode.
    "forward": PALETTE["blue"],
    "backward": PALETTE["vermillion"],
    "value": PALETTE["blue"],
    "gradient": PALETTE["vermillion"],
    # Sign of a gradient or a weight (ends of DIVERGING_CMAP); zero is "neutral".
    "positive": PALETTE["green"],
    "negative": PALETTE["purple"],
    # The two classes of a dataset: never a sign colour.
    "class0": PALETTE["sky_blue"],
    "class1": PALETTE["gold"],
    # Loss curves.
    "train": PALETTE["blue"],
    "validation": PALETTE["vermillion"],
}

#: Pale fills and a dark line colour for boxes (graph nodes, tags, label backgrounds):
#: surfaces to write on, never used to tell data apart.
TINTS: dict[str, str] = {
    "paper": "#FFFFFF",
    "leaf": "#FFF4E0",  # an input's box (a pale orange)
    "node": "#EEF3FA",  # an operation's box (a pale blue)
    "box_edge": "#4A5A70",  # box outlines and arrows (a dark slate)
    "empty": "#F0F0F0",  # an empty cell of a grid
}

#: Line styles that go with the meanings drawn together in one axes (tangent vs secant
#: vs central difference must differ even in greyscale).
LINESTYLES: dict[str, str] = {
    "function": "-",
    "tangent": "-",
    "secant": "--",
    "highlight": ":",
    "neutral": "--",
    "train": "-",
    "validation": "--",
}

#: Markers of the two classes (class 0, class 1): shape tells them apart without colour.
CLASS_MARKERS: tuple[str, str] = ("o", "s")

#: Signed values (gradients, weights): purple < 0, white 0, green > 0.
DIVERGING_CMAP = "PRGn"
#: Values on a scale (a probability, a loss surface): dark blue to yellow.
SEQUENTIAL_CMAP = "cividis"

#: Minimum CIEDE2000 distance between two colours that tell two things apart, under
#: normal vision and each simulated dichromacy. About 6-7 just-noticeable differences
#: (JND ~ 2.3). For scale: tab10's red/green measures 4.6 under deuteranopia and its
#: orange/green 1.3 under protanopia; Okabe–Ito's orange/vermillion 12.5 (deuteranopia).
MIN_DELTA_E = 15.0

#: Per-layer colours, in order of W1, W2, …: all five pairs >= 20 apart. A sixth
#: Okabe–Ito hue would bring a pair below MIN_DELTA_E (orange/vermillion,
#: bluish green/blue), so from W6 on the colours repeat with another line style.
LAYER_COLORS: tuple[str, ...] = (
    PALETTE["blue"],
    PALETTE["vermillion"],
    PALETTE["black"],
    PALETTE["sky_blue"],
    PALETTE["wine"],
)
#: Per-layer line styles and markers: 4 and 5 of them, so layers 1-20 all differ in
#: the pair (line style, marker), not only in colour.
LAYER_LINESTYLES: tuple[str, ...] = ("-", "--", "-.", ":")
LAYER_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v")


def layer_style(i: int) -> dict[str, str]:
    """Matplotlib keyword arguments for the line of layer ``i`` (``i = 1`` for ``W1``).

    Returns ``{"color": hex, "linestyle": str, "marker": str}``; layers 1-20 differ in
    (line style, marker) as well as in colour, so they stay apart without colour.
    """
    if isinstance(i, bool) or not isinstance(i, (int, np.integer)) or i < 1:
        raise ValueError(f"layer_style expects a layer number i >= 1 (1 for W1), got {i!r}")
    k = int(i) - 1
    return {
        "color": LAYER_COLORS[k % len(LAYER_COLORS)],
        "linestyle": LAYER_LINESTYLES[k % len(LAYER_LINESTYLES)],
        "marker": LAYER_MARKERS[k % len(LAYER_MARKERS)],
    }


def class_colors() -> tuple[str, str]:
    """``(class 0, class 1)`` colours of a two-class dataset (draw with :data:`CLASS_MARKERS`)."""
    return COLORS["class0"], COLORS["class1"]


def class_cmap() -> Colormap:
    """P(class 1) over the plane: class-0 colour at 0, white at 0.5, class-1 colour at 1."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list(
        "bp_classes", [COLORS["class0"], "#FFFFFF", COLORS["class1"]]
    )


# --------------------------------------------------------------------------- colour maths
#: Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB.
CVD_MATRICES: dict[str, np.ndarray] = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
#: The visions a palette test goes through: normal, then each dichromacy.
VISIONS: tuple[str, ...] = ("normal", *CVD_MATRICES)

# linear sRGB -> XYZ (D65), IEC 61966-2-1.
_RGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
_WHITE = _RGB_TO_XYZ.sum(axis=1)


def hex_to_rgb(color: str) -> np.ndarray:
    """``"#rrggbb"`` or ``"#rgb"`` -> sRGB in [0, 1], shape ``(3,)``."""
    if not isinstance(color, str) or not color.startswith("#") or len(color) not in (4, 7):
        raise ValueError(f"expected a hex colour '#rrggbb' or '#rgb', got {color!r}")
    digits = color[1:] if len(color) == 7 else "".join(c * 2 for c in color[1:])
    try:
        return np.array([int(digits[j:j + 2], 16) for j in (0, 2, 4)]) / 255.0
    except ValueError:
        raise ValueError(f"expected a hex colour '#rrggbb' or '#rgb', got {color!r}") from None


def srgb_to_linear(rgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] -> linear RGB (undo the sRGB transfer curve), any shape."""
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def simulate_cvd(color: str, kind: str) -> np.ndarray:
    """Linear RGB, shape ``(3,)``, of ``color`` as seen with deficiency ``kind``.

    ``kind`` is ``"normal"`` or a key of :data:`CVD_MATRICES`. The Machado matrix is
    applied to linear RGB and the result clipped to [0, 1].
    """
    rgb = srgb_to_linear(hex_to_rgb(color))
    if kind == "normal":
        return rgb
    if kind not in CVD_MATRICES:
        raise ValueError(f"kind must be one of {VISIONS}, got {kind!r}")
    return np.clip(CVD_MATRICES[kind] @ rgb, 0.0, 1.0)


def to_lab(linear_rgb: np.ndarray) -> np.ndarray:
    """Linear RGB, shape ``(3,)`` -> CIELAB ``(L*, a*, b*)`` under D65, shape ``(3,)``."""
    t = (_RGB_TO_XYZ @ np.asarray(linear_rgb, dtype=float)) / _WHITE
    d = 6.0 / 29.0
    f = np.where(t > d**3, np.cbrt(t), t / (3 * d * d) + 4.0 / 29.0)
    return np.array([116.0 * f[1] - 16.0, 500.0 * (f[0] - f[1]), 200.0 * (f[1] - f[2])])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """CIEDE2000 colour difference of two CIELAB colours, each shape ``(3,)``.

    Sharma, Wu & Dalal (2005), with kL = kC = kH = 1.
    """
    L1, a1, b1 = (float(v) for v in lab1)
    L2, a2, b2 = (float(v) for v in lab2)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360 if c2p else 0.0

    dL, dC = L2 - L1, c2p - c1p
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0.0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dH = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))

    L_mean, cp_mean = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    T = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.20 * np.cos(np.radians(4 * h_mean - 63)))
    d_theta = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_mean**7 / (cp_mean**7 + 25.0**7))
    s_l = 1 + 0.015 * (L_mean - 50) ** 2 / np.sqrt(20 + (L_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * T
    r_t = -np.sin(np.radians(2 * d_theta)) * r_c
    return float(np.sqrt((dL / s_l) ** 2 + (dC / s_c) ** 2 + (dH / s_h) ** 2
                         + r_t * (dC / s_c) * (dH / s_h)))


def delta_e(color1: str, color2: str, kind: str = "normal") -> float:
    """CIEDE2000 distance between two hex colours as seen with ``kind`` (see :data:`VISIONS`)."""
    return ciede2000(to_lab(simulate_cvd(color1, kind)), to_lab(simulate_cvd(color2, kind)))


def worst_delta_e(color1: str, color2: str) -> tuple[float, str]:
    """``(distance, vision)``: the smallest :func:`delta_e` over all :data:`VISIONS`."""
    return min((delta_e(color1, color2, kind), kind) for kind in VISIONS)
