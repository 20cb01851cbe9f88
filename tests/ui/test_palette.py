"""The palette: colours that tell two things apart stay apart for colour-blind readers.

Method: each colour is converted to linear RGB, passed through the Machado, Oliveira &
Fernandes (2009) matrix at severity 1.0 for protanopia, deuteranopia or tritanopia
(clipped to [0, 1]), converted to CIELAB (D65), and compared with CIEDE2000. Every pair
in a group of colours the course uses together must be at least ``MIN_DELTA_E`` (15)
apart under normal vision and each of the three simulations.
"""

from __future__ import annotations

import itertools

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D

from bp_helpers.ui import palette
from bp_helpers.ui.palette import (
    CLASS_MARKERS,
    COLORS,
    DIVERGING_CMAP,
    LAYER_COLORS,
    MIN_DELTA_E,
    PALETTE,
    SEQUENTIAL_CMAP,
    VISIONS,
    ciede2000,
    class_cmap,
    class_colors,
    delta_e,
    hex_to_rgb,
    layer_style,
    simulate_cvd,
    srgb_to_linear,
    to_lab,
    worst_delta_e,
)

#: Colours that meet in one figure and tell things apart, by where they meet.
GROUPS: dict[str, list[str]] = {
    "curves (01: f, tangent, secant, central difference, reference, points)": [
        COLORS[k] for k in ("function", "tangent", "secant", "highlight", "neutral", "ink")],
    "sign of a gradient, zero": [COLORS[k] for k in ("positive", "negative", "neutral")],
    "playground: classes next to gradient signs": [
        COLORS[k] for k in ("class0", "class1", "positive", "negative", "neutral")],
    "forward / backward": [COLORS["forward"], COLORS["backward"]],
    "train / validation": [COLORS["train"], COLORS["validation"]],
    "layers W1..W5": list(LAYER_COLORS),
}

# tab10, the course's colours before this palette.
TAB_RED, TAB_GREEN, TAB_ORANGE, TAB_BLUE = "#d62728", "#2ca02c", "#ff7f0e", "#1f77b4"


def too_close(colors: list[str]) -> list[tuple[str, str, str, float]]:
    """``(a, b, vision, ΔE)`` for every pair of ``colors`` closer than MIN_DELTA_E."""
    return [(a, b, kind, d)
            for a, b in itertools.combinations(colors, 2)
            for kind in VISIONS
            if (d := delta_e(a, b, kind)) < MIN_DELTA_E]


# ----------------------------------------------------------------- the colour maths
@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    # Sharma, Wu & Dalal (2005), Table 1: pairs 1, 2, 3, 7, 9, 17, 26, 30, 34.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_the_published_reference_pairs(lab1, lab2, expected) -> None:
    assert ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(np.array(lab2), np.array(lab1)) == pytest.approx(expected, abs=1e-4)


def test_lab_of_white_and_red() -> None:
    np.testing.assert_allclose(to_lab(srgb_to_linear(hex_to_rgb("#FFFFFF"))), [100, 0, 0],
                               atol=1e-3)
    np.testing.assert_allclose(to_lab(srgb_to_linear(hex_to_rgb("#F00"))), [53.24, 80.09, 67.20],
                               atol=0.05)


@pytest.mark.parametrize("kind", ["protanopia", "deuteranopia", "tritanopia"])
def test_simulation_keeps_greys_and_changes_hues(kind: str) -> None:
    for grey in ("#000000", "#777777", "#FFFFFF"):
        np.testing.assert_allclose(simulate_cvd(grey, kind), simulate_cvd(grey, "normal"),
                                   atol=2e-3)
    assert delta_e(PALETTE["vermillion"], PALETTE["vermillion"], kind) == 0.0
    assert not np.allclose(simulate_cvd("#FF0000", kind), simulate_cvd("#FF0000", "normal"))


def test_bad_colours_and_visions_are_refused() -> None:
    for bad in ("red", "#12345", "#gggggg", 0x123456):
        with pytest.raises(ValueError, match="hex colour"):
            hex_to_rgb(bad)
    with pytest.raises(ValueError, match="kind must be one of"):
        simulate_cvd("#000000", "achromatopsia")


# ----------------------------------------------------------------- the threshold can fail
@pytest.mark.parametrize(("a", "b", "kind"), [
    (TAB_RED, TAB_GREEN, "deuteranopia"),
    (TAB_ORANGE, TAB_GREEN, "protanopia"),
])
def test_red_green_pairs_fail_the_threshold_under_simulation(a: str, b: str, kind: str) -> None:
    assert delta_e(a, b, "normal") > 3 * MIN_DELTA_E  # easy to tell apart with normal vision
    assert delta_e(a, b, kind) < MIN_DELTA_E / 2
    assert worst_delta_e(a, b) == (delta_e(a, b, kind), kind)


def test_the_course_colours_before_this_palette_fail() -> None:
    old_curves = [TAB_BLUE, TAB_RED, TAB_GREEN, TAB_ORANGE]  # function, tangent, secant, highlight
    failures = too_close(old_curves)
    assert (TAB_RED, TAB_GREEN, "deuteranopia") in [f[:3] for f in failures]
    assert (TAB_GREEN, TAB_ORANGE, "protanopia") in [f[:3] for f in failures]


def test_okabe_ito_alone_has_pairs_below_the_threshold() -> None:
    """Why four Tol colours were added: Okabe–Ito's closest pairs are near 12."""
    assert delta_e(PALETTE["orange"], PALETTE["vermillion"], "deuteranopia") < MIN_DELTA_E
    assert delta_e(PALETTE["blue"], PALETTE["bluish_green"], "tritanopia") < MIN_DELTA_E


# ----------------------------------------------------------------- the palette passes
@pytest.mark.parametrize("group", list(GROUPS))
def test_colours_used_together_stay_apart_for_every_vision(group: str) -> None:
    assert too_close(GROUPS[group]) == []


def test_classes_never_share_a_colour_with_the_sign_of_a_gradient() -> None:
    classes, signs = set(class_colors()), {COLORS["positive"], COLORS["negative"]}
    assert len(classes) == 2 and len(signs) == 2
    assert not classes & signs
    for c, s in itertools.product(classes, signs):
        assert worst_delta_e(c, s)[0] >= MIN_DELTA_E


def test_todays_meaning_keys_are_kept() -> None:
    for key in ("function", "tangent", "secant", "positive", "negative", "neutral", "highlight"):
        assert COLORS[key].startswith("#") and len(COLORS[key]) == 7
    assert set(COLORS.values()) <= set(PALETTE.values())
    assert len(set(PALETTE.values())) == len(PALETTE)
    assert len(CLASS_MARKERS) == 2 and len(set(CLASS_MARKERS)) == 2


# ----------------------------------------------------------------- lines and colour maps
def test_layer_styles_differ_in_style_and_marker_not_only_in_colour() -> None:
    styles = [layer_style(i) for i in range(1, 21)]
    assert all(set(s) == {"color", "linestyle", "marker"} for s in styles)
    assert len({(s["linestyle"], s["marker"]) for s in styles}) == 20
    assert [s["color"] for s in styles[:5]] == list(LAYER_COLORS)
    for s in styles:  # matplotlib accepts them
        Line2D([0, 1], [0, 1], **s)


@pytest.mark.parametrize("bad", [0, -1, 1.0, True, "1", None])
def test_layer_style_refuses_what_is_not_a_layer_number(bad) -> None:
    with pytest.raises(ValueError, match="layer number"):
        layer_style(bad)


def test_diverging_map_ends_are_the_sign_colours_and_stay_apart() -> None:
    cmap = mpl.colormaps[DIVERGING_CMAP]
    low, mid, high = (to_hex(cmap(x)) for x in (0.1, 0.5, 0.9))
    assert delta_e(low, COLORS["negative"]) < delta_e(low, COLORS["positive"])
    assert delta_e(high, COLORS["positive"]) < delta_e(high, COLORS["negative"])
    for a, b in ((low, high), (low, mid), (mid, high)):
        assert worst_delta_e(a, b)[0] >= 2 * MIN_DELTA_E


def test_sequential_map_rises_in_lightness_for_every_vision() -> None:
    cmap = mpl.colormaps[SEQUENTIAL_CMAP]
    steps = [to_hex(cmap(x)) for x in np.linspace(0, 1, 11)]
    for kind in VISIONS:
        lightness = [to_lab(simulate_cvd(c, kind))[0] for c in steps]
        assert np.all(np.diff(lightness) > 0), kind


def test_class_map_runs_from_class_0_through_white_to_class_1() -> None:
    cmap = class_cmap()
    assert to_hex(cmap(0.0)).upper() == class_colors()[0].upper()
    assert delta_e(to_hex(cmap(0.5)), "#FFFFFF") < 1.0
    assert to_hex(cmap(1.0)).upper() == class_colors()[1].upper()


def test_palette_module_does_not_import_matplotlib_at_import_time() -> None:
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(palette))
    top_level = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert not any("matplotlib" in ast.unparse(n) for n in top_level)
