"""bp_helpers.exercises.mlp: each checker accepts the right answer, rejects wrong ones
with a hint, and never raises on a learner's answer."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import nn
from bp_helpers.exercises import mlp as ex


def test_param_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert ex.check_param_count(105)
    # the checker agrees with the network itself
    assert sum(p.size for p in nn.MLP(ex.PARAM_COUNT_WIDTHS).params.values()) == 105
    assert not ex.check_param_count(96)  # weights only, biases forgotten
    assert not ex.check_param_count(...)
    out = capsys.readouterr().out
    assert "✓ parameter count" in out and "bias" in out and "not answered yet" in out


def test_bce_grad(capsys: pytest.CaptureFixture[str]) -> None:
    _, dZ = nn.bce_with_logits(ex.BCE_Z, ex.BCE_Y)
    assert ex.check_bce_grad(dZ)
    assert not ex.check_bce_grad(dZ * ex.BCE_Z.shape[1])  # forgot the 1/N
    assert not ex.check_bce_grad(dZ.ravel())  # wrong shape
    assert not ex.check_bce_grad("0.1")
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

    assert ex.check_dense_backward(right)
    # the library's layer passes too
    assert ex.check_dense_backward(
        lambda dZ, A, W: nn.dense_backward(dZ, nn.dense_forward(A, W, np.zeros((W.shape[0], 1)))[1])
    )
    assert not ex.check_dense_backward(flat_db)
    assert not ex.check_dense_backward(mean_dW)
    assert not ex.check_dense_backward(crashes)
    assert not ex.check_dense_backward(lambda dZ, A, W: (1, 2))
    assert not ex.check_dense_backward(42)
    assert not ex.check_dense_backward(lambda dZ, A, W: ...)  # the template
    assert not ex.check_dense_backward(lambda dZ, A, W: 3.0)
    out = capsys.readouterr().out
    assert "db has shape" in out and "dW has the right shape" in out and "raised" in out
    assert "not answered yet" in out and "three arrays" in out


def test_one_unit_accuracy() -> None:
    assert ex.check_one_unit_accuracy(0.75)
    assert ex.check_one_unit_accuracy(3 / 4)
    assert not ex.check_one_unit_accuracy(1.0)
    assert not ex.check_one_unit_accuracy(0.5)
