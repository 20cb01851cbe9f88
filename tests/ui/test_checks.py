"""The public checker API: ✓ only for right answers, in any reasonable form; one line, a
bool back and never an exception, whatever the learner passes (issue #15 items 2–4)."""

from __future__ import annotations

import math
import re
import signal
import threading
import time
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from languages import CJK

from bp_helpers import messages
from bp_helpers.autograd import Value
from bp_helpers.dual import Dual
from bp_helpers.ui.checks import (
    ATOL,
    NOT_ANSWERED,
    RTOL,
    SIGNIFICANT_DIGITS,
    check_array,
    check_expression,
    check_function,
    check_integer,
    check_number,
    function_ready,
    is_unanswered,
    number_policy,
    report,
)

x = sp.Symbol("x")
SOFTPLUS_PRIME = 3 * sp.exp(3 * x) / (1 + sp.exp(3 * x))  # d/dx ln(1 + e^(3x)), notebook 01


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The single line printed since the last call (fails if there is not exactly one)."""
    out = capsys.readouterr().out
    assert out.endswith("\n") and out.count("\n") == 1, repr(out)
    return out[:-1]


# --------------------------------------------------------------------------------------
# report, placeholders, the policy
# --------------------------------------------------------------------------------------


def test_report_prints_one_line_and_returns_a_bool(capsys) -> None:
    assert report("q", True, "ignored") is True
    assert one_line(capsys) == "✓ q: correct"
    assert report("q", np.bool_(False), "line one\nline two") is False
    assert one_line(capsys) == "✗ q: line one line two"


@pytest.mark.parametrize("placeholder", [..., None])
def test_placeholders_are_not_answered(placeholder, capsys) -> None:
    assert is_unanswered(placeholder)
    checks = [
        lambda a: check_number(a, 1.0, name="q", hint="h"),
        lambda a: check_integer(a, 1, name="q", hint="h"),
        lambda a: check_array(a, [1.0], name="q", hint="h"),
        lambda a: check_expression(a, x, name="q", hint="h"),
        lambda a: check_function(a, abs, [(1.0,)], name="q", hint="h"),
        lambda a: function_ready(a, name="q", hint="h"),
    ]
    for check in checks:
        assert check(placeholder) is False
        assert one_line(capsys) == f"✗ q: {NOT_ANSWERED}"
    assert not is_unanswered(0) and not is_unanswered([])


def test_number_policy_is_one_stated_sentence() -> None:
    policy = number_policy()
    assert f"{SIGNIFICANT_DIGITS} significant digits" in policy and "\n" not in policy
    assert "whole numbers" in policy and "exactly equal" in policy
    assert RTOL == pytest.approx(5e-4) and 0 < ATOL <= 1e-12


# --------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(2.26213, 2.2621355), (2.262, 2.2621355), (-9.6667, -29 / 3), (-9.667, -29 / 3),
     (0.2143, 0.75 / 3.5), (9.537e-07, 0.25**10), (1e-13, 0.0)],
)
def test_hand_rounded_numbers_are_accepted(answer, expected, capsys) -> None:
    assert check_number(answer, expected, name="q", hint="h") is True
    assert one_line(capsys) == "✓ q: correct"


@given(st.floats(min_value=-1e6, max_value=1e6).filter(lambda v: abs(v) > 1e-6))
def test_any_rounding_to_four_significant_digits_is_accepted(exact: float) -> None:
    rounded = float(f"{exact:.{SIGNIFICANT_DIGITS - 1}e}")  # 4 significant digits
    assert check_number(rounded, exact, name="q", hint="h")


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_the_policy_decides_every_number(answer: float, expected: float) -> None:
    bound = max(RTOL * abs(expected), ATOL)
    gap = abs(answer - expected)
    if gap > bound * (1 + 1e-9):
        assert not check_number(answer, expected, name="q", hint="h")
    elif gap < bound * (1 - 1e-9):
        assert check_number(answer, expected, name="q", hint="h")


def test_a_near_miss_is_told_how_close_it_is(capsys) -> None:
    assert not check_number(2.26, 2.2621355, name="q", hint="the hint")
    assert one_line(capsys) == ("✗ q: 2.26 agrees with the answer to 3 significant digits; "
                                "4 are needed. the hint")
    assert not check_number(2.3, 2.2621355, name="q", hint="h")
    assert "2 significant digits; 4 are needed" in one_line(capsys)
    assert not check_number(-2.2621, 2.2621355, name="q", hint="h")
    assert one_line(capsys) == "✗ q: -2.2621 has the wrong sign. h"
    assert not check_number(40.0, 2.2621355, name="q", hint="h")
    assert one_line(capsys) == "✗ q: 40.0 is not right. h"


def test_small_answers_need_four_digits_too(capsys) -> None:
    """check_sigmoid_chain accepted 0.1 % off: the tolerance is relative down to 1e-12."""
    exact = 0.25**10
    assert not check_number(exact * 1.001, exact, name="q", hint="h")
    assert not check_number(exact * 0.999, exact, name="q", hint="h")
    assert not check_number(0.0, exact, name="q", hint="h")
    assert not check_number(1e-6, 0.0, name="q", hint="h")
    assert "is not right" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.parametrize(
    "answer",
    [2.5, 5 / 2, np.float64(2.5), np.float32(2.5), np.array(2.5), np.array([[2.5]]),
     np.array([2.5]), sp.Matrix([[2.5]]), sp.Matrix([[sp.Rational(5, 2)]]), sp.Rational(5, 2),
     sp.Float(2.5), sp.sqrt(25) / 2, Fraction(5, 2), Decimal("2.5"), Dual(2.5, 1.0), Value(2.5),
     np.array([Dual(2.5, 0.0)], dtype=object)],
)
def test_a_right_number_is_accepted_in_any_form(answer, capsys) -> None:
    assert check_number(answer, 2.5, name="q", hint="h") is True
    assert one_line(capsys) == "✓ q: correct"


def test_irrational_sympy_numbers_are_evaluated(capsys) -> None:
    assert check_number(sp.sqrt(2), math.sqrt(2), name="q", hint="h")
    assert check_number(sp.pi / 4, math.pi / 4, name="q", hint="h")
    assert check_number(sp.exp(-3), math.exp(-3), name="q", hint="h")
    assert not check_number(sp.sqrt(-2), math.sqrt(2), name="q", hint="h")
    assert "complex" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.parametrize(
    ("answer", "says"),
    [(True, "truth value (bool)"), (np.bool_(True), "truth value (bool)"),
     ("2.5", "remove the quotes"), ("abc", "the text 'abc'"), (2.5 + 0j, "complex"),
     (np.complex128(2.5), "complex"), (np.array([2.5 + 1j]), "complex"),
     (float("nan"), "not a finite number"), (float("inf"), "not a finite number"),
     (Decimal("NaN"), "not a finite number"), (sp.nan, "nan is not a finite number"),
     (sp.zoo, "zoo is not a finite number"), (sp.Function("f")(2), "sympy cannot evaluate"),
     ([2.5], "got a list of 1 item"),
     ((2.5, 1.0), "got a tuple of 2 items"), (np.ones(3), "an array of shape (3,)"),
     (sp.Matrix([1, 2]), "a matrix of shape (2, 1)"), (x + 1, "still contains x"),
     (10**400, "far too large"), (object(), "expected a number, got a object"),
     (sp.true, "expected a number, got a sympy BooleanTrue"), (abs, "expected a number")],
)
def test_wrong_kinds_of_number_are_rejected_with_a_hint(answer, says, capsys) -> None:
    assert check_number(answer, 2.5, name="q", hint="the hint") is False
    line = one_line(capsys)
    assert line.startswith("✗ q: ") and says in line and line.endswith("the hint"), line


def test_number_traps_give_their_own_hint(capsys) -> None:
    traps = {6.0: "that is the sign error: subtract", -1.0: "other"}
    assert not check_number(6.0001, -6.0, name="q", hint="h", traps=traps)
    assert one_line(capsys) == "✗ q: that is the sign error: subtract"
    assert check_number(-6.0, -6.0, name="q", hint="h", traps=traps)
    assert one_line(capsys) == "✓ q: correct"
    assert not check_number(5.0, -6.0, name="q", hint="h", traps=[(6.0, "sign")])
    assert one_line(capsys) == "✗ q: 5.0 is not right. h"
    with pytest.raises(ValueError, match="trap"):
        check_number(1.0, -6.0, name="q", hint="h", traps={-6.0: "the right answer"})


def test_a_dual_whose_tangent_is_the_answer_is_told_so(capsys) -> None:
    assert not check_number(Dual(0.3, 2.5), 2.5, name="q", hint="h")
    assert "give its .tangent" in one_line(capsys)
    assert not check_number(Value(0.3), 2.5, name="q", hint="h")
    assert one_line(capsys) == "✗ q: the value of your Value: 0.3 is not right. h"


def test_bad_references_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        check_number(1.0, float("nan"), name="q", hint="h")
    with pytest.raises(TypeError):
        check_number(1.0, "2", name="q", hint="h")
    with pytest.raises(TypeError):
        check_integer(1, 2.5, name="q", hint="h")
    with pytest.raises(ValueError):
        check_array([1.0], [np.inf], name="q", hint="h")


# --------------------------------------------------------------------------------------
# Counts
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [105, 105.0, np.int64(105), np.float32(105), np.array(105),
                                    sp.Integer(105), Fraction(210, 2), Decimal("105")])
def test_a_count_is_accepted_as_any_exact_whole_number(answer, capsys) -> None:
    assert check_integer(answer, 105, name="P", hint="h") is True
    assert one_line(capsys) == "✓ P: correct"


@pytest.mark.parametrize(
    ("answer", "says"),
    [(104.6, "104.6 is not a whole number"), (105.49, "not a whole number"),
     (104.51, "not a whole number"), (True, "truth value"), (False, "truth value"),
     (104, "104 is not right"), (106.0, "106 is not right"), (float("inf"), "not a finite"),
     (10**400, "is not right"), ("105", "remove the quotes")],
)
def test_a_count_must_be_exact(answer, says, capsys) -> None:
    assert check_integer(answer, 105, name="P", hint="h") is False
    assert says in one_line(capsys)


def test_count_traps(capsys) -> None:
    assert not check_integer(90.0, 105, name="P", hint="h", traps={90: "those are the weights"})
    assert one_line(capsys) == "✗ P: those are the weights"


# --------------------------------------------------------------------------------------
# Arrays
# --------------------------------------------------------------------------------------

J = np.array([[0.5, 2.0], [4.0, 0.0], [0.0, 0.8775825619]])


@pytest.mark.parametrize(
    "answer",
    [J, J.tolist(), tuple(map(tuple, J.tolist())), sp.Matrix(J.tolist()), J.astype(np.float32),
     np.round(J, 4), sp.Matrix([[sp.Rational(1, 2), 2], [4, 0], [0, sp.cos(sp.S.Half)]])],
)
def test_a_right_array_is_accepted_in_any_form(answer, capsys) -> None:
    assert check_array(answer, J, name="J", hint="h") is True
    assert one_line(capsys) == "✓ J: correct"


@pytest.mark.parametrize(
    ("answer", "says"),
    [(J.T, "that is the transpose of the answer: shape (2, 3), expected (3, 2)"),
     (J.ravel(), "the numbers are right but the shape is not: shape (6,), expected (3, 2)"),
     (J[:2], "shape (2, 2), expected (3, 2)"), (J + 0j, "your array is complex"),
     (J.astype(complex), "complex"), (J != 0, "truth values (bool)"),
     (-J, "every entry has the wrong sign"), ([[0.5, 2.0], [4.0]], "rows of equal length"),
     (J * np.nan, "nan or inf"), ([["a", "b"]] * 3, "expected an array of numbers"),
     (J + np.array([[0, 0], [0, 0], [0, 1e-2]]), "1 of 6 entries is off (entry [2, 1]); it "
      "agrees to 2 significant digits, 4 are needed"), (2.0, "shape (), expected (3, 2)"),
     ({"a": 1}, "expected an array of numbers, got a dict"), ("J", "got a str")],
)
def test_wrong_arrays_are_rejected_with_a_hint(answer, says, capsys) -> None:
    assert check_array(answer, J, name="J", hint="the hint") is False
    line = one_line(capsys)
    assert says in line and line.endswith("the hint"), line


def test_an_array_entry_expected_zero_needs_to_be_near_zero(capsys) -> None:
    assert check_array([[0.5, 2.0], [4.0, 1e-13], [0.0, 0.8776]], J, name="J", hint="h")
    assert not check_array([[0.5, 2.0], [4.0, 1e-4], [0.0, 0.8776]], J, name="J", hint="h")


def test_count_arrays_must_be_exact(capsys) -> None:
    assert check_array([1000, 10.0], [1000, 10], name="passes", hint="h", integer=True)
    assert check_array(np.array([1000, 10]), [1000, 10], name="passes", hint="h", integer=True)
    assert check_array([1000.4, 10.0], [1000, 10], name="passes", hint="h")  # 4 digits
    assert not check_array([1000.4, 10.0], [1000, 10], name="passes", hint="h", integer=True)
    assert "whole numbers (counts are exact)" in capsys.readouterr().out.splitlines()[-1]
    assert not check_array([10, 1000], [1000, 10], name="passes", hint="h", integer=True,
                           traps=[([10, 1000], "swapped")])
    assert capsys.readouterr().out.splitlines()[-1] == "✗ passes: swapped"
    assert not check_array([999, 10], [1000, 10], name="passes", hint="h", integer=True)
    assert "1 of 2 entries is not right (entry [0])" in capsys.readouterr().out
    with pytest.raises(ValueError, match="whole numbers"):
        check_array([1.5], [1.5], name="q", hint="h", integer=True)


def test_array_traps(capsys) -> None:
    W = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.5]])
    traps = [(W.T @ np.array([1.0, -2.0]), "you left out tanh'")]
    assert not check_array(W.T @ np.array([1.0, -2.0]), [0.1, 0.2, 0.3], name="VJP", hint="h",
                           traps=traps)
    assert one_line(capsys) == "✗ VJP: you left out tanh'"
    with pytest.raises(ValueError, match="trap"):
        check_array([1.0], [1.0], name="q", hint="h", traps=[([1.0], "right")])


# --------------------------------------------------------------------------------------
# Expressions
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wrong",
    [SOFTPLUS_PRIME + sp.Max(0, x - 2), SOFTPLUS_PRIME + sp.Heaviside(x - 3),
     SOFTPLUS_PRIME + sp.Float(1e-10), SOFTPLUS_PRIME + 1e-10 * x, SOFTPLUS_PRIME * (1 + 1e-12),
     SOFTPLUS_PRIME + sp.Rational(1, 10**30) * x**2, sp.exp(3 * x) / (1 + sp.exp(3 * x)),
     sp.Min(SOFTPLUS_PRIME, 2.999), SOFTPLUS_PRIME + sp.Max(0, x - 40),
     SOFTPLUS_PRIME * sp.Heaviside(x + 500)],
)
def test_an_expression_that_differs_anywhere_is_not_accepted(wrong, capsys) -> None:
    assert check_expression(wrong, SOFTPLUS_PRIME, name="dy/dx", hint="the hint") is False
    line = one_line(capsys)
    assert line.startswith("✗ dy/dx: ") and line.endswith("the hint")


def test_a_differing_expression_is_told_where(capsys) -> None:
    assert not check_expression(SOFTPLUS_PRIME + sp.Heaviside(x - 3), SOFTPLUS_PRIME,
                                name="e", hint="h")
    line = one_line(capsys)
    assert "not the same expression (it differs at x = " in line
    at = float(line.split("x = ")[1].split(")")[0])
    assert at >= 3  # a point where Heaviside(x − 3) is not zero: the hint is true


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(SOFTPLUS_PRIME, SOFTPLUS_PRIME), (3 / (1 + sp.exp(-3 * x)), SOFTPLUS_PRIME),
     (sp.diff(sp.log(1 + sp.exp(3 * x)), x), SOFTPLUS_PRIME),
     (sp.Derivative(sp.log(1 + sp.exp(3 * x)), x), SOFTPLUS_PRIME),
     (sp.Lambda(sp.Symbol("x", real=True), 3 / (1 + sp.exp(-3 * x))), SOFTPLUS_PRIME),
     (sp.Lambda(sp.Symbol("z"), 3 / (1 + sp.exp(-3 * sp.Symbol("z")))), SOFTPLUS_PRIME),
     (sp.Matrix([[SOFTPLUS_PRIME]]), SOFTPLUS_PRIME),
     (3 * sp.exp(3 * sp.Symbol("x", real=True)) / (1 + sp.exp(3 * sp.Symbol("x", real=True))),
      SOFTPLUS_PRIME),
     (sp.Max(x, 0) + sp.log(1 + sp.exp(-sp.Abs(x))), sp.log(1 + sp.exp(x))),
     (2 * sp.sin(x) * sp.cos(x), sp.sin(2 * x)), (0.5 * x, x / 2), (1 / 3 * x, x / 3),
     (sp.Abs(x), sp.sqrt(x**2)), (2, sp.Integer(2)), (np.float64(0.25), sp.Rational(1, 4)),
     (sp.tanh(x), (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))),
     (sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1 + x, x), ((sp.exp(sp.I * x) + sp.exp(-sp.I * x)) / 2,
                                                   sp.cos(x)),
     ((sp.exp(x) + 1) * (sp.exp(x) - 1) - sp.exp(2 * x) + 1, sp.Integer(0)),
     (2 * sp.log(sp.sqrt(x)), sp.log(x))],
)
def test_a_right_expression_is_accepted_in_any_form(answer, expected, capsys) -> None:
    assert check_expression(answer, expected, name="e", hint="h") is True
    assert one_line(capsys) == "✓ e: correct"


def test_stray_symbols_and_unknown_functions_are_named(capsys) -> None:
    y, w = sp.symbols("y w")
    assert not check_expression(SOFTPLUS_PRIME + y - w, SOFTPLUS_PRIME, name="e", hint="h")
    assert "contains w, y, which the answer does not use (use only x)" in one_line(capsys)
    f = sp.Function("f")
    assert not check_expression(SOFTPLUS_PRIME * f(x), SOFTPLUS_PRIME, name="e", hint="h")
    assert "uses f, a function sympy does not know" in one_line(capsys)


def test_extra_symbols_may_be_allowed(capsys) -> None:
    d1, d2, w13, w23, w31 = sp.symbols("delta_1 delta_2 w_13 w_23 w_31", real=True)
    expected = d1 * w13 + d2 * w23
    mine = sp.Symbol("delta_1") * sp.Symbol("w_13") + sp.Symbol("delta_2") * sp.Symbol("w_23")
    assert check_expression(mine, expected, name="e", hint="h", symbols=[w31])
    assert not check_expression(d1 * w31 + d2 * w23, expected, name="e", hint="h",
                                symbols=[w31], traps=[(d1 * w31 + d2 * w23, "layer 2!")])
    assert capsys.readouterr().out.splitlines()[-1] == "✗ e: layer 2!"


def test_expressions_with_undefined_functions_are_compared(capsys) -> None:
    """A generic chain rule: f and g stay abstract in the reference."""
    u = sp.Symbol("u")
    f, g = sp.Function("f"), sp.Function("g")
    expected = sp.diff(f(g(x)), x)
    by_hand = sp.Subs(sp.Derivative(f(u), u), u, g(x)) * sp.Derivative(g(x), x)
    assert check_expression(by_hand, expected, name="e", hint="h")
    assert not check_expression(sp.Subs(sp.Derivative(f(u), u), u, g(x)), expected,
                                name="e", hint="h")


@pytest.mark.parametrize(
    ("answer", "says"),
    [("3*exp(3*x)/(1+exp(3*x))", "you gave text"), (sp.Eq(sp.Symbol("y"), SOFTPLUS_PRIME),
                                                    "an equation"),
     (SOFTPLUS_PRIME + sp.I, "imaginary unit"), (SOFTPLUS_PRIME + sp.zoo, "not finite"),
     (SOFTPLUS_PRIME + sp.oo * x, "not finite"), (1j, "complex"), (True, "truth value"),
     (lambda t: t, "call it on the symbol"), (sp.Matrix([x, x]), "matrix of shape (2, 1)"),
     (sp.Lambda((x, sp.Symbol("y")), x), "your Lambda takes 2 argument(s)"),
     ([x], "expected a sympy expression, got a list"), (float("nan"), "nan is not a finite"),
     (sp.Float("nan"), "not finite"), (SOFTPLUS_PRIME / sp.Integer(0), "not finite"),
     (0.99999 * SOFTPLUS_PRIME, "close to the answer but not equal; it has the decimals "
      "2.99997 in it"), (0.999 * SOFTPLUS_PRIME, "not the same expression (it differs at x = 0)")],
)
def test_wrong_kinds_of_expression_are_rejected_with_a_hint(answer, says, capsys) -> None:
    assert check_expression(answer, SOFTPLUS_PRIME, name="e", hint="the hint") is False
    line = one_line(capsys)
    assert says in line and line.endswith("the hint"), line


# --------------------------------------------------------------------------------------
# Functions
# --------------------------------------------------------------------------------------


def _norms(grads: dict[str, np.ndarray]) -> np.ndarray:
    return np.array([np.linalg.norm(grads[k]) for k in sorted(grads)])


def test_references_come_first_and_the_learner_gets_copies(capsys) -> None:
    """check_layer_grad_norms passed a function that zeroed its input and returned zeros."""
    grads = {"W1": np.ones((2, 2)), "W2": 3 * np.ones((1, 2))}

    def vandal(g: dict[str, np.ndarray]) -> np.ndarray:
        for value in g.values():
            value[...] = 0.0
        return np.zeros(len(g))

    assert not check_function(vandal, _norms, cases=[("example 1", (grads,))],
                              name="norms", hint="h")
    assert "wrong result for example 1" in one_line(capsys)
    assert np.array_equal(grads["W1"], np.ones((2, 2)))  # the notebook's data is untouched

    def honest(g: dict[str, np.ndarray]) -> np.ndarray:
        return np.array([np.sqrt((g[k] ** 2).sum()) for k in sorted(g)])

    assert check_function(honest, _norms, cases=[("example 1", (grads,))], name="n", hint="h")


def test_the_reference_never_sees_the_learners_changes(capsys) -> None:
    data = np.arange(3.0)
    calls: list[np.ndarray] = []

    def reference(z: np.ndarray) -> np.ndarray:
        calls.append(z.copy())
        return 2 * z

    def mutating(z: np.ndarray) -> np.ndarray:
        z *= 2
        return z

    assert check_function(mutating, reference, cases=[("a", (data,)), ("b", (data,))],
                          name="f", hint="h")
    assert all(np.array_equal(c, np.arange(3.0)) for c in calls) and len(calls) == 2
    assert np.array_equal(data, np.arange(3.0))


def test_cases_must_be_given_and_not_empty() -> None:
    with pytest.raises(ValueError, match="at least one case"):
        check_function(abs, abs, cases=[], name="f", hint="h")
    with pytest.raises(ValueError, match="at least one case"):
        check_function(abs, abs, [], name="f", hint="h")
    with pytest.raises(TypeError, match="exactly one of"):
        check_function(abs, abs, name="f", hint="h")
    with pytest.raises(TypeError, match="exactly one of"):
        check_function(abs, abs, [(1.0,)], cases=[("a", (1.0,))], name="f", hint="h")
    with pytest.raises(TypeError, match="label, argument tuple"):
        check_function(abs, abs, cases=[(1.0,)], name="f", hint="h")


def test_a_learner_exception_is_a_hint_naming_it_and_the_case(capsys) -> None:
    def broken(z: float) -> float:
        return {}["missing"]

    cases = [("x = 0", (0.0,)), ("a large negative z", (-50.0,))]
    assert not check_function(lambda z: 1 / z, abs, cases=cases, name="f", hint="the hint")
    captured = capsys.readouterr()
    assert captured.out == ("✗ f: calling it on x = 0 raised ZeroDivisionError: float "
                            "division by zero. the hint\n")
    assert "Traceback" not in captured.err
    assert not check_function(broken, abs, cases=cases, name="f", hint="h")
    assert "raised KeyError: 'missing'" in one_line(capsys)
    assert not check_function(lambda z: exit(), abs, cases=cases, name="f", hint="h")
    assert "raised SystemExit" in one_line(capsys)
    assert not check_function(lambda z: z if z == 0 else math.exp(-100 * z), lambda z: abs(z),
                              cases=cases, name="f", hint="h")
    assert "on a large negative z raised OverflowError" in one_line(capsys)


def test_inputs_are_labelled_by_their_values(capsys) -> None:
    assert not check_function(lambda z: z + (z == -2.0), lambda z: z, [(0.0,), (-2.0,)],
                              name="f", hint="h")
    assert "wrong result for input (-2.0): -1.0 is not right" in one_line(capsys)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM is POSIX only")
def test_an_endless_function_is_stopped(capsys) -> None:
    def endless(z: float) -> float:
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # a learner's catch-all does not swallow the stop
                pass

    start = time.monotonic()
    assert not check_function(endless, abs, cases=[("x = 1", (1.0,))], name="f", hint="h",
                              time_limit=0.3)
    assert time.monotonic() - start < 2.0
    assert one_line(capsys) == ("✗ f: calling it on x = 1 did not finish within 0.3 s, so it "
                                "was stopped (an endless loop?). h")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="SIGALRM is POSIX only")
def test_a_running_timer_and_handler_are_restored() -> None:
    def outer(signum: int, frame: Any) -> None:
        raise AssertionError("the outer timer fired too early")

    old = signal.signal(signal.SIGALRM, outer)
    signal.setitimer(signal.ITIMER_REAL, 100.0)
    try:
        assert check_function(abs, abs, [(1.0,)], name="f", hint="h")
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90.0 < remaining <= 100.0
        assert signal.getsignal(signal.SIGALRM) is outer
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_outside_the_main_thread_there_is_no_limit(capsys) -> None:
    """Documented: SIGALRM works only in the main thread; elsewhere the function runs on."""
    results: list[bool] = []

    def slow(z: float) -> float:
        time.sleep(0.3)
        return z

    thread = threading.Thread(target=lambda: results.append(
        check_function(slow, lambda z: z, [(1.0,)], name="f", hint="h", time_limit=0.05)))
    thread.start()
    thread.join()
    assert results == [True]
    assert one_line(capsys) == "✓ f: correct"


def test_results_of_every_shape(capsys) -> None:
    def flops(n_in: int, n_out: int, N: int) -> tuple[int, int]:
        return 2 * n_out * n_in * N, 4 * n_out * n_in * N

    inputs = [(3, 2, 1), (784, 128, 64)]
    assert check_function(flops, flops, inputs, name="flops", hint="h")
    assert check_function(lambda *a: [float(v) for v in flops(*a)], flops, inputs,
                          name="flops", hint="h")
    assert check_function(lambda *a: np.array(flops(*a)), flops, inputs, name="flops", hint="h")
    assert not check_function(lambda *a: (flops(*a)[0] + 0.4, flops(*a)[1]), flops, inputs,
                              name="flops", hint="h")
    assert "value 1 of 2: 12.4 is not a whole number" in capsys.readouterr().out.splitlines()[-1]
    assert not check_function(lambda *a: flops(*a)[0], flops, inputs, name="flops", hint="h")
    assert "return a tuple of 2 values, got a int" in capsys.readouterr().out.splitlines()[-1]
    assert not check_function(lambda *a: (*flops(*a), 0), flops, inputs, name="flops", hint="h")
    assert "it returned 3 values, expected 2" in capsys.readouterr().out.splitlines()[-1]
    assert not check_function(lambda z: np.array(z).reshape(1, -1), lambda z: z,
                              [(np.arange(3.0),)], name="a", hint="h")
    assert "shape (1, 3), expected (3,)" in capsys.readouterr().out.splitlines()[-1]
    assert not check_function(lambda z: None, abs, [(1.0,)], name="f", hint="h")
    assert "it returned None for input (1.0)" in capsys.readouterr().out.splitlines()[-1]
    assert check_function(lambda g: {k: v / 2 for k, v in g.items()},
                          lambda g: {k: v / 2 for k, v in g.items()},
                          [({"W1": np.ones(2), "b1": np.zeros(1)},)], name="d", hint="h")
    assert not check_function(lambda g: {"W1": g["W1"]}, lambda g: g,
                              [({"W1": np.ones(2), "b1": np.zeros(1)},)], name="d", hint="h")
    assert "with the keys ['W1', 'b1']" in capsys.readouterr().out.splitlines()[-1]


def test_function_ready(capsys) -> None:
    assert function_ready(abs, name="f", hint="h") is True
    assert capsys.readouterr().out == ""
    assert function_ready(3, name="f", hint="write a def") is False
    assert one_line(capsys) == "✗ f: expected a function, got int. write a def"


# --------------------------------------------------------------------------------------
# Any Python value: one line, a bool, no exception
# --------------------------------------------------------------------------------------


class Raises:
    """An object every protocol of which raises."""

    def _boom(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    __float__ = __int__ = __index__ = __complex__ = __array__ = __eq__ = __ne__ = _boom
    __len__ = __iter__ = __bool__ = __repr__ = __str__ = __hash__ = __lt__ = _boom
    __getitem__ = __call__ = _boom

    @property
    def value(self) -> float:
        raise RuntimeError("boom")

    data = tangent = grad = value


class Liar:
    """Claims to be a number through the duck-typed attributes, with bad contents."""

    value = float("nan")
    tangent = "t"
    data = [1, 2]
    grad = None

    def __float__(self) -> float:
        return 2.5


class FloatIsNotFloat:
    def __float__(self) -> Any:
        return "2.5"


def _recursive_list() -> list[Any]:
    a: list[Any] = [1.0]
    a.append(a)
    return a


WEIRD = [Raises(), Liar(), FloatIsNotFloat(), _recursive_list(), 10**5000, -(10**400),
         np.array([10**400, 1], dtype=object), Decimal("sNaN"), Dual(1.0, 2.0),
         sp.Matrix([[sp.nan]]), sp.Lambda(x, sp.zoo), sp.Symbol("y"), sp.I, sp.oo, sp.S.true,
         sp.Function("f"), sp.Function("f")(x), sp.Eq(x, 1), sp.Integral(sp.exp(-x**2), x),
         np.array([[1, 2], [3, 4]], dtype=object), np.array(["a"]), np.datetime64("2020"),
         np.ma.masked_array([1.0], mask=[True]), range(3), {1: 2}, {1, 2}, b"2.5", bytearray(b"1"),
         type, object, len, Ellipsis, NotImplemented, iter([1]), (i for i in range(2)),
         memoryview(b"ab"), slice(1), complex(1, 1), [[1, 2], [3]], [..., 1.0], "x\ny"]


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**300),
    st.floats(allow_nan=True, allow_infinity=True), st.complex_numbers(), st.text(max_size=5),
    st.binary(max_size=5), st.fractions(), st.decimals(allow_nan=True, allow_infinity=True),
    st.just(...), st.sampled_from(range(len(WEIRD))).map(lambda i: WEIRD[i]),
    st.from_type(type).flatmap(lambda t: st.just(t)),
)
arrays = hnp.arrays(
    dtype=st.sampled_from([np.float64, np.int64, np.complex128, np.bool_, np.float32, "U2"]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=3),
)
values = st.recursive(
    st.one_of(scalars, arrays),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.tuples(children, children),
                               st.dictionaries(st.text(max_size=2), children, max_size=2)),
    max_leaves=6,
)
returning = values.map(lambda v: (lambda *args: v))  # functions that return any value


def _all_checkers() -> list[Any]:
    return [
        lambda a: check_number(a, 2.5, name="n", hint="h", traps={3.0: "t"}),
        lambda a: check_integer(a, 105, name="i", hint="h"),
        lambda a: check_array(a, J, name="a", hint="h", traps=[(J.T, "t")]),
        lambda a: check_array(a, [1.0], name="a1", hint="h"),
        lambda a: check_expression(a, SOFTPLUS_PRIME, name="e", hint="h"),
        lambda a: check_function(a, lambda z: 2 * z, cases=[("z", (np.arange(3.0),))],
                                 name="f", hint="h"),
        lambda a: check_function(a, lambda n: (n, 2.0 * n), [(3,)], name="g", hint="h"),
        lambda a: check_function(a, lambda: {"k": 1.0}, [()], name="d", hint="h"),
    ]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(answer=st.one_of(values, returning))
def test_any_python_value_gets_one_line_and_a_bool(answer: Any, capsys) -> None:
    capsys.readouterr()
    for check in _all_checkers():
        result = check(answer)
        assert type(result) is bool
        line = one_line(capsys)
        assert line.startswith(("✓ ", "✗ "))
    ready = function_ready(answer, name="r", hint="h")
    assert type(ready) is bool
    assert capsys.readouterr().out.count("\n") == (0 if ready else 1)


@pytest.mark.parametrize("answer", WEIRD, ids=lambda w: type(w).__name__)
def test_weird_values_get_one_line_and_a_bool(answer: Any, capsys) -> None:
    for check in _all_checkers():
        assert type(check(answer)) is bool
        assert one_line(capsys).startswith(("✓ ", "✗ "))


# --------------------------------------------------------------------------------------
# The notebook's language (the `chinese` fixture: tests/conftest.py)
# --------------------------------------------------------------------------------------


def test_verdicts_and_hints_are_printed_in_chinese(chinese, capsys) -> None:
    assert check_number(2.262, 2.2621355, name="q", hint="提示") is True
    assert one_line(capsys) == "✓ q：正确"
    assert check_number(-2.2621355, 2.2621355, name="q", hint="提示") is False
    assert one_line(capsys) == "✗ q：-2.2621355 的符号错了。提示"
    check_number(2.3, 2.2621355, name="q", hint="提示")
    assert one_line(capsys) == "✗ q：2.3 与答案只有前 2 位有效数字一致；需要 4 位。提示"
    check_number(..., 1.0, name="q", hint="提示")
    assert one_line(capsys) == "✗ q：" + messages.t("checks.not_answered")
    report("q", False, "f: " + NOT_ANSWERED)  # a lesson's message around the constant
    assert one_line(capsys) == "✗ q：f: " + messages.t("checks.not_answered")
    check_integer(104.6, 105, name="n", hint="提示")
    assert one_line(capsys) == "✗ n：104.6 不是整数；计数必须准确。提示"
    check_array(np.ones((3, 2)), np.ones((2, 3)), name="A", hint="提示")
    assert one_line(capsys) == "✗ A：这是答案的转置：形状为 (3, 2)，应为 (2, 3)。提示"
    check_array([[1.0, 2.0], [3.0, 5.0]], [[1.0, 2.0], [3.0, 4.0]], name="A", hint="提示")
    assert one_line(capsys) == "✗ A：形状正确，但 4 个元素中有 1 个不对（如元素 [1, 1]）。提示"
    check_function(lambda a: 1 / a, abs, [(0.0,)], name="f", hint="提示")
    assert one_line(capsys) == ("✗ f：调用它（输入 (0.0)）时引发了 ZeroDivisionError: float "
                                "division by zero。提示")


@pytest.mark.parametrize("answer", [True, "1.5", "abc", [1, 2], 3j, np.ones(2), float("nan"),
                                    x, sp.Matrix([[1, 2]]), {"a": 1}, abs, 10**50])
def test_every_kind_of_wrong_answer_gets_a_chinese_hint(chinese, answer: Any, capsys) -> None:
    for check in _all_checkers():
        check(answer)
        line = one_line(capsys)
        assert re.match(r"[✓✗] \w+：", line), line
        assert line.startswith("✓ ") or CJK.search(line[4:]), line


def test_policy_reference_line_and_time_limit_in_chinese(chinese, capsys) -> None:
    from bp_helpers.ui.checks import too_slow, verify

    policy = number_policy()
    assert CJK.search(policy) and f"{SIGNIFICANT_DIGITS} 位有效数字" in policy
    verify(lambda a: check_number(a, 1.0, name="q", hint="h"), 1.0)
    assert one_line(capsys) == "参考答案已通过检查"
    assert too_slow("f(1)") == "f(1) 在 3 s 内没有结束，已被中止（是不是死循环？）"


def test_english_is_untouched_by_a_chinese_test(chinese) -> None:
    assert messages.t_in("en", "checks.correct", name="q") == "✓ q: correct"
    messages.set_language("en")
    assert number_policy().startswith("A number counts as right")
