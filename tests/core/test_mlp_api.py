"""The MLP's public checking and loss API, the residual option, and deep.py on top of it."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bp_helpers import calculus, data, deep, nn
from bp_helpers.nn.mlp import backward_pass


def _problem(widths=(3, 3, 3, 1), seed=0, N=5):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((widths[0], N)), rng.standard_normal((widths[-1], N))


def test_loss_and_grads_does_not_change_the_loss_attribute() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1))
    assert mlp.loss == "bce"
    L_mse, _ = mlp.loss_and_grads(X, Y, "mse")
    assert mlp.loss == "bce"  # no side effect: predict still gives probabilities
    np.testing.assert_allclose(mlp.predict(X), nn.sigmoid(mlp.forward(X)[0]))
    L_default, _ = mlp.loss_and_grads(X, Y)  # the default is mlp.loss
    assert L_default == mlp.loss_and_grads(X, Y, "bce")[0] != L_mse


def test_check_data_returns_arrays_the_unchecked_paths_accept() -> None:
    mlp = nn.MLP((2, 3, 1))
    X, Y = mlp.check_data([[0, 1], [1, 0]], [[1, 0]])
    assert X.dtype == Y.dtype == np.float64 and X.shape == (2, 2)
    L1, g1 = mlp.loss_and_grads(X, Y, check=False)
    L2, g2 = mlp.loss_and_grads([[0, 1], [1, 0]], [[1, 0]])
    assert L1 == L2 and all(np.array_equal(g1[k], g2[k]) for k in g1)
    assert mlp.loss_value(X, Y) == L1 == mlp.loss_value(X, Y, check=False)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        mlp.check_data(X, 2 * Y, "bce")
    assert mlp.check_data(X, 2 * Y, "mse")[1][0, 0] == 2.0
    with pytest.raises(ValueError, match="at least one sample"):
        mlp.check_data(np.ones((2, 0)), np.ones((1, 0)))


def test_output_loss_is_the_loss_of_the_output() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1))
    out, _ = mlp.forward(X)
    assert mlp.output_loss(out, Y, "bce")[0] == nn.bce_with_logits(out, Y)[0]
    assert mlp.output_loss(out, Y, "mse")[0] == nn.mse(out, Y)[0]


def test_from_params_uses_the_given_arrays() -> None:
    params = nn.init_params((3, 4, 2))
    mlp = nn.MLP.from_params(params, "relu")
    assert mlp.widths == (3, 4, 2) and mlp.params["W1"] is params["W1"]
    with pytest.raises(ValueError, match="layer 2"):
        nn.MLP.from_params({**params, "W2": np.ones((2, 3))})
    with pytest.raises(ValueError, match="finite"):
        nn.MLP.from_params({**params, "b1": np.full((4, 1), np.nan)})
    with pytest.raises(ValueError, match="keys"):
        nn.MLP.from_params({"W1": params["W1"]})


@pytest.mark.parametrize("beta", [1.0, 0.3])
def test_residual_forward_is_the_formula(beta: float) -> None:
    X, _ = _problem()
    mlp = nn.MLP((3, 3, 3, 1), activation="tanh", residual=True, branch_scale=beta, seed=2)
    p = mlp.params
    A1 = X + beta * np.tanh(p["W1"] @ X + p["b1"])
    A2 = A1 + beta * np.tanh(p["W2"] @ A1 + p["b2"])
    out = p["W3"] @ A2 + p["b3"]
    np.testing.assert_allclose(mlp.forward(X)[0], out, rtol=1e-13)
    assert mlp.skips == (True, True, False)
    assert nn.MLP((3, 4, 4, 1), residual=True).skips == (False, True, False)
    assert nn.MLP((3, 3, 1)).skips == (False, False)


@settings(max_examples=25, deadline=None)
@given(
    depth=st.integers(2, 4), width=st.integers(1, 4), activation=st.sampled_from(nn.ACTIVATIONS),
    residual=st.booleans(), beta=st.floats(0.1, 1.0), loss=st.sampled_from(["mse", "bce"]),
    seed=st.integers(0, 10_000),
)
def test_mlp_gradients_agree_with_central_differences(depth, width, activation, residual, beta,
                                                     loss, seed) -> None:
    widths = (width,) * depth + (1,)
    mlp = nn.MLP(widths, activation=activation, residual=residual, branch_scale=beta, seed=seed)
    X, Y = _problem(widths, seed)
    Y = (Y > 0).astype(float)
    # ReLU-family kinks: skip points too close to a kink for a finite difference
    _, caches = mlp.forward(X)
    if activation in ("relu", "leaky_relu") and min(np.abs(a.Z).min() for _, a in caches) < 1e-4:
        return
    _, grads = mlp.loss_and_grads(X, Y, loss)
    for key, theta in mlp.params.items():
        def f(value, key=key):
            net = nn.MLP.from_params({**mlp.params, key: value}, activation,
                                     residual=residual, branch_scale=beta)
            return net.loss_value(X, Y, loss)
        numeric = calculus.numerical_gradient(f, theta)
        np.testing.assert_allclose(grads[key], numeric, rtol=1e-5, atol=1e-7)


def test_gradient_check_is_central_differences_from_calculus() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=1)
    before = {k: v.copy() for k, v in mlp.params.items()}
    errors = nn.gradient_check(mlp, X, Y)
    assert set(errors) == set(mlp.params) and max(errors.values()) < 1e-7
    assert all(np.array_equal(before[k], mlp.params[k]) for k in before)


def test_deep_functions_are_the_mlp() -> None:
    params = nn.init_params((3, 3, 3, 2), rng=np.random.default_rng(4))
    X, Y = _problem((3, 3, 3, 2))
    mlp = nn.MLP.from_params(params, "sigmoid", residual=True, branch_scale=0.5)
    L, grads = deep.deep_loss_and_grads(params, X, Y, "sigmoid", True, 0.5)
    L2, grads2 = mlp.loss_and_grads(X, Y, "mse")
    assert L == L2 and all(np.array_equal(grads[k], grads2[k]) for k in grads)
    out, caches = deep.deep_forward(params, X, "sigmoid", True, 0.5)
    assert [c.skip for c in caches] == list(mlp.skips)
    d_out = nn.mse(out, Y)[1]
    g3 = deep.deep_backward(d_out, caches)
    assert all(np.array_equal(grads[k], g3[k]) for k in grads)
    g4 = backward_pass(d_out, [(c.dense, c.act) for c in caches], mlp.skips, 0.5)
    assert all(np.array_equal(grads[k], g4[k]) for k in grads)
    assert deep.n_layers(params) == 3


def test_layer_gradient_norms_is_the_one_used_by_the_playground() -> None:
    from bp_helpers.playground import Playground

    state = Playground(width=4, hidden_layers=1).step(3)
    np.testing.assert_allclose(state.grad_norms[-1], deep.layer_gradient_norms(state.grads))
    assert state.grad_norms.shape == (3, 2)
