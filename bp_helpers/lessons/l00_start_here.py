"""Notebook 00, Start here: the toy fit, gradient descent on one weight, its exercises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bp_helpers._validate import bounded_int, finite_array, finite_float, positive_float
from bp_helpers.messages import language, t, t_in
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
    figure_language,
    figure_state,
    fresh_figure,
    ft,
    in_course_style,
    label_axes,
    legend_outside,
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
    for k in range(int(steps)):
        path[k + 1] = path[k] - eta * fit_gradient(path[k])
    return path


def central_difference_verdict(points: Sequence[float]) -> str:
    """The check line of section 1: dL/dw agrees with central differences at ``points``."""
    values = [finite_float(w, "points") for w in points]
    if not values:
        raise ValueError("points must name at least one w")
    return t("l00.central_agree", points=", ".join(f"{w:g}" for w in values))


def descent_summary(w: float, w_star: float, steps: int) -> str:
    """Where ``steps`` steps of gradient descent ended (``w``) against ``w*``, and the ✓ line
    that the loss fell at every step (which the notebook asserts just before)."""
    w, w_star = finite_float(w, "w"), finite_float(w_star, "w_star")
    steps = bounded_int(steps, "steps", 0)
    return t("l00.descent_summary", w_star=w_star, steps=steps, w=w, gap=abs(w - w_star))


#: Half the width (in w) of each tangent segment :func:`plot_loss_tangents` draws.
TANGENT_HALF_WIDTH = 0.5


def _slope_look(slope: float) -> tuple[str, str, str]:
    """``(colour, line style, words)`` of a tangent: the sign of its slope picks the colour
    (negative / positive) and the line style, so the two tell them apart without colour."""
    if slope < 0:
        return COLORS["negative"], "-", t("l00.slope_negative")
    if slope > 0:
        return COLORS["positive"], "--", t("l00.slope_positive")
    return COLORS["neutral"], ":", t("l00.slope_zero")


def plot_loss_tangents(
    ws: Sequence[float] | Array,
    losses: Sequence[float] | Array,
    tangents: Mapping[float, tuple[float, float]],
) -> View:
    """The loss curve and a short tangent at a few points, coloured by the sign of its slope.

    ``ws``, ``losses``: the curve, shape ``(K,)`` each (``losses[k] = L(ws[k])``);
    ``tangents``: ``w → (L(w), dL/dw(w))`` for each point that gets a tangent.
    """
    ws, losses = finite_array(ws, "ws", ndim=1), finite_array(losses, "losses", ndim=1)
    if ws.size < 2 or losses.shape != ws.shape:
        raise ValueError(f"ws and losses must have the same shape (K,) with K >= 2, got "
                         f"{ws.shape} and {losses.shape}")
    if not isinstance(tangents, Mapping):
        raise TypeError(f"tangents must map w to (L(w), dL/dw), got {type(tangents).__name__}")
    if not tangents:
        raise ValueError("tangents must name at least one point w")
    points = []
    for w_at, pair in tangents.items():
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise TypeError(f"tangents[{w_at!r}] must be a pair (L(w), dL/dw), got {pair!r:.60}")
        points.append((finite_float(w_at, "a tangent's w"), finite_float(pair[0], "L(w)"),
                       finite_float(pair[1], "dL/dw")))

    with in_course_style():
        fig, axes = fresh_figure(None, 1, 1, figsize=(9.5, 3.8))
        ax = axes[0, 0]
        ax.plot(ws, losses, color=COLORS["function"], label="L(w)")
        parts = []
        for w_at, loss_at, slope in points:
            color, style, words = _slope_look(slope)
            span = np.array([w_at - TANGENT_HALF_WIDTH, w_at + TANGENT_HALF_WIDTH])
            ax.plot(span, loss_at + slope * (span - w_at), color=color, lw=3, ls=style,
                    label=ft("l00.tangent_label", w=w_at, slope=slope))
            parts.append(t("l00.tangent_text", w=w_at, slope=slope, words=words))
        label_axes(ax, ft("l00.tangents_title", count=len(points)), ft("l00.parameter_w"),
                   ft("l00.loss_w"))
        legend_outside(ax)
    lowest = int(np.argmin(losses))
    text = t("l00.tangents_text", first=ws[0], last=ws[-1], loss=losses[lowest],
             w=ws[lowest], tangents=t("l00.separator").join(parts))
    return View(fig, text)


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
                              label=ft("l00.iterates"))
    start, = ax_path.plot([], [], "s", color=COLORS["ink"], ms=7, label=ft("l00.start"))
    ax_path.axvline(W_STAR, color=COLORS["neutral"], ls="--", lw=1, label=f"w* = {W_STAR:.3f}")
    ax_path.set_xlim(*W_LIMITS)
    ax_path.set_ylim(-2.0, float(fit_loss(np.array(W_LIMITS)).max()) * 1.05)
    label_axes(ax_path, ft("l00.path_title"), ft("l00.parameter_w"), ft("l00.loss_w"))
    ax_path.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=4)

    loss_line, = ax_loss.semilogy([], [], "o-", color=COLORS["highlight"], ms=3,
                                  label="L(w_t)")
    ax_loss.axhline(fit_loss(W_STAR), color=COLORS["neutral"], ls="--", lw=1, label="min L")
    ax_loss.set_xlim(-0.5, STEPS_RANGE.max + 0.5)
    ax_loss.set_ylim(*_loss_limits())
    sparse_log_ticks(ax_loss.yaxis, 7)
    ax_loss.xaxis.set_major_locator(MaxNLocator(integer=True))
    label_axes(ax_loss, ft("l00.loss_title"), ft("l00.step_t"), ft("l00.loss_log"))
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
    verdict = t("l00.converges") if abs(rate) < 1 else t("l00.diverges")
    outside = int(np.count_nonzero((path < W_LIMITS[0]) | (path > W_LIMITS[1])))
    beyond = t("l00.beyond", outside=outside, total=path.size) if outside else ""
    text = t("l00.descent_text", eta=eta, w0=w0, steps=steps, w=path[-1], w_star=W_STAR,
             loss=losses[-1], min_loss=fit_loss(W_STAR), rate=rate, verdict=verdict,
             beyond=beyond)
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
        return t("l00.at_minimum")
    return t("l00.still_falling") if losses[-1] < losses[0] else t("l00.rising")


def _rate_name(name: str, language: str) -> str:
    """A name of :data:`RATES` in ``language`` (other names as given)."""
    known = {"too small": t_in(language, "l00.too_small"),
             "good": t_in(language, "l00.good"),
             "too large": t_in(language, "l00.too_large")}
    return known.get(name, name)


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
                    label=ft("l00.rate_label", eta=eta, name=_rate_name(name, figure_language())))
    ax.axhline(fit_loss(W_STAR), color=COLORS["neutral"], ls="--", lw=1, label="min L")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(-0.5, steps + 0.5)
    label_axes(ax, ft("l00.comparison_title", steps=steps, w0=w0),
               ft("l00.step_t"), ft("l00.loss_log"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    parts = [t("l00.rate_result", eta=eta, name=_rate_name(name, language()),
               loss=losses[name][-1], trend=_trend(losses[name]))
             for name, eta in rates.items()]
    text = t("l00.comparison_text", steps=steps, results=t("l00.separator").join(parts))
    return View(fig, text)


def rate_comparison_summary() -> str:
    """What :func:`learning_rate_comparison` shows, in two sentences (Markdown)."""
    final = {name: float(losses[-1]) for name, losses in rate_comparison_losses().items()}
    return t("l00.comparison_summary", steps=COMPARISON_STEPS, small=RATES["too small"],
             start=fit_loss(0.0), small_loss=final["too small"],
             times=final["too small"] / final["good"], good=RATES["good"],
             good_loss=final["good"], large=RATES["too large"], large_loss=final["too large"])


def numerical_gradient_cost(P: int) -> str:
    """P, and the 2P forward passes a central-difference gradient of P parameters needs."""
    P = bounded_int(P, "P", 1)
    return t("l00.numerical_cost", P=P, passes=2 * P)


def check_fit_gradient(answer: Any) -> bool:
    """dL/dw of the toy fit at ``w = 1`` (a number)."""
    mean_not_sum = fit_gradient(1.0) * len(FIT_X)
    return check_number(
        answer, fit_gradient(1.0), name=t("l00.name_fit_gradient"),
        traps={mean_not_sum: t("l00.trap_sum"), fit_gradient(1.0) / 2: t("l00.trap_no_2")},
        hint=t("l00.hint_fit_gradient"),
    )


def check_one_step(answer: Any) -> bool:
    """``w`` after one gradient-descent step from ``w = 1`` with ``η = 0.05`` (a number)."""
    step = 0.05 * fit_gradient(1.0)
    return check_number(
        answer, 1.0 - step, name=t("l00.name_one_step"),
        traps={1.0 + step: t("l00.trap_uphill")},
        hint=t("l00.hint_one_step"),
    )


def check_largest_rate(answer: Any) -> bool:
    """The learning rate above which gradient descent on the toy fit diverges (a number)."""
    return check_number(
        answer, 2.0 / CURVATURE, name=t("l00.name_largest_rate"),
        traps={1.0 / CURVATURE: t("l00.trap_lands_on_w_star"),
               1.0 / float(np.mean(FIT_X**2)) * 2.0: t("l00.trap_curvature_2")},
        hint=t("l00.hint_largest_rate"),
    )
