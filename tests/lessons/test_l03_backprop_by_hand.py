"""Lesson 03: gradient bars and the checkers.
"""

from __future__ import annotations

import math

import pytest

from bp_helpers import network_2321 as net
from bp_helpers.lessons import l03_backprop_by_hand as l03
from bp_helpers.lessons import l04_why_backprop_is_fast as l04


def test_pretty_names() -> None:
    assert l03.pretty("w_12^(1)") == "w₁₂⁽¹⁾"
    assert l03.pretty("b^(3)") == "b⁽³⁾"
    assert l03.pretty("x_2") == "x₂"


def test_gradient_bars_rejects_unknown_name_and_reports_the_chosen_gradient() -> None:
    with pytest.raises(ValueError, match="name must be one of"):
        l03.gradient_bars("w_44^(1)", 0.0)
    view = l03.gradient_bars("v_2", -1.5)  # the reference value: the reference point
    grads = net.gradients(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    assert f"∂L/∂v_2 = {grads['v_2']:+.4f}" in view.text


def _reference_answers() -> dict:
    import sympy as sp

    f = net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    s = net.build_symbolic().symbols
    d1, d2 = sp.symbols("delta_1^(2) delta_2^(2)")
    P = 784 * 128 + 128 + 128 * 10 + 10

    def loss_x1(value: float) -> float:
        return net.forward(net.REFERENCE_PARAMS, (value, net.REFERENCE_X[1]), 0.0).L

    h = 1e-6
    dx1 = (loss_x1(net.REFERENCE_X[0] + h) - loss_x1(net.REFERENCE_X[0] - h)) / (2 * h)
    return {
        l03.check_output_error: (f.y - f.t) * f.y * (1 - f.y),
        l03.check_hidden_sum: d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"],
        l03.check_input_gradient: dx1,
        l04.check_parameter_count: P,
        l04.check_numerical_passes: 2 * P,
        l04.check_dense_flops: lambda n_in, n_out, N: (2 * n_in * n_out * N, 4 * n_in * n_out * N),
    }


def test_checkers_accept_the_right_answer(capsys: pytest.CaptureFixture) -> None:
    for checker, answer in _reference_answers().items():
        assert checker(answer), checker.__name__
    assert "✗" not in capsys.readouterr().out


@pytest.mark.parametrize("junk", [..., None, "abc", 1e9, math.nan, [1, 2], len])
def test_checkers_reject_junk_without_raising(junk: object, capsys) -> None:
    for checker in _reference_answers():
        assert checker(junk) is False, checker.__name__
    assert capsys.readouterr().out.count("✗") == len(_reference_answers())


def test_checkers_give_targeted_hints(capsys: pytest.CaptureFixture) -> None:
    import sympy as sp

    f = net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    assert not l03.check_output_error(f.y - f.t)
    assert "∂L/∂y" in capsys.readouterr().out
    d1 = sp.Symbol("delta_1^(2)")
    assert not l03.check_hidden_sum(d1 * net.build_symbolic().symbols["w_13^(2)"])
    assert "one path only" in capsys.readouterr().out
    assert not l04.check_parameter_count(784 * 128 + 128 * 10)
    assert "bias" in capsys.readouterr().out
    assert not l04.check_numerical_passes(784 * 128 + 128 + 128 * 10 + 10)
    assert "central" in capsys.readouterr().out
