"""bp_helpers.nn.layers: forward/backward pairs against central differences."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import nn
from bp_helpers.calculus import numerical_gradient


def _setup(seed: int = 0):
    rng = np.random.default_rng(seed)
    A_prev = rng.standard_normal((3, 5))
    W = rng.standard_normal((4, 3))
    b = rng.standard_normal((4, 1))
    G = rng.standard_normal((4, 5))  # upstream gradient: L = sum(G * Z)
    return A_prev, W, b, G


def test_dense_forward_is_w_at_a_plus_b() -> None:
    A_prev, W, b, _ = _setup()
    Z, _ = nn.dense_forward(A_prev, W, b)
    assert Z.shape == (4, 5)
    np.testing.assert_allclose(Z, W @ A_prev + b)
    np.testing.assert_allclose(Z[:, 2], W @ A_prev[:, 2] + b[:, 0])  # one sample per column


def test_dense_backward_matches_central_differences() -> None:
    A_prev, W, b, G = _setup()
    _, cache = nn.dense_forward(A_prev, W, b)
    dA_prev, dW, db = nn.dense_backward(G, cache)
    assert (dA_prev.shape, dW.shape, db.shape) == (A_prev.shape, W.shape, b.shape)

    def loss(A=A_prev, W_=W, b_=b):
        return float(np.sum(G * nn.dense_forward(A, W_, b_)[0]))

    np.testing.assert_allclose(dA_prev, numerical_gradient(lambda a: loss(A=a), A_prev), rtol=1e-7)
    np.testing.assert_allclose(dW, numerical_gradient(lambda w: loss(W_=w), W), rtol=1e-7)
    np.testing.assert_allclose(db, numerical_gradient(lambda v: loss(b_=v), b), rtol=1e-7)


def test_dense_backward_can_skip_the_input_gradient() -> None:
    A_prev, W, b, G = _setup()
    _, cache = nn.dense_forward(A_prev, W, b)
    dA_prev, dW, _ = nn.dense_backward(G, cache, need_dA_prev=False)
    assert dA_prev is None
    np.testing.assert_allclose(dW, G @ A_prev.T)


@pytest.mark.parametrize("name", nn.ACTIVATIONS)
def test_activation_backward_matches_central_differences(name: str) -> None:
    rng = np.random.default_rng(2)
    Z = rng.standard_normal((3, 4)) + 0.05  # keep off the ReLU kink at exactly 0
    G = rng.standard_normal((3, 4))
    A, cache = nn.activation_forward(Z, name)
    np.testing.assert_allclose(A, nn.activation(name)[0](Z))
    dZ = nn.activation_backward(G, cache)
    numeric = numerical_gradient(lambda z: float(np.sum(G * nn.activation_forward(z, name)[0])), Z)
    np.testing.assert_allclose(dZ, numeric, rtol=1e-6, atol=1e-9)


def test_bad_shapes_and_names() -> None:
    A_prev, W, b, G = _setup()
    with pytest.raises(ValueError, match="n_in"):
        nn.dense_forward(A_prev.T, W, b)
    with pytest.raises(ValueError, match="b must have shape"):
        nn.dense_forward(A_prev, W, b.ravel())
    _, cache = nn.dense_forward(A_prev, W, b)
    with pytest.raises(ValueError, match="dZ must have shape"):
        nn.dense_backward(G.T, cache)
    with pytest.raises(ValueError, match="expected one of"):
        nn.activation_forward(A_prev, "swish")
    _, act_cache = nn.activation_forward(A_prev, "tanh")
    with pytest.raises(ValueError, match="shape of Z"):
        nn.activation_backward(G, act_cache)
