"""Public core functions validate their input as their docstrings promise.

Lists are accepted where arrays are asked for; complex numbers, None and strings are a
TypeError (never turned into numbers); out-of-range values and unbounded sizes are a
ValueError, raised before anything is allocated. Never an AttributeError/IndexError from
inside the package.
"""

import math

import numpy as np
import pytest

from bp_helpers import calculus, data, deep, dual, network_2321, nn
from bp_helpers.autograd import Value
from bp_helpers.dual import Dual
from bp_helpers.playground import Playground

W, b, A = np.ones((2, 3)), np.zeros((2, 1)), np.ones((3, 4))


def test_lists_are_accepted_where_arrays_are_required() -> None:
    Z, cache = nn.dense_forward(A.tolist(), W.tolist(), b.tolist())
    np.testing.assert_array_equal(Z, nn.dense_forward(A, W, b)[0])
    dA, dW, db = nn.dense_backward(Z.tolist(), cache)
    assert dA.shape == A.shape and dW.shape == W.shape and db.shape == b.shape
    out, act_cache = nn.activation_forward(Z.tolist(), "tanh")
    assert nn.activation_backward(np.ones_like(out).tolist(), act_cache).shape == Z.shape
    assert nn.mse([[1.0, 2.0]], [[1.0, 1.0]])[0] == 0.25
    assert nn.bce_with_logits([[0.0]], [[1.0]])[0] == pytest.approx(math.log(2))
    assert nn.bce([[0.5]], [[1]]) == pytest.approx(math.log(2))
    np.testing.assert_allclose(nn.sigmoid([0.0, 0.0]), [0.5, 0.5])
    assert nn.relative_norm_error([1.0], [1.0]) == 0.0


COMPLEX = np.array([[1 + 1j, 2.0]])


@pytest.mark.parametrize(
    "call",
    [
        lambda: nn.sigmoid(1j),
        lambda: nn.relu(COMPLEX),
        lambda: nn.tanh_prime(COMPLEX),
        lambda: nn.gelu(COMPLEX),
        lambda: nn.mse(COMPLEX, COMPLEX.real),
        lambda: nn.bce_with_logits(COMPLEX, np.ones((1, 2))),
        lambda: nn.dense_forward(A.astype(complex), W, b),
        lambda: nn.MLP((2, 1)).forward(COMPLEX.T),
        lambda: calculus.numerical_gradient(np.sum, COMPLEX),
        lambda: dual.jvp(lambda x: x, [1j], [1.0]),
        lambda: Value(1j),
        lambda: Dual(1j),
        lambda: network_2321.forward(network_2321.REFERENCE_PARAMS, (1j, 0.0), 0.0),
    ],
)
def test_complex_input_is_a_type_error(call) -> None:
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: nn.sigmoid(None),
        lambda: nn.identity_prime(None),
        lambda: nn.normal_cdf([None, 1.0]),
        lambda: nn.mse(None, [[1.0]]),
        lambda: nn.bce_with_logits([[None]], [[1.0]]),
        lambda: nn.dense_forward(None, W, b),
        lambda: nn.relative_norm_error(None, None),
        lambda: calculus.relative_error(None, 1.0),
        lambda: calculus.central_difference(lambda x: None, 1.0),
        lambda: dual.derivative(lambda x: None, 1.0),
        lambda: Value(None),
        lambda: Dual(1.0) + None,
        lambda: nn.MLP((2, 1)).forward(None),
        lambda: nn.train(nn.MLP((2, 1)), None, None),
        lambda: nn.sgd_step(None, None, 0.1),
    ],
)
def test_none_is_never_a_number(call) -> None:
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize("labels", [[[2.0]], [[-0.5]]])
def test_bce_labels_outside_zero_one_are_rejected(labels) -> None:
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        nn.bce_with_logits([[0.0]], labels)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        nn.bce([[0.5]], labels)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        nn.MLP((1, 1)).loss_and_grads([[0.0]], labels, "bce")


def test_bce_probabilities_and_eps_are_checked() -> None:
    with pytest.raises(ValueError, match="probabilities"):
        nn.bce([[1.5]], [[1.0]])
    for eps in (0.0, 0.7, None):
        with pytest.raises((ValueError, TypeError)):
            nn.bce([[0.5]], [[1.0]], eps=eps)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: data.moons(10**12), ValueError),
        (lambda: data.circles(n=10**9), ValueError),
        (lambda: data.spirals(n=2.5), TypeError),
        (lambda: nn.MLP((2, 10**9, 1)), ValueError),
        (lambda: nn.init_params((10**5, 10**5)), ValueError),
        (lambda: nn.train(nn.MLP((2, 1)), *data.xor(), epochs=10**12), ValueError),
        (lambda: deep.flow_experiment(10**6), ValueError),
        (lambda: deep.flow_experiment(3, width=10**9), ValueError),
        (lambda: deep.flow_experiment(3, n_samples=10**12), ValueError),
        (lambda: Playground().step(10**12), ValueError),
    ],
)
def test_unbounded_sizes_are_rejected_before_allocating(call, error) -> None:
    with pytest.raises(error):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: nn.dense_forward(A, W, np.zeros(2)),  # b must be (n_out, 1)
        lambda: nn.dense_forward(A[:2], W, b),
        lambda: nn.dense_backward(np.ones((2, 5)), nn.dense_forward(A, W, b)[1]),
        lambda: nn.activation_forward(A, "swish"),
        lambda: nn.mse(np.ones((1, 2)), np.ones((1, 3))),
        lambda: nn.mse(np.ones(2), np.ones(2)),
        lambda: calculus.numerical_jacobian(lambda x: x, np.ones(0)),
        lambda: nn.sgd_step({"W1": np.ones(2)}, {"W1": np.ones(3)}, 0.1),
    ],
)
def test_shapes_are_value_errors(call) -> None:
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: nn.dense_backward(np.ones((2, 4)), (A, W)[0]),
        lambda: nn.activation_backward(np.ones((2, 4)), "tanh"),
        lambda: nn.sgd_step({"W1": np.ones(2)}, {"W1": [1.0, 2.0]}, 0.1),
        lambda: deep.deep_backward(np.ones((1, 1)), [1, 2]),
        lambda: nn.train(nn.MLP((2, 1)), *data.xor(), batch_size="4"),
    ],
)
def test_wrong_types_are_clear_errors_not_attribute_errors(call) -> None:
    with pytest.raises((TypeError, ValueError)):
        call()
