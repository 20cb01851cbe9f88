"""Notebook 07, Forward and reverse mode: the cost of each mode and the exercises.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from bp_helpers.dual import Dual
from bp_helpers.ui.checks import NOT_ANSWERED, check_array, function_ready, is_unanswered, report
from bp_helpers.ui.explore import Explorer, IntRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style

_PALE, _COLUMN, _ROW, _BOTH = 0, 1, 2, 3
_CMAP = ListedColormap(["#f0f0f0", COLORS["function"], COLORS["tangent"], "#7b3294"])


def passes_for_jacobian(n_inputs: int, n_outputs: int) -> tuple[int, int]:
    """``(forward, reverse)``: the passes each mode needs for an ``m × n`` Jacobian.

    Forward mode gets one column per pass, so ``n``; reverse mode one row, so ``m``.
    """
    for value, name in ((n_inputs, "n_inputs"), (n_outputs, "n_outputs")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return int(n_inputs), int(n_outputs)


def mode_costs(n_inputs: int = 8, n_outputs: int = 1, *, fig: Figure | None = None) -> View:
    """The Jacobian of ``f: R^n → R^m`` with one JVP column and one VJP row marked, and
    the passes forward and reverse mode need for all of it."""
    forward, reverse = passes_for_jacobian(n_inputs, n_outputs)
    grid = np.full((n_outputs, n_inputs), _PALE)
    grid[:, 0] = _COLUMN
    grid[0, :] = _ROW
    grid[0, 0] = _BOTH

    fig, axes = fresh_figure(fig, 1, 2, figsize=(9.5, 3.8))
    ax_jac, ax_cost = axes[0]
    edge = 0.5 if max(n_inputs, n_outputs) <= 32 else 0.0
    ax_jac.pcolormesh(np.arange(n_inputs + 1) + 0.5, np.arange(n_outputs + 1) + 0.5, grid,
                      cmap=_CMAP, vmin=0, vmax=3, edgecolors="white", linewidth=edge)
    ax_jac.set_xlim(0.5, n_inputs + 0.5)
    ax_jac.set_ylim(n_outputs + 0.5, 0.5)  # row 1 at the top, as in a matrix
    label_axes(ax_jac, f"Jacobian, {n_outputs} × {n_inputs}: blue column = 1 forward pass,\n"
               "red row = 1 reverse pass", "input j (column)", "output i (row)")
    ax_jac.set_xticks(sorted({1, n_inputs}))
    ax_jac.set_yticks(sorted({1, n_outputs}))
    ax_jac.grid(False)

    bars = ax_cost.bar(["forward mode", "reverse mode"], [forward, reverse],
                       color=[COLORS["function"], COLORS["tangent"]])
    ax_cost.bar_label(bars, labels=[f"{forward}", f"{reverse}"])
    ax_cost.set_ylim(0, 70)
    label_axes(ax_cost, "Passes for the whole Jacobian", "mode", "number of passes")

    if forward == reverse:
        verdict = "both modes need the same number of passes"
    elif reverse < forward:
        verdict = f"reverse mode is cheaper, {forward / reverse:.3g}× fewer passes"
    else:
        verdict = f"forward mode is cheaper, {reverse / forward:.3g}× fewer passes"
    text = "\n".join([
        f"f: R^{n_inputs} → R^{n_outputs}, Jacobian {n_outputs} × {n_inputs}",
        f"forward mode: {forward} pass(es), one column each (JVPs with v = e_j)",
        f"reverse mode: {reverse} pass(es), one row each (VJPs with u = e_i)",
        f"verdict: {verdict}",
        "(the purple entry J[1, 1] lies in both the first column and the first row)",
    ])
    return View(fig, text)


MODES = Explorer(mode_costs, {"n_inputs": IntRange(1, 64), "n_outputs": IntRange(1, 64)})


def check_dual_product(answer: Any) -> bool:
    """``(value, tangent)`` of ``(3 + 2ε)·(4 − ε)`` (a pair of numbers)."""
    if not is_unanswered(answer) and _matches(answer, [12.0, -2.0]):
        return report("dual product", False, "the ε part is not the product of the ε parts: "
                       "expand (a + ȧε)(b + ḃε) and use ε² = 0.")
    return check_array(
        answer, np.array([12.0, 5.0]), name="dual product",
        hint="(a + ȧε)(b + ḃε) = ab + (a·ḃ + ȧ·b)ε: the product rule. Give (value, tangent).",
    )


def check_passes(answer: Any) -> bool:
    """Passes for the full Jacobian of ``f: R^1000 → R^10``: ``(forward, reverse)``."""
    if not is_unanswered(answer) and _matches(answer, [10.0, 1000.0]):
        return report("passes", False, "swapped: forward mode gets one COLUMN (one input) per "
                       "pass, reverse mode one ROW (one output) per pass.")
    return check_array(
        answer, np.array([1000.0, 10.0]), name="passes",
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
    if not is_unanswered(answer) and _matches(answer, W.T @ u):
        return report("VJP", False, "you left out tanh' = 1 − tanh²(Wx): the chain rule "
                       "passes through the activation first.")
    return check_array(
        answer, W.T @ (u * s), name="VJP",
        hint="J = diag(1 − tanh²(Wx)) W, so uᵀJ = Wᵀ (u ⊙ (1 − tanh²(Wx))): shape (3,).",
    )


def check_accumulation_weights(answer: Any) -> bool:
    """Weights of the micro-batch gradients for sizes (50, 30, 20): shape (3,)."""
    if not is_unanswered(answer) and _matches(answer, [1 / 3, 1 / 3, 1 / 3]):
        return report("accumulation weights", False, "a plain average is right only when the "
                       "micro-batches have equal sizes; these do not.")
    return check_array(
        answer, np.array([0.5, 0.3, 0.2]), name="accumulation weights",
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
            out = answer(Dual(a, a_dot))
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
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


def _matches(answer: Any, value: Any) -> bool:
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    value = np.asarray(value, dtype=float)
    return arr.shape == value.shape and bool(np.allclose(arr, value, rtol=1e-6, atol=1e-9))
