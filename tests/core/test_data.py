"""bp_helpers.data: shapes, labels, determinism, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers import data


def test_xor() -> None:
    X, Y = data.xor()
    assert X.shape == (2, 4) and Y.shape == (1, 4)
    expected = np.logical_xor(X[0] > 0.5, X[1] > 0.5).astype(float)
    np.testing.assert_array_equal(Y[0], expected)


@pytest.mark.parametrize("name", ["moons", "circles", "spirals"])
@pytest.mark.parametrize("n", [2, 7, 200])
def test_random_datasets_shapes_labels_balance(name: str, n: int) -> None:
    X, Y = data.DATASETS[name](n=n)
    assert X.shape == (2, n) and Y.shape == (1, n)
    assert set(np.unique(Y)) <= {0.0, 1.0}
    assert abs(int(Y.sum()) - n / 2) <= 0.5
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("name", ["moons", "circles", "spirals"])
def test_seeded_and_noise_changes_the_points(name: str) -> None:
    f = data.DATASETS[name]
    X1, Y1 = f(n=50, seed=3)
    X2, Y2 = f(n=50, seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    X3, _ = f(n=50, seed=4)
    assert not np.array_equal(X1, X3)


def test_geometry_without_noise() -> None:
    X, Y = data.circles(n=100, noise=0.0, factor=0.3)
    r = np.hypot(X[0], X[1])
    np.testing.assert_allclose(r[Y[0] == 0], 1.0)
    np.testing.assert_allclose(r[Y[0] == 1], 0.3)
    X, Y = data.moons(n=100, noise=0.0)
    upper = X[:, Y[0] == 0]
    np.testing.assert_allclose(np.hypot(upper[0], upper[1]), 1.0)
    lower = X[:, Y[0] == 1]
    np.testing.assert_allclose(np.hypot(lower[0] - 1.0, lower[1] - 0.5), 1.0)
    X, Y = data.spirals(n=100, noise=0.0)
    r = np.hypot(X[0], X[1])
    assert r.min() == pytest.approx(0.05) and r.max() == pytest.approx(1.0)
    # the two arms are each other rotated by half a turn: (x, y) -> (-x, -y)
    a0, a1 = X[:, Y[0] == 0], X[:, Y[0] == 1]
    order0, order1 = np.argsort(np.hypot(*a0)), np.argsort(np.hypot(*a1))
    np.testing.assert_allclose(a0[:, order0], -a1[:, order1], atol=1e-12)


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="n must be >= 2"):
        data.moons(n=1)
    with pytest.raises(TypeError, match="integer"):
        data.moons(n=10.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="noise"):
        data.circles(noise=-0.1)
    with pytest.raises(ValueError, match="finite"):
        data.spirals(noise=float("nan"))
    with pytest.raises(ValueError, match="factor"):
        data.circles(factor=1.5)
    with pytest.raises(ValueError, match="turns"):
        data.spirals(turns=0)
    with pytest.raises(TypeError, match="seed"):
        data.moons(seed=-1)


def test_datasets_registry() -> None:
    assert set(data.DATASETS) == {"xor", "moons", "circles", "spirals"}
