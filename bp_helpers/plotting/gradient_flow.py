"""Explore function for notebook 06: gradient flow through a deep network.

:data:`GRADIENT_FLOW` slides the depth (up to 30 layers), the activation, the
initialisation and its scale, and a plain or residual architecture, and draws one
forward and backward pass of :func:`bp_helpers.deep.flow_experiment`: the norm
``‖∂L/∂W_l‖`` of every layer's weight gradient on a log axis (the backward signal) next
to the spread ``std(A_l)`` of every hidden layer's output (the forward signal).
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

from bp_helpers.deep import flow_experiment
from bp_helpers.explore import Choice, Explorer, IntRange, LogRange
from bp_helpers.plotting import COLORS, View, fresh_figure, label_axes

#: Norms and spreads below this are drawn at the floor (a log axis cannot show 0).
FLOOR = 1e-30

#: The activations the explorer offers (every hidden-layer activation of bp_helpers.nn).
FLOW_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "gelu")


def flow_verdict(grad_norms: np.ndarray) -> str:
    """A one-phrase diagnosis of per-layer gradient norms, shape ``(L,)``, layer 1 first.

    Looks at the size of the norms (above 1e6: exploding; all below 1e-6: vanishing
    everywhere) and at the ratio first/last layer (below 1e-2 or above 1e2).
    """
    norms = np.asarray(grad_norms, dtype=float)
    if norms.ndim != 1 or norms.size < 2:
        raise ValueError(f"grad_norms must have shape (L,) with L >= 2, got {norms.shape}")
    ratio = norms[0] / norms[-1] if norms[-1] > 0 else np.inf
    if norms.max() > 1e6:
        return "exploding: norms above 1e6"
    if norms.max() < 1e-6:
        return "vanishing everywhere: every norm below 1e-6"
    if ratio < 1e-2:
        return "vanishing: layer 1 gets less than 1/100 of the last layer's gradient"
    if ratio > 1e2:
        return "exploding toward the input: layer 1 gets over 100x the last layer's"
    return "healthy: layer 1 and the last layer within a factor 100"


def _log_plot(ax: Axes, y: np.ndarray, color: str, label: str) -> None:
    """Plot ``y`` against 1, 2, … on a log axis, values below FLOOR drawn at the floor."""
    x = np.arange(1, y.size + 1)
    shown = np.maximum(y, FLOOR)
    ax.semilogy(x, shown, "o-", color=color, ms=4, lw=1.5, label=label)
    low = y < FLOOR
    if np.any(low):
        ax.semilogy(x[low], shown[low], "v", color=COLORS["neutral"], ms=8,
                    label=f"below {FLOOR:.0e}, drawn at the floor")
    top = max(float(shown.max()) * 10, 1e2)
    bottom = min(float(shown.min()) / 10, 1e-4)
    ax.set_ylim(max(bottom, FLOOR / 10), top)
    ax.set_xlim(0.5, y.size + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    # a few decades labelled, no minor ticks: keeps redraws fast over 60+ decades
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=7))
    ax.yaxis.set_minor_locator(NullLocator())


def gradient_flow(
    depth: int = 20, activation: str = "sigmoid", init: str = "xavier", scale: float = 1.0,
    architecture: str = "plain", *, fig: Figure | None = None,
) -> View:
    """Per-layer gradient norms and activation spreads of one deep net (see module doc).

    ``depth`` dense layers of width 32 (the last has one output), on 64 random samples;
    ``scale`` multiplies the ``init`` standard deviation; ``architecture`` is ``"plain"``
    or ``"residual"`` (skip connections, branch scale 1/√depth).
    """
    if architecture not in ("plain", "residual"):
        raise ValueError(f"architecture must be 'plain' or 'residual', got {architecture!r}")
    flow = flow_experiment(depth, activation, init, scale, architecture == "residual")
    norms, stds = flow.grad_norms, flow.activation_stds

    fig, axes = fresh_figure(fig, 1, 2, figsize=(9.5, 3.8))
    ax_grad, ax_act = axes[0]
    _log_plot(ax_grad, norms, COLORS["tangent"], "‖∂L/∂W_l‖")
    label_axes(ax_grad, "Backward: weight-gradient norm per layer",
               "layer l (1 = next to the input)", "‖∂L/∂W_l‖ (log scale)")
    ax_grad.legend(loc="best")
    _log_plot(ax_act, stds, COLORS["function"], "std(A_l)")
    label_axes(ax_act, "Forward: spread of each hidden layer's output",
               "hidden layer l", "std(A_l) (log scale)")
    ax_act.legend(loc="best")
    fig.suptitle(f"{architecture} net, {depth} layers, {activation}, {init} init × {scale:.3g}")

    text = "\n".join([
        f"{architecture} net, {depth} layers of width 32, {activation}, "
        f"{init} init × {scale:.3g}",
        f"‖∂L/∂W‖: layer 1 = {norms[0]:.2e}, layer {depth} = {norms[-1]:.2e}, "
        f"ratio = {norms[0] / max(norms[-1], 1e-300):.2e}",
        f"std(A): layer 1 = {stds[0]:.2e}, layer {depth - 1} = {stds[-1]:.2e}",
        f"verdict: {flow_verdict(norms)}",
        f"(values below {FLOOR:.0e} are drawn at that floor: a log axis cannot show 0)",
    ])
    return View(fig, text)


GRADIENT_FLOW = Explorer(
    gradient_flow,
    {
        "depth": IntRange(2, 30),
        "activation": Choice(FLOW_ACTIVATIONS),
        "init": Choice(("xavier", "he")),
        "scale": LogRange(-1, 1, 0.05),
        "architecture": Choice(("plain", "residual")),
    },
)
