"""Overflow in Value and Dual behaves as their docstrings say.

Value: IEEE-style, a result beyond float64's range is ±inf (its limit, no warning), and
nan never appears: an undefined operation raises ValueError naming it.
Dual: every number stays finite; overflow raises OverflowError naming the operation.
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_helpers import dual
from bp_helpers.autograd import Value
from bp_helpers.dual import Dual


def test_the_case_of_issue_15() -> None:
    big = Value(1e308) * 10
    assert big.data == math.inf  # the limit, IEEE-style, no warning
    with pytest.raises(ValueError, match=r"Value operation '-' is undefined"):
        big - Value(1e308) * 10  # inf − inf: would be nan
    assert (Value(1e200) ** 2).data == math.inf  # no raw OverflowError from Python's **
    assert (Value(-1e200) ** 3).data == -math.inf
    with pytest.raises(OverflowError, match=r"Dual operation '\*' overflows"):
        Dual(1e308) * 10 - Dual(1e308) * 10
    with pytest.raises(OverflowError, match=r"Dual operation '\*\*' overflows"):
        Dual(1e200) ** 2


@pytest.mark.parametrize(
    ("op", "b", "name"),
    [(lambda a, b: a + b, 1.5e308, r"\+"), (lambda a, b: a - b, -1.5e308, r"\+"),
     (lambda a, b: a * b, 1.5e308, r"\*"), (lambda a, b: a / b, 1e-300, "/")],
    ids=["+", "-", "*", "/"],
)
def test_every_dual_operation_overflows_loudly(op, b, name) -> None:
    with pytest.raises(OverflowError, match=f"'{name}' overflows"):
        op(Dual(1.5e308), Dual(b))
    with pytest.raises(OverflowError, match="overflows"):
        op(Dual(1.5e308), b)
    assert op(Value(1.5e308), Value(b)).data in (math.inf, -math.inf)


def test_value_nan_is_refused_where_it_would_appear() -> None:
    inf = Value(1000.0).exp()
    assert inf.data == math.inf
    with pytest.raises(ValueError, match=r"'\* 0' is undefined"):
        inf * 0
    with pytest.raises(ValueError, match="'/' is undefined"):
        inf / inf
    z = Value(1000.0).exp().tanh()  # tanh(inf) = 1 with local derivative 0; exp's is inf
    with pytest.raises(ValueError, match="backward: a gradient is undefined"):
        z.backward()  # 0 · inf


def test_exp_is_inf_for_value_and_an_error_for_dual() -> None:
    v = Value(710.0)
    out = v.exp()
    out.backward()
    assert out.data == v.grad == math.inf
    with pytest.raises(OverflowError, match="exp"):
        Dual(710.0, 1.0).exp()
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
