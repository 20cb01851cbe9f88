"""Central differences, numerical gradients and Jacobians, relative error."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers.calculus import (
    central_difference,
    forward_difference,
    numerical_gradient,
    numerical_jacobian,
    relative_error,
)


def test_central_difference_of_cubic_is_accurate() -> None:
    # d/dx x^3 at 2 is 12; central differences are exact for quadratics and O(h^2) here.
    assert central_difference(lambda x: x**3, 2.0) == pytest.approx(12.0, rel=1e-9)


def test_central_beats_forward_difference() -> None:
    exact = math.cos(1.0)
    central = abs(central_difference(math.sin, 1.0, h=1e-3) - exact)
    forward = abs(forward_difference(math.sin, 1.0, h=1e-3) - exact)
    assert central < forward / 100


def test_central_error_shrinks_like_h_squared() -> None:
    exact = math.exp(0.5)
    e1 = abs(central_difference(math.exp, 0.5, h=1e-2) - exact)
    e2 = abs(central_difference(math.exp, 0.5, h=1e-3) - exact)
    assert 80 < e1 / e2 < 120  # tenfold smaller h, hundredfold smaller error


def test_numerical_gradient_matches_analytic_and_keeps_input() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, 4))
    before = x.copy()
    grad = numerical_gradient(lambda a: float(np.sum(a**2) + a[0, 0] * a[1, 1]), x)
    expected = 2 * x
    expected[0, 0] += x[1, 1]
    expected[1, 1] += x[0, 0]
    assert grad.shape == x.shape
    assert relative_error(grad, expected) < 1e-8
    np.testing.assert_array_equal(x, before)


def test_numerical_jacobian_of_linear_map_is_the_matrix() -> None:
    A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    J = numerical_jacobian(lambda v: A @ v, np.array([0.3, -0.2, 1.0]))
    assert J.shape == (2, 3)
    np.testing.assert_allclose(J, A, atol=1e-8)


def test_relative_error_is_scale_free_and_zero_for_equal() -> None:
    assert relative_error(1e-20, 1e-20) == 0.0
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error(1.0, 1.1) == pytest.approx(0.1 / 2.1)
    assert relative_error(1e6, 1.1e6) == pytest.approx(relative_error(1.0, 1.1))
    # eps floors the denominator: round-off-sized differences near 0 are not "100 % off".
    assert relative_error(0.0, 1e-15) == pytest.approx(1e-3)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: central_difference(3.0, 1.0), TypeError, "must be a function"),
        (lambda: central_difference(math.sin, float("nan")), ValueError, "finite"),
        (lambda: central_difference(math.sin, "1"), TypeError, "real number"),
        (lambda: central_difference(math.sin, 1.0, h=0.0), ValueError, "> 0"),
        (lambda: central_difference(lambda x: [1, 2], 1.0), TypeError, "single real number"),
        (lambda: central_difference(lambda x: math.inf, 1.0), ValueError, "non-finite"),
        (lambda: numerical_gradient(np.sum, [1.0, np.inf]), ValueError, "finite"),
        (lambda: numerical_gradient(None, [1.0]), TypeError, "must be a function"),
        (lambda: numerical_jacobian(lambda v: v, np.ones((2, 2))), ValueError, "1 dimension"),
        (lambda: relative_error([1.0, 2.0], [1.0]), ValueError, "same shape"),
        (lambda: relative_error(["a"], [1.0]), TypeError, "real numbers"),
    ],
)
def test_bad_input_is_explained(call, error, message) -> None:
    with pytest.raises(error, match=message):
        call()
