"""The 2-3-2-1 network (hand passes against sympy), and the helpers of notebooks 03 and 04."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers import network_2321 as net
from bp_helpers.calculus import numerical_gradient, relative_error
from bp_helpers.exercises import by_hand as ex
from bp_helpers.plotting import by_hand as plots

SEEDS = range(8)


def _as_vector(grads: dict[str, float]) -> np.ndarray:
    return np.array([grads[name] for name in net.PARAMETER_NAMES])


# --- names and shapes ---------------------------------------------------------------------

def test_twenty_distinct_parameters_named_as_in_the_maths() -> None:
    assert len(net.PARAMETER_NAMES) == len(set(net.PARAMETER_NAMES)) == 20
    assert net.PARAMETER_NAMES[:2] == ("w_11^(1)", "w_12^(1)")
    assert net.PARAMETER_NAMES[-3:] == ("v_1", "v_2", "b^(3)")
    assert set(net.REFERENCE_PARAMS) == set(net.PARAMETER_NAMES)


def test_symbolic_network_has_every_symbol_in_its_loss() -> None:
    s = net.build_symbolic()
    assert len(s.h1) == 3 and len(s.h2) == 2
    assert s.loss.free_symbols == set(s.arguments)
    assert net.build_symbolic() is s  # cached: built once


def test_forward_matches_the_lambdified_expanded_loss() -> None:
    for seed in SEEDS:
        params, x, t = net.random_point(seed)
        f = net.forward(params, x, t)
        assert f.L == pytest.approx(net.sympy_loss(params, x, t), rel=1e-13, abs=1e-15)
        assert f.L == pytest.approx(0.5 * (f.y - t) ** 2)
        assert 0 < f.y < 1 and len(f.h1) == 3 and len(f.h2) == 2


# --- the backward pass --------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_hand_backward_equals_sympy_diff_to_1e12(seed: int) -> None:
    params, x, t = net.random_point(seed, scale=2.0)
    hand = net.gradients(params, x, t)
    symbolic = net.sympy_gradients(params, x, t)
    assert list(hand) == list(net.PARAMETER_NAMES)
    for name in net.PARAMETER_NAMES:
        assert abs(hand[name] - symbolic[name]) <= 1e-12 * max(1.0, abs(symbolic[name])), name


@pytest.mark.parametrize("seed", SEEDS)
def test_hand_backward_equals_central_differences(seed: int) -> None:
    params, x, t = net.random_point(seed)

    def loss(theta: np.ndarray) -> float:
        return net.forward(dict(zip(net.PARAMETER_NAMES, theta, strict=True)), x, t).L

    numeric = numerical_gradient(loss, _as_vector(params))
    assert np.allclose(_as_vector(net.gradients(params, x, t)), numeric, atol=1e-9)


def test_naive_gradients_equal_backprop_and_cost_more() -> None:
    for seed in SEEDS:
        params, x, t = net.random_point(seed)
        f = net.forward(params, x, t)
        assert relative_error(_as_vector(net.naive_gradients(params, f)),
                              _as_vector(net.backward(params, f))) < 1e-13
    # counted by hand in notebook 03: 2 + 2 + 6 + 6 + 6 + 6 + 6 and 2 + 6 + 10 + 36 + 48 + 108
    assert net.count_multiplications("backprop") == 34
    assert net.count_multiplications("naive") == 210


def test_one_gradient_descent_step_lowers_the_loss() -> None:
    params, x, t = net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T
    grads = net.gradients(params, x, t)
    stepped = {name: params[name] - 0.5 * grads[name] for name in params}
    assert net.forward(stepped, x, t).L < net.forward(params, x, t).L


def test_sigmoid_is_stable_and_correct() -> None:
    assert net.sigmoid(0.0) == 0.5
    assert net.sigmoid(1000.0) == 1.0 and net.sigmoid(-1000.0) == 0.0
    assert net.sigmoid(2.0) == pytest.approx(1 / (1 + math.exp(-2.0)), rel=1e-15)
    assert net.sigmoid(-2.0) == pytest.approx(1 / (1 + math.exp(2.0)), rel=1e-15)


# --- bad input ----------------------------------------------------------------------------

def test_wrong_number_of_inputs() -> None:
    with pytest.raises(ValueError, match="exactly 2 inputs"):
        net.forward(net.REFERENCE_PARAMS, (1.0, 2.0, 3.0), 0.0)
    with pytest.raises(ValueError, match="exactly 2 inputs"):
        net.gradients(net.REFERENCE_PARAMS, [1.0], 0.0)
    with pytest.raises(TypeError, match="pair of numbers"):
        net.forward(net.REFERENCE_PARAMS, "ab", 0.0)


def test_missing_or_unknown_parameter() -> None:
    params = dict(net.REFERENCE_PARAMS)
    del params["w_23^(2)"]
    with pytest.raises(ValueError, match=r"missing \['w_23\^\(2\)'\]"):
        net.gradients(params, net.REFERENCE_X, 0.0)
    with pytest.raises(ValueError, match=r"unknown \['w_99'\]"):
        net.forward({**net.REFERENCE_PARAMS, "w_99": 1.0}, net.REFERENCE_X, 0.0)
    with pytest.raises(TypeError, match="dict of the 20 parameters"):
        net.forward([1.0] * 20, net.REFERENCE_X, 0.0)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values(bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        net.gradients({**net.REFERENCE_PARAMS, "v_1": bad}, net.REFERENCE_X, 0.0)
    with pytest.raises(ValueError, match="x_2 must be finite"):
        net.forward(net.REFERENCE_PARAMS, (0.0, bad), 0.0)
    with pytest.raises(ValueError, match="t must be finite"):
        net.sympy_gradients(net.REFERENCE_PARAMS, net.REFERENCE_X, bad)


def test_other_bad_arguments() -> None:
    with pytest.raises(TypeError, match="real number"):
        net.forward({**net.REFERENCE_PARAMS, "b^(3)": "0.5"}, net.REFERENCE_X, 0.0)
    with pytest.raises(TypeError, match="Forward"):
        net.backward(net.REFERENCE_PARAMS, {"y": 0.5})
    with pytest.raises(TypeError, match="Forward"):
        net.naive_gradients(net.REFERENCE_PARAMS, None)
    with pytest.raises(ValueError, match="method must be one of"):
        net.count_multiplications("symbolic")


# --- plotting helpers ---------------------------------------------------------------------

def test_pretty_names() -> None:
    assert plots.pretty("w_12^(1)") == "w₁₂⁽¹⁾"
    assert plots.pretty("b^(3)") == "b⁽³⁾"
    assert plots.pretty("x_2") == "x₂"


def test_gradient_bars_rejects_unknown_name_and_reports_the_chosen_gradient() -> None:
    with pytest.raises(ValueError, match="name must be one of"):
        plots.gradient_bars("w_44^(1)", 0.0)
    view = plots.gradient_bars("v_2", -1.5)  # the reference value: the reference point
    grads = net.gradients(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    assert f"∂L/∂v_2 = {grads['v_2']:+.4f}" in view.text


def test_mlp_flops() -> None:
    cost = plots.mlp_flops([3, 4, 1], batch=5)
    assert cost["P"] == 3 * 4 + 4 + 4 * 1 + 1
    assert cost["forward"] == 2 * (12 + 4) * 5
    # dW in both layers, dA only in layer 2 (layer 1's input is the data)
    assert cost["backward"] == 2 * (12 + 4) * 5 + 2 * 4 * 5
    assert cost["step"] == cost["forward"] + cost["backward"]
    assert cost["numerical"] == 2 * cost["P"] * cost["forward"]
    with pytest.raises(ValueError, match="at least two"):
        plots.mlp_flops([3], 5)
    with pytest.raises(ValueError, match="batch"):
        plots.mlp_flops([3, 1], 0)


# --- exercise checkers --------------------------------------------------------------------

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
        ex.check_output_error: (f.y - f.t) * f.y * (1 - f.y),
        ex.check_hidden_sum: d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"],
        ex.check_input_gradient: dx1,
        ex.check_parameter_count: P,
        ex.check_numerical_passes: 2 * P,
        ex.check_dense_flops: lambda n_in, n_out, N: (2 * n_in * n_out * N, 4 * n_in * n_out * N),
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
    assert not ex.check_output_error(f.y - f.t)
    assert "∂L/∂y" in capsys.readouterr().out
    d1 = sp.Symbol("delta_1^(2)")
    assert not ex.check_hidden_sum(d1 * net.build_symbolic().symbols["w_13^(2)"])
    assert "one path only" in capsys.readouterr().out
    assert not ex.check_parameter_count(784 * 128 + 128 * 10)
    assert "bias" in capsys.readouterr().out
    assert not ex.check_numerical_passes(784 * 128 + 128 + 128 * 10 + 10)
    assert "central" in capsys.readouterr().out
