"""bp_helpers.dual: forward mode with dual numbers, against central differences.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bp_helpers.calculus import central_difference, numerical_jacobian, relative_error
from bp_helpers.dual import Dual, derivative, jacobian, jvp

# Each case: (name, f written with Dual methods, the same f on floats, sample points).
UNARY_CASES = [
    ("add", lambda x: x + 2.5, lambda x: x + 2.5, [-1.3, 0.4]),
    ("radd", lambda x: 2.5 + x, lambda x: 2.5 + x, [-1.3, 0.4]),
    ("sub", lambda x: x - 4.0, lambda x: x - 4.0, [-1.3, 0.4]),
    ("rsub", lambda x: 4.0 - x, lambda x: 4.0 - x, [-1.3, 0.4]),
    ("mul", lambda x: x * x * 3.0, lambda x: x * x * 3.0, [-1.3, 0.4]),
    ("rmul", lambda x: 3.0 * x, lambda x: 3.0 * x, [-1.3, 0.4]),
    ("div", lambda x: x / (x * x + 1.0), lambda x: x / (x * x + 1.0), [-1.3, 0.4]),
    ("rdiv", lambda x: 2.0 / x, lambda x: 2.0 / x, [-1.3, 0.4]),
    ("neg", lambda x: -x, lambda x: -x, [-1.3, 0.4]),
    ("pow", lambda x: x**3, lambda x: x**3, [-1.3, 0.4]),
    ("pow_fractional", lambda x: x**0.5, lambda x: x**0.5, [0.4, 2.0]),
    ("pow_negative", lambda x: x**-2, lambda x: x**-2, [-1.3, 0.4]),
    ("exp", lambda x: x.exp(), math.exp, [-1.3, 0.4]),
    ("log", lambda x: x.log(), math.log, [0.3, 2.0]),
    ("tanh", lambda x: x.tanh(), math.tanh, [-1.3, 0.4]),
    ("sigmoid", lambda x: x.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), [-1.3, 0.4]),
    ("relu", lambda x: x.relu(), lambda x: max(0.0, x), [-1.3, 0.4]),
]


@pytest.mark.parametrize(("name", "f_dual", "f_float", "points"), UNARY_CASES,
                         ids=[c[0] for c in UNARY_CASES])
def test_each_rule_matches_central_differences(name, f_dual, f_float, points) -> None:
    for x in points:
        out = f_dual(Dual(x, 1.0))
        assert out.value == pytest.approx(f_float(x), rel=1e-12, abs=1e-12)
        assert out.tangent == pytest.approx(central_difference(f_float, x), rel=1e-7, abs=1e-9)


def test_product_rule_is_exact_for_known_tangents() -> None:
    # (3 + 2ε)(4 − ε) = 12 + (3·(−1) + 2·4)ε = 12 + 5ε
    out = Dual(3.0, 2.0) * Dual(4.0, -1.0)
    assert (out.value, out.tangent) == (12.0, 5.0)


def test_tangent_scales_linearly_with_the_seed() -> None:
    def f(x):
        return (x * x).tanh() + x.exp()

    assert f(Dual(0.3, 2.0)).tangent == pytest.approx(2.0 * f(Dual(0.3, 1.0)).tangent)
    assert f(Dual(0.3, 0.0)).tangent == 0.0


def test_numpy_scalars_and_object_arrays_work() -> None:
    assert (np.float64(2.0) * Dual(1.0, 1.0)).tangent == 2.0
    assert (np.int64(3) - Dual(1.0, 1.0)).tangent == -1.0
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = np.array([Dual(0.5, 1.0), Dual(-0.5, 0.0)], dtype=object)
    y = np.tanh(W @ x)
    assert [yi.tangent for yi in y] == pytest.approx([1 - math.tanh(-0.5) ** 2,
                                                     3 * (1 - math.tanh(-0.5) ** 2)])


def test_stable_at_extremes_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Dual(1000.0, 1.0).sigmoid().value == 1.0
        assert Dual(-1000.0, 1.0).sigmoid().value == 0.0
        assert Dual(-1000.0, 1.0).sigmoid().tangent == 0.0
        assert Dual(1000.0, 1.0).tanh().tangent == 0.0
        assert Dual(-1000.0, 1.0).exp().value == 0.0


def test_power_zero_and_unary_plus() -> None:
    assert (Dual(0.0, 1.0) ** 0).tangent == 0.0
    assert (Dual(0.0, 1.0) ** 0).value == 1.0
    assert (Dual(0.0, 1.0) ** 2).tangent == 0.0
    x = Dual(2.0, 3.0)
    assert +x is x


def test_relu_kink_has_slope_zero() -> None:
    assert Dual(0.0, 1.0).relu().tangent == 0.0
    assert Dual(1e-300, 1.0).relu().tangent == 1.0


def test_derivative_of_a_composite_function() -> None:
    def f(x):
        return (x**2 + 1.0).log() * x.tanh()

    def f_float(x):
        return math.log(x**2 + 1) * math.tanh(x)

    for x in (-2.0, 0.1, 1.7):
        assert derivative(f, x) == pytest.approx(central_difference(f_float, x), rel=1e-8)


def test_derivative_of_a_constant_function_is_zero() -> None:
    assert derivative(lambda x: 3.0, 1.0) == 0.0


def test_jvp_and_jacobian_match_numerical_jacobian() -> None:
    rng = np.random.default_rng(0)
    W = rng.normal(size=(3, 4))

    def f(x):
        h = np.tanh(W @ x)
        return [h[0] * h[1], h[2].exp(), (x[0] * x[0] + 1.0).log()]

    def f_float(x):
        h = np.tanh(W @ x)
        return np.array([h[0] * h[1], np.exp(h[2]), np.log(x[0] ** 2 + 1)])

    x, v = rng.normal(size=4), rng.normal(size=4)
    J_num = numerical_jacobian(f_float, x)
    J = jacobian(f, x)
    assert J.shape == (3, 4)
    assert relative_error(J, J_num) < 1e-7
    y, Jv = jvp(f, x, v)
    np.testing.assert_allclose(y, f_float(x), rtol=1e-12)
    np.testing.assert_allclose(Jv, J @ v, rtol=1e-10, atol=1e-12)


def test_jvp_of_scalar_output_has_shape_one() -> None:
    y, Jv = jvp(lambda x: x[0] * x[1], [2.0, 3.0], [1.0, 0.0])
    assert y.shape == (1,) and Jv.shape == (1,)
    assert (y[0], Jv[0]) == (6.0, 3.0)


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.floats(-2.0, 2.0), st.floats(-2.0, 2.0),
    st.sampled_from(["exp", "tanh", "sigmoid", "square"]),
    st.sampled_from(["add", "mul", "sub", "div"]),
)
def test_random_two_input_expressions(a: float, b: float, unary: str, binary: str) -> None:
    float_unary = {
        "exp": math.exp, "tanh": math.tanh,
        "sigmoid": lambda t: 1 / (1 + math.exp(-t)), "square": lambda t: t * t,
    }[unary]

    def apply(t):
        return t * t if unary == "square" else getattr(t, unary)()

    def combine(p, q):
        return {"add": p + q, "mul": p * q, "sub": p - q, "div": p / (q * q + 1.0)}[binary]

    def f(x):
        return combine(apply(x[0]), x[1] * x[0])

    def f_float(x):
        return np.array([combine(float_unary(x[0]), x[1] * x[0])])

    x = np.array([a, b])
    # atol: where the true derivative is 0 the dual gives exactly 0, differences ~1e-11
    np.testing.assert_allclose(jacobian(f, x), numerical_jacobian(f_float, x),
                               rtol=1e-6, atol=1e-8)


# --- bad input ---------------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["1", None, [1.0], True])
def test_bad_operands_raise_type_error(bad) -> None:
    with pytest.raises(TypeError, match="Dual"):
        Dual(1.0, 1.0) + bad


@pytest.mark.parametrize(("value", "tangent"), [(float("nan"), 0.0), (1.0, float("inf"))])
def test_non_finite_construction_raises(value, tangent) -> None:
    with pytest.raises(ValueError, match="finite"):
        Dual(value, tangent)


def test_non_number_construction_raises() -> None:
    with pytest.raises(TypeError, match="value must be a real number"):
        Dual("2")


def test_domain_errors_are_clear() -> None:
    with pytest.raises(ValueError, match="positive"):
        Dual(0.0, 1.0).log()
    with pytest.raises(ValueError, match="not a real number"):
        Dual(-2.0, 1.0) ** 0.5
    with pytest.raises(ValueError, match="no finite derivative"):
        Dual(0.0, 1.0) ** 0.5
    with pytest.raises(OverflowError, match="overflows"):
        Dual(800.0, 1.0).exp()
    with pytest.raises(ZeroDivisionError):
        Dual(1.0, 1.0) / Dual(0.0, 1.0)
    with pytest.raises(TypeError, match="constant number"):
        Dual(2.0, 1.0) ** Dual(2.0, 0.0)


def test_function_level_bad_input() -> None:
    with pytest.raises(TypeError, match="function"):
        derivative(3.0, 1.0)
    with pytest.raises(ValueError, match="same shape"):
        jvp(lambda x: x[0], [1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="1 dimension"):
        jacobian(lambda x: x[0], [[1.0, 2.0]])
    with pytest.raises(TypeError, match="Duals or numbers"):
        derivative(lambda x: "oops", 1.0)
    with pytest.raises(ValueError, match="1-D"):
        jvp(lambda x: np.array([[x[0]]], dtype=object), [1.0], [1.0])
