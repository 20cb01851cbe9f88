"""Small 2-D classification datasets, generated with NumPy alone.

Batch convention: one sample per column. Every function returns ``(X, Y)`` with ``X``:
(2, n) the points and ``Y``: (1, n) the labels 0.0 or 1.0. Random datasets are seeded
(``numpy.random.default_rng(seed)``), so the same arguments give the same data, with the
samples in shuffled order and the two classes of equal size (± 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Integral

import numpy as np

from bp_helpers._validate import bounded_int, finite_float

#: The most samples a dataset function makes (2 × 10⁷ floats, 160 MB).
MAX_SAMPLES = 10_000_000


def _check_n(n: object) -> int:
    """``n`` in [2, MAX_SAMPLES]: at least one point per class, and memory for all."""
    return bounded_int(n, "n", 2, MAX_SAMPLES)


def _check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, Integral) or seed < 0:
        raise TypeError(f"seed must be a non-negative integer, got {seed!r}")
    return int(seed)


def _check_noise(noise: object) -> float:
    noise = finite_float(noise, "noise")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    return noise


def _finish(
    points: tuple[np.ndarray, np.ndarray], noise: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Stack class 0 and class 1 points (each (2, n_k)), add noise, shuffle the columns."""
    X = np.concatenate(points, axis=1)
    Y = np.concatenate([np.zeros(points[0].shape[1]), np.ones(points[1].shape[1])])[None, :]
    X = X + noise * rng.standard_normal(X.shape)
    order = rng.permutation(X.shape[1])
    return X[:, order], Y[:, order]


def xor() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR points: ``X`` (2, 4) with columns (0,0), (0,1), (1,0), (1,1) and
    ``Y`` (1, 4) = [[0, 1, 1, 0]] (label 1 when exactly one input is 1)."""
    X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    return X, Y


def moons(n: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: class 0 is the upper moon ``(cos t, sin t)``, class 1
    the lower ``(1 − cos t, ½ − sin t)``, ``t ∈ [0, π]``, plus Gaussian noise of std
    ``noise``. Returns ``X`` (2, n), ``Y`` (1, n)."""
    n, noise, rng = _check_n(n), _check_noise(noise), np.random.default_rng(_check_seed(seed))
    n0 = n // 2
    t0, t1 = np.linspace(0, math.pi, n0), np.linspace(0, math.pi, n - n0)
    upper = np.stack([np.cos(t0), np.sin(t0)])
    lower = np.stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    return _finish((upper, lower), noise, rng)


def circles(
    n: int = 200, noise: float = 0.1, factor: float = 0.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric circles: class 0 of radius 1, class 1 of radius ``factor`` (0 < factor
    < 1), plus Gaussian noise of std ``noise``. Returns ``X`` (2, n), ``Y`` (1, n)."""
    n, noise, rng = _check_n(n), _check_noise(noise), np.random.default_rng(_check_seed(seed))
    factor = finite_float(factor, "factor")
    if not 0 < factor < 1:
        raise ValueError(f"factor must be between 0 and 1 (the inner radius), got {factor}")
    n0 = n // 2
    t0 = np.linspace(0, 2 * math.pi, n0, endpoint=False)
    t1 = np.linspace(0, 2 * math.pi, n - n0, endpoint=False)
    outer = np.stack([np.cos(t0), np.sin(t0)])
    inner = factor * np.stack([np.cos(t1), np.sin(t1)])
    return _finish((outer, inner), noise, rng)


def spirals(
    n: int = 200, noise: float = 0.1, turns: float = 1.25, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spiral arms of ``turns`` turns each, radius growing from 0.05 to 1;
    class 1 is class 0 rotated by half a turn. Gaussian noise of std ``noise``.
    Returns ``X`` (2, n), ``Y`` (1, n)."""
    n, noise, rng = _check_n(n), _check_noise(noise), np.random.default_rng(_check_seed(seed))
    turns = finite_float(turns, "turns")
    if turns <= 0:
        raise ValueError(f"turns must be > 0, got {turns}")
    arms = []
    for k, n_k in enumerate((n // 2, n - n // 2)):
        r = np.linspace(0.05, 1.0, n_k)
        theta = 2 * math.pi * turns * r + k * math.pi
        arms.append(np.stack([r * np.cos(theta), r * np.sin(theta)]))
    return _finish((arms[0], arms[1]), noise, rng)


#: Every dataset by name; each returns ``(X (2, n), Y (1, n))``.
DATASETS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "xor": xor,
    "moons": moons,
    "circles": circles,
    "spirals": spirals,
}
