"""Notebook 01, The chain rule: tangents and secants, chains, two paths, matrix calculus, exercises.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers._validate import finite_array, finite_float, positive_float
from bp_helpers.messages import t
from bp_helpers.nn.activations import sigmoid
from bp_helpers.ui.checks import (
    check_array,
    check_expression,
    check_function,
    check_number,
    report,
)
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Choice, Explorer, FloatRange, LogRange

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.palette import COLORS as COLORS
from bp_helpers.ui.palette import layer_style as layer_style
from bp_helpers.ui.style import (
    View,
    dynamic,
    figure_state,
    fresh_figure,
    ft,
    label_axes,
    legend_outside,
    sparse_log_ticks,
    static_setting,
)
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

Array = np.ndarray


def _set_legend_texts(legend: Any, texts: dict[int, str]) -> None:
    """Set entries of a legend drawn once (index -> text): cheaper than a new legend."""
    entries = legend.get_texts()
    for index, text in texts.items():
        entries[index].set_text(text)


#: Smallest error drawn on log axes: an error that rounds to exactly 0 is shown here.
ERROR_FLOOR = 1e-17


def plot_zoom_windows(x: float = 1.0, widths: Sequence[float] = (1.0, 0.1, 0.01)) -> View:
    """``sin`` and its tangent at ``x``, one panel per window ``x ± width`` (``widths``: (n,)
    half-widths, n ≥ 2). The text gives the largest gap between curve and tangent in
    each window and the power of the width it shrinks with."""
    x = finite_float(x, "x")
    if isinstance(widths, (str, bytes)) or not isinstance(widths, Sequence):
        raise TypeError(f"widths must be a sequence of numbers, got {type(widths).__name__}")
    half = [positive_float(w, "each width") for w in widths]
    if len(half) < 2 or len(set(half)) < len(half):
        raise ValueError(f"widths must hold at least 2 different half-widths, got {widths!r}")
    slope = math.cos(x)
    fig, axes = fresh_figure(None, 1, len(half), figsize=(3.5 * len(half), 3.4))
    gaps, extents = [], []
    for ax, width in zip(axes[0], half, strict=True):
        s = np.linspace(x - width, x + width, 200)
        curve, tangent = np.sin(s), math.sin(x) + slope * (s - x)
        ax.plot(s, curve, color=COLORS["function"], label="sin x")
        ax.plot(s, tangent, "--", color=COLORS["tangent"], label=ft("l01.window_tangent"))
        label_axes(ax, ft("l01.window_title", x=x, width=width), "x", "f(x)")
        both = np.concatenate([curve, tangent])
        gaps.append(float(np.max(np.abs(curve - tangent))))
        extents.append(float(both.max() - both.min()))
    axes[0, 0].legend(loc="upper left")
    power = float(np.polyfit(np.log(half), np.log(np.maximum(gaps, ERROR_FLOOR)), 1)[0])
    narrowest = int(np.argmin(half))
    comma = t("l01.list_separator")
    text = t("l01.windows_text", x=x, slope=slope,
             widths=comma.join(f"{w:g}" for w in half),
             gaps=comma.join(f"{g:.2g}" for g in gaps), power=power,
             share=gaps[narrowest] / extents[narrowest])
    return View(fig, text)


def difference_errors(x: float, h: float | Array) -> tuple[Array, Array]:
    """Absolute errors of the forward and central differences of ``sin`` at ``x``.

    ``h`` is a step or an array of steps (shape ``S``); returns two arrays of shape ``S``:
    ``|(f(x+h) − f(x))/h − f'(x)|`` and ``|(f(x+h) − f(x−h))/(2h) − f'(x)|``.
    """
    x = finite_float(x, "x")
    h = finite_array(h, "h")
    if np.any(h <= 0):
        raise ValueError("every step h must be > 0")
    exact = math.cos(x)
    forward = (np.sin(x + h) - math.sin(x)) / h
    central = (np.sin(x + h) - np.sin(x - h)) / (2 * h)
    return np.abs(forward - exact), np.abs(central - exact)


#: The sliders of TANGENT; the figure's limits are fixed from them.
X_RANGE = FloatRange(-3, 3, 0.05)
H_RANGE = LogRange(-12, 0, 0.1)
#: The steps of the error panel: from below the slider's smallest h up to its largest.
ERROR_STEPS = np.logspace(H_RANGE.min_exp - 1, H_RANGE.max_exp, 131)


def _build_tangent(fig: Figure) -> dict[str, Any]:
    """The static parts of the tangent/secant figure and the artists an update moves."""
    ax_f, ax_err = fig.subplots(1, 2)
    grid = np.linspace(X_RANGE.min - 1.5, X_RANGE.max + 1.5, 300)
    ax_f.plot(grid, np.sin(grid), color=COLORS["function"], lw=1.5, label="f(x) = sin x")
    # The tangent is wide and pale, the secants thin on top of it: when a secant lies on
    # the tangent (small h), both stay visible.
    tangent, = ax_f.plot([], [], color=COLORS["tangent"], lw=7, alpha=0.35, solid_capstyle="butt",
                         label=ft("l01.tangent_slope", slope=-0.0))
    forward, = ax_f.plot([], [], color=COLORS["secant"], ls="--", lw=1.8,
                         label=ft("l01.forward_secant_slope", slope=-0.0))
    central, = ax_f.plot([], [], color=COLORS["highlight"], ls="-.", lw=1.5,
                         label=ft("l01.central_secant_slope", slope=-0.0))
    points, = ax_f.plot([], [], "o", color=COLORS["ink"], ms=4, label="x − h, x, x + h")
    ax_f.set_xlim(grid[0], grid[-1])
    ax_f.set_ylim(-2.2, 2.2)
    ax_f.set_yticks([-2, -1, 0, 1, 2])  # few tick labels: each one costs layout on every redraw
    label_axes(ax_f, ft("l01.tangent_title"), "x", "f(x)")
    legend = ax_f.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2)

    err_forward, = ax_err.loglog([], [], color=COLORS["secant"], ls="--",
                                 label=ft("l01.forward_difference"))
    err_central, = ax_err.loglog([], [], color=COLORS["highlight"], ls="-.",
                                 label=ft("l01.central_difference"))
    marker = ax_err.axvline(1.0, color=COLORS["neutral"], ls=":", lw=1.2, label=ft("l01.current_h"))
    ax_err.set_xlim(ERROR_STEPS[0], ERROR_STEPS[-1])
    ax_err.set_ylim(ERROR_FLOOR, 10.0)
    sparse_log_ticks(ax_err.xaxis, 5)
    sparse_log_ticks(ax_err.yaxis, 5)
    label_axes(ax_err, ft("l01.error_title"), ft("l01.step_h"), ft("l01.error_label"))
    ax_err.legend(loc="lower left")
    moving = {"tangent": tangent, "forward": forward, "central": central, "points": points,
              "legend": legend, "err_forward": err_forward, "err_central": err_central,
              "marker": marker}
    return {**{name: dynamic(artist) for name, artist in moving.items()}, "x": None}


def tangent_and_secants(x: float = 1.0, h: float = 0.5, *, fig: Figure | None = None) -> View:
    """The tangent of ``sin`` at ``x``, the forward and central secants, and error vs ``h``.

    Axes limits are fixed for every slider setting; the tangent is drawn wide and pale
    under the secants, so a secant that coincides with it stays visible.
    """
    x, h = finite_float(x, "x"), positive_float(h, "h")
    fig, artists = figure_state(fig, _build_tangent, figsize=(9.5, 4.8))

    slope = math.cos(x)
    forward = (math.sin(x + h) - math.sin(x)) / h
    central = (math.sin(x + h) - math.sin(x - h)) / (2 * h)
    near = np.array([x - 1.5, x + 1.5])
    artists["tangent"].set_data(near, math.sin(x) + slope * (near - x))
    artists["forward"].set_data(near, math.sin(x) + forward * (near - x))
    artists["central"].set_data(near, math.sin(x) + central * (near - x))
    _set_legend_texts(artists["legend"], {1: ft("l01.tangent_slope", slope=slope),
                                          2: ft("l01.forward_secant_slope", slope=forward),
                                          3: ft("l01.central_secant_slope", slope=central)})
    points = np.array([x - h, x, x + h])
    artists["points"].set_data(points, np.sin(points))

    if artists["x"] != x:  # the error curves depend on x only
        err_forward, err_central = difference_errors(x, ERROR_STEPS)
        artists["err_forward"].set_data(ERROR_STEPS, np.maximum(err_forward, ERROR_FLOOR))
        artists["err_central"].set_data(ERROR_STEPS, np.maximum(err_central, ERROR_FLOOR))
        artists["x"] = x
    artists["marker"].set_xdata([h, h])

    now_forward, now_central = (float(e) for e in difference_errors(x, h))
    gap = abs(central - slope) * 3.0  # the secant's rise off the tangent at the plot's edge
    on_tangent = t("l01.central_on_tangent") if gap < 0.02 else t("l01.central_off_tangent")
    text = t("l01.tangent_text", x=x, h=h, slope=slope, forward=forward,
             forward_error=now_forward, central=central, central_error=now_central,
             central_secant=on_tangent)
    return View(fig, text)


TANGENT = Explorer(tangent_and_secants, {"x": X_RANGE, "h": H_RANGE})


@dataclass(frozen=True)
class Composition:
    """``y = f(g(x))`` with both derivatives, for drawing (callables act elementwise)."""

    g: Callable[[Array], Array]
    dg: Callable[[Array], Array]
    f: Callable[[Array], Array]
    df: Callable[[Array], Array]
    inner: str
    outer: str
    outer_slope: str


COMPOSITIONS: dict[str, Composition] = {
    "sin(x²)": Composition(
        g=np.square, dg=lambda x: 2 * x, f=np.sin, df=np.cos,
        inner="u = x²", outer="y = sin u", outer_slope="cos u",
    ),
    "σ(3x − 1)": Composition(
        g=lambda x: 3 * x - 1, dg=lambda x: np.full_like(x, 3.0), f=sigmoid,
        df=lambda u: sigmoid(u) * (1 - sigmoid(u)),
        inner="u = 3x − 1", outer="y = σ(u)", outer_slope="σ(u)(1 − σ(u))",
    ),
    "exp(sin x)": Composition(
        g=np.sin, dg=np.cos, f=np.exp, df=np.exp,
        inner="u = sin x", outer="y = eᵘ", outer_slope="eᵘ",
    ),
}

#: The x slider of CHAIN; each panel's limits are fixed from it (per composition).
CHAIN_X_RANGE = FloatRange(-2, 2, 0.05)


def _padded(values: Array, pad: float = 0.15) -> tuple[float, float]:
    lo, hi = float(values.min()), float(values.max())
    margin = pad * (hi - lo) or 0.5
    return lo - margin, hi + margin


#: The composition CHAIN's figure is laid out for (then frozen): its tick labels are the
#: widest ("−0.5" in every panel), so every composition's fit.
LAYOUT_COMPOSITION = "exp(sin x)"


def _build_chain(fig: Figure) -> dict[str, Any]:
    """The three panels (curves, tangents, legends), laid out for
    :data:`LAYOUT_COMPOSITION`; :func:`_show_composition` fills them."""
    artists: dict[str, Any] = {}
    for ax, key in zip(fig.subplots(1, 3), "gfc", strict=True):
        curve, = ax.plot([], [], color=COLORS["function"], lw=1.5)
        line, = ax.plot([], [], color=COLORS["tangent"], lw=2, label=ft("l01.slope_layout"))
        dot, = ax.plot([], [], "o", color=COLORS["ink"], ms=5)
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2))
        artists[key] = [dynamic(legend), dynamic(line), dynamic(dot), 1.0, ax, curve]
    _show_composition(artists, LAYOUT_COMPOSITION)
    return artists


def _show_composition(artists: dict[str, Any], composition: str) -> None:
    """Curves, fixed limits and titles of one composition (limits from the x slider's range)."""
    c = COMPOSITIONS[composition]
    x_grid = np.linspace(CHAIN_X_RANGE.min, CHAIN_X_RANGE.max, 300)
    u_grid = c.g(x_grid)
    u_lim = _padded(u_grid)
    u_plot = np.linspace(*u_lim, 300)
    panels = {
        "g": (x_grid, u_grid, (x_grid[0], x_grid[-1]), u_lim,
              ft("l01.inner_title", inner=c.inner), "x", "u = g(x)"),
        "f": (u_plot, c.f(u_plot), u_lim, _padded(c.f(u_plot)),
              ft("l01.outer_title", outer=c.outer), "u", "y = f(u)"),
        "c": (x_grid, c.f(u_grid), (x_grid[0], x_grid[-1]), _padded(c.f(u_grid)),
              ft("l01.composition_title", composition=composition), "x", "y = f(g(x))"),
    }
    for key, (xs, ys, xlim, ylim, title, xl, yl) in panels.items():
        panel = artists[key]
        ax, curve = panel[4], panel[5]
        curve.set_data(xs, ys)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        label_axes(ax, title, xl, yl)
        panel[3] = 0.12 * (xlim[1] - xlim[0])


def _set_tangent(panel: list[Any], at: float, value: float, slope: float, label: str) -> None:
    legend, line, dot, half = panel[:4]
    span = np.array([at - half, at + half])
    line.set_data(span, value + slope * (span - at))
    dot.set_data([at], [value])
    _set_legend_texts(legend, {0: label})


def chain_factors(
    x: float = 0.8, composition: str = "sin(x²)", *, fig: Figure | None = None
) -> View:
    """Three panels: ``u = g(x)``, ``y = f(u)`` and ``y = f(g(x))``, each with its tangent.

    Each panel's limits are fixed for the composition (computed from the x slider's range),
    so moving x moves only the tangents.
    """
    x = finite_float(x, "x")
    if composition not in COMPOSITIONS:
        raise ValueError(f"composition must be one of {list(COMPOSITIONS)}, got {composition!r}")
    c = COMPOSITIONS[composition]
    xs = np.array(x)
    u = float(c.g(xs))
    du_dx, dy_du = float(c.dg(xs)), float(c.df(np.array(u)))
    y = float(c.f(np.array(u)))
    dy_dx = du_dx * dy_du
    h = 1e-5
    numeric = float((c.f(c.g(xs + h)) - c.f(c.g(xs - h))) / (2 * h))

    fig, artists = figure_state(fig, _build_chain, figsize=(10.5, 3.9))
    # Every composition's static image is drawn with the first frame: switching costs no
    # redraw.
    static_setting(fig, composition, lambda shown: _show_composition(artists, shown),
                   others=[other for other in COMPOSITIONS if other != composition])
    _set_tangent(artists["g"], x, u, du_dx, ft("l01.slope_du_dx", du_dx=du_dx))
    _set_tangent(artists["f"], u, y, dy_du, ft("l01.slope_dy_du", dy_du=dy_du))
    _set_tangent(artists["c"], x, y, dy_dx,
                 ft("l01.slope_product", du_dx=du_dx, dy_du=dy_du, dy_dx=dy_dx))

    text = t("l01.chain_text", x=x, inner=c.inner, u=u, du_dx=du_dx, outer_slope=c.outer_slope,
             dy_du=dy_du, dy_dx=dy_dx, numeric=numeric)
    return View(fig, text)


CHAIN = Explorer(
    chain_factors, {"x": CHAIN_X_RANGE, "composition": Choice(tuple(COMPOSITIONS))}
)

#: The x slider of TWO_PATHS; the z panel's limits are fixed from it.
TWO_PATHS_X_RANGE = FloatRange(-3, 3, 0.05)
#: Node positions of the two-path graph.
_AT = {"x": (0.0, 0.0), "u": (1.5, 0.8), "v": (1.5, -0.8), "z": (3.0, 0.0)}
#: Edges: (start, end, label offset, the path it belongs to: 1 via u, 2 via v).
_EDGES = {
    "du/dx": ("x", "u", (-0.4, 0.28), 1),
    "∂z/∂u": ("u", "z", (0.4, 0.28), 1),
    "dv/dx": ("x", "v", (-0.4, -0.28), 2),
    "∂z/∂v": ("v", "z", (0.4, -0.28), 2),
}


def _build_two_paths(fig: Figure) -> dict[str, Any]:
    """The graph (nodes, arrows) and the z(x) curve, drawn once; the texts an update sets."""
    ax_graph, ax_z = fig.subplots(1, 2)
    ax_graph.set_xlim(-0.35, 3.35)
    ax_graph.set_ylim(-1.35, 1.35)
    ax_graph.axis("off")
    edge_texts = {}
    for name, (a, b, offset, path) in _EDGES.items():
        style = layer_style(path)
        start, end = _AT[a], _AT[b]
        ax_graph.annotate("", xy=end, xytext=start,
                          arrowprops={"arrowstyle": "-|>", "color": style["color"], "lw": 2,
                                      "linestyle": style["linestyle"],
                                      "shrinkA": 26, "shrinkB": 26})
        middle = ((start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1])
        edge_texts[name] = ax_graph.text(*middle, "", ha="center", va="center", fontsize=10,
                                         color=style["color"])
    node_texts = {
        name: ax_graph.text(*xy, "", ha="center", va="center", fontsize=11,
                            bbox={"boxstyle": "circle,pad=0.45", "fc": "none",
                                  "ec": COLORS["function"], "lw": 1.5})
        for name, xy in _AT.items()
    }
    grid = np.linspace(TWO_PATHS_X_RANGE.min, TWO_PATHS_X_RANGE.max, 300)
    z_grid = grid**2 * np.sin(grid)
    ax_z.plot(grid, z_grid, color=COLORS["function"], lw=1.5, label="z = x² sin x")
    tangent, = ax_z.plot([], [], color=COLORS["tangent"], lw=2,
                         label=ft("l01.tangent_slope", slope=-0.0))
    dot, = ax_z.plot([], [], "o", color=COLORS["ink"], ms=5)
    legend = ax_z.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    ax_z.set_xlim(grid[0], grid[-1])
    ax_z.set_ylim(*_padded(z_grid))
    ax_graph.set_title(ft("l01.graph_title"))
    label_axes(ax_z, ft("l01.z_title"), "x", "z")
    for text in [*edge_texts.values(), *node_texts.values()]:
        dynamic(text)
    return {"edges": edge_texts, "nodes": node_texts, "tangent": dynamic(tangent),
            "dot": dynamic(dot), "legend": dynamic(legend)}


def two_paths(x: float = 0.7, *, fig: Figure | None = None) -> View:
    """``z = u·v``, ``u = x²``, ``v = sin x``: the graph with each edge's local derivative.

    The graph and the z(x) curve are drawn once; a slider move sets the numbers and the
    tangent (fixed axes).
    """
    x = finite_float(x, "x")
    u, v = x * x, math.sin(x)
    du_dx, dv_dx = 2 * x, math.cos(x)
    dz_du, dz_dv = v, u
    path_u, path_v = dz_du * du_dx, dz_dv * dv_dx
    dz_dx = path_u + path_v

    fig, artists = figure_state(fig, _build_two_paths, figsize=(10.0, 4.3))
    labels = {"du/dx": f"du/dx = 2x\n= {du_dx:.3f}", "∂z/∂u": f"∂z/∂u = v\n= {dz_du:.3f}",
              "dv/dx": f"dv/dx = cos x\n= {dv_dx:.3f}", "∂z/∂v": f"∂z/∂v = u\n= {dz_dv:.3f}"}
    for name, label in labels.items():
        artists["edges"][name].set_text(label)
    for name, value in (("x", x), ("u", u), ("v", v), ("z", u * v)):
        artists["nodes"][name].set_text(f"{name}\n{value:.3f}")
    span = np.array([x - 0.6, x + 0.6])
    artists["tangent"].set_data(span, u * v + dz_dx * (span - x))
    artists["dot"].set_data([x], [u * v])
    _set_legend_texts(artists["legend"], {1: ft("l01.tangent_slope", slope=dz_dx)})

    text = t("l01.two_paths_text", x=x, dz_du=dz_du, du_dx=du_dx, path_u=path_u, dz_dv=dz_dv,
             dv_dx=dv_dx, path_v=path_v, dz_dx=dz_dx)
    return View(fig, text)


TWO_PATHS = Explorer(two_paths, {"x": TWO_PATHS_X_RANGE})


def _curve(values: Any, name: str, shape: tuple[int, ...]) -> Array:
    """``values`` as a finite float array of ``shape`` (ValueError naming ``name`` if not)."""
    arr = finite_array(values, name)
    if arr.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {arr.shape}")
    return arr


def plot_sigmoid(z: Array, s: Array, ds: Array) -> View:
    """The sigmoid ``s = σ(z)`` and its derivative ``ds = σ'(z)`` against ``z``, with the
    line at 1/4, the largest value of σ'. ``z``, ``s``, ``ds``: (n,) arrays, ``z`` increasing."""
    z = finite_array(z, "z", ndim=1)
    if z.size < 2 or np.any(np.diff(z) <= 0):
        raise ValueError("z must hold at least 2 increasing values")
    s, ds = _curve(s, "s", z.shape), _curve(ds, "ds", z.shape)
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.0, 3.6))
    ax = axes[0, 0]
    ax.plot(z, s, color=COLORS["function"], label="σ(z)")
    ax.plot(z, ds, color=COLORS["tangent"], ls="--", label="σ'(z) = σ(z)(1 − σ(z))")
    ax.axhline(0.25, color=COLORS["neutral"], ls="--", lw=1, label=ft("l01.sigmoid_quarter"))
    label_axes(ax, ft("l01.sigmoid_title"), "z", ft("l01.sigmoid_value"))
    ax.legend(loc="upper left")
    top = int(np.argmax(ds))
    text = t("l01.sigmoid_text", z_first=z[0], z_last=z[-1], s_first=s[0], s_last=s[-1],
             peak=ds[top], z_peak=round(float(z[top]), 1) + 0.0,  # + 0.0: no "-0.0"
             tail=max(ds[0], ds[-1]))
    return View(fig, text)


#: The two differences of :func:`plot_error_sweep` (its ``models``' keys): the line style
#: of the truncation line, the tag of h*, the truncation term. Plain text, not mathtext:
#: mathtext has no fallback to a Chinese font, and the labels mix the two.
_SWEEP = {
    "forward": ("--", "h*_fwd", "(h/2)|f''|"),
    "central": ("-.", "h*_cen", "(h²/6)|f'''|"),
}


def plot_error_sweep(
    hs: Array, models: Mapping[str, tuple[Array, Array, float]], roundoff: Array, *,
    x: float = 1.0,
) -> View:
    """Measured errors of the forward and central differences of ``sin`` at ``x`` against
    the step, with the model's truncation and round-off lines, on log-log axes.

    ``hs``: (S,) increasing steps > 0; ``models`` maps ``"forward"`` and ``"central"`` to
    ``(measured errors (S,), truncation term (S,), predicted best step h*)``;
    ``roundoff``: the round-off term ``ε|f|/h``, (S,). Errors of exactly 0 are drawn at
    :data:`ERROR_FLOOR`. The text gives each measured slope for ``h ≥ 10 h*`` and the
    smallest measured error.
    """
    x = finite_float(x, "x")
    hs = finite_array(hs, "hs", ndim=1)
    if hs.size < 2 or hs[0] <= 0 or np.any(np.diff(hs) <= 0):
        raise ValueError("hs must hold at least 2 increasing steps > 0")
    if not isinstance(models, Mapping):
        raise TypeError(f"models must map a difference to its errors, got {type(models).__name__}")
    if set(models) != set(_SWEEP):
        raise ValueError(f"models must have the keys {sorted(_SWEEP)}, got {sorted(models)}")
    roundoff = _curve(roundoff, "roundoff", hs.shape)
    sweep = {name: _sweep_model(name, models[name], hs) for name in _SWEEP}
    labels = {"forward": ft("l01.sweep_forward"), "central": ft("l01.sweep_central")}
    colors = {"forward": COLORS["secant"], "central": COLORS["highlight"]}

    fig, axes = fresh_figure(None, 1, 1, figsize=(9.0, 4.5))
    ax = axes[0, 0]
    for name, (measured, *_) in sweep.items():  # the measured curves, then the model's lines
        ax.loglog(hs, np.maximum(measured, ERROR_FLOOR), color=colors[name], lw=1.2,
                  label=labels[name])
    for name, (_, truncation, *_) in sweep.items():
        ax.loglog(hs, np.maximum(truncation, ERROR_FLOOR), _SWEEP[name][0], color=colors[name],
                  lw=1.5, label=ft("l01.sweep_truncation", term=_SWEEP[name][2]))
    ax.loglog(hs, np.maximum(roundoff, ERROR_FLOOR), ":", color=COLORS["ink"], lw=1.5,
              label=ft("l01.sweep_roundoff", term="ε|f|/h"))
    for name, (_, _, h_star) in sweep.items():
        ax.axvline(h_star, color=COLORS["neutral"], lw=0.8)
        ax.text(h_star, 1e-15, f" {_SWEEP[name][1]}", fontsize=10, color=COLORS["ink"])
    ax.set_ylim(1e-16, 10)
    label_axes(ax, ft("l01.sweep_title", x=x), ft("l01.step_h"), ft("l01.error_label"))
    legend_outside(ax, fontsize=10)

    # the slope where the model says truncation dominates, and the bottom of each V
    slopes, bottoms = {}, {}
    for name, (measured, _, h_star) in sweep.items():
        beyond = hs >= 10 * h_star
        fit = np.polyfit(np.log(hs[beyond]), np.log(np.maximum(measured[beyond], ERROR_FLOOR)), 1)
        slopes[name] = float(fit[0])
        bottoms[name] = int(np.argmin(measured))
    (fwd, _, star_f), (cen, _, star_c) = sweep["forward"], sweep["central"]
    at_f, at_c = bottoms["forward"], bottoms["central"]
    text = t("l01.sweep_text", x=x, h_min=hs[0], h_max=hs[-1],
             slope_forward=slopes["forward"], slope_central=slopes["central"],
             min_forward=fwd[at_f], at_forward=hs[at_f], min_central=cen[at_c],
             at_central=hs[at_c], star_forward=star_f, star_central=star_c)
    return View(fig, text)


def _sweep_model(name: str, model: Any, hs: Array) -> tuple[Array, Array, float]:
    """One entry of :func:`plot_error_sweep`'s ``models``, checked: (measured errors (S,),
    truncation term (S,), h*), with ``hs`` reaching ``10 h*`` at least twice (to fit a slope)."""
    if not isinstance(model, (tuple, list)) or len(model) != 3:
        raise TypeError(f"models[{name!r}] must be a tuple (measured, truncation, h_star)")
    measured = _curve(model[0], f"models[{name!r}] measured", hs.shape)
    truncation = _curve(model[1], f"models[{name!r}] truncation", hs.shape)
    h_star = positive_float(model[2], f"models[{name!r}] h_star")
    if np.any(measured < 0) or np.any(truncation < 0):
        raise ValueError(f"models[{name!r}]: errors must be >= 0")
    if np.count_nonzero(hs >= 10 * h_star) < 2:
        raise ValueError(f"hs must reach 10 h* = {10 * h_star:.2g} of {name} at least twice")
    return measured, truncation, h_star


def check_softplus_derivative(answer: Any) -> bool:
    """dy/dx of ``y = ln(1 + e^(3x))`` as a sympy expression in the symbol ``x``."""
    import sympy as sp

    x = sp.Symbol("x")
    y = sp.log(1 + sp.exp(3 * x))
    return check_expression(
        answer, sp.diff(y, x), name=t("l01.softplus_name"),
        traps=[(sp.exp(3 * x) / (1 + sp.exp(3 * x)), t("l01.softplus_no_inner")),
               (1 / (1 + sp.exp(3 * x)), t("l01.softplus_outer_only"))],
        hint=t("l01.softplus_hint"),
    )


#: The point of the two-path exercise: ``u = x²``, ``v = sin x``, ``z = u·v + v²``.
TWO_PATH_X = 0.7


def check_two_path_derivative(answer: Any) -> bool:
    """dz/dx at ``x = 0.7`` for ``z = u·v + v²``, ``u = x²``, ``v = sin x`` (a number)."""
    x = TWO_PATH_X
    u, v = x * x, float(np.sin(x))
    via_u = v * 2 * x
    via_v = (u + 2 * v) * float(np.cos(x))
    both = t("l01.two_path_both")
    return check_number(
        answer, via_u + via_v, name=t("l01.two_path_name"),
        traps={via_u: t("l01.two_path_only_u", both=both),
               via_v: t("l01.two_path_only_v", both=both)},
        hint=t("l01.two_path_hint"),
    )


#: The point of the Jacobian exercise, ``(x1, x2)``.
JACOBIAN_POINT = (2.0, 0.5)


def check_jacobian(answer: Any) -> bool:
    """The 3×2 Jacobian of ``f(x1, x2) = (x1·x2, x1², sin x2)`` at ``(2, 0.5)``."""
    x1, x2 = JACOBIAN_POINT
    expected = np.array([[x2, x1], [2 * x1, 0.0], [0.0, np.cos(x2)]])
    return check_array(
        answer, expected, name=t("l01.jacobian_name"),
        traps=[(expected.T, t("l01.jacobian_transpose"))],
        hint=t("l01.jacobian_hint"),
    )


def check_sigmoid_prime(answer: Any) -> bool:
    """A function ``sigmoid_prime(z)`` for arrays ``z`` of any shape, computing σ'(z)."""
    from bp_helpers.nn.activations import sigmoid_prime

    cases = [
        (t("l01.sigmoid_case_range"), (np.linspace(-6.0, 6.0, 13),)),
        (t("l01.sigmoid_case_2x2"), (np.array([[0.0, 1.0], [-2.0, 30.0]]),)),
        (t("l01.sigmoid_case_negative"), (np.array([-50.0]),)),
    ]
    if callable(answer) and _returns_none(answer, cases[0][1][0]):
        return report("sigmoid_prime", False, t("l01.sigmoid_returns_none"))
    return check_function(
        answer, sigmoid_prime, cases=cases, name="sigmoid_prime",
        hint=t("l01.sigmoid_hint"),
    )


#: The matrix-calculus exercise: a NOT symmetric ``A`` (3×3) and the point ``x`` (3,).
QUADRATIC_A = np.array([[2.0, 1.0, 0.0], [-1.0, 3.0, 4.0], [0.5, 0.0, 1.0]])
QUADRATIC_X = np.array([1.0, -2.0, 0.5])


def quadratic_form_gradient(A: Array, x: Array) -> Array:
    """``∂(xᵀAx)/∂x = (A + Aᵀ)x``; ``A``: (n, n), ``x``: (n,) -> (n,)."""
    A, x = finite_array(A, "A", ndim=2), finite_array(x, "x", ndim=1)
    if A.shape != (x.size, x.size):
        raise ValueError(f"A must have shape {(x.size, x.size)} for x of shape {x.shape}, "
                         f"got {A.shape}")
    return (A + A.T) @ x


def check_quadratic_form_gradient(answer: Any) -> bool:
    """∂(xᵀAx)/∂x at ``QUADRATIC_X`` for ``QUADRATIC_A``, an array of shape (3,)."""
    A, x = QUADRATIC_A, QUADRATIC_X
    return check_array(
        answer, quadratic_form_gradient(A, x), name="∂(xᵀAx)/∂x",
        traps=[(2 * A @ x, t("l01.quadratic_2ax")),
               (2 * A.T @ x, t("l01.quadratic_2atx")),
               (A @ x, t("l01.quadratic_ax")),
               (A.T @ x, t("l01.quadratic_atx"))],
        hint=t("l01.quadratic_hint"),
    )


def _returns_none(func: Any, z: np.ndarray) -> bool:
    """True when ``func(z)`` returns None (an unfinished body); errors count as False."""
    try:
        return func(z.copy()) is None
    except Exception:  # the learner's code: check_function reports the error
        return False


#: The sentences notebook 01's own cells print or show (name -> message lookup): the code is
#: the same in both editions, the sentence is in the notebook's language.
_PROSE: dict[str, Callable[..., str]] = {
    "halving": lambda **f: t("l01.nb_halving", **f),
    "matches_central": lambda **f: t("l01.nb_matches_central", **f),
    "entries_jacobian": lambda **f: t("l01.nb_entries_jacobian", **f),
    "jacobian_numeric": lambda **f: t("l01.nb_jacobian_numeric", **f),
    "chain_numeric": lambda **f: t("l01.nb_chain_numeric", **f),
    "overflow": lambda **f: t("l01.nb_overflow", **f),
    "sigmoid_prime_matches": lambda **f: t("l01.nb_sigmoid_prime_matches", **f),
    "sigmoid_peak": lambda **f: t("l01.nb_sigmoid_peak", **f),
    "sigmoid_jacobian": lambda **f: t("l01.nb_sigmoid_jacobian", **f),
    "sigmoid_diagonal": lambda **f: t("l01.nb_sigmoid_diagonal", **f),
    "entries_derivatives": lambda **f: t("l01.nb_entries_derivatives", **f),
    "symmetric_only": lambda **f: t("l01.nb_symmetric_only", **f),
    "identities_match": lambda **f: t("l01.nb_identities_match", **f),
    "outer_sympy": lambda **f: t("l01.nb_outer_sympy", **f),
    "dense_match": lambda **f: t("l01.nb_dense_match", **f),
    "batch_shapes": lambda **f: t("l01.nb_batch_shapes", **f),
    "batch_sum": lambda **f: t("l01.nb_batch_sum", **f),
    "grid_minimum": lambda **f: t("l01.nb_grid_minimum", **f),
    "predicted_ratio": lambda **f: t("l01.nb_predicted_ratio", **f),
    "best_steps": lambda **f: t("l01.nb_best_steps", **f),
    "measured_near": lambda **f: t("l01.nb_measured_near", **f),
    "best_ratio": lambda **f: t("l01.nb_best_ratio", **f),
    "consequences": lambda **f: t("l01.nb_consequences", **f),
    "default_h": lambda **f: t("l01.nb_default_h", **f),
}


def prose(name: str, /, **fields: Any) -> str:
    """The sentence ``name`` of notebook 01 in the notebook's language, ``fields`` filled in.

    A field ``difference`` (``"forward"`` or ``"central"``) is named in that language too.
    """
    if name not in _PROSE:
        raise ValueError(f"name must be one of {sorted(_PROSE)}, got {name!r}")
    if "difference" in fields:
        names = {"forward": t("l01.nb_forward"), "central": t("l01.nb_central")}
        if fields["difference"] not in names:
            raise ValueError(f"difference must be 'forward' or 'central', "
                             f"got {fields['difference']!r}")
        fields["difference"] = names[fields["difference"]]
    return _PROSE[name](**fields)
