"""Lesson 05: XOR training explorer and the checkers.
"""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import data, nn
from bp_helpers.lessons import l05_vectorized_mlp_xor as l05


def test_train_recording_norms_records_every_step() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 3, 1), seed=0)
    history, norms, error = l05.train_recording_norms(mlp, X, Y, loss="bce", lr=0.5, epochs=25)
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
    history, norms, error = l05.train_recording_norms(mlp, X, Y, loss="mse", lr=1e8, epochs=500)
    assert error is not None and "diverged" in error
    assert 0 < len(history) < 500
    assert len(norms["W1"]) == len(history)


def test_xor_training_text_reports_the_run() -> None:
    view = l05.xor_training(lr=0.5, hidden=4, seed=0, epochs=300)
    assert "accuracy 100%" in view.text
    one_unit = l05.xor_training(lr=0.5, hidden=1, seed=0, epochs=300)
    assert "hidden width = 1" in one_unit.text and "accuracy 100%" not in one_unit.text


def test_param_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert l05.check_param_count(105)
    # the checker agrees with the network itself
    assert sum(p.size for p in nn.MLP(l05.PARAM_COUNT_WIDTHS).params.values()) == 105
    assert not l05.check_param_count(96)  # weights only, biases forgotten
    assert not l05.check_param_count(...)
    out = capsys.readouterr().out
    assert "✓ parameter count" in out and "bias" in out and "not answered yet" in out


def test_bce_grad(capsys: pytest.CaptureFixture[str]) -> None:
    _, dZ = nn.bce_with_logits(l05.BCE_Z, l05.BCE_Y)
    assert l05.check_bce_grad(dZ)
    assert not l05.check_bce_grad(dZ * l05.BCE_Z.shape[1])  # forgot the 1/N
    assert not l05.check_bce_grad(dZ.ravel())  # wrong shape
    assert not l05.check_bce_grad("0.1")
    assert "divided by N" in capsys.readouterr().out


def test_dense_backward(capsys: pytest.CaptureFixture[str]) -> None:
    def right(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)

    def flat_db(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1)

    def mean_dW(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T / dZ.shape[1], dZ.sum(axis=1, keepdims=True)

    def crashes(dZ, A_prev, W):
        return dZ @ W

    assert l05.check_dense_backward(right)
    # the library's layer passes too
    assert l05.check_dense_backward(
        lambda dZ, A, W: nn.dense_backward(dZ, nn.dense_forward(A, W, np.zeros((W.shape[0], 1)))[1])
    )
    assert not l05.check_dense_backward(flat_db)
    assert not l05.check_dense_backward(mean_dW)
    assert not l05.check_dense_backward(crashes)
    assert not l05.check_dense_backward(lambda dZ, A, W: (1, 2))
    assert not l05.check_dense_backward(42)
    assert not l05.check_dense_backward(lambda dZ, A, W: ...)  # the template
    assert not l05.check_dense_backward(lambda dZ, A, W: 3.0)
    out = capsys.readouterr().out
    assert "db has shape" in out and "dW has the right shape" in out and "raised" in out
    assert "not answered yet" in out and "three arrays" in out


def test_one_unit_accuracy() -> None:
    assert l05.check_one_unit_accuracy(0.75)
    assert l05.check_one_unit_accuracy(3 / 4)
    assert not l05.check_one_unit_accuracy(1.0)
    assert not l05.check_one_unit_accuracy(0.5)
