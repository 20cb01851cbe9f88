"""Notebook 07, Forward and reverse mode: the cost of each mode and the exercises.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from bp_helpers.dual import Dual
from bp_helpers.hvp import grad_and_hvp, hessian, hvp
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    call_with_time_limit,
    check_array,
    function_ready,
    report,
    too_slow,
)

# verify and use_course_style are re-exported for the notebook (it imports only its lesson).
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Explorer, IntRange
from bp_helpers.ui.palette import COLORS
from bp_helpers.ui.style import View, dynamic, figure_state, label_axes
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

#: The sliders' largest size: the Jacobian panels are drawn to scale in this frame.
N_MAX = 64
_PASS_TICKS = (1, 4, 16, 64)


def passes_for_jacobian(n_inputs: int, n_outputs: int) -> tuple[int, int]:
    """``(forward, reverse)``: the passes each mode needs for an ``m × n`` Jacobian.

    Forward mode gets one column per pass, so ``n``; reverse mode one row, so ``m``.
    """
    for value, name in ((n_inputs, "n_inputs"), (n_outputs, "n_outputs")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return int(n_inputs), int(n_outputs)


def _build_modes(fig: Figure) -> dict[str, Any]:
    """The static parts of :func:`mode_costs`, drawn once; returns the moving artists."""
    axes = fig.subplots(1, 3)
    artists: dict[str, Any] = {}
    for key, ax, color, what in (
        ("fwd", axes[0], COLORS["forward"], "1 forward pass: column 1"),
        ("rev", axes[1], COLORS["backward"], "1 reverse pass: row 1"),
    ):
        # the Jacobian (pale, outlined) and the column or row one pass computes (filled)
        artists[f"{key}_border"] = dynamic(ax.add_patch(Rectangle(
            (0.5, 0.5), 1, 1, facecolor=to_rgba(COLORS["neutral"], 0.3),
            edgecolor=COLORS["ink"], linewidth=1.0)))
        artists[f"{key}_mark"] = dynamic(ax.add_patch(Rectangle(
            (0.5, 0.5), 1, 1, facecolor=color, edgecolor=color, linewidth=1.5)))
        ax.set_xlim(0.5, N_MAX + 0.5)
        ax.set_ylim(N_MAX + 0.5, 0.5)  # row 1 at the top, as in a matrix
        ax.set_aspect("equal")
        ax.set_xticks([1, N_MAX // 2, N_MAX])
        ax.set_yticks([1, N_MAX // 2, N_MAX])
        ax.grid(False)
        for spine in ax.spines.values():  # the frame: the largest Jacobian the sliders allow
            spine.set_visible(True)
            spine.set_color(COLORS["neutral"])
        label_axes(ax, what, "input j", "output i")
    ax_cost = axes[2]
    bars = ax_cost.bar([0, 1], [0.5, 0.5], bottom=0.5, width=0.6,
                       color=[COLORS["forward"], COLORS["backward"]])
    bars[1].set_hatch("//")
    artists["bars"] = [dynamic(bar) for bar in bars]
    artists["labels"] = [dynamic(ax_cost.text(i, 1.0, "", ha="center", va="bottom",
                                              fontsize=11)) for i in (0, 1)]
    ax_cost.set_yscale("log")
    ax_cost.set_ylim(0.5, 2.0 * N_MAX)
    ax_cost.set_yticks(_PASS_TICKS, [str(t) for t in _PASS_TICKS])
    ax_cost.minorticks_off()
    ax_cost.set_xlim(-0.6, 1.6)
    ax_cost.set_xticks([0, 1], ["forward mode", "reverse mode"])
    label_axes(ax_cost, "Passes for the whole Jacobian", "mode", "passes (log scale)")
    return artists


def mode_costs(n_inputs: int = 48, n_outputs: int = 16, *, fig: Figure | None = None) -> View:
    """The ``m × n`` Jacobian of ``f: R^n → R^m`` with the column one forward pass computes,
    the row one reverse pass computes, and the passes each mode needs for all of it.

    The Jacobian panels are drawn to scale in a fixed ``N_MAX × N_MAX`` frame and the bars
    on a fixed log axis, so a slider move changes only the data.
    """
    forward, reverse = passes_for_jacobian(n_inputs, n_outputs)
    if max(forward, reverse) > N_MAX:
        raise ValueError(f"n_inputs and n_outputs must be at most {N_MAX}, "
                         f"got {n_inputs} and {n_outputs}")
    fig, artists = figure_state(fig, _build_modes, figsize=(9.5, 3.4))
    for key, column in (("fwd", True), ("rev", False)):
        artists[f"{key}_border"].set_width(n_inputs)
        artists[f"{key}_border"].set_height(n_outputs)
        mark = artists[f"{key}_mark"]
        mark.set_width(1 if column else n_inputs)
        mark.set_height(n_outputs if column else 1)
    for bar, text, passes in zip(artists["bars"], artists["labels"], (forward, reverse),
                                 strict=True):
        bar.set_height(passes - 0.5)
        text.set_position((bar.get_x() + bar.get_width() / 2, passes * 1.08))
        text.set_text(f"{passes}")

    if forward == reverse:
        verdict = "both modes need the same number of passes"
    elif reverse < forward:
        verdict = f"reverse mode is cheaper, {forward / reverse:.3g}× fewer passes"
    else:
        verdict = f"forward mode is cheaper, {reverse / forward:.3g}× fewer passes"
    text = "\n".join([
        f"f: R^{n_inputs} → R^{n_outputs}, Jacobian {n_outputs} × {n_inputs} "
        f"(drawn to scale in a {N_MAX} × {N_MAX} frame)",
        f"forward mode: {forward} pass(es), one column each (JVPs with v = e_j)",
        f"reverse mode: {reverse} pass(es), one row each (VJPs with u = e_i)",
        f"verdict: {verdict}",
    ])
    return View(fig, text)


MODES = Explorer(mode_costs, {"n_inputs": IntRange(1, N_MAX), "n_outputs": IntRange(1, N_MAX)})


def _as_pair(answer: Any) -> Any:
    """A ``Dual`` as its ``(value, tangent)`` pair; anything else unchanged."""
    if isinstance(answer, Dual):
        return (answer.value, answer.tangent)
    return answer


def check_dual_product(answer: Any) -> bool:
    """``(value, tangent)`` of ``(3 + 2ε)·(4 − ε)``: a pair of numbers, or the ``Dual`` itself."""
    if isinstance(answer, Dual):
        answer = (answer.value, answer.tangent)
    return check_array(
        answer, np.array([12.0, 5.0]), name="dual product",
        traps=[([12.0, -2.0], "the ε part is not the product of the ε parts: expand "
                "(a + ȧε)(b + ḃε) and use ε² = 0.")],
        hint="(a + ȧε)(b + ḃε) = ab + (a·ḃ + ȧ·b)ε: the product rule. Give (value, tangent).",
    )


def check_passes(answer: Any) -> bool:
    """Passes for the full Jacobian of ``f: R^1000 → R^10``: ``(forward, reverse)``, exact
    whole numbers."""
    return check_array(
        answer, np.array(passes_for_jacobian(1000, 10)), name="passes", integer=True,
        traps=[(passes_for_jacobian(1000, 10)[::-1], "swapped: forward mode gets one COLUMN "
                "(one input) per pass, reverse mode one ROW (one output) per pass.")],
        hint="The Jacobian is 10 × 1000. A JVP gives one column, a VJP one row.",
    )


def vjp_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the VJP exercise: ``W``: (2, 3), ``x``: (3,), ``u``: (2,).

    The function is ``f(x) = tanh(W @ x)``, from R³ to R².
    """
    W = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.5]])
    x = np.array([0.2, -0.4, 0.6])
    u = np.array([1.0, -2.0])
    return W, x, u


def check_vjp(answer: Any) -> bool:
    """``uᵀJ`` of ``f(x) = tanh(W @ x)`` at the point of :func:`vjp_exercise`: shape (3,)."""
    W, x, u = vjp_exercise()
    s = 1.0 - np.tanh(W @ x) ** 2
    return check_array(
        answer, W.T @ (u * s), name="VJP",
        traps=[(W.T @ u, "you left out tanh' = 1 − tanh²(Wx): the chain rule passes through "
                "the activation first.")],
        hint="J = diag(1 − tanh²(Wx)) W, so uᵀJ = Wᵀ (u ⊙ (1 − tanh²(Wx))): shape (3,).",
    )


def check_accumulation_weights(answer: Any) -> bool:
    """Weights of the micro-batch gradients for sizes (50, 30, 20): shape (3,)."""
    return check_array(
        answer, np.array([0.5, 0.3, 0.2]), name="accumulation weights",
        traps=[([1 / 3, 1 / 3, 1 / 3], "a plain average is right only when the micro-batches "
                "have equal sizes; these do not."),
               ([50.0, 30.0, 20.0], "those are the sizes N_j; divide each by N = 100.")],
        hint="The full loss is (1/N) Σ over all samples; micro-batch j holds N_j of the N = 100 "
        "samples and its mean loss L_j, so L = Σ_j (N_j / N) L_j.",
    )


def check_dual_sin(answer: Any) -> bool:
    """A function ``dual_sin(x: Dual) -> Dual`` with value ``sin a`` and tangent ``cos a · ȧ``."""
    name = "dual sin"
    hint = "sin(a + ȧε) = sin a + (cos a)·ȧ·ε: return Dual(math.sin(x.value), ...)."
    if not function_ready(answer, name=name, hint=hint):
        return False
    for a, a_dot in [(0.3, 1.0), (-2.0, 0.5), (4.0, -3.0)]:
        try:
            finished, out = call_with_time_limit(answer, Dual(a, a_dot))
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if not finished:
            return report(name, False, too_slow(f"dual_sin(Dual({a}, {a_dot}))"))
        if out is None:
            return report(name, False, "your function returns None: " + NOT_ANSWERED)
        if not isinstance(out, Dual):
            return report(name, False, f"return a Dual, got {type(out).__name__}. {hint}")
        if not math.isclose(out.value, math.sin(a), rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, f"the value at a = {a} should be sin(a). {hint}")
        if math.isclose(out.tangent, math.cos(a), rel_tol=1e-9) and a_dot != 1.0:
            return report(name, False, "multiply cos(a) by the incoming tangent ȧ (the chain "
                           "rule), so that seeds other than 1 work too.")
        if not math.isclose(out.tangent, math.cos(a) * a_dot, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, f"wrong tangent for a = {a}, ȧ = {a_dot}. {hint}")
    return report(name, True, "")


#: The HVP exercise: f(x₁, x₂) = x₁²·x₂ at HVP_POINT, along HVP_DIRECTION.
HVP_POINT = (1.0, 2.0)
HVP_DIRECTION = (1.0, 0.0)


def hvp_exercise_function(x: Any) -> Any:
    """``f(x₁, x₂) = x₁²·x₂``, written with the operations of ``Value`` (a pair in, a scalar
    out), so :func:`bp_helpers.hvp.hvp` can differentiate it twice."""
    x1, x2 = x
    return x1 * x1 * x2


def check_hvp(answer: Any) -> bool:
    """``H v`` of ``f = x₁²·x₂`` at ``(1, 2)`` with ``v = (1, 0)``: shape (2,)."""
    x, v = np.array(HVP_POINT), np.array(HVP_DIRECTION)
    want = hvp(hvp_exercise_function, x, v)
    grad = grad_and_hvp(hvp_exercise_function, x, v)[0]
    H = hessian(hvp_exercise_function, x)
    return check_array(
        answer, want, name="Hessian-vector product",
        traps=[(grad, "that is the gradient ∇f = (2x₁x₂, x₁²), not H v: differentiate once more."),
               (H @ v[::-1], "that is H times (0, 1): v = (1, 0) picks the first column of H."),
               (np.diag(H) * v, "only the diagonal of H: H v also needs ∂²f/∂x₂∂x₁ = 2x₁.")],
        hint="H = [[∂²f/∂x₁², ∂²f/∂x₁∂x₂], [∂²f/∂x₂∂x₁, ∂²f/∂x₂²]] at (1, 2); then multiply by v.",
    )
