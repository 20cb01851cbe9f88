"""Checkers for the exercises of notebook 07 (forward mode, reverse mode, accumulation).

Each checker takes the learner's answer, prints ``✓ name: correct`` or ``✗ name: hint``
and returns a bool. None of them raises on a wrong, unfinished or malformed answer.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from bp_helpers.dual import Dual
from bp_helpers.exercises import NOT_ANSWERED, _report, check_array, function_ready, is_unanswered


def check_dual_product(answer: Any) -> bool:
    """``(value, tangent)`` of ``(3 + 2ε)·(4 − ε)`` (a pair of numbers)."""
    if not is_unanswered(answer) and _matches(answer, [12.0, -2.0]):
        return _report("dual product", False, "the ε part is not the product of the ε parts: "
                       "expand (a + ȧε)(b + ḃε) and use ε² = 0.")
    return check_array(
        answer, np.array([12.0, 5.0]), name="dual product",
        hint="(a + ȧε)(b + ḃε) = ab + (a·ḃ + ȧ·b)ε: the product rule. Give (value, tangent).",
    )


def check_passes(answer: Any) -> bool:
    """Passes for the full Jacobian of ``f: R^1000 → R^10``: ``(forward, reverse)``."""
    if not is_unanswered(answer) and _matches(answer, [10.0, 1000.0]):
        return _report("passes", False, "swapped: forward mode gets one COLUMN (one input) per "
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
        return _report("VJP", False, "you left out tanh' = 1 − tanh²(Wx): the chain rule "
                       "passes through the activation first.")
    return check_array(
        answer, W.T @ (u * s), name="VJP",
        hint="J = diag(1 − tanh²(Wx)) W, so uᵀJ = Wᵀ (u ⊙ (1 − tanh²(Wx))): shape (3,).",
    )


def check_accumulation_weights(answer: Any) -> bool:
    """Weights of the micro-batch gradients for sizes (50, 30, 20): shape (3,)."""
    if not is_unanswered(answer) and _matches(answer, [1 / 3, 1 / 3, 1 / 3]):
        return _report("accumulation weights", False, "a plain average is right only when the "
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
            return _report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if out is None:
            return _report(name, False, "your function returns None: " + NOT_ANSWERED)
        if not isinstance(out, Dual):
            return _report(name, False, f"return a Dual, got {type(out).__name__}. {hint}")
        if not math.isclose(out.value, math.sin(a), rel_tol=1e-9, abs_tol=1e-12):
            return _report(name, False, f"the value at a = {a} should be sin(a). {hint}")
        if math.isclose(out.tangent, math.cos(a), rel_tol=1e-9) and a_dot != 1.0:
            return _report(name, False, "multiply cos(a) by the incoming tangent ȧ (the chain "
                           "rule), so that seeds other than 1 work too.")
        if not math.isclose(out.tangent, math.cos(a) * a_dot, rel_tol=1e-9, abs_tol=1e-12):
            return _report(name, False, f"wrong tangent for a = {a}, ȧ = {a_dot}. {hint}")
    return _report(name, True, "")


def _matches(answer: Any, value: Any) -> bool:
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    value = np.asarray(value, dtype=float)
    return arr.shape == value.shape and bool(np.allclose(arr, value, rtol=1e-6, atol=1e-9))
