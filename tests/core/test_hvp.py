"""bp_helpers.hvp: Hessian-vector products by forward-over-reverse, against sympy's Hessian,
central differences of the reverse-mode gradient, and bad input."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bp_helpers.autograd import Value
from bp_helpers.dual import Dual
from bp_helpers.hvp import DualValue, grad_and_hvp, hessian, hvp

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "bp-course-hypothesis")


# One definition of each function serves sympy, Value and DualValue.
def exp(u):
    return sp.exp(u) if isinstance(u, sp.Basic) else u.exp()


def log(u):
    return sp.log(u) if isinstance(u, sp.Basic) else u.log()


def tanh(u):
    return sp.tanh(u) if isinstance(u, sp.Basic) else u.tanh()


def sigmoid(u):
    return 1 / (1 + sp.exp(-u)) if isinstance(u, sp.Basic) else u.sigmoid()


A = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, 1.0], [1.5, -2.0, 1.0]])

FUNCTIONS = {
    "quadratic xᵀAx/2 + x0": lambda x: sum(
        (0.5 * float(A[i, j]) * x[i] * x[j] for i in range(3) for j in range(3)), x[0]),
    "rosenbrock": lambda x: (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2 + 0 * x[2],
    "mixed": lambda x: tanh(x[0] * x[1]) * x[2] ** 3 + exp(x[0] / x[2])
    + log(x[1] ** 2 + 1) + sigmoid(x[2]) * x[0] - 2 / x[1],
    "logistic loss": lambda x: -log(sigmoid(x[0] * 1.5 - x[1] * 0.5 + x[2]))
    - log(1 - sigmoid(x[0] * -1.0 + x[1] * 2.0 + x[2])),
    "powers": lambda x: x[0] ** -1.5 * x[1] + (x[2] * x[2] + 1) ** 0.5 / x[0],
}
POINTS = [np.array([0.3, -0.7, 1.2]), np.array([1.1, 0.4, -0.8]), np.array([2.0, 1.5, 0.6])]


def sympy_hessian(f, x: np.ndarray) -> np.ndarray:
    symbols = sp.symbols("x0:3")
    H = sp.hessian(f(list(symbols)), symbols)
    return np.array(H.subs(dict(zip(symbols, x, strict=True))).evalf(), dtype=float)


def value_gradient(f, x: np.ndarray) -> np.ndarray:
    xs = [Value(float(t)) for t in x]
    f(xs).backward()
    return np.array([t.grad for t in xs])


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("k", range(len(POINTS)))
def test_hessian_matches_sympy(name: str, k: int) -> None:
    f, x = FUNCTIONS[name], POINTS[k]
    H = hessian(f, x)
    expected = sympy_hessian(f, x)
    assert H.shape == (3, 3)
    np.testing.assert_allclose(H, expected, rtol=1e-12, atol=1e-12 * np.abs(expected).max())
    np.testing.assert_allclose(H, H.T, rtol=1e-12, atol=1e-13)


def test_quadratic_hessian_is_the_symmetric_part_of_A_times_2() -> None:
    H = hessian(FUNCTIONS["quadratic xᵀAx/2 + x0"], np.array([5.0, -3.0, 0.1]))
    np.testing.assert_allclose(H, (A + A.T) / 2, rtol=1e-15)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_gradient_part_is_the_reverse_mode_gradient(name: str) -> None:
    f, x = FUNCTIONS[name], POINTS[1]
    g, Hv = grad_and_hvp(f, x, np.array([0.5, -1.0, 2.0]))
    np.testing.assert_allclose(g, value_gradient(f, x), rtol=1e-13)
    np.testing.assert_allclose(Hv, hvp(f, x, [0.5, -1.0, 2.0]), rtol=0)


def safe(x):
    """A function defined (and smooth) for every input: for property tests."""
    return (tanh(x[0] * x[1]) * x[2] ** 3 + exp(sigmoid(x[0] - x[2])) * x[1]
            + log(x[1] * x[1] + 1) + x[0] / (x[2] * x[2] + 1) + (x[0] * x[1] * x[2]) ** 2)


COORD = st.floats(-1.5, 1.5, allow_nan=False)
VEC = st.lists(COORD, min_size=3, max_size=3).map(np.array)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(x=VEC, v=VEC)
def test_property_hvp_matches_central_differences_of_the_gradient(x, v) -> None:
    h = 1e-5
    numeric = (value_gradient(safe, x + h * v) - value_gradient(safe, x - h * v)) / (2 * h)
    Hv = hvp(safe, x, v)
    scale = 1.0 + np.abs(hessian(safe, x)).max() * np.abs(v).max()
    np.testing.assert_allclose(Hv, numeric, atol=1e-6 * scale)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(x=VEC, u=VEC, w=VEC, a=COORD, b=COORD)
def test_property_hvp_is_linear_in_v_and_equals_the_hessian_times_v(x, u, w, a, b) -> None:
    H = hessian(safe, x)
    scale = 1.0 + np.abs(H).max()
    np.testing.assert_allclose(hvp(safe, x, a * u + b * w), a * hvp(safe, x, u)
                               + b * hvp(safe, x, w), atol=1e-12 * scale * 10)
    np.testing.assert_allclose(hvp(safe, x, u), H @ u, atol=1e-12 * scale * 10)


def test_inputs_f_ignores_get_zero_rows_and_a_constant_f_gets_zero() -> None:
    H = hessian(lambda x: x[0] ** 3 * 2.0, [1.5, 7.0])
    np.testing.assert_array_equal(H, [[18.0, 0.0], [0.0, 0.0]])
    np.testing.assert_array_equal(hvp(lambda x: 4.0, [1.0, 2.0], [1.0, 1.0]), [0.0, 0.0])


def test_relu_and_step_have_zero_second_derivative_away_from_their_kinks() -> None:
    np.testing.assert_array_equal(hessian(lambda x: x[0].relu() * x[1], [2.0, 3.0]),
                                  [[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_array_equal(hessian(lambda x: x[0].relu() * x[1], [-2.0, 3.0]),
                                  np.zeros((2, 2)))
    np.testing.assert_array_equal(hessian(lambda x: x[0].step() * x[1] ** 2, [0.5, 3.0]),
                                  [[0.0, 0.0], [0.0, 2.0]])
    with pytest.raises(ValueError, match="step has no derivative at 0"):
        hvp(lambda x: x[0].step() * x[1], [0.0, 1.0], [1.0, 0.0])


def test_fan_out_and_reversed_operations() -> None:
    def f(x):
        y = x[0] * x[1]  # used three times
        return 3 - y + 2 / (y + 4) + y * y - (-x[0]) + 1.5 * y

    symbols = sp.symbols("x0:2")
    H = sp.hessian(f(list(symbols)), symbols).subs({symbols[0]: 0.7, symbols[1]: -1.3})
    np.testing.assert_allclose(hessian(f, [0.7, -1.3]), np.array(H.evalf(), dtype=float),
                               rtol=1e-13)


def test_a_long_chain_needs_no_recursion() -> None:
    def f(x):
        y = x[0]
        for _ in range(20_000):
            y = y * 1.0 + 0.0
        return y * y

    np.testing.assert_array_equal(hvp(f, [3.0], [1.0]), [2.0])


def test_backward_twice_gives_the_same_gradients() -> None:
    x = DualValue(Dual(2.0, 1.0))
    y = x * x * x
    y.backward()
    first = (x.grad.value, x.grad.tangent)
    y.backward()
    assert (x.grad.value, x.grad.tangent) == first == (12.0, 12.0)


# --- bad input ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("f", "x", "v", "error", "match"),
    [
        ("f", [1.0], [1.0], TypeError, "f must be a function"),
        (safe, [[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]], ValueError, "dimension"),
        (safe, [1.0, 2.0, 3.0], [1.0, 2.0], ValueError, "same shape"),
        (safe, [], [], ValueError, "non-empty"),
        (safe, [1.0, np.nan, 3.0], [1.0, 2.0, 3.0], ValueError, "finite"),
        (safe, [1.0, 2.0, 3.0], [1.0, np.inf, 3.0], ValueError, "finite"),
        (lambda x: [x[0], x[1]], [1.0, 2.0], [1.0, 0.0], TypeError, "one scalar"),
        (lambda x: "loss", [1.0], [1.0], TypeError, "one scalar"),
        (lambda x: x[0].data, [1.0], [1.0], TypeError, "one scalar"),
        (lambda x: x[0] ** x[0], [1.0], [1.0], TypeError, "exponent must be a constant"),
        (lambda x: x[0] + Value(1.0), [1.0], [1.0], TypeError, "cannot combine"),
        (lambda x: x[0] * "2", [1.0], [1.0], TypeError, "cannot combine"),
        (lambda x: x[0] / np.nan, [1.0], [1.0], ValueError, "finite"),
        (lambda x: x[0].log(), [-1.0], [1.0], ValueError, "log needs a positive value"),
        (lambda x: x[1] / x[0], [0.0, 1.0], [1.0, 1.0], ZeroDivisionError, "value is 0"),
        (lambda x: x[0] / 0, [1.0], [1.0], ZeroDivisionError, "value is 0"),
    ],
)
def test_bad_input_is_rejected(f, x, v, error, match) -> None:
    with pytest.raises(error, match=match):
        hvp(f, x, v)


def test_hessian_checks_its_input() -> None:
    with pytest.raises(ValueError, match="dimension"):
        hessian(safe, 1.0)
    with pytest.raises(TypeError, match="f must be a function"):
        hessian(None, [1.0])
