"""bp_helpers.playground: the playground's state (settings, step, reset).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from bp_helpers.playground import (
    DATASETS,
    Playground,
    Settings,
    make_dataset,
    noisy_xor,
)


# ----------------------------------------------------------------------------- settings
def test_settings_defaults_and_widths() -> None:
    s = Settings()
    assert s.widths == (2, 8, 8, 1)
    assert Settings(hidden_layers=0).widths == (2, 1)
    assert Settings(hidden_layers=4, width=16).widths == (2, 16, 16, 16, 16, 1)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"dataset": "mnist"}, ValueError),
        ({"activation": "softmax"}, ValueError),
        ({"hidden_layers": 5}, ValueError),
        ({"hidden_layers": -1}, ValueError),
        ({"width": 0}, ValueError),
        ({"width": 17}, ValueError),
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": 11.0}, ValueError),
        ({"learning_rate": float("nan")}, ValueError),
        ({"noise": -0.1}, ValueError),
        ({"batch_size": 0}, ValueError),
        ({"width": 2.5}, TypeError),
        ({"seed": "0"}, TypeError),
        ({"hidden_layers": True}, TypeError),
        ({"learning_rate": "fast"}, TypeError),
    ],
)
def test_bad_settings_are_rejected(changes: dict, error: type) -> None:
    with pytest.raises(error, match=next(iter(changes))):
        Settings(**changes)


def test_unknown_setting_names_are_listed() -> None:
    with pytest.raises(ValueError, match="unknown setting.*'lr'.*learning_rate"):
        Playground(lr=0.1)
    with pytest.raises(TypeError, match="Settings"):
        Playground(settings={"width": 3})


# ----------------------------------------------------------------------------- data
def test_noisy_xor_labels_each_corner_by_xor() -> None:
    X, Y = noisy_xor(n=8, noise=0.0, seed=0)
    assert X.shape == (2, 8) and Y.shape == (1, 8)
    expected = np.logical_xor(X[0] > 0.5, X[1] > 0.5).astype(float)
    np.testing.assert_array_equal(Y[0], expected)
    assert Y.sum() == 4  # balanced
    Xn, Yn = noisy_xor(n=200, noise=0.1, seed=0)
    agree = np.mean(np.logical_xor(Xn[0] > 0.5, Xn[1] > 0.5) == (Yn[0] == 1))
    assert agree > 0.95  # noise 0.1 moves few points across the middle lines
    np.testing.assert_array_equal(Xn, noisy_xor(n=200, noise=0.1, seed=0)[0])


@pytest.mark.parametrize("dataset", DATASETS)
def test_make_dataset_shapes(dataset: str) -> None:
    X, Y = make_dataset(Settings(dataset=dataset, n_samples=50))
    assert X.shape == (2, 50) and Y.shape == (1, 50)
    assert set(np.unique(Y)) == {0.0, 1.0}


# ----------------------------------------------------------------------------- state
def test_step_records_loss_gradients_and_norms() -> None:
    state = Playground(dataset="moons")
    assert state.steps == 0 and state.grads is None and state.grad_norms.shape == (0, 3)
    state.step(4)
    assert state.steps == 4 and len(state.losses) == 5
    assert state.grad_norms.shape == (4, 3)
    assert state.grads.keys() == state.mlp.params.keys()
    for key, grad in state.grads.items():
        assert grad.shape == state.mlp.params[key].shape
    last = [np.linalg.norm(state.grads[f"W{k}"]) for k in (1, 2, 3)]
    np.testing.assert_allclose(state.grad_norms[-1], last)
    assert state.losses[-1] == pytest.approx(state.full_loss())
    assert state.epoch == pytest.approx(4 * 20 / 200)


def test_the_last_gradient_is_the_minibatch_gradient_before_the_update() -> None:
    state = Playground(dataset="circles", batch_size=200)  # full batch: no sampling
    before = {k: v.copy() for k, v in state.mlp.params.items()}
    _, expected = state.mlp.loss_and_grads(state.X, state.Y, loss="bce")
    state.step()
    for key, grad in expected.items():
        np.testing.assert_allclose(state.grads[key], grad)
        np.testing.assert_allclose(state.mlp.params[key], before[key] - 0.3 * grad)


def test_training_lowers_the_loss_and_reaches_high_accuracy() -> None:
    state = Playground(dataset="moons").step(800)
    assert state.losses[-1] < 0.5 * state.losses[0]
    assert state.accuracy() >= 0.95


def test_steps_compose_and_runs_are_deterministic() -> None:
    one = Playground(dataset="spirals").step(3).step(2)
    other = Playground(dataset="spirals").step(5)
    assert one.steps == other.steps == 5
    np.testing.assert_array_equal(one.losses, other.losses)
    np.testing.assert_array_equal(one.grad_norms, other.grad_norms)


def test_reset_starts_again_exactly() -> None:
    fresh = Playground(dataset="moons", seed=4)
    state = Playground(dataset="moons", seed=4).step(25)
    state.reset()
    assert state.steps == 0 and state.grads is None and state.diverged is None
    assert state.losses == fresh.losses
    for key, value in fresh.mlp.params.items():
        np.testing.assert_array_equal(state.mlp.params[key], value)
    assert state.step(5).losses == fresh.step(5).losses


def test_reset_with_changes_and_configure() -> None:
    state = Playground().step(10)
    state.configure(learning_rate=0.05, batch_size=50)  # optimiser settings: keep going
    assert state.steps == 10 and state.settings.learning_rate == 0.05
    state.step(2)
    assert state.steps == 12
    state.configure(width=3)  # a new network: start again
    assert state.steps == 0 and state.settings.widths == (2, 3, 3, 1)
    assert state.settings.learning_rate == 0.05
    state.reset(dataset="circles", seed=2)
    assert state.settings.dataset == "circles" and state.settings.width == 3


@pytest.mark.parametrize("n", [-1, 1.5, True, "3"])
def test_step_rejects_bad_counts(n: object) -> None:
    with pytest.raises(ValueError, match="n must be an integer"):
        Playground().step(n)


def test_step_zero_changes_nothing() -> None:
    state = Playground()
    assert state.step(0).steps == 0


def test_a_too_large_learning_rate_ends_with_a_message_not_nans() -> None:
    state = Playground(dataset="moons", hidden_layers=4, width=16, activation="relu",
                       learning_rate=10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        state.step(100)
    assert state.diverged is not None
    assert state.diverged.startswith(f"training diverged at step {state.steps + 1}")
    assert "Lower the learning rate (10)" in state.diverged
    kept = {k: v.copy() for k, v in state.mlp.params.items()}
    steps = state.steps
    state.step(10)  # stays stopped, keeps the last finite parameters
    assert state.steps == steps
    for key, value in kept.items():
        np.testing.assert_array_equal(state.mlp.params[key], value)
    assert max(state.losses) <= 100 * max(state.losses[0], 1.0)
    state.reset(learning_rate=0.1)
    assert state.diverged is None and state.step(5).steps == 5
