"""Checkers for the exercises of notebooks 00 (gradient descent) and 01 (the chain rule).

Each checker takes the learner's answer, prints ``✓ name: correct`` or ``✗ name: hint``
and returns a bool. None of them raises on a wrong, unfinished or malformed answer.
The reference answers are computed here, out of the learner's sight.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bp_helpers.exercises import (
    _report,
    check_array,
    check_expression,
    check_function,
    check_number,
    is_unanswered,
)

# --------------------------------------------------------------------------------------
# 00: the toy fit ŷ = w·x (the same data as bp_helpers.plotting.chain_rule.FIT_X/FIT_Y)
# --------------------------------------------------------------------------------------

_FIT_X = np.array([1.0, 2.0, 3.0])
_FIT_Y = np.array([2.1, 3.9, 6.2])


def _fit_gradient(w: float) -> float:
    return float(2.0 * np.mean((w * _FIT_X - _FIT_Y) * _FIT_X))


def check_fit_gradient(answer: Any) -> bool:
    """dL/dw of the toy fit at ``w = 1`` (a number)."""
    return check_number(
        answer, _fit_gradient(1.0), name="gradient at w = 1",
        hint="Use dL/dw = (2/N)·Σ (w·x_i − y_i)·x_i with w = 1 and the three data points.",
    )


def check_one_step(answer: Any) -> bool:
    """``w`` after one gradient-descent step from ``w = 1`` with ``η = 0.05`` (a number)."""
    expected = 1.0 - 0.05 * _fit_gradient(1.0)
    if not is_unanswered(answer) and np.isclose(_as_float(answer), 1.0 + 0.05 * _fit_gradient(1.0)):
        return _report("one step", False, "you stepped uphill: subtract η·dL/dw, do not add it.")
    return check_number(
        answer, expected, name="one step",
        hint="w_new = w − η·dL/dw, with w = 1, η = 0.05 and the gradient of the first exercise.",
    )


def check_largest_rate(answer: Any) -> bool:
    """The learning rate above which gradient descent on the toy fit diverges (a number)."""
    curvature = 2.0 * float(np.mean(_FIT_X**2))
    return check_number(
        answer, 2.0 / curvature, name="largest stable η", rtol=1e-4,
        hint="Each step multiplies w − w* by (1 − η·L''), with L'' = 2·mean(x_i²). "
        "For which η does |1 − η·L''| reach 1?",
    )


# --------------------------------------------------------------------------------------
# 01: the chain rule
# --------------------------------------------------------------------------------------


def check_softplus_derivative(answer: Any) -> bool:
    """dy/dx of ``y = ln(1 + e^(3x))`` as a sympy expression in the symbol ``x``."""
    import sympy as sp

    x = sp.Symbol("x")
    expected = 3 * sp.exp(3 * x) / (1 + sp.exp(3 * x))
    hint = "Outer: d/du ln(u) = 1/u with u = 1 + e^(3x); inner: du/dx = 3·e^(3x). Multiply."
    named_x = _rename_free_symbols(answer, x)
    if named_x is None:
        return _report("dy/dx of ln(1 + e^(3x))", False,
                       f"use the sympy symbol x = sp.Symbol('x') and no other symbol. {hint}")
    if isinstance(named_x, sp.Basic) and named_x.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return _report("dy/dx of ln(1 + e^(3x))", False, f"your answer is not finite. {hint}")
    return check_expression(named_x, expected, name="dy/dx of ln(1 + e^(3x))", hint=hint)


#: The point of the two-path exercise: ``u = x²``, ``v = sin x``, ``z = u·v + v²``.
TWO_PATH_X = 0.7


def check_two_path_derivative(answer: Any) -> bool:
    """dz/dx at ``x = 0.7`` for ``z = u·v + v²``, ``u = x²``, ``v = sin x`` (a number)."""
    x = TWO_PATH_X
    u, v = x * x, float(np.sin(x))
    via_u = v * 2 * x
    via_v = (u + 2 * v) * float(np.cos(x))
    name = "dz/dx by two paths"
    if not is_unanswered(answer):
        value = _as_float(answer)
        for one_path, which in ((via_u, "u"), (via_v, "v")):
            if np.isclose(value, one_path, rtol=1e-6):
                return _report(name, False, f"that is only the path through {which}. "
                               "x reaches z through u and through v: add both products.")
    return check_number(
        answer, via_u + via_v, name=name,
        hint="dz/dx = ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x, with ∂z/∂u = v and ∂z/∂v = u + 2v.",
    )


#: The point of the Jacobian exercise, ``(x1, x2)``.
JACOBIAN_POINT = (2.0, 0.5)


def check_jacobian(answer: Any) -> bool:
    """The 3×2 Jacobian of ``f(x1, x2) = (x1·x2, x1², sin x2)`` at ``(2, 0.5)``."""
    x1, x2 = JACOBIAN_POINT
    expected = np.array([[x2, x1], [2 * x1, 0.0], [0.0, np.cos(x2)]])
    if not is_unanswered(answer):
        try:
            value = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            value = None
        if value is not None and value.shape == (2, 3) and np.allclose(value, expected.T):
            return _report("Jacobian", False, "that is the transpose: row i holds the "
                           "derivatives of output f_i, column j those with respect to x_j.")
    return check_array(
        answer, expected, name="Jacobian",
        hint="J[i, j] = ∂f_i/∂x_j: 3 outputs give 3 rows, 2 inputs give 2 columns.",
    )


def check_sigmoid_prime(answer: Any) -> bool:
    """A function ``sigmoid_prime(z)`` for arrays ``z`` of any shape, computing σ'(z)."""

    def reference(z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        s = np.exp(-np.logaddexp(0.0, -z))
        return s * (1 - s)

    inputs = [(np.linspace(-6.0, 6.0, 13),), (np.array([[0.0, 1.0], [-2.0, 30.0]]),)]
    if callable(answer) and _returns_none(answer, inputs[0][0]):
        return _report("sigmoid_prime", False, "your function returns None: replace ... "
                       "in its body with code that returns σ'(z).")
    return check_function(
        answer, reference, inputs, name="sigmoid_prime",
        hint="Compute s = σ(z) = 1/(1 + exp(−z)) and return s·(1 − s); it must work on arrays.",
    )


# --------------------------------------------------------------------------------------


def _as_float(answer: Any) -> float:
    """The answer as a float, or nan if it is not a single number."""
    try:
        return float(answer)
    except (TypeError, ValueError):
        return float("nan")


def _returns_none(func: Any, z: np.ndarray) -> bool:
    """True when ``func(z)`` returns None (an unfinished body); errors count as False."""
    try:
        return func(z.copy()) is None
    except Exception:  # the learner's code: check_function reports the error
        return False


def _rename_free_symbols(answer: Any, x: Any) -> Any:
    """``answer`` with a free symbol named ``x`` replaced by ``x`` (whatever its assumptions).

    Returns ``None`` when ``answer`` has a free symbol with another name; non-sympy
    answers are returned unchanged (the expression checker then reports them).
    """
    import sympy as sp

    if is_unanswered(answer):
        return answer
    try:
        expr = sp.sympify(answer)
    except (sp.SympifyError, TypeError):
        return answer
    if not isinstance(expr, sp.Expr):
        return answer
    free = expr.free_symbols
    if any(s.name != x.name for s in free):
        return None
    return expr.subs({s: x for s in free})
