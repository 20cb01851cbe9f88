"""bp_helpers.plotting.mlp: the figure helpers of notebook 05 (the Explorer itself is run
at every slider extreme by tests/test_explorers.py)."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import data, nn
from bp_helpers.plotting import fresh_figure
from bp_helpers.plotting import mlp as pm


def test_train_recording_norms_records_every_step() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 3, 1), seed=0)
    history, norms, error = pm.train_recording_norms(mlp, X, Y, loss="bce", lr=0.5, epochs=25)
    assert error is None
    assert len(history) == 25 and list(norms) == ["W1", "W2", "W3"]
    assert all(len(v) == 25 for v in norms.values())
    fresh = nn.MLP((2, 3, 3, 1), seed=0)
    L0, grads = fresh.loss_and_grads(X, Y)
    assert history[0] == L0
    assert norms["W2"][0] == pytest.approx(np.linalg.norm(grads["W2"]))


def test_train_recording_norms_reports_divergence() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 8, 8, 1), activation="relu", seed=0)
    history, norms, error = pm.train_recording_norms(mlp, X, Y, loss="mse", lr=1e8, epochs=500)
    assert error is not None and "diverged" in error
    assert 0 < len(history) < 500
    assert len(norms["W1"]) == len(history)


def test_figures_are_titled_and_labelled() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1), seed=0)
    history, norms, _ = pm.train_recording_norms(mlp, X, Y, lr=0.5, epochs=10)
    fig, axes = fresh_figure(None, 1, 3)
    pm.loss_curve(axes[0, 0], history)
    pm.decision_boundary(axes[0, 1], mlp, X, Y)
    pm.gradient_norms(axes[0, 2], norms)
    for ax in axes[0]:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    np.testing.assert_allclose(axes[0, 0].lines[0].get_ydata(), np.log10(history))
    assert len(axes[0, 2].lines) == 2


def test_decision_boundary_needs_two_inputs_and_one_output() -> None:
    fig, axes = fresh_figure(None)
    X, Y = data.xor()
    with pytest.raises(ValueError, match="2 inputs and 1 output"):
        pm.decision_boundary(axes[0, 0], nn.MLP((3, 2, 1)), X, Y)


def test_xor_training_text_reports_the_run() -> None:
    view = pm.xor_training(lr=0.5, hidden=4, seed=0, epochs=300)
    assert "accuracy 100%" in view.text
    one_unit = pm.xor_training(lr=0.5, hidden=1, seed=0, epochs=300)
    assert "hidden width = 1" in one_unit.text and "accuracy 100%" not in one_unit.text
