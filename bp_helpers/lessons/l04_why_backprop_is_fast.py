"""Notebook 04, Why backprop is fast: FLOP counts, cost bars, timing figures, exercises.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers._validate import bounded_int, finite_float
from bp_helpers.messages import t
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
    ft,
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


def pass_count_summary(passes: int, P: int, L: float) -> str:
    """Section 1's result: the passes of each method, and that all ``P`` gradients agree."""
    passes, P = bounded_int(passes, "passes", 0), bounded_int(P, "P", 1)
    return t("l04.pass_counts", passes=passes, two_P=2 * P, L=finite_float(L, "L"), P=P)


def loop_flops_text(n_out: int, n_in: int, N: int, flops: int) -> str:
    """The FLOPs a looped ``n_out × n_in`` layer made on ``N`` samples, against 2·P·N."""
    n_out, n_in = bounded_int(n_out, "n_out", 1), bounded_int(n_in, "n_in", 1)
    N, flops = bounded_int(N, "N", 1), bounded_int(flops, "flops", 0)
    return t("l04.loop_flops", n_out=n_out, n_in=n_in, N=N, flops=flops, P=n_out * n_in)


def backward_sympy_verdict(entries: int) -> str:
    """The ✓ line after sympy confirmed ``entries`` entries of ∂L/∂W and ∂L/∂A."""
    return t("l04.sympy_verdict", entries=bounded_int(entries, "entries", 1))


def backward_central_verdict() -> str:
    """The ✓ line after central differences confirmed ``dense_backward``'s dW and dA."""
    return t("l04.central_verdict")


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
    labels = [ft("l04.bar_forward"), ft("l04.bar_backward"), ft("l04.bar_step"),
              ft("l04.bar_numerical")]
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
    label_axes(ax, ft("l04.cost_title", P=0), ft("l04.computation"), ft("l04.flops_axis"))
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
    artists["ax"].title.set_text(ft("l04.cost_title", P=cost["P"]))
    low, high = cost_limits()
    text = t("l04.cost_text", widths=widths, N=N, P=cost["P"], forward=cost["forward"],
             step=cost["step"], step_ratio=cost["step"] / cost["forward"],
             numerical=cost["numerical"], times=cost["numerical"] / cost["step"],
             low=low, high=high)
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

    # the label in the figure, the name in the text, the times, colour, marker, line style
    series = [(ft("l04.series_numerical"), t("l04.numerical"), numerical, COLORS["neutral"],
               "o", "-"),
              (ft("l04.series_backprop"), t("l04.backprop"), backprop, COLORS["backward"],
               "s", "-"),
              (ft("l04.series_forward"), t("l04.forward"), forward, COLORS["forward"],
               "^", "--")]
    P = np.asarray(P, dtype=float)
    slopes = [loglog_slope(P, values) for _, _, values, *_ in series]
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 5.4))
    ax = axes[0, 0]
    for (label, _, values, color, marker, style), k in zip(series, slopes, strict=True):
        ax.loglog(P, values, marker=marker, linestyle=style, color=color,
                  label=ft("l04.slope_label", name=label, slope=k))
    start = float(np.asarray(numerical, dtype=float)[0])
    for k, style in ((1, ":"), (2, "-.")):
        ax.loglog(P, start * (P / P[0]) ** k, linestyle=style, color=COLORS["ink"],
                  linewidth=1.0, label=ft("l04.reference", power="P²" if k == 2 else "P"))
    ax.xaxis.set_major_locator(LogLocator(base=10))
    label_axes(ax, ft("l04.timing_title"), ft("l04.parameters_axis"), ft("l04.seconds_axis"))
    fig.legend(loc="outside lower center", ncols=2, fontsize=9)
    text = t("l04.timing_text",
             slopes=t("l04.comma").join(f"{name} {k:.2f}" for (_, name, *_), k
                                        in zip(series, slopes, strict=True)),
             P=P[-1], ratio=numerical[-1] / backprop[-1])
    return View(fig, text)


def timing_verdicts(P: int) -> str:
    """The ✓ lines of the timing asserts of section 3; ``P`` the largest network's."""
    return t("l04.timing_verdicts", P=bounded_int(P, "P", 1))


def ratio_figure(ratios: Mapping[int, tuple[float, float]]) -> View:
    """Measured and FLOP-predicted (training step) / (forward pass), one pair per width.

    ``ratios`` maps a width to ``(measured, predicted)``.
    """
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 4.2))
    ax = axes[0, 0]
    positions = np.arange(len(ratios))
    measured = [m for m, _ in ratios.values()]
    predicted = [p for _, p in ratios.values()]
    ax.bar(positions - 0.2, measured, width=0.4, color=COLORS["backward"],
           label=ft("l04.measured"))
    ax.bar(positions + 0.2, predicted, width=0.4, color=COLORS["neutral"], hatch="//",
           label=ft("l04.prediction"))
    ax.axhline(3.0, color=COLORS["ink"], linewidth=1, linestyle="--", label="3×")
    ax.set_ylim(0, 1.25 * max(3.0, *measured, *predicted))
    ax.set_xticks(positions, [ft("l04.width_tick", width=w) for w in ratios])
    label_axes(ax, ft("l04.ratio_title"), ft("l04.ratio_xlabel"), ft("l04.ratio_ylabel"))
    fig.legend(loc="outside lower center", ncols=3, fontsize=10)
    text = t("l04.semicolon").join(t("l04.ratio_item", width=w, measured=m, predicted=p)
                                   for w, (m, p) in ratios.items())
    return View(fig, text)


def ratio_verdict(predicted: Mapping[int, float]) -> str:
    """The ✓ line of the step / forward asserts, and the FLOP-count prediction per width."""
    if not isinstance(predicted, Mapping):
        raise TypeError(f"predicted must map a width to a ratio, got {type(predicted).__name__}")
    return t("l04.ratio_verdict", predicted=dict(predicted))


MNIST_WIDTHS = (784, 128, 10)


def check_parameter_count(answer: Any) -> bool:
    """P, the number of weights and biases of an MLP with widths 784-128-10 (a whole number)."""
    from bp_helpers.nn.cost import parameter_count

    P = parameter_count(MNIST_WIDTHS)
    weights_only = P - sum(MNIST_WIDTHS[1:])
    return check_integer(
        answer, P, name="P",
        traps={weights_only: t("l04.trap_weights_only")},
        hint=t("l04.hint_parameter_count"),
    )


def check_numerical_passes(answer: Any) -> bool:
    """Forward passes a central-difference gradient of the 784-128-10 MLP needs (a whole number)."""
    from bp_helpers.nn.cost import parameter_count

    P = parameter_count(MNIST_WIDTHS)
    one_sided = t("l04.trap_one_sided")
    return check_integer(answer, 2 * P, name=t("l04.name_passes"),
                         hint=t("l04.hint_passes"),
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
        cases=[(t("l04.case_small"), (3, 2, 1)),
               (t("l04.case_mnist"), (784, 128, 64)),
               (t("l04.case_batch"), (1, 1, 1000))],
        hint=t("l04.hint_dense_flops"),
    )
