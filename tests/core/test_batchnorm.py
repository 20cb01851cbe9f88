"""bp_helpers.nn.batchnorm: forward, backward (against central differences and a staged
derivation), running statistics in training mode, eval mode, and bad input."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bp_helpers.calculus import numerical_gradient
from bp_helpers.nn.batchnorm import (
    BatchNormCache,
    RunningStats,
    batchnorm_backward,
    batchnorm_forward,
)

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "bp-course-hypothesis")


def _setup(n: int = 3, N: int = 5, seed: int = 0, spread: float = 2.0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, N)) * spread + rng.standard_normal((n, 1))
    gamma = rng.uniform(0.5, 2.0, size=(n, 1))
    beta = rng.standard_normal((n, 1))
    G = rng.standard_normal((n, N))  # upstream gradient: L = sum(G * Y)
    return X, gamma, beta, G


def _staged_backward(dY, X, gamma, eps):
    """The backward pass step by step through x̂, σ² and μ (the derivation, unsimplified)."""
    N = X.shape[1]
    mu = X.mean(axis=1, keepdims=True)
    xc = X - mu
    var = (xc**2).mean(axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = xc / std
    dx_hat = dY * gamma
    dvar = np.sum(dx_hat * xc, axis=1, keepdims=True) * -0.5 * std**-3
    dmu = -np.sum(dx_hat, axis=1, keepdims=True) / std + dvar * np.mean(-2 * xc, axis=1,
                                                                          keepdims=True)
    dX = dx_hat / std + dvar * 2 * xc / N + dmu / N
    return dX, np.sum(dY * x_hat, axis=1, keepdims=True), np.sum(dY, axis=1, keepdims=True)


# --- forward --------------------------------------------------------------------------
def test_training_forward_normalizes_each_feature_over_the_batch() -> None:
    X, gamma, beta, _ = _setup(n=4, N=50)
    Y, cache = batchnorm_forward(X, np.ones((4, 1)), np.zeros((4, 1)))
    assert Y.shape == X.shape and isinstance(cache, BatchNormCache) and cache.training
    np.testing.assert_allclose(Y.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(Y.var(axis=1), X.var(axis=1) / (X.var(axis=1) + 1e-5), rtol=1e-12)
    Y2, _ = batchnorm_forward(X, gamma, beta)
    np.testing.assert_allclose(Y2, gamma * Y + beta, rtol=1e-12, atol=1e-12)


def test_training_forward_matches_the_formula_sample_by_sample() -> None:
    X, gamma, beta, _ = _setup()
    eps = 1e-3
    Y, _ = batchnorm_forward(X, gamma, beta, eps=eps)
    for i in range(X.shape[0]):
        row = X[i]
        mu = sum(row) / len(row)
        var = sum((r - mu) ** 2 for r in row) / len(row)  # biased
        for n in range(X.shape[1]):
            expected = gamma[i, 0] * (row[n] - mu) / (var + eps) ** 0.5 + beta[i, 0]
            assert Y[i, n] == pytest.approx(expected, rel=1e-12, abs=1e-12)


def test_training_output_depends_on_the_other_samples_eval_output_does_not() -> None:
    X, gamma, beta, _ = _setup()
    running = RunningStats(np.ones((3, 1)), np.full((3, 1), 2.0))
    X2 = X.copy()
    X2[:, -1] += 5.0  # change only the last sample
    Y, _ = batchnorm_forward(X, gamma, beta)
    Y2, _ = batchnorm_forward(X2, gamma, beta)
    assert not np.allclose(Y[:, 0], Y2[:, 0])
    E, _ = batchnorm_forward(X, gamma, beta, training=False, running=running)
    E2, _ = batchnorm_forward(X2, gamma, beta, training=False, running=running)
    np.testing.assert_array_equal(E[:, :-1], E2[:, :-1])


def test_a_constant_feature_gives_beta_and_finite_gradients() -> None:
    X = np.array([[2.0, 2.0, 2.0], [1.0, -1.0, 0.5]])
    gamma, beta = np.array([[3.0], [1.0]]), np.array([[0.25], [0.0]])
    Y, cache = batchnorm_forward(X, gamma, beta)
    np.testing.assert_array_equal(Y[0], 0.25)
    dX, dgamma, dbeta = batchnorm_backward(np.ones_like(X), cache)
    assert np.all(np.isfinite(dX)) and dgamma[0, 0] == 0.0 and dbeta[0, 0] == 3.0


# --- backward -------------------------------------------------------------------------
def _check_against_central_differences(X, gamma, beta, G, eps=1e-5, running=None,
                                       training=True):
    def loss(X_=X, g_=gamma, b_=beta):
        stats = None if running is None else RunningStats(running.mean, running.var)
        Y, _ = batchnorm_forward(X_, g_, b_, eps=eps, training=training, running=stats)
        return float(np.sum(G * Y))

    stats = None if running is None else RunningStats(running.mean, running.var)
    _, cache = batchnorm_forward(X, gamma, beta, eps=eps, training=training, running=stats)
    dX, dgamma, dbeta = batchnorm_backward(G, cache)
    assert (dX.shape, dgamma.shape, dbeta.shape) == (X.shape, gamma.shape, beta.shape)
    np.testing.assert_allclose(dX, numerical_gradient(lambda a: loss(X_=a), X),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dgamma, numerical_gradient(lambda a: loss(g_=a), gamma),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dbeta, numerical_gradient(lambda a: loss(b_=a), beta),
                               rtol=1e-6, atol=1e-8)


def test_training_backward_matches_central_differences() -> None:
    _check_against_central_differences(*_setup())


def test_eval_backward_matches_central_differences() -> None:
    X, gamma, beta, G = _setup(N=1)
    running = RunningStats(np.array([[0.5], [-1.0], [0.0]]), np.array([[2.0], [0.3], [1.0]]))
    _check_against_central_differences(X, gamma, beta, G, running=running, training=False)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(
    n=st.integers(1, 4), N=st.integers(2, 7), seed=st.integers(0, 10_000),
    spread=st.sampled_from([0.1, 1.0, 10.0]), eps=st.sampled_from([1e-5, 1e-2, 1.0]),
)
def test_property_training_backward_matches_central_differences(n, N, seed, spread, eps):
    X, gamma, beta, G = _setup(n, N, seed, spread)
    _check_against_central_differences(X, gamma, beta, G, eps=eps)


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(n=st.integers(1, 5), N=st.integers(2, 30), seed=st.integers(0, 10_000))
def test_property_compact_backward_equals_the_staged_derivation(n, N, seed):
    X, gamma, beta, G = _setup(n, N, seed)
    _, cache = batchnorm_forward(X, gamma, beta, eps=1e-3)
    for ours, staged in zip(batchnorm_backward(G, cache), _staged_backward(G, X, gamma, 1e-3),
                            strict=True):
        np.testing.assert_allclose(ours, staged, rtol=1e-9, atol=1e-12)


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(n=st.integers(1, 5), N=st.integers(2, 30), seed=st.integers(0, 10_000))
def test_property_dX_is_orthogonal_to_ones_and_to_x_hat(n, N, seed):
    # Shifting a feature for every sample, or scaling it about its mean, leaves Y unchanged
    # (up to eps), so dX has no component along 1 and (almost) none along x̂.
    X, gamma, beta, G = _setup(n, N, seed)
    _, cache = batchnorm_forward(X, gamma, beta, eps=1e-12)
    dX, _, _ = batchnorm_backward(G, cache)
    scale = np.abs(G).sum() * gamma.max() * cache.inv_std.max()
    np.testing.assert_allclose(dX.sum(axis=1), 0.0, atol=1e-12 * scale)
    np.testing.assert_allclose((dX * cache.x_hat).sum(axis=1), 0.0, atol=1e-9 * scale)


def test_eval_backward_is_the_affine_map() -> None:
    X, gamma, beta, G = _setup()
    running = RunningStats(np.zeros((3, 1)), np.full((3, 1), 4.0))
    _, cache = batchnorm_forward(X, gamma, beta, eps=0.5, training=False, running=running)
    dX, _, dbeta = batchnorm_backward(G, cache)
    np.testing.assert_allclose(dX, gamma * G / np.sqrt(4.5), rtol=1e-14)
    np.testing.assert_allclose(dbeta, G.sum(axis=1, keepdims=True), rtol=1e-14)


# --- running statistics -----------------------------------------------------------------
def test_running_stats_start_at_mean_0_variance_1() -> None:
    stats = RunningStats.start(3)
    np.testing.assert_array_equal(stats.mean, np.zeros((3, 1)))
    np.testing.assert_array_equal(stats.var, np.ones((3, 1)))


def test_training_updates_running_stats_with_momentum_and_unbiased_variance() -> None:
    X, gamma, beta, _ = _setup(N=4)
    stats = RunningStats.start(3)
    Y, _ = batchnorm_forward(X, gamma, beta, running=stats, momentum=0.25)
    mean = X.mean(axis=1, keepdims=True)
    np.testing.assert_allclose(stats.mean, 0.25 * mean, rtol=1e-14)
    np.testing.assert_allclose(stats.var, 0.75 + 0.25 * X.var(axis=1, keepdims=True, ddof=1),
                               rtol=1e-14)
    # the output itself used the batch statistics (biased variance), not the running ones
    Y_plain, _ = batchnorm_forward(X, gamma, beta)
    np.testing.assert_array_equal(Y, Y_plain)


def test_running_stats_converge_to_the_population_statistics() -> None:
    rng = np.random.default_rng(1)
    stats = RunningStats.start(2)
    true_mean, true_std = np.array([[3.0], [-1.0]]), np.array([[2.0], [0.5]])
    for _ in range(400):
        X = true_mean + true_std * rng.standard_normal((2, 32))
        batchnorm_forward(X, np.ones((2, 1)), np.zeros((2, 1)), running=stats)
    np.testing.assert_allclose(stats.mean, true_mean, atol=0.1)
    np.testing.assert_allclose(stats.var, true_std**2, rtol=0.1)


def test_eval_mode_uses_running_stats_and_leaves_them_unchanged() -> None:
    X, gamma, beta, _ = _setup()
    mean, var = np.array([[1.0], [0.0], [-2.0]]), np.array([[4.0], [1.0], [0.25]])
    stats = RunningStats(mean, var)
    Y, cache = batchnorm_forward(X, gamma, beta, training=False, running=stats, eps=1e-5)
    np.testing.assert_allclose(Y, gamma * (X - mean) / np.sqrt(var + 1e-5) + beta, rtol=1e-14)
    assert not cache.training
    np.testing.assert_array_equal(stats.mean, mean)
    np.testing.assert_array_equal(stats.var, var)


def test_eval_mode_works_on_one_sample() -> None:
    stats = RunningStats(np.array([[1.0]]), np.array([[3.0]]))
    Y, _ = batchnorm_forward(np.array([[4.0]]), np.array([[2.0]]), np.array([[1.0]]),
                             training=False, running=stats, eps=1.0)
    assert Y[0, 0] == pytest.approx(2.0 * 3.0 / 2.0 + 1.0)


def test_running_stats_copies_its_arrays() -> None:
    mean = np.zeros((2, 1))
    stats = RunningStats(mean, np.ones((2, 1)))
    batchnorm_forward(np.array([[1.0, 3.0], [0.0, 2.0]]), np.ones((2, 1)), np.zeros((2, 1)),
                      running=stats)
    assert np.all(mean == 0.0) and np.all(stats.mean == [[0.2], [0.1]])


# --- bad input ---------------------------------------------------------------------------
GOOD = {"X": np.ones((2, 3)) * [[1.0, 2.0, 4.0]], "gamma": np.ones((2, 1)),
        "beta": np.zeros((2, 1))}


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"X": np.ones(3)}, ValueError, "dimension"),
        ({"X": np.array([[1.0, np.nan]])}, ValueError, "finite"),
        ({"X": np.array([[1.0, np.inf], [0.0, 1.0]])}, ValueError, "finite"),
        ({"X": [["a", "b"]]}, TypeError, "real numbers"),
        ({"X": np.ones((2, 1))}, ValueError, "at least 2 samples"),
        ({"X": np.ones((2, 0))}, ValueError, "one sample"),
        ({"X": np.ones((0, 3)), "gamma": np.ones((0, 1)), "beta": np.ones((0, 1))}, ValueError,
         "at least one feature"),
        ({"gamma": np.ones(2)}, ValueError, r"gamma must have shape \(2, 1\)"),
        ({"gamma": np.ones((1, 2))}, ValueError, r"gamma must have shape \(2, 1\)"),
        ({"beta": np.ones((3, 1))}, ValueError, r"beta must have shape \(2, 1\)"),
        ({"gamma": np.array([[1.0], [np.nan]])}, ValueError, "finite"),
        ({"eps": 0.0}, ValueError, "eps must be > 0"),
        ({"eps": -1e-5}, ValueError, "eps must be > 0"),
        ({"eps": np.nan}, ValueError, "eps must be finite"),
        ({"eps": "small"}, TypeError, "eps"),
        ({"momentum": 1.5}, ValueError, "momentum"),
        ({"momentum": -0.1}, ValueError, "momentum"),
        ({"training": 1}, TypeError, "training must be True or False"),
        ({"running": (np.zeros((2, 1)), np.ones((2, 1)))}, TypeError, "RunningStats"),
        ({"running": RunningStats.start(3)}, ValueError, r"must have shape \(2, 1\)"),
        ({"training": False}, ValueError, "running"),
    ],
)
def test_bad_forward_input_is_rejected(change, error, match) -> None:
    args = {**GOOD, **change}
    with pytest.raises(error, match=match):
        batchnorm_forward(args.pop("X"), args.pop("gamma"), args.pop("beta"), **args)


def test_bad_backward_input_is_rejected() -> None:
    _, cache = batchnorm_forward(GOOD["X"], GOOD["gamma"], GOOD["beta"])
    with pytest.raises(ValueError, match=r"dY must have the shape of Y \(2, 3\)"):
        batchnorm_backward(np.ones((3, 2)), cache)
    with pytest.raises(ValueError, match="finite"):
        batchnorm_backward(np.full((2, 3), np.nan), cache)
    with pytest.raises(TypeError, match="BatchNormCache"):
        batchnorm_backward(np.ones((2, 3)), tuple(cache))


@pytest.mark.parametrize(
    ("mean", "var", "match"),
    [
        (np.zeros(2), np.ones(2), r"shape \(n, 1\)"),
        (np.zeros((2, 1)), np.ones((3, 1)), r"shape \(n, 1\)"),
        (np.zeros((2, 1)), -np.ones((2, 1)), ">= 0"),
        (np.full((2, 1), np.nan), np.ones((2, 1)), "finite"),
    ],
)
def test_bad_running_stats_are_rejected(mean, var, match) -> None:
    with pytest.raises(ValueError, match=match):
        RunningStats(mean, var)


@pytest.mark.parametrize("n", [0, -1, 2.5, True])
def test_running_stats_start_needs_a_positive_integer(n) -> None:
    with pytest.raises(ValueError, match="positive integer"):
        RunningStats.start(n)
