"""Notebook 00, Start here: the toy fit, gradient descent on one weight, its exercises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, NullLocator

from bp_helpers._validate import finite_float, positive_float
from bp_helpers.ui.checks import (
    check_number,
)
from bp_helpers.ui.explore import Explorer, FloatRange, IntRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style

Array = np.ndarray


def _sparse_log_ticks(axis: Axis, numticks: int) -> None:
    """At most ``numticks`` labelled decades and no minor ticks: quicker to lay out."""
    axis.set_major_locator(LogLocator(base=10.0, numticks=numticks))
    axis.set_minor_locator(NullLocator())


#: The toy data of notebook 00, one point per entry: fit ``ŷ = w·x`` to ``(FIT_X, FIT_Y)``.
FIT_X = np.array([1.0, 2.0, 3.0])
FIT_Y = np.array([2.1, 3.9, 6.2])


def fit_loss(w: float | Array) -> float | Array:
    """Mean squared error ``L(w) = mean((w·x_i − y_i)²)`` of the toy fit; ``w`` any shape."""
    w = np.asarray(w, dtype=float)
    residuals = w[..., None] * FIT_X - FIT_Y
    out = np.mean(residuals**2, axis=-1)
    return float(out) if out.ndim == 0 else out


def fit_gradient(w: float) -> float:
    """``dL/dw = (2/N)·Σ (w·x_i − y_i)·x_i`` of the toy fit, for a scalar ``w``."""
    return float(2.0 * np.mean((w * FIT_X - FIT_Y) * FIT_X))


def gradient_descent_path(w0: float, eta: float, steps: int) -> Array:
    """The iterates ``w_{t+1} = w_t − η·dL/dw(w_t)`` of the toy fit; shape ``(steps + 1,)``."""
    w0, eta = finite_float(w0, "w0"), positive_float(eta, "eta")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be an integer >= 0, got {steps!r}")
    path = np.empty(int(steps) + 1)
    path[0] = w0
    for t in range(int(steps)):
        path[t + 1] = path[t] - eta * fit_gradient(path[t])
    return path


def gradient_descent(
    eta: float = 0.05, steps: int = 10, w0: float = 0.0, *, fig: Figure | None = None
) -> View:
    """Gradient descent on the toy loss: the iterates on ``L(w)`` and the loss per step."""
    path = gradient_descent_path(w0, eta, steps)
    losses = fit_loss(path)
    w_star = float(FIT_X @ FIT_Y / (FIT_X @ FIT_X))
    fig, axes = fresh_figure(fig, 1, 2, figsize=(9.0, 3.6))
    ax_path, ax_loss = axes[0]

    lo = min(path.min(), w_star - 2.5)
    hi = max(path.max(), w_star + 2.5)
    grid = np.linspace(lo, hi, 300)
    ax_path.plot(grid, fit_loss(grid), color=COLORS["function"], label="L(w)")
    ax_path.plot(path, losses, "o-", color=COLORS["highlight"], ms=4, lw=1, label="iterates")
    ax_path.plot(path[:1], losses[:1], "o", color=COLORS["negative"], ms=7, label="start w₀")
    ax_path.axvline(w_star, color=COLORS["neutral"], ls="--", lw=1, label=f"w* = {w_star:.3f}")
    label_axes(ax_path, "the iterates on the loss curve", "parameter w", "loss L(w)")
    ax_path.legend(loc="upper center")

    ax_loss.semilogy(np.arange(path.size), losses, "o-", color=COLORS["highlight"], ms=3)
    _sparse_log_ticks(ax_loss.yaxis, 6)
    ax_loss.axhline(fit_loss(w_star), color=COLORS["neutral"], ls="--", lw=1, label="min L")
    label_axes(ax_loss, "loss after each step", "step t", "loss L(w_t) (log scale)")
    ax_loss.legend()

    rate = 1.0 - eta * 2.0 * float(np.mean(FIT_X**2))
    verdict = "converges" if abs(rate) < 1 else "diverges"
    text = (
        f"η = {eta:.3g}, w₀ = {w0:.2f}: after {steps} steps w = {path[-1]:.4g} "
        f"(best w* = {w_star:.4f}), L = {losses[-1]:.4g} (min {fit_loss(w_star):.4f}).\n"
        f"Each step multiplies w − w* by 1 − η·L'' = {rate:.3f}: gradient descent {verdict}."
    )
    return View(fig, text)


GRADIENT_DESCENT = Explorer(
    gradient_descent,
    {"eta": FloatRange(0.01, 0.25, 0.01), "steps": IntRange(0, 30), "w0": FloatRange(-2, 5, 0.1)},
)


def check_fit_gradient(answer: Any) -> bool:
    """dL/dw of the toy fit at ``w = 1`` (a number)."""
    return check_number(
        answer, fit_gradient(1.0), name="gradient at w = 1",
        hint="Use dL/dw = (2/N)·Σ (w·x_i − y_i)·x_i with w = 1 and the three data points.",
    )


def check_one_step(answer: Any) -> bool:
    """``w`` after one gradient-descent step from ``w = 1`` with ``η = 0.05`` (a number)."""
    step = 0.05 * fit_gradient(1.0)
    return check_number(
        answer, 1.0 - step, name="one step",
        traps={1.0 + step: "you stepped uphill: subtract η·dL/dw, do not add it."},
        hint="w_new = w − η·dL/dw, with w = 1, η = 0.05 and the gradient of the first exercise.",
    )


def check_largest_rate(answer: Any) -> bool:
    """The learning rate above which gradient descent on the toy fit diverges (a number)."""
    curvature = 2.0 * float(np.mean(FIT_X**2))
    return check_number(
        answer, 2.0 / curvature, name="largest stable η", rtol=1e-4,
        hint="Each step multiplies w − w* by (1 − η·L''), with L'' = 2·mean(x_i²). "
        "For which η does |1 − η·L''| reach 1?",
    )
