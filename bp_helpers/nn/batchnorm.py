"""Batch normalization: forward and backward of one BatchNorm layer, with a cache (CS231n style).

Batch convention: one sample per column. ``X``: (n, N) holds ``N`` samples of ``n`` features;
``gamma`` and ``beta``: (n, 1). Each feature (row) is normalized over the batch::

    μ = (1/N) Σ_n X[:, n]              σ² = (1/N) Σ_n (X[:, n] − μ)²      (biased)
    x̂ = (X − μ) / √(σ² + ε)            Y = γ ⊙ x̂ + β

**Training mode** (``training=True``) uses the batch's own μ and σ², so every output depends
on every sample of the batch, and the backward pass goes through μ and σ² as well::

    dX = (1/N) · γ · (1/√(σ² + ε)) · (N·dY − Σ_n dY − x̂ ⊙ Σ_n (dY ⊙ x̂))

(sums over the batch, axis 1, kept as (n, 1) columns). It needs ``N ≥ 2``. If a
:class:`RunningStats` is passed it is updated in place with momentum ``m``, as PyTorch does::

    running.mean ← (1 − m)·running.mean + m·μ
    running.var  ← (1 − m)·running.var  + m·σ²·N/(N − 1)      (the UNBIASED batch variance)

**Eval mode** (``training=False``) uses ``running.mean`` and ``running.var`` instead of the batch
statistics (and does not change them): each sample is normalized on its own, any ``N ≥ 1``
works, and the layer is the affine map ``Y = γ ⊙ (X − mean)/√(var + ε) + β``, whose backward
is ``dX = γ ⊙ dY / √(var + ε)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral
from typing import NamedTuple

import numpy as np

from bp_helpers._validate import finite_array, finite_float, positive_float

__all__ = ["BatchNormCache", "RunningStats", "batchnorm_backward", "batchnorm_forward"]


@dataclass(eq=False)  # compared by identity: == on arrays is ambiguous
class RunningStats:
    """Running estimates of each feature's mean and variance, for eval mode.

    ``mean``, ``var``: (n, 1). ``RunningStats.start(n)`` gives PyTorch's starting values,
    mean 0 and variance 1. :func:`batchnorm_forward` in training mode updates them in place.
    """

    mean: np.ndarray
    var: np.ndarray

    def __post_init__(self) -> None:
        self.mean = finite_array(self.mean, "running.mean").copy()
        self.var = finite_array(self.var, "running.var").copy()
        if self.mean.ndim != 2 or self.mean.shape[1] != 1 or self.var.shape != self.mean.shape:
            raise ValueError(
                "running.mean and running.var must both have shape (n, 1); "
                f"got {self.mean.shape} and {self.var.shape}"
            )
        if np.any(self.var < 0):
            raise ValueError("running.var must be >= 0")

    @classmethod
    def start(cls, n: int) -> RunningStats:
        """Mean 0 and variance 1 for ``n`` features: ``mean``, ``var``: (n, 1)."""
        if isinstance(n, bool) or not isinstance(n, Integral) or n < 1:
            raise ValueError(f"n must be a positive integer (the number of features), got {n!r}")
        return cls(np.zeros((int(n), 1)), np.ones((int(n), 1)))


class BatchNormCache(NamedTuple):
    """What :func:`batchnorm_backward` needs.

    ``x_hat``: (n, N) the normalized input; ``gamma``: (n, 1); ``inv_std``: (n, 1) the
    ``1/√(σ² + ε)`` used; ``training``: whether the batch statistics were used.
    """

    x_hat: np.ndarray
    gamma: np.ndarray
    inv_std: np.ndarray
    training: bool


def batchnorm_forward(
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    *,
    eps: float = 1e-5,
    training: bool = True,
    running: RunningStats | None = None,
    momentum: float = 0.1,
) -> tuple[np.ndarray, BatchNormCache]:
    """``Y = γ ⊙ (X − μ)/√(σ² + ε) + β``, feature by feature (see the module docstring).

    ``X``: (n, N), ``gamma``, ``beta``: (n, 1) -> ``Y``: (n, N) and a cache.
    ``training=True``: μ, σ² are the batch mean and biased variance (``N ≥ 2``); ``running``,
    if given, is updated in place with ``momentum`` (unbiased variance, as PyTorch).
    ``training=False``: μ, σ² are ``running.mean`` and ``running.var`` (required, unchanged).
    """
    X = finite_array(X, "X", ndim=2)
    n, N = X.shape
    if n < 1 or N < 1:
        raise ValueError(f"X needs at least one feature (row) and one sample (column), "
                         f"got shape {X.shape}")
    gamma = _column(gamma, "gamma", n)
    beta = _column(beta, "beta", n)
    eps = positive_float(eps, "eps")
    if not isinstance(training, bool):
        raise TypeError(f"training must be True or False, got {training!r}")
    momentum = finite_float(momentum, "momentum")
    if not 0.0 <= momentum <= 1.0:
        raise ValueError(f"momentum must be between 0 and 1, got {momentum}")
    if running is not None:
        if not isinstance(running, RunningStats):
            raise TypeError(f"running must be a RunningStats or None, got {type(running).__name__}")
        if running.mean.shape != (n, 1):
            raise ValueError(
                f"running statistics have shape {running.mean.shape}; X has {n} features, "
                f"so they must have shape ({n}, 1)"
            )

    if training:
        if N < 2:
            raise ValueError(
                "batch normalization in training mode needs at least 2 samples (columns) to "
                f"estimate a variance; got X of shape {X.shape}. Use training=False (eval "
                "mode, with running statistics) for a single sample."
            )
        mu = X.mean(axis=1, keepdims=True)
        var = X.var(axis=1, keepdims=True)  # biased: divides by N
        if running is not None:
            running.mean = (1.0 - momentum) * running.mean + momentum * mu
            running.var = (1.0 - momentum) * running.var + momentum * var * (N / (N - 1))
    else:
        if running is None:
            raise ValueError(
                "eval mode (training=False) normalizes with running statistics: pass "
                "running=RunningStats(...) (updated during training)"
            )
        mu, var = running.mean, running.var
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (X - mu) * inv_std
    Y = gamma * x_hat + beta
    return Y, BatchNormCache(x_hat, gamma, inv_std, training)


def batchnorm_backward(
    dY: np.ndarray, cache: BatchNormCache
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients from the upstream ``dY = ∂L/∂Y``: (n, N).

    Returns ``dX``: (n, N), ``dgamma = Σ_n dY ⊙ x̂``: (n, 1) and ``dbeta = Σ_n dY``: (n, 1).
    In training mode ``dX`` includes the paths through the batch mean and variance (the
    module docstring's formula); in eval mode ``dX = γ ⊙ dY / √(var + ε)``.
    """
    if not isinstance(cache, BatchNormCache):
        raise TypeError(
            f"cache must be the BatchNormCache from batchnorm_forward, got {type(cache).__name__}"
        )
    x_hat, gamma, inv_std, training = cache
    dY = finite_array(dY, "dY", ndim=2)
    if dY.shape != x_hat.shape:
        raise ValueError(f"dY must have the shape of Y {x_hat.shape}, got {dY.shape}")
    N = dY.shape[1]
    dbeta = dY.sum(axis=1, keepdims=True)
    dgamma = (dY * x_hat).sum(axis=1, keepdims=True)
    if training:
        dX = (1.0 / N) * gamma * inv_std * (N * dY - dbeta - x_hat * dgamma)
    else:
        dX = gamma * inv_std * dY
    return dX, dgamma, dbeta


def _column(a: np.ndarray, name: str, n: int) -> np.ndarray:
    a = finite_array(a, name)
    if a.shape != (n, 1):
        raise ValueError(f"{name} must have shape ({n}, 1), one entry per feature; got {a.shape}")
    return a

