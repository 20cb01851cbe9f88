"""Losses over a batch, each returning the loss and its gradient.

Batch convention: one sample per column. Predictions and targets have shape
``(n_out, N)``; a loss is the **mean over the N samples** of a per-sample loss, so each
gradient carries a factor ``1/N``.
"""

from __future__ import annotations

import numpy as np

from bp_helpers.nn.activations import _exp_neg, sigmoid

#: The loss names :func:`loss_and_gradient` (and the MLP) accept.
LOSSES = ("mse", "bce")


def _check_pair(P: np.ndarray, Y: np.ndarray, p_name: str) -> tuple[np.ndarray, np.ndarray]:
    P = np.asarray(P, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    if P.ndim != 2 or Y.shape != P.shape:
        raise ValueError(
            f"{p_name} and Y must be 2-D arrays of the same shape (n_out, N), one sample per "
            f"column; got {p_name} {P.shape} and Y {Y.shape}"
        )
    if P.shape[1] == 0:
        raise ValueError(f"need at least one sample (column), got {p_name} {P.shape}")
    return P, Y


def check_loss_name(name: object) -> str:
    """``name`` if it is one of :data:`LOSSES`, else a ValueError/TypeError."""
    if not isinstance(name, str):
        raise TypeError(f"loss must be a string, one of {LOSSES}; got {name!r}")
    if name not in LOSSES:
        raise ValueError(f"unknown loss {name!r}; expected one of {LOSSES}")
    return name


def mse(Y_hat: np.ndarray, Y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean squared error ``L = (1/N) Σ_n ½‖ŷ_n − y_n‖²`` and ``∂L/∂Ŷ = (Ŷ − Y)/N``.

    ``Y_hat``, ``Y``: (n_out, N). Returns ``(L, dY_hat)`` with ``dY_hat``: (n_out, N).
    """
    Y_hat, Y = _check_pair(Y_hat, Y, "Y_hat")
    N = Y.shape[1]
    diff = Y_hat - Y
    return 0.5 * float(np.vdot(diff, diff)) / N, diff / N


def bce_with_logits(Z: np.ndarray, Y: np.ndarray) -> tuple[float, np.ndarray]:
    """Binary cross-entropy of ``ŷ = σ(Z)``, computed from the logits ``Z`` stably.

    Per entry ``−y log σ(z) − (1 − y) log(1 − σ(z)) = max(z, 0) − z y + log(1 + e^{−|z|})``,
    which never takes ``log(0)`` and never overflows. ``L`` sums over outputs and averages
    over samples; ``∂L/∂Z = (σ(Z) − Y)/N``.
    ``Z``, ``Y``: (n_out, N), targets in [0, 1]. Returns ``(L, dZ)``, ``dZ``: (n_out, N).
    """
    Z, Y = _check_pair(Z, Y, "Z")
    N = Z.shape[1]
    per_entry = np.maximum(Z, 0.0) - Z * Y + np.log1p(_exp_neg(np.abs(Z)))
    return float(per_entry.sum()) / N, (sigmoid(Z) - Y) / N


def bce(P: np.ndarray, Y: np.ndarray, eps: float = 1e-12) -> float:
    """Binary cross-entropy from probabilities ``P`` (for display), clipped to ``[eps, 1−eps]``.

    ``P``, ``Y``: (n_out, N). Finite even at ``P = 0`` or ``1``; prefer
    :func:`bce_with_logits` for training, which needs no clipping.
    """
    P, Y = _check_pair(P, Y, "P")
    P = np.clip(P, eps, 1.0 - eps)
    per_entry = -(Y * np.log(P) + (1.0 - Y) * np.log1p(-P))
    return float(per_entry.sum()) / P.shape[1]
