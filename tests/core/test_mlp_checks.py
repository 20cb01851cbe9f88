"""The MLP's checks at the edges of their fast paths: bce targets in [0, 1] (and nothing
else), finite inputs, the backward pass's d_out and caches, ReLU's masked gradient."""

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


# -- the fast paths of the checks agree with the full checks --------------------------------
@pytest.mark.parametrize("order", ["C", "F"])
def test_targets_check_reads_any_memory_layout(order: str) -> None:
    mlp = nn.MLP((1, 2, 3))
    X3 = np.ones((1, 4))
    good = np.asarray(np.linspace(0.0, 1.0, 12).reshape(3, 4), order=order)
    bad = good.copy(order=order)
    bad[2, 3] = 1.5
    assert np.isfinite(mlp.loss_and_grads(X3, good, "bce")[0])
    assert np.isfinite(mlp.loss_and_grads(X3[:, :2], good[:, ::2], "bce")[0])  # a strided view
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        mlp.loss_and_grads(X3, bad, "bce")
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        mlp.loss_and_grads(X3[:, :2], bad[:, 1::2], "bce")


def test_finite_check_accepts_huge_values_and_rejects_non_finite_ones() -> None:
    # Σ x² overflows for these entries: the fast test fails, the exact count decides,
    # and nothing warns (tests run with warnings as errors) or raises under errstate
    X_huge = np.array([[1e200, -1e300, 2.0]])
    with np.errstate(all="raise"):
        assert nn.MLP((1, 1)).check_X(X_huge) is X_huge
        assert nn.mse(X_huge, X_huge)[0] == 0.0
    for bad in (np.nan, np.inf, -np.inf):
        with pytest.raises(ValueError, match="finite"):
            nn.MLP((1, 1)).forward(np.array([[1e200, bad, 2.0]]))


def test_exp_neg_cuts_exactly_at_700_whichever_test_decides() -> None:
    many = np.full(2000, 100.0)  # Σ t² = 2e7 > 700²: the max decides, and nothing is cut
    np.testing.assert_array_equal(nn.exp_neg(many), np.exp(-many))
    mixed = np.array([[1.0, 699.0, 700.0, 800.0]])
    np.testing.assert_array_equal(nn.exp_neg(mixed), [[np.exp(-1.0), np.exp(-699.0), 0.0, 0.0]])


def test_backward_checks_d_out_and_caches_once() -> None:
    rng = np.random.default_rng(0)
    mlp = nn.MLP((2, 3, 1))
    X2 = rng.standard_normal((2, 5))
    out, caches = mlp.forward(X2)
    grads = mlp.backward(np.ones_like(out), caches)
    assert grads.keys() == mlp.params.keys()
    lists = mlp.backward(np.ones_like(out).tolist(), caches)  # a list is read as an array
    assert all(np.array_equal(lists[k], grads[k]) for k in grads)
    with pytest.raises(ValueError, match="shape of the output"):
        mlp.backward(np.ones((1, 1)), caches)  # would broadcast silently
    with pytest.raises(TypeError, match="real numbers"):
        mlp.backward(np.ones((1, 5), dtype=complex), caches)
    with pytest.raises(TypeError, match="list"):
        mlp.backward(np.ones_like(out), tuple(caches))
    with pytest.raises(ValueError, match="2 caches"):
        mlp.backward(np.ones_like(out), caches[:1])
    with pytest.raises(ValueError, match="none"):
        nn.backward_pass(np.ones_like(out), [], [])
    with pytest.raises(ValueError):
        nn.backward_pass(np.ones_like(out), caches, [False])  # one skip flag per layer


@pytest.mark.parametrize("check", [True, False])
def test_relu_backward_is_the_masked_gradient(check: bool) -> None:
    Z = np.array([[-1.0, 0.0, 2.0, -3.0, 5e-324]])
    dA = np.array([[-2.0, -1.0, 3.0, 4.0, -5.0]])
    _, cache = nn.activation_forward(Z, "relu")
    dZ = nn.activation_backward(dA, cache, check=check)
    np.testing.assert_array_equal(dZ, [[0.0, 0.0, 3.0, 0.0, -5.0]])
    if check:  # what a learner sees has no −0.0
        assert not np.signbit(dZ[dZ == 0.0]).any()
