"""NaN is never turned into a number (bp_helpers docstring: the NaN policy).

Elementwise maths (activations and their derivatives) propagates NaN like NumPy;
functions that take data at the package's boundary raise a ValueError.
"""

import math

import numpy as np
import pytest

from bp_helpers import calculus, data, dual, nn
from bp_helpers.autograd import Value
from bp_helpers.deep import deep_loss_and_grads
from bp_helpers.dual import Dual

ELEMENTWISE = [nn.identity, nn.identity_prime, nn.sigmoid, nn.sigmoid_prime, nn.tanh,
               nn.tanh_prime, nn.relu, nn.relu_prime, nn.leaky_relu, nn.leaky_relu_prime,
               nn.gelu, nn.gelu_prime, nn.normal_cdf, nn.normal_pdf]


@pytest.mark.parametrize("f", ELEMENTWISE, ids=lambda f: f.__name__)
def test_elementwise_functions_propagate_nan(f) -> None:
    z = np.array([[-2.0, np.nan, 0.0, 3.0]])
    out = f(z)
    assert out.shape == z.shape
    assert np.isnan(out[0, 1])
    assert np.all(np.isfinite(out[0, [0, 2, 3]]))
    assert np.isnan(f(math.nan))


def test_the_cases_reported_in_issue_15() -> None:
    assert np.isnan(nn.sigmoid(np.nan))
    assert np.isnan(nn.sigmoid_prime(np.nan))
    assert np.isnan(nn.normal_pdf(np.nan))
    assert math.isnan(nn.scalar_sigmoid(math.nan))
    assert math.isnan(Dual(0.0, 1.0).sigmoid().value) is False  # finite stays finite


def test_exp_neg_keeps_nan_and_flushes_only_huge_arguments() -> None:
    out = nn.exp_neg(np.array([0.0, np.nan, 700.0, np.inf]))
    assert out[0] == 1.0 and np.isnan(out[1]) and out[2] == 0.0 and out[3] == 0.0


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_losses_reject_non_finite_input(bad) -> None:
    Z, Y = np.array([[0.5, bad]]), np.array([[0.0, 1.0]])
    for loss in (nn.mse, nn.bce_with_logits):
        with pytest.raises(ValueError, match="finite"):
            loss(Z, Y)
        with pytest.raises(ValueError, match="finite"):
            loss(Y, Z)
    with pytest.raises(ValueError, match="finite"):
        nn.bce(np.array([[0.5, bad]]), Y)


def test_bce_with_logits_never_returns_a_finite_gradient_for_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        nn.bce_with_logits(np.array([[np.nan]]), np.array([[1.0]]))


def test_layers_reject_non_finite_input() -> None:
    W, b = np.ones((2, 3)), np.zeros((2, 1))
    A = np.ones((3, 4))
    with pytest.raises(ValueError, match="finite"):
        nn.dense_forward(np.where(A > 0, np.nan, A), W, b)
    with pytest.raises(ValueError, match="finite"):
        nn.dense_forward(A, W * np.inf, b)
    Z, cache = nn.dense_forward(A, W, b)
    with pytest.raises(ValueError, match="finite"):
        nn.dense_backward(Z * np.nan, cache)
    with pytest.raises(ValueError, match="finite"):
        nn.activation_forward(Z * np.nan, "tanh")
    _, act_cache = nn.activation_forward(Z, "tanh")
    with pytest.raises(ValueError, match="finite"):
        nn.activation_backward(Z * np.nan, act_cache)


def test_mlp_train_and_gradient_check_reject_nan_data() -> None:
    X, Y = data.xor()
    bad = X.copy()
    bad[0, 0] = np.nan
    mlp = nn.MLP((2, 3, 1))
    for call in (lambda: mlp.forward(bad), lambda: mlp.loss_and_grads(bad, Y),
                 lambda: mlp.loss_value(bad, Y), lambda: nn.train(mlp, bad, Y, epochs=1),
                 lambda: nn.gradient_check(mlp, bad, Y), lambda: mlp.predict(bad),
                 lambda: deep_loss_and_grads(mlp.params, bad, Y)):
        with pytest.raises(ValueError, match="finite"):
            call()


def test_derivatives_of_nan_functions_raise() -> None:
    with pytest.raises(ValueError, match="non-finite"):
        dual.derivative(lambda x: math.nan, 1.0)
    with pytest.raises(ValueError, match="non-finite"):
        dual.jvp(lambda x: [x[0], math.inf], [1.0], [1.0])
    with pytest.raises(ValueError, match="non-finite"):
        calculus.central_difference(lambda x: math.nan, 1.0)
    with pytest.raises(ValueError, match="non-finite"):
        calculus.numerical_gradient(lambda x: np.nan, np.ones(2))
    with pytest.raises(ValueError, match="finite"):
        calculus.numerical_jacobian(lambda x: x * np.nan, np.ones(2))
    with pytest.raises(ValueError, match="finite"):
        dual.derivative(lambda x: x, math.nan)


def test_value_and_dual_never_hold_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        Value(math.nan)
    with pytest.raises(ValueError, match="finite"):
        Value(1.0) + math.nan
    with pytest.raises(ValueError, match="finite"):
        Dual(1.0) * math.inf


def test_exp_neg_takes_floats_and_lists() -> None:
    assert nn.exp_neg(0.0) == 1.0 and nn.exp_neg(800.0) == 0.0
    assert math.isnan(nn.exp_neg(math.nan))
    np.testing.assert_allclose(nn.exp_neg([1.0, 2.0]), np.exp([-1.0, -2.0]))
