"""MLP.check_data at the edges of its fast target check: bce targets in [0, 1], nothing else."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import nn

X = np.array([[0.5, -1.0, 2.0]])


@pytest.mark.parametrize("edge", [0.0, -0.0, 1.0, 5e-324, np.nextafter(1.0, 0.0)])
def test_targets_at_the_ends_of_zero_one_are_accepted(edge: float) -> None:
    mlp = nn.MLP((1, 2, 1))
    Y = np.array([[edge, 0.5, 1.0]])
    L, grads = mlp.loss_and_grads(X, Y, "bce")
    L_same, _ = mlp.loss_and_grads(X, Y + 0.0, "bce")  # -0.0 is 0.0
    assert np.isfinite(L) and L == L_same and grads["W1"].shape == (2, 1)


@pytest.mark.parametrize(("bad", "message"), [
    (np.nan, "finite"), (np.inf, "finite"), (-np.inf, "finite"),
    (-5e-324, r"\[0, 1\]"), (np.nextafter(1.0, 2.0), r"\[0, 1\]"), (-1.0, r"\[0, 1\]"),
])
def test_targets_outside_zero_one_are_rejected(bad: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        nn.MLP((1, 2, 1)).loss_and_grads(X, np.array([[bad, 0.5, 1.0]]), "bce")


def test_shape_is_checked_even_for_targets_in_zero_one() -> None:
    mlp = nn.MLP((1, 2, 1))
    with pytest.raises(ValueError, match="2 dimension"):
        mlp.loss_and_grads(X, np.array([0.0, 0.5, 1.0]), "bce")
    with pytest.raises(ValueError, match="Y must have shape"):
        mlp.loss_and_grads(X, np.array([[0.0, 0.5]]), "bce")
    with pytest.raises(ValueError, match="at least one sample"):
        mlp.loss_and_grads(np.zeros((1, 0)), np.zeros((1, 0)), "bce")


def test_mse_targets_need_only_be_finite() -> None:
    mlp = nn.MLP((1, 2, 1), output_activation="identity")
    L, _ = mlp.loss_and_grads(X, np.array([[-3.0, 7.0, 0.5]]), "mse")
    assert np.isfinite(L)
    with pytest.raises(ValueError, match="finite"):
        mlp.loss_and_grads(X, np.array([[np.nan, 0.5, 1.0]]), "mse")
