"""Notebook 06, Activations and gradient flow: the flow explorer, the perceptron demo and
the exercise checkers.

Batch convention (the package's): one sample per column, ``X``: (n, N).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator

from bp_helpers.autograd import Value
from bp_helpers.deep import Flow, clip_grad_norm, flow_experiment
from bp_helpers.nn.batchnorm import batchnorm_backward, batchnorm_forward
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    RTOL,
    call_with_time_limit,
    check_array,
    check_number,
    function_ready,
    report,
    too_slow,
)
from bp_helpers.ui.checks import verify as verify  # re-exported for the solution cells
from bp_helpers.ui.explore import Choice, Explorer, IntRange, LogRange

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.palette import COLORS as COLORS
from bp_helpers.ui.palette import layer_style as layer_style
from bp_helpers.ui.style import View, dynamic, figure_state, label_axes
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

#: Norms and spreads below this are drawn at the floor (a log axis cannot show 0).
FLOOR = 1e-30

#: The activations the explorer offers (every hidden-layer activation of bp_helpers.nn).
FLOW_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "gelu")

#: The explorer's slider ranges; the fixed axis limits below cover every setting in them.
MAX_DEPTH = 30
#: Fixed log-axis limits of the explorer: from the floor to above the largest value any
#: slider setting gives (‖∂L/∂W_l‖ up to 1.6e60 and std(A_l) up to 8.8e28, ReLU-like, He × 10,
#: depth 30; ``tests/lessons`` checks that every extreme fits).
GRAD_LIMITS = (FLOOR / 10, 1e62)
STD_LIMITS = (FLOOR / 10, 1e31)


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


@lru_cache(maxsize=1024)
def cached_flow(depth: int, activation: str, init: str, scale: float, residual: bool) -> Flow:
    """:func:`bp_helpers.deep.flow_experiment` computed once per setting (the widget's cache).

    The arrays of the returned :class:`~bp_helpers.deep.Flow` are shared: do not modify them.
    """
    return flow_experiment(depth, activation, init, scale, residual)


def _log_axes(ax: Any, limits: tuple[float, float], n_max: int) -> None:
    """Fixed limits and ticks: a log y axis (a label every 10 decades), integer x ticks."""
    ax.set_yscale("log")
    ax.set_ylim(*limits)
    ax.set_xlim(0.5, n_max + 0.5)
    low = 10 * math.ceil(math.log10(limits[0]) / 10)
    high = math.floor(math.log10(limits[1]))
    ax.yaxis.set_major_locator(FixedLocator([10.0**k for k in range(low, high + 1, 10)]))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _build_flow(fig: Figure) -> dict[str, Any]:
    """The explorer's axes, fixed limits, legend and (dynamic) lines, built once per figure."""
    ax_grad, ax_act = fig.subplots(1, 2)
    panels = ((ax_grad, "tangent", GRAD_LIMITS, MAX_DEPTH),
              (ax_act, "function", STD_LIMITS, MAX_DEPTH - 1))
    artists: dict[str, Any] = {}
    for key, (ax, meaning, limits, n_max) in zip(("grad", "std"), panels, strict=True):
        _log_axes(ax, limits, n_max)
        artists[key] = dynamic(ax.plot([], [], "o-", color=COLORS[meaning], ms=4, lw=1.5)[0])
        artists[key + "_floor"] = dynamic(
            ax.plot([], [], "v", color=COLORS["neutral"], ms=8, ls="none")[0])
    label_axes(ax_grad, "Backward: gradient norm per layer",
               "layer l (1 = next to the input)", "‖∂L/∂W_l‖ (log scale)")
    label_axes(ax_act, "Forward: spread of each layer's output",
               "hidden layer l", "std(A_l) (log scale)")
    handles = [
        Line2D([], [], marker="o", color=COLORS["tangent"], label="‖∂L/∂W_l‖ (left)"),
        Line2D([], [], marker="o", color=COLORS["function"], label="std(A_l) (right)"),
        Line2D([], [], marker="v", ls="none", color=COLORS["neutral"], ms=8,
               label=f"below {FLOOR:.0e}, drawn at the floor"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=3)
    # The title changes with the sliders. A transparent suptitle with the longest title
    # they can give makes the layout leave room; the visible title is a dynamic text of the
    # left axes at the same place (a full savefig draws axes children, not figure-level
    # dynamic artists).
    room = fig.suptitle(f"residual net, {MAX_DEPTH} layers, leaky_relu, xavier init × 0.112")
    room.set_alpha(0.0)
    artists["title"] = dynamic(ax_grad.text(
        *room.get_position(), "", transform=fig.transFigure, ha="center", va="top",
        fontsize=room.get_fontsize(), clip_on=False))
    return artists


def _set_log_line(line: Line2D, floor: Line2D, y: np.ndarray) -> None:
    x = np.arange(1, y.size + 1)
    shown = np.maximum(y, FLOOR)
    line.set_data(x, shown)
    low = y < FLOOR
    floor.set_data(x[low], shown[low])


def gradient_flow(
    depth: int = 20, activation: str = "sigmoid", init: str = "xavier", scale: float = 1.0,
    architecture: str = "plain", *, fig: Figure | None = None,
) -> View:
    """Per-layer gradient norms and activation spreads of one deep net.

    ``depth`` dense layers of width 32 (the last has one output), on 64 random samples
    (:func:`bp_helpers.deep.flow_experiment`); ``scale`` multiplies the ``init`` standard
    deviation; ``architecture`` is ``"plain"`` or ``"residual"`` (skip connections, branch
    scale 1/√depth). The axes keep fixed limits for every slider setting.
    """
    if architecture not in ("plain", "residual"):
        raise ValueError(f"architecture must be 'plain' or 'residual', got {architecture!r}")
    flow = cached_flow(depth, activation, init, float(scale), architecture == "residual")
    norms, stds = flow.grad_norms, flow.activation_stds

    fig, artists = figure_state(fig, _build_flow, figsize=(8.4, 3.6))
    _set_log_line(artists["grad"], artists["grad_floor"], norms)
    _set_log_line(artists["std"], artists["std_floor"], stds)
    artists["title"].set_text(
        f"{architecture} net, {depth} layers, {activation}, {init} init × {scale:.3g}")

    decades = math.log10(GRAD_LIMITS[1] / GRAD_LIMITS[0])
    text = "\n".join([
        f"{architecture} net, {depth} layers of width 32, {activation}, "
        f"{init} init × {scale:.3g}",
        f"left, ‖∂L/∂W‖: layer 1 = {norms[0]:.2e}, layer {depth} = {norms[-1]:.2e}, "
        f"ratio = {norms[0] / max(norms[-1], 1e-300):.2e}",
        f"right, std(A): layer 1 = {stds[0]:.2e}, layer {depth - 1} = {stds[-1]:.2e}",
        f"verdict: {flow_verdict(norms)}",
        *(["(the last layer is outside the residual branches: its gradient has no factor "
           "β·f'(Z), so it stands above the others; see section 4.6)"]
          if architecture == "residual" else []),
        f"(the axes stay fixed for every slider setting and span {decades:.0f} decades, so a "
        f"factor 100 is a small step; values below {FLOOR:.0e} are drawn at that floor: "
        "a log axis cannot show 0)",
    ])
    return View(fig, text)


GRADIENT_FLOW = Explorer(
    gradient_flow,
    {
        "depth": IntRange(2, MAX_DEPTH),
        "activation": Choice(FLOW_ACTIVATIONS),
        "init": Choice(("xavier", "he")),
        "scale": LogRange(-1, 1, 0.05),
        "architecture": Choice(("plain", "residual")),
    },
)


def latex_sci(x: float, digits: int = 1) -> str:
    """``x`` in LaTeX scientific notation for a Markdown sentence, e.g. ``latex_sci(1.06e6)``
    is ``'1.1 \\times 10^{6}'`` (put it between ``$`` signs)."""
    x = float(x)
    if not math.isfinite(x) or x == 0.0:
        raise ValueError(f"latex_sci needs a finite non-zero number, got {x}")
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


# ----------------------------------------------------------------------- the perceptron
#: The AND dataset: inputs (x1, x2), one sample per row here (four scalar samples), and
#: its labels. Linearly separable, so a perceptron can represent it.
AND_INPUTS: tuple[tuple[float, float], ...] = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
AND_LABELS: tuple[float, ...] = (0.0, 0.0, 0.0, 1.0)
#: Starting weights (w1, w2, b): no input lands exactly on z = 0, where step has no derivative.
PERCEPTRON_START: tuple[float, float, float] = (0.5, -0.3, 0.2)


@dataclass(frozen=True)
class PerceptronRun:
    """Gradient descent on a one-unit perceptron, ``a = f(w1·x1 + w2·x2 + b)``.

    ``losses``: (epochs + 1,) the mean squared error before each update and after the last;
    ``params``: (epochs + 1, 3) the values (w1, w2, b) at the same times; ``grads``:
    (epochs, 3) the gradients the ``Value`` engine returned at each update.
    """

    activation: str
    losses: np.ndarray
    params: np.ndarray
    grads: np.ndarray

    def predictions(self) -> np.ndarray:
        """The final unit's class per sample, ``1`` where ``z > 0``: shape (4,)."""
        w1, w2, b = self.params[-1]
        return np.array([int(w1 * x1 + w2 * x2 + b > 0) for x1, x2 in AND_INPUTS])


def perceptron_loss(params: tuple[Value, Value, Value], activation: str) -> Value:
    """``L = (1/4) Σ_n (f(z_n) − y_n)²`` on the AND data, built with the ``Value`` engine.

    ``activation`` is ``"step"`` (``Value.step``: 1 for z > 0, else 0) or ``"sigmoid"``.
    """
    if activation not in ("step", "sigmoid"):
        raise ValueError(f"activation must be 'step' or 'sigmoid', got {activation!r}")
    w1, w2, b = params
    total = Value(0.0)
    for (x1, x2), y in zip(AND_INPUTS, AND_LABELS, strict=True):
        z = w1 * x1 + w2 * x2 + b
        a = z.step() if activation == "step" else z.sigmoid()
        total = total + (a - y) ** 2
    return total * (1.0 / len(AND_INPUTS))


def train_perceptron(activation: str, epochs: int = 300, lr: float = 2.0) -> PerceptronRun:
    """Full-batch gradient descent from :data:`PERCEPTRON_START` on the AND data.

    Each epoch builds the loss with :func:`perceptron_loss`, calls ``backward()`` and
    updates ``θ ← θ − lr·∂L/∂θ``. Raises ``ValueError`` (from the engine) if a step unit
    ever meets ``z = 0`` exactly, where the step has no derivative.
    """
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    values = [float(v) for v in PERCEPTRON_START]
    losses, params, grads = [], [list(values)], []
    for _ in range(epochs):
        leaves = (Value(values[0], "w1"), Value(values[1], "w2"), Value(values[2], "b"))
        loss = perceptron_loss(leaves, activation)
        loss.backward()
        losses.append(loss.data)
        grads.append([p.grad for p in leaves])
        values = [v - lr * p.grad for v, p in zip(values, leaves, strict=True)]
        params.append(list(values))
    final = tuple(Value(v) for v in values)
    losses.append(perceptron_loss(final, activation).data)  # type: ignore[arg-type]
    return PerceptronRun(activation, np.array(losses), np.array(params), np.array(grads))


# ----------------------------------------------------------------------------- checkers
def check_sigmoid_chain(answer: Any) -> bool:
    """The largest factor ten sigmoid derivatives can multiply a gradient by (a number)."""
    return check_number(
        answer, 0.25**10, name="ten sigmoid layers",
        hint="Each layer contributes a factor σ'(z) ≤ 1/4; the chain rule multiplies ten of them.",
        traps={
            0.25 * 10: "the factors multiply, they do not add: use a power, not a product by 10.",
            0.25: "that is one layer's factor; ten layers multiply ten of them.",
            0.25**9: "count again: ten layers give ten factors of 1/4.",
        },
    )


def check_he_std(answer: Any) -> bool:
    """The He standard deviation for a layer with ``n_in = 512`` inputs (a number)."""
    return check_number(
        answer, math.sqrt(2.0 / 512), name="He std",
        hint="He initialisation draws W with variance 2/n_in; take the square root.",
        traps={
            2.0 / 512: "2/n_in is the variance; the standard deviation is its square root.",
            math.sqrt(1.0 / 512): "that is √(1/n_in); He doubles the variance for ReLU.",
        },
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
    return check_array(
        answer, dA + branch, name="residual backward",
        hint="Two paths lead back to A_prev: the skip (gradient dA) and the branch "
        "(Wᵀ (dA ⊙ tanh'(Z)), with tanh' = 1 − tanh²). Add them.",
        traps=[
            (branch, "that is the branch alone: the skip connection adds dA itself as well."),
            (dA + W.T @ dA, "the branch goes through tanh: multiply dA by tanh'(Z) = 1 − tanh²(Z) "
             "before Wᵀ."),
            (dA + W @ (dA * (1.0 - np.tanh(Z) ** 2)), "going back through Z = W A_prev uses Wᵀ, "
             "not W."),
        ],
    )


def _clip_cases() -> list[tuple[dict[str, np.ndarray], float]]:
    rng = np.random.default_rng(7)
    big = {"W1": rng.normal(size=(3, 2)) * 10, "b1": rng.normal(size=(3, 1)) * 10,
           "W2": rng.normal(size=(1, 3)) * 10}
    small = {"W1": np.array([[0.1, -0.2]]), "b1": np.array([[0.05]])}
    return [(big, 1.0), (small, 1.0), (big, 5.0)]


def check_clip(answer: Any) -> bool:
    """A function ``clip(grads: dict, max_norm) -> dict`` clipping by the global norm.

    The references come from :func:`bp_helpers.deep.clip_grad_norm`, computed before the
    learner's function runs; it gets copies of the gradients.
    """
    name = "gradient clipping"
    hint = ("Compute ONE norm over all arrays, ‖g‖ = √(Σ every entry²), then multiply every "
            "array by min(1, max_norm/‖g‖).")
    if not function_ready(answer, name=name, hint=hint):
        return False
    cases = _clip_cases()
    wants = [clip_grad_norm(grads, max_norm)[0] for grads, max_norm in cases]
    per_arrays = [
        {k: g * min(1.0, max_norm / float(np.linalg.norm(g))) for k, g in grads.items()}
        for grads, max_norm in cases
    ]
    for (grads, max_norm), want, per_array in zip(cases, wants, per_arrays, strict=True):
        copies = {k: v.copy() for k, v in grads.items()}
        try:
            with np.errstate(all="ignore"):
                finished, got = call_with_time_limit(answer, copies, max_norm)
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if not finished:
            return report(name, False, too_slow(f"clip(grads, {max_norm})"))
        if got is None or got is ...:
            return report(name, False, "your function returns None: " + NOT_ANSWERED)
        if not isinstance(got, dict) or set(got) != set(grads):
            return report(name, False, f"return a dict with the same keys {sorted(grads)}.")
        if all(_close_array(got[k], want[k]) for k in grads):
            continue
        if all(_close_array(got[k], per_array[k]) for k in grads):
            return report(name, False, "you clipped each array on its own; clip them together "
                          "so the update keeps its direction.")
        return report(name, False, f"wrong result for max_norm = {max_norm}. {hint}")
    return report(name, True, "")


# ------------------------------------------------------------------ batch normalization
#: The epsilon of the BatchNorm exercise (and of bp_helpers.nn.batchnorm's default).
BN_EPS = 1e-5


def bn_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the BatchNorm exercise: ``X``: (2, 4), ``gamma``, ``beta``: (2, 1) and
    the upstream gradient ``dY``: (2, 4) (two features, a batch of ``N = 4``)."""
    X = np.array([[1.0, 2.0, 4.0, 5.0], [0.5, -1.0, 2.0, 0.5]])
    gamma = np.array([[2.0], [0.5]])
    beta = np.array([[0.1], [-1.0]])
    dY = np.array([[0.5, -1.0, 0.0, 1.5], [1.0, 0.0, -0.5, 2.0]])
    return X, gamma, beta, dY


def _bn_reference() -> tuple[np.ndarray, np.ndarray]:
    """``(Y, dX)`` of the exercise from the core ``batchnorm_forward``/``batchnorm_backward``."""
    X, gamma, beta, dY = bn_exercise()
    Y, cache = batchnorm_forward(X, gamma, beta, eps=BN_EPS)
    dX, _, _ = batchnorm_backward(dY, cache)
    return Y, dX


def check_bn_output(answer: Any) -> bool:
    """``Y`` of a training-mode BatchNorm on :func:`bn_exercise`'s ``X``, ``gamma``, ``beta``."""
    X, gamma, beta, _ = bn_exercise()
    Y, _ = _bn_reference()
    mu = X.mean(axis=1, keepdims=True)
    unbiased = (X - mu) / np.sqrt(X.var(axis=1, ddof=1, keepdims=True) + BN_EPS)
    x_hat = (X - mu) / np.sqrt(X.var(axis=1, keepdims=True) + BN_EPS)
    return check_array(
        answer, Y, name="BatchNorm output",
        hint="Per feature (row): μ = mean over the batch, σ² = (1/N) Σ (x − μ)², "
        "x̂ = (x − μ)/√(σ² + ε), Y = γ x̂ + β.",
        traps=[
            (gamma * unbiased + beta, "normalization uses the biased variance (1/N, numpy's "
             "default ddof=0), not the unbiased 1/(N − 1)."),
            (x_hat, "that is x̂: scale it by γ and shift it by β."),
            (gamma * (X - mu) + beta, "divide by the standard deviation √(σ² + ε) as well."),
            (gamma * ((X - X.mean(axis=0, keepdims=True))
                      / np.sqrt(X.var(axis=0, keepdims=True) + BN_EPS)) + beta,
             "normalize each feature (row) over the batch (axis=1), not each sample (column)."),
        ],
    )


def check_bn_dx(answer: Any) -> bool:
    """``dX = ∂L/∂X`` of the training-mode BatchNorm of :func:`bn_exercise`, upstream ``dY``."""
    X, gamma, _, dY = bn_exercise()
    _, dX = _bn_reference()
    N = X.shape[1]
    mu = X.mean(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + BN_EPS)
    x_hat = (X - mu) * inv_std
    inv_std_unbiased = 1.0 / np.sqrt(X.var(axis=1, ddof=1, keepdims=True) + BN_EPS)
    x_hat_unbiased = (X - mu) * inv_std_unbiased
    mean_dY = dY.mean(axis=1, keepdims=True)
    mean_dY_xhat = (dY * x_hat).mean(axis=1, keepdims=True)
    return check_array(
        answer, dX, name="BatchNorm dX",
        hint="Three paths lead from X to L: directly through x̂, through the mean μ and through "
        "the variance σ². Together: dX = (γ/(N·√(σ² + ε))) (N·dY − Σ dY − x̂ Σ (dY ⊙ x̂)), "
        "sums over the batch (axis=1).",
        traps=[
            (gamma * inv_std * dY, "that treats μ and σ² as constants: they depend on every "
             "sample, so the gradient also flows through the mean and the variance."),
            (gamma * inv_std * (dY - mean_dY), "you have the direct path and the mean's path; the "
             "path through the variance (the term with x̂ Σ dY ⊙ x̂) is missing."),
            (gamma * inv_std * (dY - x_hat * mean_dY_xhat), "you have the direct path and the "
             "variance's path; the path through the mean (the − Σ dY/N term) is missing."),
            ((1.0 / N) * gamma * inv_std_unbiased
             * (N * dY - dY.sum(axis=1, keepdims=True)
                - x_hat_unbiased * (dY * x_hat_unbiased).sum(axis=1, keepdims=True)),
             "normalization uses the biased variance (1/N), not 1/(N − 1)."),
        ],
    )


def _close_array(answer: Any, value: np.ndarray) -> bool:
    """Same shape and every entry within the course's number policy (:data:`RTOL`)."""
    try:
        arr = np.asarray(answer)
        if arr.dtype.kind not in "iuf":  # complex, bool, text, objects: not an answer
            return False
        arr = arr.astype(float)
    except (TypeError, ValueError):
        return False
    return arr.shape == value.shape and bool(np.allclose(arr, value, rtol=RTOL, atol=1e-12))
