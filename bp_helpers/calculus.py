"""Numerical derivatives: central differences, gradients of array parameters, relative error.

Central difference: ``f'(x) ≈ (f(x + h) − f(x − h)) / (2h)``, with error O(h²) from
truncation plus about ε·|f|/h from round-off (ε ≈ 2.2e-16 in float64).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from bp_helpers._validate import (
    finite_array,
    finite_float,
    finite_scalar_result,
    positive_float,
    require_callable,
)

DEFAULT_H = 1e-5


def forward_difference(f: Callable[[float], float], x: float, h: float = DEFAULT_H) -> float:
    """One-sided estimate ``(f(x + h) − f(x)) / h`` of ``f'(x)``; error O(h)."""
    require_callable(f)
    x, h = finite_float(x, "x"), positive_float(h, "h")
    fx_plus = finite_scalar_result(f(x + h), "f")
    fx = finite_scalar_result(f(x), "f")
    return (fx_plus - fx) / h


def central_difference(f: Callable[[float], float], x: float, h: float = DEFAULT_H) -> float:
    """Central estimate ``(f(x + h) − f(x − h)) / (2h)`` of ``f'(x)``; error O(h²).

    ``f`` maps a float to a float; ``x`` is the point, ``h > 0`` the step.
    """
    require_callable(f)
    x, h = finite_float(x, "x"), positive_float(h, "h")
    f_plus = finite_scalar_result(f(x + h), "f")
    f_minus = finite_scalar_result(f(x - h), "f")
    return (f_plus - f_minus) / (2 * h)


def _central_differences(
    f: Callable[[np.ndarray], Any], x: np.ndarray, h: float
) -> Iterator[tuple[int, Any, Any]]:
    """For each entry ``i`` of ``x`` (flat order): ``(i, f(x + h·e_i), f(x − h·e_i))``.

    The one central-difference loop of the package. ``x`` is perturbed in place and
    restored after each entry.
    """
    flat_x = x.reshape(-1)
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + h
        f_plus = f(x)
        flat_x[i] = old - h
        f_minus = f(x)
        flat_x[i] = old
        yield i, f_plus, f_minus


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = DEFAULT_H
) -> np.ndarray:
    """Central-difference gradient of a scalar function of an array.

    ``x`` has any shape ``S``; ``f(x)`` returns one number. Returns an array of shape ``S``
    whose entry ``i`` is ``(f(x + h·e_i) − f(x − h·e_i)) / (2h)``. Costs ``2·x.size`` calls
    of ``f``; ``x`` itself is not modified.
    """
    require_callable(f)
    h = positive_float(h, "h")
    x = finite_array(x, "x").copy()
    grad = np.zeros_like(x)
    flat_grad = grad.reshape(-1)

    def scalar_f(v: np.ndarray) -> float:
        return finite_scalar_result(f(v), "f")

    for i, f_plus, f_minus in _central_differences(scalar_f, x, h):
        flat_grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def numerical_jacobian(
    f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, h: float = DEFAULT_H
) -> np.ndarray:
    """Central-difference Jacobian ``J[i, j] = ∂f_i/∂x_j`` of ``f: R^n → R^m``.

    ``x`` has shape ``(n,)``; ``f(x)`` returns shape ``(m,)``. Returns shape ``(m, n)``.
    """
    require_callable(f)
    h = positive_float(h, "h")
    x = finite_array(x, "x", ndim=1).copy()

    def vector_f(v: np.ndarray) -> np.ndarray:
        return finite_array(f(v), "f(x)", ndim=1)

    columns = [(f_plus - f_minus) / (2 * h)
               for _, f_plus, f_minus in _central_differences(vector_f, x, h)]
    if not columns:
        raise ValueError("x must have at least one entry")
    return np.stack(columns, axis=1)


def relative_error(a: np.ndarray | float, b: np.ndarray | float, eps: float = 1e-12) -> float:
    """Largest elementwise ``|a − b| / max(eps, |a| + |b|)``.

    Scale-free: about 1e-7 or less means two float64 gradients agree. ``a`` and ``b``
    must have the same shape.
    """
    a_arr, b_arr = finite_array(a, "a"), finite_array(b, "b")
    if a_arr.shape != b_arr.shape:
        raise ValueError(f"a and b must have the same shape, got {a_arr.shape} and {b_arr.shape}")
    eps = positive_float(eps, "eps")
    if a_arr.size == 0:
        return 0.0
    err = np.abs(a_arr - b_arr) / np.maximum(eps, np.abs(a_arr) + np.abs(b_arr))
    return float(np.max(err))
