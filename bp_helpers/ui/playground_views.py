"""The playground's four views, drawn together from one training state.

:func:`draw` shows a :class:`~bp_helpers.playground.Playground` as one figure:

- the decision boundary: P(class 1) over the plane, the 0.5 contour and the data;
- the loss on the whole dataset after every update;
- the network: edge width = ``|w|``, edge colour = sign of ``∂L/∂w`` from the last
  backward pass (red: positive, so the update lowers ``w``; blue: negative, so it
  raises ``w``; grey: zero, or no step yet);
- each layer's gradient norm ``‖∂L/∂W_l‖`` over the updates, on a log axis.

Redrawing into the figure of an earlier call reuses its artists (new data is set on the
existing image, lines and edges), so a widget frame costs little more than the PNG.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

from bp_helpers.playground import Playground
from bp_helpers.ui.drawings import prediction_grid
from bp_helpers.ui.style import COLORS, STYLE, View, fresh_figure, label_axes

FIGSIZE = (10.0, 7.2)


GRID = 70


"""Grid points per side for the decision-boundary image."""


MARGIN = 0.4


_EDGE_COLORS = {
    1: to_rgba(COLORS["positive"], 0.85),
    -1: to_rgba(COLORS["negative"], 0.85),
    0: to_rgba(COLORS["neutral"], 0.6),
}


class PlaygroundView(View):
    """The :class:`View` of a playground state (its PNG is lightly compressed, as every View's)."""


@dataclass
class _Artists:
    """What a redraw updates in place, for one network shape."""

    widths: tuple[int, ...]
    boundary_ax: Axes
    loss_ax: Axes
    norm_ax: Axes
    image: object
    contour: object | None
    points: object
    loss_line: Line2D
    edges: LineCollection
    norm_lines: list[Line2D]


_ARTISTS = "_bp_playground_artists"


"""The figure attribute that keeps a playground figure's artists (they live as long as it)."""


def draw(state: Playground, fig: Figure | None = None) -> View:
    """All four views of ``state`` in one figure; pass an earlier ``fig`` to redraw into it.

    Returns a :class:`View` whose text is the settings, the step, the loss and the
    training accuracy (and the divergence message, if training blew up).
    """
    if not isinstance(state, Playground):
        raise TypeError(f"state must be a Playground, got {type(state).__name__}")
    artists = getattr(fig, _ARTISTS, None) if fig is not None else None
    rebuild = artists is None or artists.widths != state.settings.widths
    with mpl.rc_context(STYLE):
        if rebuild:
            fig, artists = _build(state, fig)
        _update_boundary(state, artists)
        _update_loss(state, artists)
        _update_network(state, artists)
        _update_norms(state, artists)
        fig.suptitle(_short_settings(state), fontsize=11)
        if rebuild:
            _freeze_layout(fig)
    return PlaygroundView(fig, describe(state))


def settings_line(state: Playground) -> str:
    """One line naming the data, the network and the optimiser settings."""
    s = state.settings
    net = "-".join(str(w) for w in s.widths)
    return (f"{s.dataset}, noise {s.noise:.2f}, {state.X.shape[1]} points · network {net}, "
            f"{s.activation} · learning rate {s.learning_rate:.3g}, batch "
            f"{min(s.batch_size, state.X.shape[1])} · seed {s.seed}")


def _short_settings(state: Playground) -> str:
    """The settings in few characters, for the figure's title (text costs time per frame)."""
    s = state.settings
    net = "-".join(str(w) for w in s.widths)
    return (f"{s.dataset} ({s.noise:.2f}) · {net} {s.activation} · η {s.learning_rate:.3g} · "
            f"batch {min(s.batch_size, state.X.shape[1])} · seed {s.seed}")


def describe(state: Playground) -> str:
    """The view's text: settings, then progress (and the divergence message, if any)."""
    progress = (f"step {state.steps} (epoch {state.epoch:.1f}): loss {state.losses[-1]:.4f}, "
                f"training accuracy {100 * state.accuracy():.1f} %")
    lines = [settings_line(state), progress]
    if state.steps == 0 and state.diverged is None:
        lines.append("no update yet: press Step or Run")
    if state.diverged is not None:
        lines.append(f"⚠ {state.diverged}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- building
def _build(state: Playground, fig: Figure | None) -> tuple[Figure, _Artists]:
    fig, artists = _build_in_style(state, fig)
    if type(fig.canvas) is FigureCanvasBase:
        # A lasting Agg canvas keeps its renderer (and its text caches) between frames;
        # without one, every PNG would start from a new renderer.
        FigureCanvasAgg(fig)
    setattr(fig, _ARTISTS, artists)
    return fig, artists


def _build_in_style(state: Playground, fig: Figure | None) -> tuple[Figure, _Artists]:
    if fig is not None:
        fig.clear()  # a new network shape: new axes and a new layout, not a redraw
    fig, axes = fresh_figure(fig, 2, 2, figsize=FIGSIZE)
    ax_b, ax_n, ax_l, ax_g = axes[0, 0], axes[0, 1], axes[1, 0], axes[1, 1]

    image = ax_b.imshow(np.full((GRID, GRID), 0.5), origin="lower", cmap="RdBu_r",
                        vmin=0.0, vmax=1.0, alpha=0.55, aspect="auto", interpolation="bilinear")
    points = ax_b.scatter(state.X[0], state.X[1], c=state.Y[0], s=18, edgecolors="white",
                          linewidths=0.7, cmap="RdBu_r", vmin=-0.15, vmax=1.15)
    label_axes(ax_b, "decision boundary: P(class 1)", "x₁", "x₂")

    (loss_line,) = ax_l.plot([], [], color=COLORS["function"], marker="o", markevery=[-1],
                             markersize=5)
    label_axes(ax_l, "loss on all the data", "update step", "binary cross-entropy")

    edges = _build_network(ax_n, state.settings.widths)

    ax_g.set_yscale("log")
    # Plain-text tick labels (10⁻³) and no minor labels: mathtext would be typeset again
    # on every frame.
    ax_g.yaxis.set_major_formatter(FuncFormatter(_power_of_ten))
    ax_g.yaxis.set_minor_formatter(NullFormatter())
    n_layers = len(state.settings.widths) - 1
    norm_lines = [ax_g.plot([], [], color=_layer_color(k, n_layers), lw=1.0, label=f"W{k}")[0]
                  for k in range(1, n_layers + 1)]
    ax_g.legend(loc="upper right", ncols=min(n_layers, 5), fontsize=8, frameon=True,
                framealpha=0.85, edgecolor="none", handlelength=1.2, columnspacing=1.0)
    label_axes(ax_g, "gradient norm per layer", "update step", "‖∂L/∂W‖ (last step)")
    for ax in (ax_b, ax_l, ax_g):
        ax.xaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 2.5, 5, 10]))
    for ax in (ax_b, ax_l):
        ax.yaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 2.5, 5, 10]))
    # Plain references (no numpy object array, which the garbage collector cannot see
    # through): the figure and its artists then form a cycle that is freed with it.
    artists = _Artists(state.settings.widths, ax_b, ax_l, ax_g, image, None, points,
                       loss_line, edges, norm_lines)
    return fig, artists


def _freeze_layout(fig: Figure) -> None:
    """Lay ``fig`` out once with constrained layout, then pin titles and axis labels.

    Constrained layout, and placing titles and axis labels around the tick labels,
    cost more on every frame than drawing the frame; the layout of the first frame
    fits the later ones, whose texts have the same lengths.
    """
    fig.set_layout_engine("constrained", h_pad=0.06, w_pad=0.06)
    fig.draw_without_rendering()
    fig.set_layout_engine(None)
    for ax in fig.axes:
        ax.set_title(ax.get_title(), y=ax.title.get_position()[1])
        if not ax.axison:
            continue
        to_axes = ax.transAxes.inverted()
        x, y_pixels = ax.xaxis.label.get_position()
        ax.xaxis.set_label_coords(x, to_axes.transform((0, y_pixels))[1])
        x_pixels, y = ax.yaxis.label.get_position()
        ax.yaxis.set_label_coords(to_axes.transform((x_pixels, 0))[0], y)


def _layer_color(k: int, n_layers: int) -> tuple[float, float, float, float]:
    """Layer ``k`` of ``n_layers``: dark (near the input) to light (the output)."""
    from matplotlib import colormaps

    return colormaps["viridis"](0.85 * (k - 1) / max(n_layers - 1, 1))


def _power_of_ten(value: float, _position: float) -> str:
    """A log-axis tick label in plain text: ``10⁻³``."""
    exponent = round(float(np.log10(value)))
    sign = "⁻" if exponent < 0 else ""
    digits = str(abs(exponent)).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{sign}{digits}"


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
    edges = LineCollection(segments, colors=[_EDGE_COLORS[0]], linewidths=1.0, zorder=1)
    ax.add_collection(edges)
    xs = np.concatenate([np.full(n, k) for k, n in enumerate(widths)])
    size = 150 if max(widths) <= 8 else 50
    ax.scatter(xs, np.concatenate(ys), s=size, facecolors="white", edgecolors="#333333",
               linewidths=1.2, zorder=2)
    top = max(abs(float(y[0])) for y in ys)
    span = 2 * top + 1
    names = ["input", *[f"hidden {k}" for k in range(1, len(widths) - 1)], "output"]
    for k, name in enumerate(names):
        ax.text(k, -top - 0.4, name, ha="center", va="top", fontsize=9)
    for i, y in enumerate(ys[0]):
        ax.text(-0.12, y, f"x{'₁₂'[i]}", ha="right", va="center", fontsize=10)
    ax.text(len(widths) - 1 + 0.12, 0, "ŷ", ha="left", va="center", fontsize=10)
    ax.set_xlim(-0.45, len(widths) - 1 + 0.45)
    ax.set_ylim(-top - 0.5 - 0.06 * span, top + 0.5)
    ax.set_axis_off()
    # The colour key lives in the title: a legend would cost a few ms on every frame.
    ax.set_title("network: width |w|, red ∂L/∂w > 0, blue < 0")
    return edges


# --------------------------------------------------------------------------- updating
def _update_boundary(state: Playground, artists: _Artists) -> None:
    ax = artists.boundary_ax
    X = state.X
    gx, gy, P = prediction_grid(state.predict, X, padding=MARGIN, resolution=GRID)
    x_lo, x_hi, y_lo, y_hi = gx[0], gx[-1], gy[0], gy[-1]
    artists.image.set_data(P)
    artists.image.set_extent((x_lo, x_hi, y_lo, y_hi))
    if artists.contour is not None:
        artists.contour.remove()
        artists.contour = None
    if P.min() < 0.5 < P.max():
        artists.contour = ax.contour(gx, gy, P, levels=[0.5], colors="black", linewidths=1.2)
    artists.points.set_offsets(X.T)
    artists.points.set_array(state.Y[0])
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)


def _update_loss(state: Playground, artists: _Artists) -> None:
    ax = artists.loss_ax
    losses = np.asarray(state.losses)
    artists.loss_line.set_data(np.arange(losses.size), losses)
    ax.set_xlim(0, max(state.steps, 10))
    ax.set_ylim(0, 1.05 * max(float(losses.max()), 1e-3))


def _update_network(state: Playground, artists: _Artists) -> None:
    params, grads = state.mlp.params, state.grads
    n_layers = len(state.settings.widths) - 1
    weights = np.concatenate([params[f"W{k}"].ravel() for k in range(1, n_layers + 1)])
    biggest = float(np.abs(weights).max())
    artists.edges.set_linewidths(0.3 + 4.2 * np.abs(weights) / max(biggest, 1e-12))
    if grads is None:
        signs = np.zeros(weights.size, dtype=int)
    else:
        signs = np.sign(np.concatenate([grads[f"W{k}"].ravel()
                                        for k in range(1, n_layers + 1)])).astype(int)
    palette = np.array([_EDGE_COLORS[-1], _EDGE_COLORS[0], _EDGE_COLORS[1]])
    artists.edges.set_colors(palette[signs + 1])


def _update_norms(state: Playground, artists: _Artists) -> None:
    ax = artists.norm_ax
    norms = state.grad_norms
    steps = np.arange(1, norms.shape[0] + 1)
    for k, line in enumerate(artists.norm_lines):
        column = norms[:, k] if norms.size else np.empty(0)
        line.set_data(steps, np.where(column > 0, column, np.nan))
    positive = norms[norms > 0]
    if positive.size:
        low, high = float(positive.min()), float(positive.max())
        ax.set_ylim(low / 3, high * 3)
    else:
        ax.set_ylim(1e-3, 1e1)
    ax.set_xlim(0, max(state.steps, 10))
