"""bp_helpers.nn.mlp: init, forward/backward, gradient check (property test), training."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bp_helpers import data, nn
from bp_helpers.calculus import numerical_gradient

KINKED = {"relu", "leaky_relu"}


# -- init_params ---------------------------------------------------------------------------
def test_init_params_shapes_and_scales() -> None:
    params = nn.init_params((300, 200, 1), "xavier", np.random.default_rng(0))
    assert list(params) == ["W1", "b1", "W2", "b2"]
    assert params["W1"].shape == (200, 300) and params["b1"].shape == (200, 1)
    assert params["W2"].shape == (1, 200) and params["b2"].shape == (1, 1)
    assert not params["b1"].any()
    assert params["W1"].std() == pytest.approx(math.sqrt(2 / 500), rel=0.02)
    he = nn.init_params((300, 200, 1), "he", np.random.default_rng(0), scale=2.0)
    assert he["W1"].std() == pytest.approx(2 * math.sqrt(2 / 300), rel=0.02)


def test_init_params_is_seeded() -> None:
    a = nn.init_params((2, 3, 1), rng=np.random.default_rng(5))
    b = nn.init_params((2, 3, 1), rng=np.random.default_rng(5))
    c = nn.init_params((2, 3, 1), rng=np.random.default_rng(6))
    np.testing.assert_array_equal(a["W1"], b["W1"])
    assert not np.array_equal(a["W1"], c["W1"])
    np.testing.assert_array_equal(nn.MLP((2, 3, 1), seed=5).params["W1"], a["W1"])


def test_init_params_bad_input() -> None:
    with pytest.raises(ValueError, match="expected one of"):
        nn.init_params((2, 3), "glorot")
    with pytest.raises(ValueError, match="input and an output"):
        nn.init_params((2,))
    with pytest.raises(ValueError, match=">= 1"):
        nn.init_params((2, 0, 1))
    with pytest.raises(TypeError, match="integer"):
        nn.init_params((2, 2.5, 1))
    with pytest.raises(TypeError, match="sequence"):
        nn.init_params(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Generator"):
        nn.init_params((2, 1), rng=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scale"):
        nn.init_params((2, 1), scale=0.0)


# -- forward / backward ------------------------------------------------------------------
def test_forward_is_the_composition_of_layers() -> None:
    mlp = nn.MLP((2, 3, 2), activation="sigmoid", output_activation="tanh", seed=1)
    X = np.random.default_rng(0).standard_normal((2, 5))
    p = mlp.params
    expected = np.tanh(p["W2"] @ nn.sigmoid(p["W1"] @ X + p["b1"]) + p["b2"])
    out, caches = mlp.forward(X)
    assert len(caches) == 2
    np.testing.assert_allclose(out, expected, rtol=1e-14)
    # the batch is just the samples side by side: column n only depends on sample n
    np.testing.assert_allclose(mlp.forward(X[:, 3:4])[0], out[:, 3:4], rtol=1e-14)


def test_grads_match_numerical_gradient_of_every_parameter() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1), seed=3)
    L, grads = mlp.loss_and_grads(X, Y, "bce")
    assert grads.keys() == mlp.params.keys()
    for key, theta in mlp.params.items():
        assert grads[key].shape == theta.shape

        def loss_at(value: np.ndarray, key: str = key) -> float:
            saved = mlp.params[key]
            mlp.params[key] = value
            try:
                return mlp.loss_and_grads(X, Y, "bce")[0]
            finally:
                mlp.params[key] = saved

        np.testing.assert_allclose(grads[key], numerical_gradient(loss_at, theta), rtol=1e-6)


@st.composite
def networks(draw):
    depth = draw(st.integers(1, 4))
    widths = tuple(draw(st.integers(1, 8)) for _ in range(depth + 1))
    act = draw(st.sampled_from(nn.ACTIVATIONS))
    loss = draw(st.sampled_from(nn.LOSSES))
    out_act = "identity" if loss == "bce" else draw(st.sampled_from(nn.ACTIVATIONS))
    n = draw(st.integers(1, 5))
    seed = draw(st.integers(0, 2**16))
    return widths, act, out_act, loss, n, seed


@settings(
    max_examples=150,
    deadline=None,
    database=None,  # write no .hypothesis directory into the repository
    suppress_health_check=[HealthCheck.filter_too_much],
)
@given(networks())
def test_gradient_check_property(case) -> None:
    widths, act, out_act, loss, n, seed = case
    rng = np.random.default_rng(seed)
    mlp = nn.MLP(widths, activation=act, output_activation=out_act, seed=seed)
    X = rng.standard_normal((widths[0], n))
    Y = (rng.random((widths[-1], n)) < 0.5).astype(float)
    if KINKED & {act, out_act}:
        # keep every pre-activation away from the kink at 0, where f' jumps
        _, caches = mlp.forward(X)
        assume(min(np.abs(c[1].Z).min() for c in caches) > 1e-3)
    # Central differences have a noise floor of about ε·|L|/h ≈ 1e-11 per entry, so a
    # relative error is only meaningful for gradients well above it: skip networks whose
    # gradient has vanished (saturated units), but keep exactly-zero ones (dead ReLUs).
    _, grads = mlp.loss_and_grads(X, Y, loss)
    norms = [float(np.linalg.norm(g)) for g in grads.values()]
    assume(all(norm == 0.0 or norm > 1e-3 for norm in norms))
    errors = nn.gradient_check(mlp, X, Y, loss)
    assert errors.keys() == mlp.params.keys()
    assert max(errors.values()) < 1e-7, errors


def test_gradient_check_detects_a_wrong_backward(monkeypatch) -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=0)
    assert max(nn.gradient_check(mlp, X, Y).values()) < 1e-7
    real_backward = nn.MLP.backward

    def buggy(self, d_out, caches):
        grads = real_backward(self, d_out, caches)
        grads["W1"] = 2 * grads["W1"]
        return grads

    monkeypatch.setattr(nn.MLP, "backward", buggy)
    errors = nn.gradient_check(mlp, X, Y)
    assert errors["W1"] == pytest.approx(1 / 3)  # ‖2g − g‖ / (‖2g‖ + ‖g‖)
    assert errors["W2"] < 1e-7


def test_gradient_check_restores_the_parameters() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=0)
    before = {k: v.copy() for k, v in mlp.params.items()}
    nn.gradient_check(mlp, X, Y)
    for key in before:
        np.testing.assert_array_equal(mlp.params[key], before[key])


# -- training -------------------------------------------------------------------------------
def test_train_solves_xor() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1), seed=0)
    history = nn.train(mlp, X, Y, loss="bce", lr=0.5, epochs=1000)
    assert len(history) == 1000
    assert history[-1] < 0.05 < history[0]
    np.testing.assert_array_equal(mlp.predict(X) > 0.5, Y > 0.5)
    assert np.all((mlp.predict(X) >= 0) & (mlp.predict(X) <= 1))


def test_train_history_is_the_loss_before_each_step() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=1)
    first, _ = mlp.loss_and_grads(X, Y)
    history = nn.train(mlp, X, Y, lr=0.1, epochs=3)
    assert history[0] == first
    assert history[-1] != first


def test_minibatch_training_with_mse() -> None:
    X, Y = data.moons(n=64, noise=0.05)
    mlp = nn.MLP((2, 8, 1), activation="relu", output_activation="sigmoid", init="he")
    seen = []
    history = nn.train(mlp, X, Y, loss="mse", lr=0.5, epochs=200, batch_size=16,
                       callback=lambda epoch, L, grads: seen.append(epoch))
    assert len(history) == 200 and len(seen) == 200 * 4
    assert history[-1] < 0.5 * history[0]
    P = mlp.predict(X)
    assert mlp.loss == "mse" and np.all((P > 0) & (P < 1))
    assert np.mean((P > 0.5) == (Y > 0.5)) > 0.85


def test_training_ignores_harmless_underflow() -> None:
    # a value underflowing to 0 (as in a saturated unit) is not divergence; the callback
    # runs inside the training loop, so its underflow stands for one in the backward pass
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=0)

    def underflow(epoch: int, L: float, grads: dict) -> None:
        assert (np.array([1e-300]) * 1e-300)[0] == 0.0

    with np.errstate(all="raise"):
        history = nn.train(mlp, X, Y, lr=0.1, epochs=5, callback=underflow)
    assert len(history) == 5 and all(math.isfinite(L) for L in history)


def test_sgd_step_in_place() -> None:
    params = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    W1 = params["W1"]
    nn.sgd_step(params, {"W1": np.full((2, 2), 2.0), "b1": np.ones((2, 1))}, lr=0.25)
    assert params["W1"] is W1
    np.testing.assert_allclose(W1, 0.5)
    np.testing.assert_allclose(params["b1"], -0.25)
    with pytest.raises(ValueError, match="keys"):
        nn.sgd_step(params, {"W1": W1}, 0.1)
    with pytest.raises(ValueError, match="shape"):
        nn.sgd_step(params, {"W1": np.ones((2, 1)), "b1": np.ones((2, 1))}, 0.1)


@pytest.mark.parametrize("loss", ["bce", "mse"])
def test_divergence_raises_a_clear_error_not_nans(loss: str) -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 8, 8, 1), activation="relu", seed=0)
    with np.errstate(all="raise"), pytest.raises(nn.TrainingDiverged, match="learning rate"):
        nn.train(mlp, X, Y, loss=loss, lr=1e8, epochs=500)
    assert issubclass(nn.TrainingDiverged, ValueError)


def test_bad_input_is_a_clear_error() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1))
    with pytest.raises(ValueError, match=r"X must have shape \(2, N\)"):
        mlp.forward(X.T)
    with pytest.raises(ValueError, match="2 dimension"):
        mlp.forward(X[0])
    with pytest.raises(ValueError, match=r"Y must have shape \(1, 4\)"):
        mlp.loss_and_grads(X, Y[:, :3])
    with pytest.raises(ValueError, match="finite"):
        mlp.loss_and_grads(np.where(X == 1, np.nan, X), Y)
    with pytest.raises(ValueError, match="finite"):
        nn.train(mlp, X, np.full((1, 4), np.inf))
    with pytest.raises(TypeError, match="real numbers"):
        mlp.forward([["a", "b"]])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        mlp.loss_and_grads(X, 2 * Y, "bce")
    with pytest.raises(ValueError, match="unknown loss"):
        mlp.loss_and_grads(X, Y, "hinge")
    with pytest.raises(ValueError, match="unknown activation"):
        nn.MLP((2, 1), activation="swish")
    with pytest.raises(ValueError, match="output_activation"):
        nn.MLP((2, 1), output_activation="softmax")
    with pytest.raises(ValueError, match="logits"):
        nn.MLP((2, 1), output_activation="sigmoid").loss_and_grads(X, Y, "bce")
    with pytest.raises(TypeError, match="MLP"):
        nn.train("net", X, Y)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lr"):
        nn.train(mlp, X, Y, lr=-1.0)
    with pytest.raises(ValueError, match="epochs"):
        nn.train(mlp, X, Y, epochs=0)
    with pytest.raises(ValueError, match="caches"):
        mlp.backward(np.ones((1, 4)), [])


def test_predict_and_repr() -> None:
    X, _ = data.xor()
    mlp = nn.MLP((2, 3, 1), seed=0)
    assert mlp.loss == "bce" and mlp.n_layers == 2
    np.testing.assert_allclose(mlp.predict(X), nn.sigmoid(mlp.forward(X)[0]))
    reg = nn.MLP((2, 3, 1), seed=0, loss="mse")
    np.testing.assert_allclose(reg.predict(X), reg.forward(X)[0])
    assert "widths=(2, 3, 1)" in repr(mlp)
