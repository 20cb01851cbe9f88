"""The generic checkers: ✓ or a hint, a bool back, never an exception."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    check_array,
    check_expression,
    check_function,
    check_number,
    function_ready,
)


def test_check_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_number(0.25, 0.25, name="q1", hint="use σ(1−σ)")
    assert capsys.readouterr().out == "✓ q1: correct\n"
    assert not check_number(0.3, 0.25, name="q1", hint="use σ(1−σ)")
    out = capsys.readouterr().out
    assert out.startswith("✗ q1: 0.3 is not right.") and "σ(1−σ)" in out


@pytest.mark.parametrize("answer", [..., None])
def test_unanswered_placeholders(answer, capsys: pytest.CaptureFixture[str]) -> None:
    assert not check_number(answer, 1.0, name="q", hint="h")
    assert NOT_ANSWERED in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["abc", [1, 2], float("nan"), object()])
def test_check_number_rejects_non_numbers_with_a_hint(answer, capsys) -> None:
    assert not check_number(answer, 1.0, name="q", hint="a hint")
    assert "a hint" in capsys.readouterr().out


def test_check_array_shape_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert check_array(expected.tolist(), expected, name="J", hint="h")
    assert not check_array(expected.T, expected, name="J", hint="h")
    assert "entries are off" in capsys.readouterr().out.splitlines()[-1]
    assert not check_array(np.ones(4), expected, name="J", hint="h")
    assert "shape (4,), expected (2, 2)" in capsys.readouterr().out
    assert not check_array([[np.nan, 0], [0, 0]], expected, name="J", hint="h")
    assert not check_array([["x"]], expected, name="J", hint="h")


def test_check_expression() -> None:
    x = sp.Symbol("x")
    assert check_expression(2 * sp.sin(x) * sp.cos(x), sp.sin(2 * x), name="e", hint="h")
    assert not check_expression(sp.cos(x), sp.sin(2 * x), name="e", hint="h")
    assert not check_expression("not ( valid", x, name="e", hint="h")


def test_check_function_reports_learner_exceptions(capsys) -> None:
    inputs = [(0.0,), (1.0,), (-2.0,)]
    assert check_function(lambda z: 2 * z, lambda z: 2 * z, inputs, name="f", hint="h")
    assert not check_function(lambda z: 1 / 0, lambda z: z, inputs, name="f", hint="h")
    assert "ZeroDivisionError" in capsys.readouterr().out.splitlines()[-1]
    assert not check_function(lambda z: z + (z == -2.0), lambda z: z, inputs, name="f", hint="h")
    assert "(-2.0)" in capsys.readouterr().out
    assert not check_function(3, lambda z: z, inputs, name="f", hint="h")


def test_function_ready(capsys: pytest.CaptureFixture[str]) -> None:
    assert function_ready(abs, name="f", hint="h")
    assert capsys.readouterr().out == ""
    assert not function_ready(..., name="f", hint="h")
    assert NOT_ANSWERED in capsys.readouterr().out
    assert not function_ready(3, name="f", hint="write a def")
    assert capsys.readouterr().out == "✗ f: expected a function, got int. write a def\n"
