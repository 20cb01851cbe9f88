"""bp_helpers.nn.losses: values, gradients, stability, shapes."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers import nn
from bp_helpers.calculus import numerical_gradient


def test_mse_value_and_gradient() -> None:
    Y_hat = np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]])
    Y = np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0]])
    L, dY_hat = nn.mse(Y_hat, Y)
    assert L == pytest.approx(0.5 * (1 + 0 + 1 + 1 + 0 + 4) / 3)
    numeric = numerical_gradient(lambda P: nn.mse(P, Y)[0], Y_hat)
    np.testing.assert_allclose(dY_hat, numeric, rtol=1e-7, atol=1e-10)


def test_bce_with_logits_matches_the_definition_and_its_gradient() -> None:
    rng = np.random.default_rng(1)
    Z = rng.standard_normal((2, 5))
    Y = (rng.random((2, 5)) < 0.5).astype(float)
    P = 1 / (1 + np.exp(-Z))
    expected = -np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)) / 5
    L, dZ = nn.bce_with_logits(Z, Y)
    assert L == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(dZ, (P - Y) / 5, rtol=1e-12)
    numeric = numerical_gradient(lambda A: nn.bce_with_logits(A, Y)[0], Z)
    np.testing.assert_allclose(dZ, numeric, rtol=1e-6, atol=1e-10)
    assert nn.bce(P, Y) == pytest.approx(expected, rel=1e-10)


def test_bce_is_stable_at_huge_logits() -> None:
    Z = np.array([[-1000.0, 1000.0, -1000.0, 1000.0]])
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    with np.errstate(all="raise"):
        L, dZ = nn.bce_with_logits(Z, Y)
    # two confident right answers cost 0, two confident wrong ones cost 1000 each
    assert L == pytest.approx(2000 / 4)
    np.testing.assert_allclose(dZ, [[0.0, 0.0, -0.25, 0.25]])


def test_bce_from_probabilities_is_finite_at_0_and_1() -> None:
    P = np.array([[0.0, 1.0, 0.0, 1.0]])
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    with np.errstate(all="raise"):
        L = nn.bce(P, Y)
    assert math.isfinite(L)
    assert L == pytest.approx(-2 * math.log(1e-12) / 4, rel=1e-6)


@pytest.mark.parametrize("loss", [nn.mse, nn.bce_with_logits])
def test_shape_mismatch_is_a_clear_error(loss) -> None:
    with pytest.raises(ValueError, match="same shape"):
        loss(np.zeros((1, 3)), np.zeros((1, 4)))
    with pytest.raises(ValueError, match="2-D"):
        loss(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="at least one sample"):
        loss(np.zeros((1, 0)), np.zeros((1, 0)))


def test_losses_tuple() -> None:
    assert nn.LOSSES == ("mse", "bce")
