"""bp_helpers.network_2321: the 2-3-2-1 network by hand, against sympy and central differences.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers import network_2321 as net
from bp_helpers.calculus import numerical_gradient, relative_error

SEEDS = range(8)


def _as_vector(grads: dict[str, float]) -> np.ndarray:
    return np.array([grads[name] for name in net.PARAMETER_NAMES])


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
