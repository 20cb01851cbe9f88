"""bp_helpers.deep: deep nets, per-layer norms, clipping, the flow experiment.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bp_helpers import nn
from bp_helpers.calculus import numerical_gradient
from bp_helpers.deep import (
    clip_grad_norm,
    deep_backward,
    deep_forward,
    deep_loss_and_grads,
    flow_experiment,
    global_norm,
    layer_gradient_norms,
    n_layers,
    norm,
)


def _small_problem(seed: int = 0, widths=(3, 3, 3, 3, 1)):
    rng = np.random.default_rng(seed)
    X, Y = rng.standard_normal((widths[0], 5)), rng.standard_normal((widths[-1], 5))
    return nn.init_params(widths, "xavier", rng), X, Y


# --- forward and backward --------------------------------------------------------------
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "gelu", "leaky_relu"])
@pytest.mark.parametrize(("residual", "beta"), [(False, 1.0), (True, 1.0), (True, 0.3)])
def test_backward_matches_central_differences(activation: str, residual: bool,
                                              beta: float) -> None:
    params, X, Y = _small_problem(widths=(3, 4, 4, 4, 2))
    _, grads = deep_loss_and_grads(params, X, Y, activation, residual, beta)
    assert list(grads) == list(params)
    for key, theta in params.items():
        def loss_of(value, key=key):
            return deep_loss_and_grads({**params, key: value}, X, Y, activation, residual,
                                       beta)[0]

        assert grads[key].shape == theta.shape
        numeric = numerical_gradient(loss_of, theta)
        assert nn.relative_norm_error(grads[key], numeric) < 1e-8, key


@settings(max_examples=25, deadline=None, database=None)
@given(
    depth=st.integers(2, 4), width=st.integers(1, 4), n_out=st.integers(1, 3),
    activation=st.sampled_from(["sigmoid", "tanh", "gelu"]), residual=st.booleans(),
    beta=st.floats(0.1, 2.0), seed=st.integers(0, 10_000),
)
def test_random_deep_nets_pass_a_gradient_check(depth, width, n_out, activation, residual,
                                                 beta, seed) -> None:
    params, X, Y = _small_problem(seed, widths=(width,) * depth + (n_out,))
    _, grads = deep_loss_and_grads(params, X, Y, activation, residual, beta)
    for key, theta in params.items():
        def loss_of(value, key=key):
            return deep_loss_and_grads({**params, key: value}, X, Y, activation, residual,
                                       beta)[0]

        numeric = numerical_gradient(loss_of, theta)
        assert np.allclose(grads[key], numeric, rtol=1e-6, atol=1e-9), key


def test_plain_deep_net_equals_the_mlp() -> None:
    params, X, Y = _small_problem()
    mlp = nn.MLP((3, 3, 3, 3, 1), activation="tanh", output_activation="identity")
    mlp.params = {k: v.copy() for k, v in params.items()}
    L_mlp, grads_mlp = mlp.loss_and_grads(X, Y, loss="mse")
    L, grads = deep_loss_and_grads(params, X, Y, "tanh")
    assert L == pytest.approx(L_mlp, rel=1e-14)
    for key in params:
        np.testing.assert_allclose(grads[key], grads_mlp[key], rtol=1e-12, atol=1e-15)


def test_residual_adds_the_input_only_where_shapes_match() -> None:
    params, X, _ = _small_problem(widths=(2, 3, 3, 1))
    _, caches = deep_forward(params, X, "relu", residual=True, branch_scale=0.5)
    assert [c.skip for c in caches] == [False, True, False]
    A1 = caches[1].dense.A_prev
    A2 = caches[2].dense.A_prev
    np.testing.assert_allclose(A2, A1 + 0.5 * caches[1].act.A)


def test_residual_rescues_a_vanishing_sigmoid_stack() -> None:
    plain = flow_experiment(20, "sigmoid", "xavier", 1.0, residual=False).grad_norms
    residual = flow_experiment(20, "sigmoid", "xavier", 1.0, residual=True).grad_norms
    assert plain[0] / plain[-1] < 1e-8
    assert residual[0] / residual[-1] > 1e-2


def test_sigmoid_gradient_shrinks_geometrically_with_depth() -> None:
    shallow = flow_experiment(5, "sigmoid").grad_norms
    deep = flow_experiment(25, "sigmoid").grad_norms
    assert deep[0] / deep[-1] < (shallow[0] / shallow[-1]) * 1e-6


def test_he_keeps_relu_signal_and_xavier_halves_its_variance() -> None:
    he = flow_experiment(30, "relu", "he").activation_stds
    xavier = flow_experiment(30, "relu", "xavier").activation_stds
    assert 0.2 < he[-1] / he[0] < 5
    assert 0.2 < (xavier[-1] / xavier[0]) / (2 ** -0.5) ** 28 < 5


def test_flow_experiment_shapes_and_determinism() -> None:
    a = flow_experiment(7, "tanh", "he", 0.5, True)
    b = flow_experiment(7, "tanh", "he", 0.5, True)
    assert a.grad_norms.shape == (7,) and a.activation_stds.shape == (6,)
    np.testing.assert_array_equal(a.grad_norms, b.grad_norms)
    assert a.loss == b.loss


def test_extreme_settings_raise_no_floating_point_error() -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        for act in ("sigmoid", "tanh", "relu", "leaky_relu", "gelu"):
            for scale in (0.1, 10.0):
                for residual in (False, True):
                    flow = flow_experiment(30, act, "he", scale, residual)
                    assert np.all(np.isfinite(flow.grad_norms))


# --- norms and clipping ---------------------------------------------------------------
def test_norm_matches_numpy_and_survives_extremes() -> None:
    a = np.arange(12.0).reshape(3, 4) - 5
    assert norm(a) == pytest.approx(np.linalg.norm(a), rel=1e-14)
    assert norm(np.zeros((2, 2))) == 0.0
    with np.errstate(all="raise"):
        assert norm(np.array([1e200, 1e200])) == pytest.approx(math.sqrt(2) * 1e200)
        assert norm(np.array([1e-200, 1e-200])) == pytest.approx(math.sqrt(2) * 1e-200)
        assert norm(np.array([1.0, 1e-300])) == 1.0


def test_layer_gradient_norms_and_global_norm() -> None:
    grads = {"W1": np.full((2, 2), 1.0), "b1": np.zeros((2, 1)),
             "W2": np.full((1, 2), 3.0), "b2": np.array([[4.0]])}
    np.testing.assert_allclose(layer_gradient_norms(grads), [2.0, math.sqrt(18)])
    assert global_norm(grads) == pytest.approx(math.sqrt(4 + 18 + 16))


def test_clip_scales_all_arrays_together_and_keeps_direction() -> None:
    grads = {"W1": np.array([[3.0, 0.0]]), "b1": np.array([[4.0]])}  # global norm 5
    clipped, before = clip_grad_norm(grads, 1.0)
    assert before == pytest.approx(5.0)
    assert global_norm(clipped) == pytest.approx(1.0)
    np.testing.assert_allclose(clipped["W1"], [[0.6, 0.0]])
    np.testing.assert_allclose(clipped["b1"], [[0.8]])
    np.testing.assert_array_equal(grads["W1"], [[3.0, 0.0]])  # input untouched


def test_clip_leaves_small_gradients_alone() -> None:
    grads = {"W1": np.array([[0.3]]), "b1": np.array([[0.4]])}
    clipped, before = clip_grad_norm(grads, 1.0)
    assert before == pytest.approx(0.5)
    np.testing.assert_array_equal(clipped["W1"], grads["W1"])


def test_bad_input_raises_clear_errors() -> None:
    params, X, Y = _small_problem()
    with pytest.raises(ValueError, match="keys W1, b1"):
        n_layers({"W1": np.ones((1, 1))})
    with pytest.raises(TypeError, match="dict"):
        n_layers([np.ones((1, 1))])
    with pytest.raises(ValueError, match="unknown activation"):
        deep_forward(params, X, "swish")
    with pytest.raises(TypeError, match="True or False"):
        deep_forward(params, X, "tanh", residual="yes")
    with pytest.raises(ValueError, match="branch_scale must be > 0"):
        deep_forward(params, X, "tanh", True, branch_scale=0.0)
    with pytest.raises(ValueError, match="finite"):
        deep_forward(params, np.full_like(X, np.nan), "tanh")
    with pytest.raises(ValueError, match=r"X must have shape \(3, N\)"):
        deep_forward(params, X[:2], "tanh")
    with pytest.raises(ValueError, match="max_norm must be > 0"):
        clip_grad_norm({"W1": np.ones((1, 1))}, -1.0)
    with pytest.raises(TypeError, match="non-empty dict"):
        global_norm({})
    with pytest.raises(ValueError, match="depth"):
        flow_experiment(1)
    _, caches = deep_forward(params, X, "tanh")
    with pytest.raises(ValueError, match="d_out must have shape"):
        deep_backward(np.ones((2, 5)), caches)
    with pytest.raises(TypeError, match="LayerCache"):
        deep_backward(np.ones((1, 5)), [])
