"""train() catches every divergence: a grid of architectures, losses, batch sizes and
learning rates. Diverging runs raise TrainingDiverged; sane XOR runs never do."""

import itertools

import numpy as np
import pytest

from bp_helpers import data, nn

XOR = data.xor()
MOONS = data.moons(64, 0.1, 0)

# (widths, hidden activation, output activation)
ARCHITECTURES = [
    ((2, 4, 1), "tanh", "identity"),
    ((2, 8, 8, 1), "relu", "identity"),
    ((2, 16, 16, 1), "sigmoid", "identity"),
    ((2, 3, 1), "tanh", "sigmoid"),  # saturating sigmoid output: the loss stays bounded
    ((2, 4, 1), "sigmoid", "sigmoid"),
    ((2, 8, 8, 1), "gelu", "identity"),
    ((2, 16, 16, 16, 1), "leaky_relu", "identity"),
]


def _runs(losses_for_identity=("mse", "bce")):
    for (widths, act, out), loss in itertools.product(ARCHITECTURES, losses_for_identity):
        if loss == "bce" and out != "identity":
            continue
        yield widths, act, out, loss


def _mlp(widths, act, out, seed=0):
    return nn.MLP(widths, act, out, init="he" if "relu" in act else "xavier", seed=seed)


@pytest.mark.parametrize("lr", [1e3, 1e4])
@pytest.mark.parametrize(("widths", "act", "out", "loss"), list(_runs()))
def test_huge_learning_rates_always_raise(widths, act, out, loss, lr) -> None:
    for (X, Y), batch_size in itertools.product((XOR, MOONS), (None, 1, 2, 16)):
        mlp = _mlp(widths, act, out)
        with pytest.raises(nn.TrainingDiverged, match=r"diverged at epoch \d+: .*lr="):
            nn.train(mlp, X, Y, loss=loss, lr=lr, epochs=50, batch_size=batch_size)
        assert all(np.isfinite(theta).all() for theta in mlp.params.values())


SANE = [((2, 4, 1), "tanh", "identity", "bce"), ((2, 8, 8, 1), "relu", "identity", "bce"),
        ((2, 16, 16, 1), "sigmoid", "identity", "bce"), ((2, 8, 8, 1), "gelu", "identity", "bce"),
        ((2, 3, 1), "tanh", "sigmoid", "mse"), ((2, 4, 1), "sigmoid", "sigmoid", "mse")]


@pytest.mark.parametrize("lr", [0.1, 0.5, 1.0])
@pytest.mark.parametrize(("widths", "act", "out", "loss"), SANE)
def test_sane_xor_runs_never_raise(widths, act, out, loss, lr) -> None:
    X, Y = XOR
    for batch_size, seed in itertools.product((None, 1, 2), (0, 1)):
        history = nn.train(_mlp(widths, act, out, seed), X, Y, loss=loss, lr=lr, epochs=1000,
                           batch_size=batch_size, seed=seed)
        assert len(history) == 1000 and all(np.isfinite(history))


def test_the_course_setting_learns_xor() -> None:
    X, Y = XOR
    mlp = nn.MLP((2, 4, 1), seed=0)
    history = nn.train(mlp, X, Y, lr=0.5, epochs=2000)
    assert history[-1] < 0.05 < history[0]


def test_a_first_epoch_that_already_diverged_is_caught() -> None:
    # mini-batches: the first epoch's mean is itself huge, so it cannot be the reference
    X, Y = MOONS
    with pytest.raises(nn.TrainingDiverged, match="epoch 0"):
        nn.train(_mlp((2, 4, 1), "tanh", "identity"), X, Y, lr=1e3, epochs=5, batch_size=8)


def test_saturated_sigmoid_outputs_are_caught_by_the_parameter_norm() -> None:
    # mse on sigmoid outputs is at most 0.5 per sample: the loss alone never explodes
    X, Y = XOR
    with pytest.raises(nn.TrainingDiverged, match="norm"):
        nn.train(_mlp((2, 3, 1), "tanh", "sigmoid"), X, Y, loss="mse", lr=1e3, epochs=20)


def test_a_loss_far_above_its_best_is_caught() -> None:
    X, Y = XOR
    with pytest.raises(nn.TrainingDiverged, match="best so far"):
        nn.train(_mlp((2, 4, 1), "tanh", "identity"), X, Y, loss="mse", lr=1.0, epochs=3000,
                 batch_size=1, seed=1)


def test_history_and_parameters_on_divergence() -> None:
    X, Y = XOR
    mlp = _mlp((2, 4, 1), "tanh", "identity")
    seen = []
    with pytest.raises(nn.TrainingDiverged):
        nn.train(mlp, X, Y, lr=1e4, epochs=10, callback=lambda e, L, g: seen.append(L))
    assert seen and all(np.isfinite(seen))
    assert issubclass(nn.TrainingDiverged, ValueError)


def test_non_finite_parameters_are_refused_before_training() -> None:
    X, Y = XOR
    mlp = nn.MLP((2, 3, 1))
    mlp.params["W1"][0, 0] = np.nan
    with pytest.raises(ValueError, match="params must be finite"):
        nn.train(mlp, X, Y, epochs=1)
