"""The playground's four views, drawn together from one training state.

:func:`draw` shows a :class:`~bp_helpers.playground.Playground` as one figure:

- the decision boundary: P(class 1) over the plane (class-0 colour at 0, white at 0.5,
  class-1 colour at 1, with its colour bar), the 0.5 contour and the data (class 0:
  circles, class 1: squares);
- the loss on the whole dataset after every update;
- the network: edge width and opacity grow with ``|w|`` (small weights fade), edge
  colour is the sign of ``∂L/∂w`` from the last backward pass (green: positive, so the
  update lowers ``w``; purple: negative, so it raises ``w``; grey: exactly zero, or no
  step yet);
- each layer's gradient norm ``‖∂L/∂W_l‖`` over the updates, on a log axis: the raw
  mini-batch values faint, a smoothed line (the geometric mean of the last
  :data:`SMOOTH_WINDOW` updates) on top; each layer with its own colour, line style and
  marker.

The figure is built once (:func:`~bp_helpers.ui.style.figure_state`), at
:data:`~bp_helpers.ui.style.FAST_DPI` (Run redraws it ten times a second). A redraw sets
new data on its dynamic artists and reuses the image of everything else: the network's
axes are dynamic as a whole (a new shape rebuilds only them, the norm lines and their
legend), and the axis ranges (they move in steps: 10, 20, 50, 100 … updates) are the
figure's :func:`~bp_helpers.ui.style.static_setting`, so each range's image is kept.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullLocator

from bp_helpers.messages import t
from bp_helpers.playground import DATASETS, Playground, Settings, make_dataset
from bp_helpers.ui.field_image import FieldImage
from bp_helpers.ui.palette import CLASS_MARKERS, TINTS, class_cmap, class_colors, layer_style
from bp_helpers.ui.style import (
    COLORS,
    FAST_DPI,
    View,
    colorbar,
    dynamic,
    dynamic_changes,
    figure_state,
    ft,
    in_course_style,
    integer_ticks,
    label_axes,
    legend_outside,
    power_of_ten_label,
    static_setting,
)

FIGSIZE = (9.0, 6.6)
#: Grid points per side for the decision-boundary image.
GRID = 60
MARGIN = 0.4
#: The seeds the widget's seed slider offers; the boundary view has room for the data of
#: each, so a move of the seed never moves its axes.
SEEDS = range(21)
#: Updates the smoothed gradient-norm line averages over (in log space).
SMOOTH_WINDOW = 20
#: The gradient-norm axis's least range: it widens (in whole decades) only for norms
#: outside it, so runs are compared on the same scale and the axis seldom moves.
NORM_YLIM = (1e-3, 1e1)

_SIGN_RGB = {1: to_rgba(COLORS["positive"])[:3], -1: to_rgba(COLORS["negative"])[:3],
             0: to_rgba(COLORS["neutral"])[:3]}


class PlaygroundView(View):
    """The :class:`View` of a playground state."""


def draw(state: Playground, fig: Figure | None = None, *, ahead: bool = False) -> View:
    """All four views of ``state`` in one figure; pass an earlier ``fig`` to redraw into it.

    Returns a :class:`View` whose text is the settings, the step, the loss and the
    training accuracy (and the divergence message, if training blew up), then what each
    view shows, in words. ``ahead`` (the widget's first draw): with the image of a fresh
    run's static parts, draw those of a fresh run on each other dataset, so that the
    first switch to one redraws no static image.
    """
    if not isinstance(state, Playground):
        raise TypeError(f"state must be a Playground, got {type(state).__name__}")

    def build(fig: Figure) -> dict:
        return _build(fig, state)

    fig, art = figure_state(fig, build, figsize=FIGSIZE, dpi=FAST_DPI)
    # where the first layout put the network's title (a rebuilt diagram keeps it there)
    art.setdefault("network_title_y", art["network_ax"].title.get_position()[1])
    if art["widths"] != state.settings.widths:
        with in_course_style(), dynamic_changes(fig):
            _build_shape(art, state.settings.widths)
    # The axis ranges are the figure's static setting: one image of the static parts is
    # kept per setting, so going back to a dataset (or a run's early steps) costs no redraw.
    others = _fresh_limits_of_other_datasets(state) if ahead and state.steps == 0 else ()
    limits = _limits(state)
    static_setting(fig, limits, lambda shown: _show_limits(art, shown), others=others)
    art["suptitle"].set_text(_short_settings(state))
    _update_boundary(state, art, limits[0])
    _update_loss(state, art)
    _update_network(state, art)
    _update_norms(state, art)
    return PlaygroundView(fig, describe(state))


def settings_line(state: Playground) -> str:
    """One line naming the data, the network and the optimiser settings."""
    s = state.settings
    net = "-".join(str(w) for w in s.widths)
    return t("playground.settings_line", dataset=s.dataset, noise=s.noise,
             points=state.X.shape[1], net=net, activation=s.activation, lr=s.learning_rate,
             batch=min(s.batch_size, state.X.shape[1]), seed=s.seed)


def _short_settings(state: Playground) -> str:
    """The settings in few characters, for the figure's title."""
    s = state.settings
    net = "-".join(str(w) for w in s.widths)
    return ft("playground.short_settings", dataset=s.dataset, noise=s.noise, net=net,
              activation=s.activation, lr=s.learning_rate,
              batch=min(s.batch_size, state.X.shape[1]), seed=s.seed)


def describe(state: Playground) -> str:
    """The view's text: settings, progress (and the divergence message), then in words
    what the boundary, network, loss and gradient-norm views show."""
    progress = t("playground.progress", steps=state.steps, epoch=state.epoch,
                 loss=state.losses[-1], accuracy=100 * state.accuracy())
    lines = [settings_line(state), progress]
    if state.steps == 0 and state.diverged is None:
        lines.append(t("playground.no_update"))
    if state.diverged is not None:
        lines.append(f"⚠ {state.diverged}")
    lines += [_describe_boundary(state), _describe_network(state), _describe_curves(state)]
    return "\n".join(lines)


def _describe_boundary(state: Playground) -> str:
    when = (t("playground.untrained") if state.steps == 0
            else t("playground.after_updates", steps=state.steps))
    return t("playground.boundary_text", when=when)


def _grey_reason(activation: str) -> str:
    """Why an edge's gradient is exactly 0, for the network's hidden activation."""
    if activation == "relu":
        return t("playground.grey_relu")
    if activation in ("tanh", "sigmoid"):
        return t("playground.grey_saturated", activation=activation)
    return t("playground.grey_other")


def _describe_network(state: Playground) -> str:
    n_weights = sum(state.mlp.params[f"W{k}"].size for k in range(1, state.mlp.n_layers + 1))
    if state.grads is None:
        return t("playground.network_no_gradient", weights=n_weights)
    signs = _gradient_signs(state)
    n_pos, n_neg = int(np.sum(signs > 0)), int(np.sum(signs < 0))
    n_zero = signs.size - n_pos - n_neg
    reason = (t("playground.grey_because", reason=_grey_reason(state.settings.activation))
              if n_zero else "")
    return t("playground.network_signs", weights=n_weights, positive=n_pos, negative=n_neg,
             zero=n_zero, reason=reason)


def _describe_curves(state: Playground) -> str:
    if state.steps == 0:
        return t("playground.curves_none", loss=state.losses[0])
    smooth = _smoothed_log_norms(state.grad_norms)[-1]
    norms = ", ".join(f"W{k} {10 ** v:.2g}" for k, v in enumerate(smooth, start=1))
    spread = ""
    if smooth.size > 1:
        ratio = 10 ** (smooth[0] - smooth[-1])
        spread = t("playground.curves_spread", ratio=ratio)
    return t("playground.curves", first=state.losses[0], last=state.losses[-1],
             steps=state.steps, window=SMOOTH_WINDOW, norms=norms, spread=spread)


# --------------------------------------------------------------------------- building
def _build(fig: Figure, state: Playground) -> dict:
    axes = fig.subplots(2, 2)
    ax_b, ax_n, ax_l, ax_g = axes[0, 0], axes[0, 1], axes[1, 0], axes[1, 1]
    # A representative title: the layout leaves room for it.
    suptitle = dynamic(fig.suptitle(_short_settings(state), fontsize=11))

    dynamic(ax_n)  # drawn whole: a new network shape rebuilds it, not the static image
    image = dynamic(FieldImage(ax_b, np.full((GRID, GRID), 0.5), (-1, 1, -1, 1),
                               cmap=class_cmap()))
    colorbar(ax_b, image.mappable, ft("playground.p_class1"))
    contour = dynamic(LineCollection([], colors=COLORS["ink"], linewidths=1.4, zorder=3))
    ax_b.add_collection(contour)
    points = [dynamic(ax_b.scatter([], [], c=color, marker=marker, s=22,
                                   edgecolors=COLORS["ink"], linewidths=0.5, zorder=4,
                                   label=ft("playground.class_k", k=k)))
              for k, (color, marker) in enumerate(zip(class_colors(), CLASS_MARKERS,
                                                      strict=True))]
    label_axes(ax_b, ft("playground.p_after", steps=0), "x₁", "x₂")
    boundary_title = dynamic(ax_b.title)
    ax_b.grid(False)

    (loss_line,) = ax_l.plot([], [], color=COLORS["train"], marker="o", markevery=[-1],
                             markersize=5)
    dynamic(loss_line)
    label_axes(ax_l, ft("playground.loss_title"), ft("playground.update_step"),
               ft("playground.bce"))
    integer_ticks(ax_l.xaxis)

    ax_g.set_yscale("log")
    # Decades only, in plain text (10⁻³): mathtext would be typeset again, and the minor
    # ticks (a fifth of the static image's drawing) drawn again, whenever a range moves.
    ax_g.yaxis.set_major_formatter(FuncFormatter(power_of_ten_label))
    ax_g.yaxis.set_minor_locator(NullLocator())
    label_axes(ax_g, ft("playground.norm_title"), ft("playground.update_step"), "‖∂L/∂W‖")
    integer_ticks(ax_g.xaxis)
    ax_l.set_xlim(0, 10)
    ax_g.set_xlim(0, 10)
    ax_g.set_ylim(*NORM_YLIM)
    art = {"boundary_ax": ax_b, "loss_ax": ax_l, "network_ax": ax_n, "norm_ax": ax_g,
           "suptitle": suptitle, "image": image, "contour": contour, "points": points,
           "boundary_title": boundary_title, "loss_line": loss_line, "widths": None,
           "edges": None, "raw_norms": [], "smooth_norms": []}
    _build_shape(art, state.settings.widths)  # before the layout: the legend takes room
    return art


def _build_shape(art: dict, widths: tuple[int, ...]) -> None:
    """What depends on the network's shape: the diagram, and one pair of norm lines (and
    a legend entry) per layer. A new shape rebuilds only these (all dynamic), not the
    figure."""
    ax_n, ax_g = art["network_ax"], art["norm_ax"]
    # The old diagram's artists go (clearing the axes would rebuild its axis and ticks:
    # slower than drawing the new diagram).
    for artist in [*ax_n.collections, *ax_n.texts, *ax_n.lines, *ax_n.patches]:
        artist.remove()
    art["edges"] = _build_network(ax_n, widths)
    if "network_title_y" in art:  # placing a title anew measures every axes: costly
        ax_n.set_title(ax_n.get_title(), y=art["network_title_y"])
    for line in [*art["raw_norms"], *art["smooth_norms"]]:
        line.remove()
    raw, smooth = [], []
    for k in range(1, len(widths)):
        style = layer_style(k)
        raw.append(dynamic(ax_g.plot([], [], color=style["color"], linewidth=0.8,
                                     alpha=0.25)[0]))
        smooth.append(dynamic(ax_g.plot([], [], linewidth=1.8, markersize=5, label=f"W{k}",
                                        **style)[0]))
    # steady: beside the axes, it changes only with the shape (drawn once, then kept)
    dynamic(legend_outside(ax_g, smooth, where="right", handlelength=2.2), steady=True)
    art.update(widths=widths, raw_norms=raw, smooth_norms=smooth)


def node_positions(widths: tuple[int, ...]) -> list[np.ndarray]:
    """Vertical positions of each layer's units, first on top, centred on 0.

    Units of the widest layer are one apart; a narrower layer spreads out (up to three
    apart) so that, say, the two inputs do not huddle in the middle.
    """
    widest = max(widths)
    positions = []
    for n in widths:
        gap = 1.0 if n == 1 else min(3.0, max(1.0, (widest - 1) / (n - 1)))
        positions.append(gap * ((n - 1) / 2 - np.arange(n)))
    return positions


def _build_network(ax, widths: tuple[int, ...]) -> LineCollection:
    ys = node_positions(widths)
    segments = [
        ((k - 1, ys[k - 1][i]), (k, ys[k][j]))
        for k in range(1, len(widths))
        for j in range(widths[k])
        for i in range(widths[k - 1])
    ]
    edges = LineCollection(segments, colors=[(*_SIGN_RGB[0], 0.6)], linewidths=1.0, zorder=1)
    ax.add_collection(edges)
    xs = np.concatenate([np.full(n, k) for k, n in enumerate(widths)])
    size = 110 if max(widths) <= 8 else 40
    ax.scatter(xs, np.concatenate(ys), s=size, facecolors=TINTS["paper"], edgecolors=COLORS["ink"],
               linewidths=1.0, zorder=2)
    top = max(abs(float(y[0])) for y in ys)
    span = 2 * top + 1
    names = [ft("playground.layer_input"),
             *[ft("playground.layer_hidden", k=k) for k in range(1, len(widths) - 1)],
             ft("playground.layer_output")]
    # More than four columns: every other name a line lower, so neighbours never touch.
    stagger = len(widths) > 4
    for k, name in enumerate(names):
        ax.annotate(name, (k, -top - 0.4), xytext=(0, -11 if stagger and k % 2 else 0),
                    textcoords="offset points", ha="center", va="top", fontsize=9)
    # The input and output names sit a few points clear of their circles (whose size is
    # in points too, whatever the number of columns).
    clear = math.sqrt(size) / 2 + 3
    for i, y in enumerate(ys[0]):
        ax.annotate(f"x{'₁₂'[i]}", (0, y), xytext=(-clear, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=10)
    ax.annotate("ŷ", (len(widths) - 1, 0), xytext=(clear, 0), textcoords="offset points",
                ha="left", va="center", fontsize=10)
    ax.set_xlim(-0.45, len(widths) - 1 + 0.45)
    ax.set_ylim(-top - 0.5 - 0.08 * span, top + 0.5)
    ax.set_axis_off()
    # The colour key lives in the title: a legend would cover edges.
    ax.set_title(ft("playground.network_title"))
    return edges


# --------------------------------------------------------------------------- updating
def _nice_ceiling(x: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is >= ``x`` (``x > 0``)."""
    exponent = math.floor(math.log10(x))
    for mantissa in (1, 2, 5, 10):
        if mantissa * 10.0**exponent >= x * (1 - 1e-12):
            return mantissa * 10.0**exponent
    return 10.0 ** (exponent + 1)


def _limits(state: Playground) -> tuple[tuple[float, ...], ...]:
    """Every axis range of the figure for ``state``: the boundary's plane, the loss's
    and the gradient norms' (steps in 1, 2, 5 × 10ᵏ; norms in whole decades, at least
    :data:`NORM_YLIM`)."""
    steps = (0.0, _nice_ceiling(max(state.steps, 10)))
    loss_top = _nice_ceiling(max(float(np.max(state.losses)), 1e-3)) * 1.05
    norms = state.grad_norms
    positive = norms[norms > 0]
    norm_range = NORM_YLIM
    if positive.size:
        low = 10.0 ** math.floor(math.log10(float(positive.min())))
        high = 10.0 ** math.ceil(math.log10(float(positive.max())))
        norm_range = (min(low, NORM_YLIM[0]), max(high, NORM_YLIM[1]))
    return (_shown_plane(state), steps, (0.0, loss_top), norm_range)


def _fresh_limits_of_other_datasets(state: Playground) -> list[tuple[tuple[float, ...], ...]]:
    """:func:`_limits` of a fresh run on each other dataset, the other settings as they are."""
    return [_limits(Playground(state.settings, dataset=name))
            for name in DATASETS if name != state.settings.dataset]


def _show_limits(art: dict, limits: tuple[tuple[float, ...], ...]) -> None:
    """Set the axis ranges :func:`_limits` gives (the figure's static setting)."""
    plane, steps, loss_range, norm_range = limits
    art["boundary_ax"].set_xlim(*plane[:2])
    art["boundary_ax"].set_ylim(*plane[2:])
    art["loss_ax"].set_xlim(*steps)
    art["loss_ax"].set_ylim(*loss_range)
    art["norm_ax"].set_xlim(*steps)
    art["norm_ax"].set_ylim(*norm_range)


def _plane(X: np.ndarray) -> tuple[float, float, float, float]:
    """The points of ``X`` plus :data:`MARGIN`, widened to halves: ``(x0, x1, y0, y1)``."""
    lo = np.floor((X.min(axis=1) - MARGIN) * 2) / 2
    hi = np.ceil((X.max(axis=1) + MARGIN) * 2) / 2
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


@functools.lru_cache(maxsize=64)
def _plane_of_every_seed(dataset: str, noise: float, n_samples: int
                         ) -> tuple[float, float, float, float]:
    """:func:`_plane` of the data of every seed in :data:`SEEDS` together."""
    return _union([_plane(make_dataset(Settings(dataset=dataset, noise=noise, seed=seed,
                                                n_samples=n_samples))[0])
                   for seed in SEEDS])


def _union(planes: list[tuple[float, float, float, float]]
           ) -> tuple[float, float, float, float]:
    """The smallest ``(x0, x1, y0, y1)`` that holds every one of ``planes``."""
    corners = np.array(planes)
    return (float(corners[:, 0].min()), float(corners[:, 1].max()),
            float(corners[:, 2].min()), float(corners[:, 3].max()))


def _shown_plane(state: Playground) -> tuple[float, float, float, float]:
    """The part of the plane the boundary view shows: room for the data of every seed of
    the widget's seed slider (:data:`SEEDS`), so moving the seed keeps the axes and their
    ticks (and any other seed's points too)."""
    s = state.settings
    return _union([_plane_of_every_seed(s.dataset, s.noise, s.n_samples), _plane(state.X)])


def _update_boundary(state: Playground, art: dict,
                     extent: tuple[float, float, float, float]) -> None:
    """The boundary view of ``state`` over ``extent`` (its :func:`_shown_plane`)."""
    X = state.X
    gx = np.linspace(extent[0], extent[1], GRID)
    gy = np.linspace(extent[2], extent[3], GRID)
    G0, G1 = np.meshgrid(gx, gy)
    P = np.asarray(state.predict(np.stack([G0.ravel(), G1.ravel()]))).reshape(G0.shape)
    art["image"].set_data(P)
    art["image"].set_extent(extent)
    art["contour"].set_segments(_contour_lines(gx, gy, P, 0.5))
    for k, points in enumerate(art["points"]):
        points.set_offsets(X[:, state.Y[0] == k].T)
    art["boundary_title"].set_text(
        ft("playground.p_before") if state.steps == 0
        else ft("playground.p_after", steps=state.steps))


def _contour_lines(gx: np.ndarray, gy: np.ndarray, P: np.ndarray,
                   level: float) -> list[np.ndarray]:
    """The ``level`` contour of ``P`` (rows along ``gy``) as a list of (k, 2) polylines."""
    if not P.min() < level < P.max():
        return []
    import contourpy

    return list(contourpy.contour_generator(gx, gy, P).lines(level))


def _update_loss(state: Playground, art: dict) -> None:
    losses = np.asarray(state.losses)
    art["loss_line"].set_data(np.arange(losses.size), losses)


def _gradient_signs(state: Playground) -> np.ndarray:
    n_layers = state.mlp.n_layers
    return np.sign(np.concatenate([state.grads[f"W{k}"].ravel()
                                   for k in range(1, n_layers + 1)])).astype(int)


def _update_network(state: Playground, art: dict) -> None:
    params = state.mlp.params
    n_layers = state.mlp.n_layers
    weights = np.concatenate([params[f"W{k}"].ravel() for k in range(1, n_layers + 1)])
    size = np.abs(weights) / max(float(np.abs(weights).max()), 1e-12)
    signs = np.zeros(weights.size, dtype=int) if state.grads is None else _gradient_signs(state)
    palette = np.array([_SIGN_RGB[-1], _SIGN_RGB[0], _SIGN_RGB[1]])
    rgba = np.column_stack([palette[signs + 1], 0.12 + 0.83 * size])
    art["edges"].set_linewidths(0.3 + 3.2 * size)
    art["edges"].set_colors(rgba)


def _smoothed_log_norms(norms: np.ndarray) -> np.ndarray:
    """log₁₀ of each layer's norm averaged over the last :data:`SMOOTH_WINDOW` updates
    (a trailing mean in log space: a geometric mean); shape of ``norms``."""
    logs = np.log10(np.maximum(norms, 1e-300))
    sums = np.cumsum(np.vstack([np.zeros((1, logs.shape[1])), logs]), axis=0)
    n = np.arange(1, logs.shape[0] + 1)
    start = np.maximum(n - SMOOTH_WINDOW, 0)
    return (sums[n] - sums[start]) / (n - start)[:, None]


def _update_norms(state: Playground, art: dict) -> None:
    norms = state.grad_norms
    steps = np.arange(1, norms.shape[0] + 1)
    smooth = 10.0 ** _smoothed_log_norms(norms) if norms.size else norms
    marks = max(1, norms.shape[0] // 6)
    for k, (raw, line) in enumerate(zip(art["raw_norms"], art["smooth_norms"], strict=True)):
        column = norms[:, k] if norms.size else np.empty(0)
        raw.set_data(steps, np.where(column > 0, column, np.nan))
        line.set_data(steps, smooth[:, k] if norms.size else np.empty(0))
        line.set_markevery((k * marks // max(len(art["raw_norms"]), 1), marks))
