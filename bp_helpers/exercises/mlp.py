"""Checkers for notebook 05 (a vectorized NumPy MLP on XOR).

Each prints ``✓ name: correct`` or ``✗ name: hint`` and returns a bool; none raises on a
learner's answer.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bp_helpers.exercises import NOT_ANSWERED, _report, check_array, check_number, is_unanswered

# Exercise 1: the number of parameters of an MLP with widths (2, 8, 8, 1).
PARAM_COUNT_WIDTHS = (2, 8, 8, 1)

# Exercise 2: ∂L/∂Z for BCE-with-logits on this batch (one sample per column).
BCE_Z = np.array([[2.0, -1.0, 0.0, 3.0]])
BCE_Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def check_param_count(answer: Any) -> bool:
    """Exercise 1: how many numbers (weights and biases) does ``MLP((2, 8, 8, 1))`` learn?"""
    pairs = zip(PARAM_COUNT_WIDTHS[:-1], PARAM_COUNT_WIDTHS[1:], strict=True)
    expected = sum(n_out * n_in + n_out for n_in, n_out in pairs)
    return check_number(
        answer, expected, name="parameter count",
        hint="layer l has a weight matrix of shape (n_l, n_{l-1}) and a bias of shape (n_l, 1); "
        "add n_l·n_{l-1} + n_l over the three layers",
    )


def check_bce_grad(answer: Any) -> bool:
    """Exercise 2: ``dZ = ∂L/∂Z`` for ``bce_with_logits(BCE_Z, BCE_Y)``, shape (1, 4)."""
    expected = (1.0 / (1.0 + np.exp(-BCE_Z)) - BCE_Y) / BCE_Z.shape[1]
    return check_array(
        answer, expected, name="BCE gradient",
        hint="each column is (σ(z) − y) divided by N, the number of samples (columns)",
    )


def _reference_dense_backward(
    dZ: np.ndarray, A_prev: np.ndarray, W: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


def check_dense_backward(answer: Any) -> bool:
    """Exercise 3: ``f(dZ, A_prev, W) -> (dA_prev, dW, db)`` for ``Z = W @ A_prev + b``.

    ``dZ``: (n_out, N), ``A_prev``: (n_in, N), ``W``: (n_out, n_in).
    """
    name = "dense backward"
    if is_unanswered(answer):
        return _report(name, False, NOT_ANSWERED)
    if not callable(answer):
        return _report(name, False, f"expected a function, got {type(answer).__name__}")
    rng = np.random.default_rng(7)
    parts = ("dA_prev", "dW", "db")
    for n_in, n_out, N in ((3, 2, 5), (1, 4, 1), (4, 4, 3)):
        dZ, A_prev = rng.standard_normal((n_out, N)), rng.standard_normal((n_in, N))
        W = rng.standard_normal((n_out, n_in))
        want = _reference_dense_backward(dZ, A_prev, W)
        try:
            got = answer(dZ.copy(), A_prev.copy(), W.copy())
        except Exception as exc:  # the learner's code: report, never raise
            return _report(name, False, f"calling it raised {type(exc).__name__}: {exc}")
        if is_unanswered(got):
            return _report(name, False, NOT_ANSWERED)
        try:
            got = tuple(np.asarray(g, dtype=float) for g in got)
        except (TypeError, ValueError):
            got = ()
        if len(got) != 3:
            return _report(name, False, "return a tuple of three arrays: (dA_prev, dW, db)")
        for part, g, w in zip(parts, got, want, strict=True):
            if g.shape != w.shape:
                return _report(
                    name, False,
                    f"{part} has shape {g.shape}, expected {w.shape}: a gradient has the shape "
                    "of what it is the gradient of",
                )
            if not np.allclose(g, w, rtol=1e-8, atol=1e-10):
                hints = {
                    "dA_prev": "dA_prev = Wᵀ @ dZ",
                    "dW": "dW = dZ @ A_prevᵀ (sums over the samples)",
                    "db": "db sums dZ over the samples (axis=1, keepdims=True)",
                }
                return _report(name, False, f"{part} has the right shape but wrong values; "
                               f"{hints[part]}")
    return _report(name, True, "")


def check_one_unit_accuracy(answer: Any) -> bool:
    """Exercise 4: the best accuracy on XOR of a network with ONE hidden unit (2, 1, 1)."""
    return check_number(
        answer, 0.75, name="one hidden unit",
        hint="with one hidden unit the output is a monotone function of one line w·x + b, "
        "so the boundary is a straight line: how many of the 4 XOR points can one line get right?",
    )
