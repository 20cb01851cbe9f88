"""Layers as forward/backward pairs with a cache (CS231n style).

Batch convention: one sample per column. A dense layer computes ``Z = W @ A_prev + b`` with
``A_prev``: (n_in, N), ``W``: (n_out, n_in), ``b``: (n_out, 1), ``Z``: (n_out, N).
Each ``*_forward`` returns its output and a cache; the matching ``*_backward`` takes the
upstream gradient (same shape as the output) and the cache, and returns the gradients.
Every gradient has the shape of the thing it is the gradient of.

Inputs are checked (``check=True``, the default): real arrays (lists are accepted) with
finite entries and matching shapes, else a ValueError/TypeError. A caller that has
checked its data once (the MLP) passes ``check=False`` and float64 arrays of the right
shapes: nothing is checked then.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from bp_helpers._validate import finite_array
from bp_helpers.nn.activations import (
    ACTIVATIONS,
    LEAKY_SLOPE,
    ONE,
    ZERO,
    activation,
    check_activation_name,
    gelu_prime,
)


class DenseCache(NamedTuple):
    """What :func:`dense_backward` needs: the layer's input and weights."""

    A_prev: np.ndarray
    W: np.ndarray


class ActivationCache(NamedTuple):
    """What :func:`activation_backward` needs: the name, the input Z and the output A."""

    name: str
    Z: np.ndarray
    A: np.ndarray


# The hot path builds caches with tuple.__new__: the same NamedTuple, without the Python-level
# __new__ that NamedTuple generates (a noticeable share of a small network's step).
_new_cache = tuple.__new__
_sum = np.add.reduce  # ndarray.sum without its Python-level wrapper (the same sums)

#: ``f`` of each activation, for the forward pass (``activation(name)[0]``).
_FORWARD = {name: activation(name)[0] for name in ACTIVATIONS}


def dense_forward(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, *, check: bool = True
) -> tuple[np.ndarray, DenseCache]:
    """``Z = W @ A_prev + b``.

    ``A_prev``: (n_in, N), ``W``: (n_out, n_in), ``b``: (n_out, 1) -> ``Z``: (n_out, N).
    """
    if check:
        A_prev = finite_array(A_prev, "A_prev", ndim=2)
        W = finite_array(W, "W", ndim=2)
        b = finite_array(b, "b")
        if W.shape[1] != A_prev.shape[0]:
            raise ValueError(
                f"dense_forward needs A_prev (n_in, N) and W (n_out, n_in); "
                f"got A_prev {A_prev.shape} and W {W.shape}"
            )
        if b.shape != (W.shape[0], 1):
            raise ValueError(f"b must have shape {(W.shape[0], 1)}, got {b.shape}")
    Z = W @ A_prev
    Z += b
    return Z, _new_cache(DenseCache, (A_prev, W))


def _check_cache(cache: object, kind: type) -> None:
    if not isinstance(cache, kind):
        raise TypeError(f"cache must be the {kind.__name__} the matching forward returned, "
                        f"got {type(cache).__name__}")


def dense_backward(
    dZ: np.ndarray, cache: DenseCache, need_dA_prev: bool = True, *, check: bool = True
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """Gradients of a dense layer from the upstream ``dZ = ∂L/∂Z``: (n_out, N).

    Returns ``dA_prev = Wᵀ dZ``: (n_in, N), ``dW = dZ A_prevᵀ``: (n_out, n_in) and
    ``db = Σ_n dZ[:, n]``: (n_out, 1). With ``need_dA_prev=False`` (the first layer,
    whose input is the data) ``dA_prev`` is not computed and ``None`` is returned.
    """
    if check:
        _check_cache(cache, DenseCache)
        dZ = finite_array(dZ, "dZ")
        expected = (cache.W.shape[0], cache.A_prev.shape[1])  # (n_out, N)
        if dZ.shape != expected:
            raise ValueError(f"dZ must have shape {expected}, got {dZ.shape}")
    A_prev, W = cache
    dW = dZ @ A_prev.T
    db = _sum(dZ, axis=1, keepdims=True)
    dA_prev = W.T @ dZ if need_dA_prev else None
    return dA_prev, dW, db


def activation_forward(
    Z: np.ndarray, name: str, *, check: bool = True
) -> tuple[np.ndarray, ActivationCache]:
    """``A = f(Z)`` elementwise, for ``name`` in ``ACTIVATIONS``. ``Z``, ``A``: same shape."""
    try:
        f = _FORWARD[name]
    except (KeyError, TypeError):  # an unknown name, or not even a string
        f = None
    if f is None:
        check_activation_name(name)  # raises the error that says what was expected
    if check:
        Z = finite_array(Z, "Z")
    A = Z if name == "identity" else f(Z)
    return A, _new_cache(ActivationCache, (name, Z, A))


def activation_backward(
    dA: np.ndarray, cache: ActivationCache, *, check: bool = True
) -> np.ndarray:
    """``dZ = dA ⊙ f'(Z)``; ``dA``, ``dZ``: the shape of ``Z``.

    Sigmoid and tanh reuse the cached output (``σ' = a(1 − a)``, ``tanh' = 1 − a²``).
    With ``check=False`` ReLU's ``dZ`` may hold −0.0 (equal to 0) where ``dA < 0`` is cut:
    the MLP only sums it (``db``, ``dZ A_prevᵀ``, ``Wᵀ dZ``), which gives +0.0 either way.
    """
    if check:
        _check_cache(cache, ActivationCache)
        dA = finite_array(dA, "dA")
        check_activation_name(cache.name)
        if dA.shape != cache.Z.shape:
            raise ValueError(f"dA must have the shape of Z {cache.Z.shape}, got {dA.shape}")
    name, Z, A = cache
    if name == "identity":
        return dA
    if name == "sigmoid":
        return dA * A * (ONE - A)
    if name == "tanh":
        return dA * (ONE - A * A)
    if name == "relu":
        # f'(Z) = 1[Z > 0] as a float array, then multiplied in place: faster than dA·(Z > 0),
        # which casts the mask inside the product, and than np.where on random masks
        dZ = (Z > ZERO).astype(np.float64)
        dZ *= dA
        if check:  # shown as it is: turn the −0.0 of 0·(negative) into 0.0
            dZ += 0.0
        return dZ
    if name == "leaky_relu":
        return np.where(Z > 0, dA, LEAKY_SLOPE * dA)
    return dA * gelu_prime(Z)
