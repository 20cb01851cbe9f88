"""Notebook 04, Why backprop is fast: cost bars and the counting exercises.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from bp_helpers.ui.checks import check_function, check_integer
from bp_helpers.ui.explore import Explorer, IntRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style


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


MNIST_WIDTHS = (784, 128, 10)


def check_parameter_count(answer: Any) -> bool:
    """P, the number of weights and biases of an MLP with widths 784-128-10 (a whole number)."""
    P = int(mlp_flops(MNIST_WIDTHS, 1)["P"])
    weights_only = P - sum(MNIST_WIDTHS[1:])
    return check_integer(
        answer, P, name="P",
        traps={weights_only: "those are the weights; add one bias per unit of each layer."},
        hint="each layer has n_in·n_out weights and n_out biases; add up both layers.",
    )


def check_numerical_passes(answer: Any) -> bool:
    """Forward passes a central-difference gradient of the 784-128-10 MLP needs (a whole number)."""
    P = int(mlp_flops(MNIST_WIDTHS, 1)["P"])
    one_sided = ("that counts one-sided differences; central differences evaluate "
                 "L(θ + h) and L(θ − h) for every parameter.")
    return check_integer(answer, 2 * P, name="forward passes",
                         hint="two forward passes per parameter.",
                         traps={P: one_sided, P + 1: one_sided})


def dense_flops(n_in: int, n_out: int, N: int) -> tuple[int, int]:
    """FLOPs ``(forward, backward)`` of one dense layer ``Z = W @ A + b`` on ``N`` samples.

    ``W: (n_out, n_in)``, ``A: (n_in, N)``. Forward: ``2·n_out·n_in·N``; backward: both
    ``dW = dZ @ A.T`` and ``dA = W.T @ dZ``, each the size of the forward product.
    """
    forward = 2 * n_out * n_in * N
    return forward, 2 * forward


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
