"""Figures for notebooks 03 (the 2-3-2-1 network by hand) and 04 (why backprop is fast).

:data:`GRADIENT_BARS` slides one parameter or input of the 2-3-2-1 network and shows all
20 gradients as bars beside the loss curve; :data:`COST_BARS` compares the FLOPs of a
forward pass, a backprop step and a numerical gradient for an MLP of a chosen size.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from bp_helpers import network_2321 as net
from bp_helpers.explore import Choice, Explorer, FloatRange, IntRange
from bp_helpers.plotting import COLORS, View, fresh_figure, label_axes

VARIABLES = net.PARAMETER_NAMES + net.INPUT_NAMES
VALUE_RANGE = (-4.0, 4.0)

#: Bar colour of each layer's parameters.
LAYER_COLORS = {1: "#1f77b4", 2: "#2ca02c", 3: "#d62728"}


def _layer(name: str) -> int:
    if name.endswith("^(1)"):
        return 1
    if name.endswith("^(2)"):
        return 2
    return 3


def _point(name: str, value: float) -> tuple[dict[str, float], tuple[float, float]]:
    """The reference point with ``name`` (a parameter or ``x_1``/``x_2``) set to ``value``."""
    if name not in VARIABLES:
        raise ValueError(f"name must be one of {VARIABLES}, got {name!r}")
    params = dict(net.REFERENCE_PARAMS)
    x = list(net.REFERENCE_X)
    if name in net.INPUT_NAMES:
        x[net.INPUT_NAMES.index(name)] = value
    else:
        params[name] = value
    return params, (x[0], x[1])


def _loss_at(name: str, value: float) -> float:
    params, x = _point(name, value)
    return net.forward(params, x, net.REFERENCE_T).L


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def pretty(name: str) -> str:
    """A variable name as Unicode maths: ``"w_12^(1)"`` → ``"w₁₂⁽¹⁾"``, ``"b^(3)"`` → ``"b⁽³⁾"``."""
    base, _, sup = name.partition("^")
    letter, _, sub = base.partition("_")
    return letter + sub.translate(_SUB) + sup.translate(_SUP)


def gradient_bars(name: str = "w_11^(1)", value: float = 0.5, *, fig: Figure | None = None) -> View:
    """All 20 gradients of the 2-3-2-1 network with one variable slid to ``value``.

    ``name`` is a parameter (:data:`bp_helpers.network_2321.PARAMETER_NAMES`) or an input
    (``"x_1"``, ``"x_2"``); every other value stays at the reference point. Left: the 20
    gradients ∂L/∂θ from the hand backward pass; right: L against the chosen variable,
    with the tangent at ``value``.
    """
    params, x = _point(name, float(value))
    t = net.REFERENCE_T
    cache = net.forward(params, x, t)
    grads = net.backward(params, cache)
    h = 1e-6
    slope = (_loss_at(name, value + h) - _loss_at(name, value - h)) / (2 * h)

    fig, axes = fresh_figure(fig, 1, 2, figsize=(11.0, 5.0))
    ax_bars, ax_loss = axes[0]
    engine = fig.get_layout_engine()
    if engine is not None:  # None on a redraw: the first draw's layout is kept
        engine.set(w_pad=0.1)
    values = np.array([grads[n] for n in net.PARAMETER_NAMES])
    colors = [LAYER_COLORS[_layer(n)] for n in net.PARAMETER_NAMES]
    positions = np.arange(values.size)
    bars = ax_bars.barh(positions, values, color=colors)
    if name in grads:
        chosen = bars[net.PARAMETER_NAMES.index(name)]
        chosen.set_edgecolor("black")
        chosen.set_linewidth(2.0)
    ax_bars.axvline(0.0, color=COLORS["neutral"], linewidth=0.8)
    ax_bars.set_yticks(positions, [pretty(n) for n in net.PARAMETER_NAMES], fontsize=11)
    ax_bars.invert_yaxis()
    limit = max(1e-3, 1.15 * float(np.max(np.abs(values))))
    ax_bars.set_xlim(-limit, limit)
    handles = [Patch(color=LAYER_COLORS[k], label=lab)
               for k, lab in ((1, "layer 1"), (2, "layer 2"), (3, "output"))]
    ax_bars.legend(handles=handles, loc="lower left")  # t = 0: output bars are > 0
    label_axes(ax_bars, "All 20 gradients from one backward pass", "∂L/∂θ", "parameter θ")

    grid = np.linspace(*VALUE_RANGE, 81)
    losses = [_loss_at(name, g) for g in grid]
    ax_loss.plot(grid, losses, color=COLORS["function"], label="L")
    span = 1.0
    ax_loss.plot([value - span, value + span], [cache.L - slope * span, cache.L + slope * span],
                 color=COLORS["tangent"], label=f"slope {slope:+.4f}")
    ax_loss.plot([value], [cache.L], "o", color=COLORS["highlight"])
    ax_loss.set_xlim(VALUE_RANGE[0] - 0.2, VALUE_RANGE[1] + 0.2)
    ax_loss.set_ylim(-0.02, 0.52)
    ax_loss.legend(loc="upper left")
    label_axes(ax_loss, f"Loss as {pretty(name)} slides", pretty(name), "L = ½(y − t)²")

    top = max(net.PARAMETER_NAMES, key=lambda n: abs(grads[n]))
    if name in grads:
        which = f"∂L/∂{name} = {grads[name]:+.4f} (the bar with the black edge)"
    else:
        which = f"∂L/∂{name} = {slope:+.4f} (an input: no bar; slope by central differences)"
    text = (f"{name} = {value:.2f}, everything else at the reference point\n"
            f"y = {cache.y:.4f}, t = {t:.0f}, L = {cache.L:.4f}\n"
            f"{which}\nlargest |gradient|: {top} = {grads[top]:+.4f}")
    return View(fig, text)


GRADIENT_BARS = Explorer(
    gradient_bars,
    {"name": Choice(VARIABLES), "value": FloatRange(*VALUE_RANGE, 0.05)},
)


# --- notebook 04: what a gradient costs -------------------------------------------------

def mlp_flops(widths: tuple[int, ...] | list[int], batch: int) -> dict[str, float]:
    """FLOPs of the dense layers of an MLP with layer ``widths`` on ``batch`` samples.

    A layer ``Z = W @ A + b`` with ``W: (n_out, n_in)``, ``A: (n_in, N)`` costs 2·n_out·n_in·N
    FLOPs forward. Backward it makes ``dW = dZ @ A.T`` (the same size) and, except in the
    first layer, whose input is the data, ``dA = W.T @ dZ`` (the same size again), as
    ``bp_helpers.nn.MLP.backward`` does. Activations and biases are ignored (O(n·N)).
    Returns ``P`` (weights and biases), ``forward``, ``backward``, ``step`` (forward +
    backward) and ``numerical`` (the 2P forward passes of central differences).
    """
    widths = [int(w) for w in widths]
    if len(widths) < 2 or min(widths) < 1:
        raise ValueError(f"widths must list at least two positive layer sizes, got {widths}")
    if int(batch) < 1:
        raise ValueError(f"batch must be a positive integer, got {batch}")
    sizes = [n_in * n_out for n_in, n_out in zip(widths[:-1], widths[1:], strict=True)]
    P = sum(sizes) + sum(widths[1:])
    forward = 2.0 * sum(sizes) * batch
    backward = 4.0 * sum(sizes) * batch - 2.0 * sizes[0] * batch
    return {"P": float(P), "forward": forward, "backward": backward,
            "step": forward + backward, "numerical": 2.0 * P * forward}


def cost_bars(width: int = 64, depth: int = 2, batch: int = 32, *,
              fig: Figure | None = None) -> View:
    """FLOPs of one gradient, by backprop and by central differences, for an MLP.

    The MLP has 10 inputs, ``depth`` hidden layers of ``width`` units and 1 output; the
    bars (log scale) are one forward pass, one backward pass, backprop's forward +
    backward, and the 2P forward passes of a numerical gradient.
    """
    widths = [10, *[int(width)] * int(depth), 1]
    cost = mlp_flops(widths, int(batch))
    fig, axes = fresh_figure(fig, 1, 1, figsize=(7.5, 4.0))
    ax = axes[0, 0]
    labels = ["forward", "backward", "backprop\n(fwd + bwd)", "numerical\n(2P forwards)"]
    keys = ["forward", "backward", "step", "numerical"]
    colors = [COLORS["function"], COLORS["secant"], COLORS["highlight"], COLORS["tangent"]]
    heights = [cost[k] for k in keys]
    ax.bar(labels, heights, color=colors)
    ax.set_yscale("log")
    ax.set_ylim(min(heights) / 10, max(heights) * 30)
    for i, h in enumerate(heights):
        ax.text(i, h * 1.6, f"{h:.2g}", ha="center", fontsize=9)
    label_axes(ax, f"FLOPs for one gradient, P = {cost['P']:,.0f} parameters",
               "computation", "FLOPs (log scale)")
    text = (f"widths {widths}, batch N = {batch}: P = {cost['P']:,.0f}\n"
            f"forward {cost['forward']:.3g} FLOPs, backprop step {cost['step']:.3g} "
            f"({cost['step'] / cost['forward']:.2f}× forward)\n"
            f"numerical gradient {cost['numerical']:.3g} FLOPs "
            f"= {cost['numerical'] / cost['step']:,.0f}× backprop")
    return View(fig, text)


COST_BARS = Explorer(
    cost_bars,
    {"width": IntRange(4, 1024, 4), "depth": IntRange(1, 8), "batch": IntRange(1, 256)},
)


# --- a diagram of the 2-3-2-1 network -------------------------------------------------------

_COLUMNS = (("x_1", "x_2"), ("h_1^(1)", "h_2^(1)", "h_3^(1)"), ("h_1^(2)", "h_2^(2)"), ("y",))


def _node_positions() -> dict[str, tuple[float, float]]:
    return {name: (3.0 * c, (len(col) - 1) / 2 - r)
            for c, col in enumerate(_COLUMNS) for r, name in enumerate(col)}


def _edges() -> list[tuple[str, str, str]]:
    """(source node, target node, weight name) for the 14 weights."""
    edges = [(f"x_{k}", f"h_{j}^(1)", f"w_{j}{k}^(1)") for j in (1, 2, 3) for k in (1, 2)]
    edges += [(f"h_{j}^(1)", f"h_{i}^(2)", f"w_{i}{j}^(2)") for i in (1, 2) for j in (1, 2, 3)]
    edges += [(f"h_{i}^(2)", "y", f"v_{i}") for i in (1, 2)]
    return edges


def network_diagram(*, fig: Figure | None = None) -> View:
    """The 2-3-2-1 network: every unit, every weight by name, and each unit's bias."""
    fig, axes = fresh_figure(fig, 1, 1, figsize=(9.0, 5.0))
    ax = axes[0, 0]
    pos = _node_positions()
    for source, target, weight in _edges():
        (x0, y0), (x1, y1) = pos[source], pos[target]
        ax.plot([x0, x1], [y0, y1], color=COLORS["neutral"], linewidth=1.0, zorder=1)
        # label near the target, where the edges into a unit fan apart
        near = 0.22 if weight.endswith("^(2)") else 0.3
        lx, ly = x1 + near * (x0 - x1), y1 + near * (y0 - y1)
        ax.text(lx, ly, pretty(weight), fontsize=10, ha="center", va="center", zorder=3,
                bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"})
    biases = {"h_1^(1)": "b_1^(1)", "h_2^(1)": "b_2^(1)", "h_3^(1)": "b_3^(1)",
              "h_1^(2)": "b_1^(2)", "h_2^(2)": "b_2^(2)", "y": "b^(3)"}
    for name, (x, y) in pos.items():
        face = "#dbe9f6" if name.startswith("x") else "#fde0c5"
        ax.scatter([x], [y], s=1400, color=face, edgecolor="black", zorder=2)
        ax.text(x, y, pretty(name), fontsize=12, ha="center", va="center", zorder=4)
        if name in biases:
            ax.text(x, y - 0.33, f"+{pretty(biases[name])}", fontsize=10, ha="center",
                    va="top", color=COLORS["tangent"], zorder=4)
    ax.text(9.0, -0.95, "L = ½(y − t)²", fontsize=11, ha="center")
    for c, title in enumerate(("inputs", "hidden layer 1\n(σ)", "hidden layer 2\n(σ)",
                               "output\n(σ)")):
        ax.text(3.0 * c, 1.55, title, fontsize=10, ha="center", va="bottom")
    ax.set_xlim(-0.8, 9.8)
    ax.set_ylim(-1.3, 2.0)
    ax.set_axis_off()
    ax.set_title("The 2-3-2-1 network: 14 weights (grey edges) + 6 biases (red) = 20 parameters")
    return View(fig, f"{len(_edges())} weights + {len(biases)} biases = "
                     f"{len(_edges()) + len(biases)} parameters")
