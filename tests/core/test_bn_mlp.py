"""bp_helpers.nn.bn_mlp: a deep net with batch norm per hidden layer, its gradients against
central differences, and the gradient flow with and without batch norm."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers.calculus import numerical_gradient
from bp_helpers.deep import flow_experiment
from bp_helpers.nn import init_params
from bp_helpers.nn.batchnorm import RunningStats
from bp_helpers.nn.bn_mlp import (
    bn_gradient_norms,
    bn_net_backward,
    bn_net_forward,
    bn_net_loss_and_grads,
    init_bn_params,
)


def test_init_bn_params_extends_init_params_with_the_same_draws() -> None:
    widths = (3, 4, 5, 2)
    params = init_bn_params(widths, "he", np.random.default_rng(7), 0.5)
    plain = init_params(widths, "he", np.random.default_rng(7), 0.5)
    for key, value in plain.items():
        np.testing.assert_array_equal(params[key], value)
    assert set(params) - set(plain) == {"gamma1", "beta1", "gamma2", "beta2"}
    assert params["gamma2"].shape == (5, 1) and np.all(params["gamma2"] == 1.0)
    assert params["beta1"].shape == (4, 1) and np.all(params["beta1"] == 0.0)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("batchnorm", [True, False])
def test_gradients_match_central_differences(activation: str, batchnorm: bool) -> None:
    rng = np.random.default_rng(2)
    params = init_bn_params((3, 4, 4, 2), "xavier", rng)
    params["gamma1"] += 0.3 * rng.standard_normal((4, 1))
    params["beta2"] += 0.3 * rng.standard_normal((4, 1))
    X, Y = rng.standard_normal((3, 6)), rng.standard_normal((2, 6))
    _, grads = bn_net_loss_and_grads(params, X, Y, activation, batchnorm=batchnorm)
    bn_keys = {k for k in params if k.startswith(("gamma", "beta"))}
    expected = set(params) if batchnorm else set(params) - bn_keys
    assert set(grads) == expected
    for key in expected:
        def loss(theta, key=key):
            return bn_net_loss_and_grads({**params, key: theta}, X, Y, activation,
                                         batchnorm=batchnorm)[0]

        assert grads[key].shape == params[key].shape
        np.testing.assert_allclose(grads[key], numerical_gradient(loss, params[key]),
                                   rtol=1e-5, atol=1e-9, err_msg=key)


def test_hidden_biases_get_no_gradient_under_batch_norm() -> None:
    rng = np.random.default_rng(0)
    params = init_bn_params((3, 5, 5, 1), rng=rng)
    _, grads = bn_net_loss_and_grads(params, rng.standard_normal((3, 8)),
                                     rng.standard_normal((1, 8)))
    assert np.abs(grads["b1"]).max() < 1e-15 and np.abs(grads["b2"]).max() < 1e-15
    assert np.abs(grads["b3"]).max() > 1e-3  # the last, linear layer has no batch norm


def test_without_batch_norm_it_is_the_plain_deep_net_of_notebook_06() -> None:
    np.testing.assert_allclose(bn_gradient_norms(12, batchnorm=False),
                               flow_experiment(12).grad_norms, rtol=1e-12)


def test_batch_norm_keeps_the_gradients_of_a_deep_sigmoid_net_alive() -> None:
    plain = bn_gradient_norms(20, "sigmoid", batchnorm=False)
    with_bn = bn_gradient_norms(20, "sigmoid", batchnorm=True)
    assert plain.shape == with_bn.shape == (20,)
    assert plain[0] / plain[-1] < 1e-10  # vanishes layer after layer
    assert 0.1 < with_bn[0] / with_bn[-1] < 10  # stays of the same order


def test_eval_mode_uses_one_running_stats_per_hidden_layer() -> None:
    rng = np.random.default_rng(4)
    params = init_bn_params((2, 3, 3, 1), rng=rng)
    X = rng.standard_normal((2, 10))
    running = [RunningStats.start(3), RunningStats.start(3)]
    for _ in range(3):
        bn_net_forward(params, X, running=running)
    assert not np.allclose(running[0].mean, 0.0)
    before = [r.mean.copy() for r in running]
    out, caches = bn_net_forward(params, X[:, :1], training=False, running=running)
    assert out.shape == (1, 1) and not caches[0].bn.training
    np.testing.assert_array_equal(running[0].mean, before[0])
    grads = bn_net_backward(np.ones((1, 1)), caches)
    assert grads["gamma2"].shape == (3, 1)


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"drop": "gamma1"}, ValueError, "gamma_l and beta_l"),
        ({"drop": "b2"}, ValueError, "W1, b1"),
        ({"extra": "c1"}, ValueError, "W1, b1"),
        ({"params": [1, 2]}, TypeError, "dict"),
        ({"batchnorm": "yes"}, TypeError, "batchnorm must be True or False"),
        ({"activation": "step"}, ValueError, "unknown activation"),
        ({"running": [RunningStats.start(3)]}, ValueError, "one RunningStats per hidden"),
        ({"X": np.ones((3, 4))}, ValueError, "A_prev"),
        ({"X": np.ones((2, 1))}, ValueError, "at least 2 samples"),
    ],
)
def test_bad_input_is_rejected(change, error, match) -> None:
    params = init_bn_params((2, 3, 3, 1))
    if "drop" in change:
        del params[change.pop("drop")]
    if "extra" in change:
        params[change.pop("extra")] = np.zeros((1, 1))
    params = change.pop("params", params)
    X = change.pop("X", np.ones((2, 4)) * [1.0, 2.0, 3.0, 5.0])
    with pytest.raises(error, match=match):
        bn_net_forward(params, X, **change)


def test_batchnorm_false_does_not_need_gamma_and_beta() -> None:
    params = init_params((2, 3, 1))
    out, caches = bn_net_forward(params, np.ones((2, 3)), batchnorm=False)
    assert out.shape == (1, 3) and caches[0].bn is None


@pytest.mark.parametrize("depth", [1, 2.0, True])
def test_bn_gradient_norms_needs_depth_of_at_least_2(depth) -> None:
    with pytest.raises(ValueError, match="depth"):
        bn_gradient_norms(depth)
