"""Value and Dual stay finite: overflow raises OverflowError naming the operation."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_helpers import dual
from bp_helpers.autograd import Value
from bp_helpers.dual import Dual


def test_the_case_of_issue_15() -> None:
    # today NaN: inf − inf. Now the first product that overflows says so.
    with pytest.raises(OverflowError, match=r"Value operation '\* 10' overflows"):
        Value(1e308) * 10 - Value(1e308) * 10
    with pytest.raises(OverflowError, match=r"'\*\*"):
        Value(1e200) ** 2
    with pytest.raises(OverflowError, match=r"Dual operation '\*' overflows"):
        Dual(1e308) * 10 - Dual(1e308) * 10
    with pytest.raises(OverflowError, match=r"'\*\* 2'"):
        Dual(1e200) ** 2


@pytest.mark.parametrize(
    ("op", "b"),
    [(lambda a, b: a + b, 1.5e308), (lambda a, b: a - b, -1.5e308),
     (lambda a, b: a * b, 1.5e308), (lambda a, b: a / b, 1e-300)],
    ids=["+", "-", "*", "/"],
)
def test_every_binary_operation_overflows_loudly(op, b) -> None:
    for make in (Value, Dual):
        with pytest.raises(OverflowError, match="overflows"):
            op(make(1.5e308), make(b))
        with pytest.raises(OverflowError, match="overflows"):
            op(make(1.5e308), b)


def test_local_derivatives_and_gradients_stay_finite() -> None:
    with pytest.raises(OverflowError, match="local derivative"):
        Value(1.0) / Value(1e-200)  # 1e200 is fine, but d/db = −a/b² = −1e400 is not
    with pytest.raises(OverflowError, match="local derivative"):
        Value(5e-324).log()
    x = Value(1e-300)
    y = x * 1e300 * 1e300  # values 1 and 1e300: finite; ∂y/∂x = 1e600: not
    with pytest.raises(OverflowError, match="backward"):
        y.backward()


def test_exp_overflow_and_no_finite_derivative() -> None:
    with pytest.raises(OverflowError, match="'exp'"):
        Value(710.0).exp()
    with pytest.raises(OverflowError, match="exp"):
        Dual(710.0, 1.0).exp()
    with pytest.raises(ValueError, match="no finite derivative"):
        Value(0.0) ** 0.5
    with pytest.raises(ValueError, match="no finite derivative"):
        Dual(0.0, 1.0) ** 0.5


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_ordinary_numbers_are_unaffected(a: float, b: float) -> None:
    v = Value(a) * Value(b) + Value(a) - b
    assert v.data == a * b + a - b
    d = Dual(a, 1.0) * Dual(b) + a - b
    assert d.value == a * b + a - b and d.tangent == b


def test_derivative_of_a_constant_and_of_overflowing_functions() -> None:
    assert dual.derivative(lambda x: 3.0, 1.0) == 0.0
    with pytest.raises(OverflowError):
        dual.derivative(lambda x: x * 1e300 * 1e300, 1.0)
    assert math.isfinite(dual.derivative(lambda x: x.sigmoid(), 1000.0))
