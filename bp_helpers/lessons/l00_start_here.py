"""Notebook 00, Start here: the toy fit, gradient descent on one weight, its exercises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bp_helpers._validate import finite_float, positive_float
from bp_helpers.ui.checks import check_number
from bp_helpers.ui.checks import number_policy as number_policy
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Explorer, FloatRange, IntRange

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.palette import COLORS as COLORS
from bp_helpers.ui.palette import layer_style as layer_style
from bp_helpers.ui.style import (
    View,
    dynamic,
    figure_state,
    fresh_figure,
    label_axes,
    sparse_log_ticks,
)
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

Array = np.ndarray


#: The toy data of notebook 00, one point per entry: fit ``ŷ = w·x`` to ``(FIT_X, FIT_Y)``.
FIT_X = np.array([1.0, 2.0, 3.0])
FIT_Y = np.array([2.1, 3.9, 6.2])
#: The least-squares weight ``w* = Σ x_i y_i / Σ x_i²`` of the toy fit.
W_STAR = float(FIT_X @ FIT_Y / (FIT_X @ FIT_X))
#: ``L''(w) = 2·mean(x_i²)``, the constant curvature of the toy loss.
CURVATURE = 2.0 * float(np.mean(FIT_X**2))


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


#: The sliders of GRADIENT_DESCENT; the figure's axes limits are computed from them.
ETA_RANGE = FloatRange(0.01, 0.25, 0.01)
STEPS_RANGE = IntRange(0, 30)
W0_RANGE = FloatRange(-2, 5, 0.1)
#: The w-window of the left panel: the slider range of w0 and a margin.
W_LIMITS = (W0_RANGE.min - 1.0, W0_RANGE.max + 1.0)


def _loss_limits() -> tuple[float, float]:
    """Fixed log-axis limits of the loss panel: from min L to the worst run the sliders allow."""
    worst = max(abs(w0 - W_STAR) for w0 in W0_RANGE.ends)
    factor = abs(1.0 - ETA_RANGE.max * CURVATURE) ** STEPS_RANGE.max
    top = fit_loss(W_STAR + worst * max(factor, 1.0))
    return 0.5 * fit_loss(W_STAR), 3.0 * top


def _build_gradient_descent(fig: Figure) -> dict[str, Any]:
    """The static parts of the gradient-descent figure, and the artists an update moves."""
    ax_path, ax_loss = fig.subplots(1, 2)
    grid = np.linspace(*W_LIMITS, 300)
    ax_path.plot(grid, fit_loss(grid), color=COLORS["function"], label="L(w)")
    path_line, = ax_path.plot([], [], "o-", color=COLORS["highlight"], ms=4, lw=1,
                              label="iterates")
    start, = ax_path.plot([], [], "s", color=COLORS["ink"], ms=7, label="start w₀")
    ax_path.axvline(W_STAR, color=COLORS["neutral"], ls="--", lw=1, label=f"w* = {W_STAR:.3f}")
    ax_path.set_xlim(*W_LIMITS)
    ax_path.set_ylim(-2.0, float(fit_loss(np.array(W_LIMITS)).max()) * 1.05)
    label_axes(ax_path, "the iterates on the loss curve", "parameter w", "loss L(w)")
    ax_path.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=4)

    loss_line, = ax_loss.semilogy([], [], "o-", color=COLORS["highlight"], ms=3,
                                  label="L(w_t)")
    ax_loss.axhline(fit_loss(W_STAR), color=COLORS["neutral"], ls="--", lw=1, label="min L")
    ax_loss.set_xlim(-0.5, STEPS_RANGE.max + 0.5)
    ax_loss.set_ylim(*_loss_limits())
    sparse_log_ticks(ax_loss.yaxis, 7)
    ax_loss.xaxis.set_major_locator(MaxNLocator(integer=True))
    label_axes(ax_loss, "loss after each step", "step t", "loss L(w_t) (log scale)")
    ax_loss.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    return {"path": dynamic(path_line), "start": dynamic(start), "loss": dynamic(loss_line)}


def gradient_descent(
    eta: float = 0.05, steps: int = 10, w0: float = 0.0, *, fig: Figure | None = None
) -> View:
    """Gradient descent on the toy loss: the iterates on ``L(w)`` and the loss per step.

    The axes keep the same limits for every slider setting (computed from the slider
    ranges), so only the iterates move; iterates beyond the w-window are counted in the text.
    """
    path = gradient_descent_path(w0, eta, steps)
    losses = fit_loss(path)
    fig, artists = figure_state(fig, _build_gradient_descent, figsize=(9.0, 4.0))
    artists["path"].set_data(path, losses)
    artists["start"].set_data(path[:1], losses[:1])
    artists["loss"].set_data(np.arange(path.size), losses)

    rate = 1.0 - eta * CURVATURE
    verdict = "converges" if abs(rate) < 1 else "diverges"
    outside = int(np.count_nonzero((path < W_LIMITS[0]) | (path > W_LIMITS[1])))
    beyond = (f" {outside} of the {path.size} iterates lie beyond the drawn w-range."
              if outside else "")
    text = (
        f"η = {eta:.3g}, w₀ = {w0:.2f}: after {steps} steps w = {path[-1]:.4g} "
        f"(best w* = {W_STAR:.4f}), L = {losses[-1]:.4g} (min {fit_loss(W_STAR):.4f}).\n"
        f"Each step multiplies w − w* by 1 − η·L'' = {rate:.3f}: gradient descent {verdict}."
        f"{beyond}\nLeft: the iterates on the curve L(w); right: the loss after each step, "
        "on a log scale wide enough for the worst divergent setting."
    )
    return View(fig, text)


GRADIENT_DESCENT = Explorer(
    gradient_descent, {"eta": ETA_RANGE, "steps": STEPS_RANGE, "w0": W0_RANGE},
)

#: The learning rates the comparison figure shows: too small, good, too large.
RATES = {"too small": 0.005, "good": 0.1, "too large": 0.22}
#: The number of steps of the comparison.
COMPARISON_STEPS = 20


def rate_comparison_losses(
    rates: dict[str, float] | None = None, steps: int = COMPARISON_STEPS, w0: float = 0.0,
) -> dict[str, Array]:
    """The loss after each step, ``shape (steps + 1,)``, for each named learning rate."""
    rates = RATES if rates is None else rates
    return {name: fit_loss(gradient_descent_path(w0, eta, steps)) for name, eta in rates.items()}


def _trend(losses: Array) -> str:
    """In words: where a run of losses ends compared with min L and with its start."""
    if losses[-1] <= 1.01 * fit_loss(W_STAR):
        return "at the minimum"
    return "still falling" if losses[-1] < losses[0] else "rising"


def learning_rate_comparison(
    rates: dict[str, float] | None = None, steps: int = COMPARISON_STEPS, w0: float = 0.0,
) -> View:
    """Loss per step for a too-small, a good and a too-large learning rate (log scale)."""
    rates = RATES if rates is None else rates
    losses = rate_comparison_losses(rates, steps, w0)
    fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 3.8))
    ax = axes[0, 0]
    for i, (name, eta) in enumerate(rates.items(), start=1):
        ax.semilogy(np.arange(steps + 1), losses[name], ms=4, lw=1.5, **layer_style(i),
                    label=f"η = {eta:g} ({name})")
    ax.axhline(fit_loss(W_STAR), color=COLORS["neutral"], ls="--", lw=1, label="min L")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(-0.5, steps + 0.5)
    label_axes(ax, f"the same {steps} steps from w₀ = {w0:g} with three learning rates",
               "step t", "loss L(w_t) (log scale)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    parts = [f"η = {eta:g} ({name}): L = {losses[name][-1]:.3g}, {_trend(losses[name])}"
             for name, eta in rates.items()]
    text = f"Loss after {steps} steps: " + "; ".join(parts) + "."
    return View(fig, text)


def check_fit_gradient(answer: Any) -> bool:
    """dL/dw of the toy fit at ``w = 1`` (a number)."""
    mean_not_sum = fit_gradient(1.0) * len(FIT_X)
    return check_number(
        answer, fit_gradient(1.0), name="gradient at w = 1",
        traps={mean_not_sum: "that is the sum over the points: L is a mean, divide by N = 3.",
               fit_gradient(1.0) / 2: "you dropped the 2 from the derivative of the square."},
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
    return check_number(
        answer, 2.0 / CURVATURE, name="largest stable η",
        traps={1.0 / CURVATURE: "at that η one step lands exactly on w* (1 − η·L'' = 0); "
               "the limit is where 1 − η·L'' reaches −1.",
               1.0 / float(np.mean(FIT_X**2)) * 2.0: "L'' = 2·mean(x_i²): did you drop the 2?"},
        hint="Each step multiplies w − w* by (1 − η·L''), with L'' = 2·mean(x_i²). "
        "For which η does |1 − η·L''| reach 1?",
    )
