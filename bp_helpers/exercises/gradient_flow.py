"""Checkers for the exercises of notebook 06 (activations and gradient flow).

Each checker takes the learner's answer, prints ``✓ name: correct`` or ``✗ name: hint``
and returns a bool. None of them raises on a wrong, unfinished or malformed answer.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from bp_helpers.exercises import (
    NOT_ANSWERED,
    _report,
    check_array,
    check_number,
    function_ready,
    is_unanswered,
)


def check_sigmoid_chain(answer: Any) -> bool:
    """The largest factor ten sigmoid derivatives can multiply a gradient by (a number)."""
    if not is_unanswered(answer) and _close(answer, 0.25 * 10):
        return _report("ten sigmoid layers", False,
                       "the factors multiply, they do not add: use a power, not a product by 10.")
    return check_number(
        answer, 0.25**10, name="ten sigmoid layers",
        hint="Each layer contributes a factor σ'(z) ≤ 1/4; the chain rule multiplies ten of them.",
    )


def check_he_std(answer: Any) -> bool:
    """The He standard deviation for a layer with ``n_in = 512`` inputs (a number)."""
    if not is_unanswered(answer) and _close(answer, 2.0 / 512):
        return _report("He std", False, "2/n_in is the variance; the standard deviation is its "
                       "square root.")
    if not is_unanswered(answer) and _close(answer, math.sqrt(1.0 / 512)):
        return _report("He std", False, "that is √(1/n_in); He doubles the variance for ReLU.")
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
        return _report("residual backward", False,
                       "that is the branch alone: the skip connection adds dA itself as well.")
    return check_array(
        answer, dA + branch, name="residual backward",
        hint="Two paths lead back to A_prev: the skip (gradient dA) and the branch "
        "(Wᵀ (dA ⊙ tanh'(Z)), with tanh' = 1 − tanh²). Add them.",
    )


def _reference_clip(grads: dict[str, np.ndarray], max_norm: float) -> dict[str, np.ndarray]:
    total = math.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
    factor = min(1.0, max_norm / total) if total > 0 else 1.0
    return {k: g * factor for k, g in grads.items()}


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
            return _report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if got is None:
            return _report(name, False, "your function returns None: " + NOT_ANSWERED)
        if not isinstance(got, dict) or set(got) != set(grads):
            return _report(name, False, f"return a dict with the same keys {sorted(grads)}.")
        want = _reference_clip(grads, max_norm)
        per_array = {k: g * min(1.0, max_norm / float(np.linalg.norm(g))) for k, g in grads.items()}
        if all(_close_array(got[k], per_array[k]) for k in grads) and not all(
            _close_array(got[k], want[k]) for k in grads
        ):
            return _report(name, False, "you clipped each array on its own; clip them together "
                           "so the update keeps its direction.")
        if not all(_close_array(got[k], want[k]) for k in grads):
            return _report(name, False, f"wrong result for max_norm = {max_norm}. {hint}")
    return _report(name, True, "")


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
