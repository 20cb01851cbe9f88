"""The sympy checks that notebooks assert on."""

from __future__ import annotations

import pytest
import sympy as sp
from languages import in_language

from bp_helpers.symbolic import Verdict, check_derivative, check_equal, is_zero

x, y = sp.symbols("x y")
sigma = 1 / (1 + sp.exp(-x))


def test_correct_sigmoid_derivative_passes() -> None:
    verdict = check_derivative(sigma * (1 - sigma), sigma, x)
    assert verdict.ok and bool(verdict)
    assert str(verdict) == "✓ d/dx: hand derivation equals sympy.diff"


def test_wrong_derivative_fails_and_shows_difference() -> None:
    verdict = check_derivative(sigma**2, sigma, x, label="sigma'")
    assert not verdict
    assert str(verdict).startswith("✗ sigma'")


def test_mixed_partial_and_label() -> None:
    f = sp.sin(x * y)
    hand = sp.cos(x * y) - x * y * sp.sin(x * y)
    verdict = check_derivative(hand, f, (x, y))
    assert verdict and verdict.label == "d/dxdy"


def test_is_zero_uses_numbers_when_simplify_is_stuck() -> None:
    # simplify cannot always close identities; the numeric fallback still decides.
    assert is_zero(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1)
    assert not is_zero(sp.sin(x) - x)


@pytest.mark.parametrize("undefined", [sp.nan, sp.zoo, sp.oo, x + sp.nan])
def test_undefined_is_not_zero(undefined) -> None:
    assert not is_zero(undefined)


def test_check_equal() -> None:
    assert check_equal(sp.tanh(x), 2 * sp.exp(2 * x) / (sp.exp(2 * x) + 1) - 1)
    verdict = check_equal(x, y)
    assert isinstance(verdict, Verdict) and not verdict


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: check_derivative(x, x, "x"), TypeError, "Symbol"),
        (lambda: check_derivative(x, x, ()), ValueError, "at least one"),
        (lambda: check_derivative(object(), x, x), TypeError, "sympy expression"),
        (lambda: check_derivative(x, sp.Matrix([x]), x), TypeError, "sympy expression"),
    ],
)
def test_bad_input_is_explained(call, error, message) -> None:
    with pytest.raises(error, match=message):
        call()


def test_verdicts_print_in_the_notebook_language() -> None:
    right, wrong = check_derivative(2 * x, x**2, x), check_equal(x, x + 1, "lab")
    assert str(right) == "✓ d/dx: hand derivation equals sympy.diff"
    with in_language("zh"):
        assert str(right) == "✓ d/dx：手算的导数与 sympy.diff 相等"
        assert str(wrong) == "✗ lab：两者之差化简为 -1，不是 0"
        assert str(check_equal(x, x)) == "✓ 两个表达式：两边恒等"
    assert str(wrong) == "✗ lab: the difference simplifies to -1, not 0"
    with pytest.raises(ValueError, match="kind"):
        Verdict(True, "l", sp.Integer(0), kind="other")
