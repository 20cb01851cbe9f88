"""Notebook 06, Activations and gradient flow: the flow explorer and the exercises.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

from bp_helpers.deep import clip_grad_norm, flow_experiment
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    check_array,
    check_number,
    function_ready,
    is_unanswered,
    report,
)
from bp_helpers.ui.explore import Choice, Explorer, IntRange, LogRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style

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


def check_sigmoid_chain(answer: Any) -> bool:
    """The largest factor ten sigmoid derivatives can multiply a gradient by (a number)."""
    if not is_unanswered(answer) and _close(answer, 0.25 * 10):
        return report("ten sigmoid layers", False,
                       "the factors multiply, they do not add: use a power, not a product by 10.")
    return check_number(
        answer, 0.25**10, name="ten sigmoid layers",
        hint="Each layer contributes a factor σ'(z) ≤ 1/4; the chain rule multiplies ten of them.",
    )


def check_he_std(answer: Any) -> bool:
    """The He standard deviation for a layer with ``n_in = 512`` inputs (a number)."""
    if not is_unanswered(answer) and _close(answer, 2.0 / 512):
        return report("He std", False, "2/n_in is the variance; the standard deviation is its "
                       "square root.")
    if not is_unanswered(answer) and _close(answer, math.sqrt(1.0 / 512)):
        return report("He std", False, "that is √(1/n_in); He doubles the variance for ReLU.")
    return check_number(
        answer, math.sqrt(2.0 / 512), name="He std",
        hint="He initialisation draws W with variance 2/n_in; take the square root.",
    )


def residual_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the residual exercise: ``W``: (3, 3), ``Z``: (3, 2), ``dA``: (3, 2).

    A residual tanh layer computes ``A = A_prev + tanh(Z)`` with ``Z = W @ A_prev + b``;
    ``dA = ∂L/∂A`` is the upstream gradient.
    """
    rng = np.random.default_rng(6)
    W = np.round(rng.normal(size=(3, 3)), 2)
    Z = np.round(rng.normal(size=(3, 2)), 2)
    dA = np.round(rng.normal(size=(3, 2)), 2)
    return W, Z, dA


def check_residual_backward(answer: Any) -> bool:
    """``∂L/∂A_prev`` of the residual tanh layer of :func:`residual_exercise`: (3, 2)."""
    W, Z, dA = residual_exercise()
    branch = W.T @ (dA * (1.0 - np.tanh(Z) ** 2))
    if not is_unanswered(answer) and _close_array(answer, branch):
        return report("residual backward", False,
                       "that is the branch alone: the skip connection adds dA itself as well.")
    return check_array(
        answer, dA + branch, name="residual backward",
        hint="Two paths lead back to A_prev: the skip (gradient dA) and the branch "
        "(Wᵀ (dA ⊙ tanh'(Z)), with tanh' = 1 − tanh²). Add them.",
    )


def _clip_cases() -> list[tuple[dict[str, np.ndarray], float]]:
    rng = np.random.default_rng(7)
    big = {"W1": rng.normal(size=(3, 2)) * 10, "b1": rng.normal(size=(3, 1)) * 10,
           "W2": rng.normal(size=(1, 3)) * 10}
    small = {"W1": np.array([[0.1, -0.2]]), "b1": np.array([[0.05]])}
    return [(big, 1.0), (small, 1.0), (big, 5.0)]


def check_clip(answer: Any) -> bool:
    """A function ``clip(grads: dict, max_norm) -> dict`` clipping by the global norm."""
    name = "gradient clipping"
    hint = ("Compute ONE norm over all arrays, ‖g‖ = √(Σ every entry²), then multiply every "
            "array by min(1, max_norm/‖g‖).")
    if not function_ready(answer, name=name, hint=hint):
        return False
    for grads, max_norm in _clip_cases():
        copies = {k: v.copy() for k, v in grads.items()}
        try:
            got = answer(copies, max_norm)
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if got is None:
            return report(name, False, "your function returns None: " + NOT_ANSWERED)
        if not isinstance(got, dict) or set(got) != set(grads):
            return report(name, False, f"return a dict with the same keys {sorted(grads)}.")
        want, _ = clip_grad_norm(grads, max_norm)
        per_array = {k: g * min(1.0, max_norm / float(np.linalg.norm(g))) for k, g in grads.items()}
        if all(_close_array(got[k], per_array[k]) for k in grads) and not all(
            _close_array(got[k], want[k]) for k in grads
        ):
            return report(name, False, "you clipped each array on its own; clip them together "
                           "so the update keeps its direction.")
        if not all(_close_array(got[k], want[k]) for k in grads):
            return report(name, False, f"wrong result for max_norm = {max_norm}. {hint}")
    return report(name, True, "")


def _close(answer: Any, value: float) -> bool:
    try:
        return math.isclose(float(answer), value, rel_tol=1e-6)
    except (TypeError, ValueError):
        return False


def _close_array(answer: Any, value: np.ndarray) -> bool:
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    return arr.shape == value.shape and bool(np.allclose(arr, value, rtol=1e-6, atol=1e-9))
