"""Notebook 04, Why backprop is fast: FLOP counts, cost bars, timing figures, exercises.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers.ui.checks import check_function, check_integer

# Re-exported for the notebook (verify, use_course_style): it imports only its lesson.
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Explorer, IntRange
from bp_helpers.ui.palette import COLORS
from bp_helpers.ui.style import (
    View,
    dynamic,
    figure_state,
    fresh_figure,
    label_axes,
    power_of_ten_label,
)
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style


def mlp_flops(widths: tuple[int, ...] | list[int], N: int) -> dict[str, int]:
    """FLOPs of the dense layers of an MLP with layer ``widths`` on a batch of ``N`` samples.

    The counts per layer come from :mod:`bp_helpers.nn.cost`: forward ``2·n_out·n_in·N``;
    backward ``dW = dZ @ A.T`` and, except in the first layer, whose input is the data,
    ``dA = W.T @ dZ``, as ``bp_helpers.nn.MLP.backward`` does. Activations and biases are
    ignored (O(n·N)). Returns exact integers: ``P`` (weights and biases,
    :func:`bp_helpers.nn.cost.parameter_count`), ``forward``, ``backward``, ``step``
    (forward + backward) and ``numerical`` (the 2P forward passes of central differences).
    """
    from bp_helpers.nn.cost import (
        check_widths,
        dense_backward_flops,
        dense_forward_flops,
        parameter_count,
    )

    widths = check_widths(widths)
    layers = list(zip(widths[:-1], widths[1:], strict=True))
    P = parameter_count(widths)
    forward = sum(dense_forward_flops(n_in, n_out, N) for n_in, n_out in layers)
    backward = sum(dense_backward_flops(n_in, n_out, N, need_dA_prev=k > 0)
                   for k, (n_in, n_out) in enumerate(layers))
    return {"P": P, "forward": forward, "backward": backward, "step": forward + backward,
            "numerical": 2 * P * forward}


WIDTH_RANGE = IntRange(4, 1024, 4)
DEPTH_RANGE = IntRange(1, 8)
BATCH_RANGE = IntRange(1, 256)
_KEYS = ("forward", "backward", "step", "numerical")


def _widths(width: int, depth: int) -> list[int]:
    return [10, *[int(width)] * int(depth), 1]


@functools.lru_cache(maxsize=1)
def cost_limits() -> tuple[float, float]:
    """``(low, high)`` of the bars' FLOP axis: every bar at every slider setting fits."""
    low = min(mlp_flops(_widths(WIDTH_RANGE.min, d), BATCH_RANGE.min)["backward"]
              for d in range(DEPTH_RANGE.min, DEPTH_RANGE.max + 1))
    high = mlp_flops(_widths(WIDTH_RANGE.max, DEPTH_RANGE.max), BATCH_RANGE.max)["numerical"]
    return low / 10, high * 30


def _build_cost(fig: Figure) -> dict[str, Any]:
    """The fixed log axis of :func:`cost_bars` and the bars and labels that move."""
    from matplotlib.ticker import NullLocator

    ax = fig.subplots()
    labels = ["forward", "backward", "backprop\n(fwd + bwd)", "numerical\n(2P forwards)"]
    colors = [COLORS["forward"], COLORS["backward"], COLORS["highlight"], COLORS["neutral"]]
    bars = ax.bar(labels, [1.0] * 4, color=colors)
    ax.set_yscale("log")
    low, high = cost_limits()
    ax.set_ylim(low, high)
    # plain-text tick labels (10², 10⁴, …): mathtext labels cost more than the whole frame
    exponents = range(int(np.ceil(np.log10(low))), int(np.log10(high)) + 1, 2)
    ax.set_yticks([10.0**e for e in exponents],
                  [power_of_ten_label(10.0**e) for e in exponents])
    ax.yaxis.set_minor_locator(NullLocator())
    texts = [ax.text(i, 1.0, "", ha="center", va="bottom", fontsize=10) for i in range(4)]
    label_axes(ax, "FLOPs for one gradient, P = 0 parameters", "computation",
               "FLOPs (log scale, fixed)")
    for artist in (*bars, *texts, ax.title):
        dynamic(artist)
    return {"ax": ax, "bars": bars, "texts": texts}


def cost_bars(width: int = 64, depth: int = 2, N: int = 32, *,
              fig: Figure | None = None) -> View:
    """FLOPs of one gradient, by backprop and by central differences, for an MLP.

    The MLP has 10 inputs, ``depth`` hidden layers of ``width`` units and 1 output; the
    bars (log scale, the same axis for every setting) are one forward pass, one backward
    pass, backprop's forward + backward, and the 2P forward passes of a numerical gradient,
    on a batch of ``N`` samples.
    """
    widths = _widths(width, depth)
    cost = mlp_flops(widths, int(N))
    fig, artists = figure_state(fig, _build_cost, figsize=(7.5, 4.2))
    for i, (bar, text, key) in enumerate(zip(artists["bars"], artists["texts"], _KEYS,
                                            strict=True)):
        bar.set_height(cost[key])
        text.set(x=i, y=cost[key] * 1.3, text=f"{cost[key]:.2g}")
    artists["ax"].title.set_text(f"FLOPs for one gradient, P = {cost['P']:,.0f} parameters")
    low, high = cost_limits()
    text = (f"widths {widths}, batch size N = {N}: P = {cost['P']:,.0f}\n"
            f"forward {cost['forward']:.3g} FLOPs, backprop step {cost['step']:.3g} "
            f"({cost['step'] / cost['forward']:.2f}× forward)\n"
            f"numerical gradient {cost['numerical']:.3g} FLOPs "
            f"= {cost['numerical'] / cost['step']:,.0f}× backprop\n"
            f"(the log axis spans {low:.0e} to {high:.0e} FLOPs, every setting of the sliders)")
    return View(fig, text)


COST_BARS = Explorer(
    cost_bars, {"width": WIDTH_RANGE, "depth": DEPTH_RANGE, "N": BATCH_RANGE},
)


def loglog_slope(P: Sequence[float], times: Sequence[float]) -> float:
    """The slope k of the least-squares line through ``(log P, log t)``: ``t ∝ P^k``.

    ``P`` and ``times``: (n,) positive numbers, n ≥ 2.
    """
    P, times = np.asarray(P, dtype=float), np.asarray(times, dtype=float)
    if P.ndim != 1 or P.shape != times.shape or P.size < 2:
        raise ValueError(f"P and times must be 1-D of the same length ≥ 2, got shapes "
                         f"{P.shape} and {times.shape}")
    if not (np.all(np.isfinite(P)) and np.all(np.isfinite(times))
            and np.all(P > 0) and np.all(times > 0)):
        raise ValueError("P and times must be finite and positive (a log-log fit)")
    return float(np.polyfit(np.log(P), np.log(times), 1)[0])


def timing_figure(P: Sequence[float], numerical: Sequence[float], backprop: Sequence[float],
                  forward: Sequence[float]) -> View:
    """Measured seconds per gradient (and per forward pass) against P, on log-log axes.

    All four arguments are (n,) arrays, ``P`` the parameter counts. Dotted grey lines
    ∝ P and ∝ P² through the first numerical point show the two slopes to compare with.
    The text gives the fitted slope of each curve (:func:`loglog_slope`).
    """
    from matplotlib.ticker import LogLocator

    series = {"numerical (2P forward passes)": (numerical, COLORS["neutral"], "o", "-"),
              "backprop (forward + backward)": (backprop, COLORS["backward"], "s", "-"),
              "one forward pass": (forward, COLORS["forward"], "^", "--")}
    P = np.asarray(P, dtype=float)
    slopes = {name: loglog_slope(P, values) for name, (values, *_) in series.items()}
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 5.4))
    ax = axes[0, 0]
    for name, (values, color, marker, style) in series.items():
        ax.loglog(P, values, marker=marker, linestyle=style, color=color,
                  label=f"{name}: slope {slopes[name]:.2f}")
    start = float(np.asarray(numerical, dtype=float)[0])
    for k, style in ((1, ":"), (2, "-.")):
        ax.loglog(P, start * (P / P[0]) ** k, linestyle=style, color=COLORS["ink"],
                  linewidth=1.0, label=f"∝ P{'²' if k == 2 else ''} (reference)")
    ax.xaxis.set_major_locator(LogLocator(base=10))
    label_axes(ax, "Time for one gradient against the number of parameters",
               "parameters P (log scale)", "seconds (log scale)")
    fig.legend(loc="outside lower center", ncols=2, fontsize=9)
    text = ("fitted log-log slopes (t ∝ P^k): "
            + ", ".join(f"{name.split(' (')[0]} {k:.2f}" for name, k in slopes.items())
            + f"\nat the largest P = {P[-1]:,.0f}: numerical / backprop = "
            f"{numerical[-1] / backprop[-1]:,.0f}")
    return View(fig, text)


def ratio_figure(ratios: Mapping[int, tuple[float, float]]) -> View:
    """Measured and FLOP-predicted (training step) / (forward pass), one pair per width.

    ``ratios`` maps a width to ``(measured, predicted)``.
    """
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 4.2))
    ax = axes[0, 0]
    positions = np.arange(len(ratios))
    measured = [m for m, _ in ratios.values()]
    predicted = [p for _, p in ratios.values()]
    ax.bar(positions - 0.2, measured, width=0.4, color=COLORS["backward"], label="measured")
    ax.bar(positions + 0.2, predicted, width=0.4, color=COLORS["neutral"], hatch="//",
           label="FLOP-count prediction")
    ax.axhline(3.0, color=COLORS["ink"], linewidth=1, linestyle="--", label="3×")
    ax.set_ylim(0, 1.25 * max(3.0, *measured, *predicted))
    ax.set_xticks(positions, [f"width {w}" for w in ratios])
    label_axes(ax, "A training step (forward + backward) in units of one forward pass",
               "MLP (width, width, width, width, 1), batch N = 256",
               "time of a step / time of a forward pass")
    fig.legend(loc="outside lower center", ncols=3, fontsize=10)
    text = "; ".join(f"width {w}: measured {m:.2f}, FLOP prediction {p:.2f}"
                     for w, (m, p) in ratios.items())
    return View(fig, text)


MNIST_WIDTHS = (784, 128, 10)


def check_parameter_count(answer: Any) -> bool:
    """P, the number of weights and biases of an MLP with widths 784-128-10 (a whole number)."""
    from bp_helpers.nn.cost import parameter_count

    P = parameter_count(MNIST_WIDTHS)
    weights_only = P - sum(MNIST_WIDTHS[1:])
    return check_integer(
        answer, P, name="P",
        traps={weights_only: "those are the weights; add one bias per unit of each layer."},
        hint="each layer has n_in·n_out weights and n_out biases; add up both layers.",
    )


def check_numerical_passes(answer: Any) -> bool:
    """Forward passes a central-difference gradient of the 784-128-10 MLP needs (a whole number)."""
    from bp_helpers.nn.cost import parameter_count

    P = parameter_count(MNIST_WIDTHS)
    one_sided = ("that counts one-sided differences; central differences evaluate "
                 "L(θ + h) and L(θ − h) for every parameter.")
    return check_integer(answer, 2 * P, name="forward passes",
                         hint="two forward passes per parameter.",
                         traps={P: one_sided, P + 1: one_sided})


def dense_flops(n_in: int, n_out: int, N: int) -> tuple[int, int]:
    """FLOPs ``(forward, backward)`` of one dense layer ``Z = W @ A + b`` on ``N`` samples.

    ``W: (n_out, n_in)``, ``A: (n_in, N)``; the backward pass makes both ``dW`` and ``dA``
    (:func:`bp_helpers.nn.cost.dense_forward_flops`, ``dense_backward_flops``).
    """
    from bp_helpers.nn.cost import dense_backward_flops, dense_forward_flops

    return dense_forward_flops(n_in, n_out, N), dense_backward_flops(n_in, n_out, N)


def check_dense_flops(answer: Any) -> bool:
    """A function ``dense_flops(n_in, n_out, N) -> (forward, backward)`` FLOPs of one layer."""
    return check_function(
        answer, dense_flops, name="dense_flops",
        cases=[("a 3 → 2 layer on 1 sample", (3, 2, 1)),
               ("the 784 → 128 layer on 64 samples", (784, 128, 64)),
               ("a 1 → 1 layer on 1000 samples", (1, 1, 1000))],
        hint="W @ A is n_out·n_in·N multiply-adds (2 FLOPs each); the backward pass makes "
        "two products of that size (dW = dZ @ A.T and dA = W.T @ dZ).",
    )
