"""Losses over a batch, each returning the loss and its gradient.

Batch convention: one sample per column. Predictions and targets have shape
``(n_out, N)``; a loss is the **mean over the N samples** of a per-sample loss, so each
gradient carries a factor ``1/N``.

Every loss checks its input (``check=True``, the default): 2-D real arrays (lists are
accepted) of the same shape with finite entries, at least one sample, and targets in
[0, 1] for the cross-entropies; a ValueError/TypeError says what is wrong. Code that has
already checked its data once (the MLP, :func:`bp_helpers.nn.train`) passes
``check=False`` to skip the checks on every step.
"""

from __future__ import annotations

import numpy as np

from bp_helpers._validate import finite_array, positive_float
from bp_helpers.nn.activations import ONE, ZERO, exp_neg

_sum = np.add.reduce  # ndarray.sum without its Python-level wrapper (the same sum)

#: The loss names :func:`check_loss_name` (and the MLP) accept.
LOSSES = ("mse", "bce")


def check_pair(
    P: np.ndarray, Y: np.ndarray, p_name: str = "Y_hat"
) -> tuple[np.ndarray, np.ndarray]:
    """``(P, Y)`` as finite float64 arrays of the same shape ``(n_out, N)``, ``N >= 1``."""
    P = finite_array(P, p_name, ndim=2)
    Y = finite_array(Y, "Y", ndim=2)
    if Y.shape != P.shape:
        raise ValueError(
            f"{p_name} and Y must have the same shape (n_out, N), one sample per column; "
            f"got {p_name} {P.shape} and Y {Y.shape}"
        )
    if P.shape[1] == 0:
        raise ValueError(f"need at least one sample (column), got {p_name} {P.shape}")
    return P, Y


def check_labels(Y: np.ndarray, what: str = "bce") -> np.ndarray:
    """``Y`` if every target is in [0, 1] (a probability), else a ValueError."""
    if Y.size and (Y.min() < 0.0 or Y.max() > 1.0):
        raise ValueError(
            f"{what} needs targets Y in [0, 1] (probabilities of class 1); got values in "
            f"[{Y.min():g}, {Y.max():g}]"
        )
    return Y


def check_loss_name(name: object) -> str:
    """``name`` if it is one of :data:`LOSSES`, else a ValueError/TypeError."""
    if not isinstance(name, str):
        raise TypeError(f"loss must be a string, one of {LOSSES}; got {name!r}")
    if name not in LOSSES:
        raise ValueError(f"unknown loss {name!r}; expected one of {LOSSES}")
    return name


def mse(Y_hat: np.ndarray, Y: np.ndarray, *, check: bool = True) -> tuple[float, np.ndarray]:
    """Mean squared error ``L = (1/N) Σ_n ½‖ŷ_n − y_n‖²`` and ``∂L/∂Ŷ = (Ŷ − Y)/N``.

    ``Y_hat``, ``Y``: (n_out, N). Returns ``(L, dY_hat)`` with ``dY_hat``: (n_out, N).
    """
    if check:
        Y_hat, Y = check_pair(Y_hat, Y, "Y_hat")
    N = Y.shape[1]
    diff = Y_hat - Y
    return 0.5 * float(np.vdot(diff, diff)) / N, diff / N


def bce_with_logits(
    Z: np.ndarray, Y: np.ndarray, *, check: bool = True
) -> tuple[float, np.ndarray]:
    """Binary cross-entropy of ``ŷ = σ(Z)``, computed from the logits ``Z`` stably.

    Per entry ``−y log σ(z) − (1 − y) log(1 − σ(z)) = max(z, 0) − z y + log(1 + e^{−|z|})``,
    which never takes ``log(0)`` and never overflows. ``L`` sums over outputs and averages
    over samples; ``∂L/∂Z = (σ(Z) − Y)/N``.
    ``Z``, ``Y``: (n_out, N), targets in [0, 1]. Returns ``(L, dZ)``, ``dZ``: (n_out, N).
    """
    if check:
        Z, Y = check_pair(Z, Y, "Z")
        check_labels(Y, "bce_with_logits")
    N = Z.shape[1]
    e = exp_neg(np.abs(Z))  # e^{−|z|}, shared by the loss and σ(z)
    per_entry = np.maximum(Z, ZERO) - Z * Y + np.log1p(e)
    sigma = np.where(Z >= ZERO, ONE, e) / (ONE + e)  # σ(Z), as nn.sigmoid computes it
    return float(_sum(per_entry, axis=None)) / N, (sigma - Y) / N


def bce(P: np.ndarray, Y: np.ndarray, eps: float = 1e-12) -> float:
    """Binary cross-entropy from probabilities ``P`` (for display), clipped to ``[eps, 1−eps]``.

    ``P``, ``Y``: (n_out, N), both in [0, 1]. Finite even at ``P = 0`` or ``1``; prefer
    :func:`bce_with_logits` for training, which needs no clipping.
    """
    P, Y = check_pair(P, Y, "P")
    check_labels(Y, "bce")
    if P.min() < 0.0 or P.max() > 1.0:
        raise ValueError(f"bce needs probabilities P in [0, 1]; got values in "
                         f"[{P.min():g}, {P.max():g}]")
    eps = positive_float(eps, "eps")
    if eps >= 0.5:
        raise ValueError(f"eps must be in (0, 0.5), got {eps}")
    P = np.clip(P, eps, 1.0 - eps)
    per_entry = -(Y * np.log(P) + (1.0 - Y) * np.log1p(-P))
    return float(per_entry.sum()) / P.shape[1]
