"""A deep net with batch normalization in every hidden layer, to compare gradient flow.

Batch convention: one sample per column. With widths ``(n_0, …, n_L)`` the parameters are
those of :func:`bp_helpers.nn.init_params` (``"W1": (n_1, n_0)``, ``"b1": (n_1, 1)``, …) plus
``"gamma1"``, ``"beta1"``: (n_1, 1), … for every hidden layer ``l < L``::

    hidden l < L:  Z_l = W_l A_{l−1} + b_l     Ẑ_l = BN(Z_l; γ_l, β_l)     A_l = f(Ẑ_l)
    last layer:    A_L = Z_L                   (linear)

with ``A_0 = X``. With ``batchnorm=False`` the BN step is skipped: the plain deep net of
:mod:`bp_helpers.deep`. In training mode BN subtracts the batch mean, so ``b_l`` of a hidden
layer changes nothing and its gradient is 0 (up to rounding); ``β_l`` plays its role.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from bp_helpers._validate import finite_array
from bp_helpers.nn.activations import check_activation_name
from bp_helpers.nn.batchnorm import (
    BatchNormCache,
    RunningStats,
    batchnorm_backward,
    batchnorm_forward,
)
from bp_helpers.nn.layers import (
    ActivationCache,
    DenseCache,
    activation_backward,
    activation_forward,
    dense_backward,
    dense_forward,
)
from bp_helpers.nn.losses import mse
from bp_helpers.nn.mlp import init_params

__all__ = [
    "BNLayerCache",
    "bn_gradient_norms",
    "bn_net_backward",
    "bn_net_forward",
    "bn_net_loss_and_grads",
    "init_bn_params",
]

Params = dict[str, np.ndarray]


class BNLayerCache(NamedTuple):
    """One layer's caches: dense, batch norm (``None`` when skipped) and activation."""

    dense: DenseCache
    bn: BatchNormCache | None
    act: ActivationCache


def init_bn_params(
    widths: Sequence[int], init: str = "xavier", rng: np.random.Generator | None = None,
    scale: float = 1.0,
) -> Params:
    """:func:`bp_helpers.nn.init_params` (same arguments, same draws) plus ``γ_l = 1``,
    ``β_l = 0``: (n_l, 1) for every hidden layer, so BN starts as pure normalization."""
    params = init_params(widths, init, rng, scale)
    for k in range(1, len(widths) - 1):
        n = params[f"W{k}"].shape[0]
        params[f"gamma{k}"], params[f"beta{k}"] = np.ones((n, 1)), np.zeros((n, 1))
    return params


def _n_layers(params: Params, batchnorm: bool) -> int:
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict like {{'W1': …, 'b1': …}}, got {type(params)}")
    L = sum(1 for key in params if key.startswith("W"))
    core = {f"{p}{k}" for k in range(1, L + 1) for p in "Wb"}
    bn = {f"{p}{k}" for k in range(1, L) for p in ("gamma", "beta")}
    if L < 1 or not core <= set(params) or not set(params) <= core | bn or (
        batchnorm and not bn <= set(params)
    ):
        raise ValueError(
            "params must have keys W1, b1, …, WL, bL and, for batch norm, gamma_l and beta_l "
            f"for every hidden layer l < L (see init_bn_params); got {sorted(params)}"
        )
    return L


def bn_net_forward(
    params: Params, X: np.ndarray, activation: str = "sigmoid", *, batchnorm: bool = True,
    training: bool = True, running: Sequence[RunningStats] | None = None,
) -> tuple[np.ndarray, list[BNLayerCache]]:
    """Forward pass (see the module docstring). ``X``: (n_0, N) -> ``A_L``: (n_L, N), caches.

    ``training`` and ``running`` (one :class:`RunningStats` per hidden layer, or ``None``)
    are passed to :func:`bp_helpers.nn.batchnorm.batchnorm_forward` of each hidden layer.
    """
    if not isinstance(batchnorm, bool):
        raise TypeError(f"batchnorm must be True or False, got {batchnorm!r}")
    L = _n_layers(params, batchnorm)
    activation = check_activation_name(activation)
    if running is not None and len(running) != L - 1:
        raise ValueError(f"running needs one RunningStats per hidden layer ({L - 1}), "
                         f"got {len(running)}")
    A = finite_array(X, "X", ndim=2)
    caches = []
    for k in range(1, L + 1):
        Z, dense_cache = dense_forward(A, params[f"W{k}"], params[f"b{k}"])
        bn_cache = None
        if k < L and batchnorm:
            Z, bn_cache = batchnorm_forward(
                Z, params[f"gamma{k}"], params[f"beta{k}"], training=training,
                running=None if running is None else running[k - 1],
            )
        A, act_cache = activation_forward(Z, activation if k < L else "identity")
        caches.append(BNLayerCache(dense_cache, bn_cache, act_cache))
    return A, caches


def bn_net_backward(d_out: np.ndarray, caches: list[BNLayerCache]) -> Params:
    """Gradients of every parameter from ``d_out = ∂L/∂A_L``: (n_L, N).

    Returns ``{"W1": dW1, "b1": db1, "gamma1": dγ1, "beta1": dβ1, …}`` (γ, β only for the
    layers that used batch norm), each the shape of its parameter.
    """
    grads: Params = {}
    dA = d_out
    for k in range(len(caches), 0, -1):
        dense_cache, bn_cache, act_cache = caches[k - 1]
        dZ = activation_backward(dA, act_cache)
        if bn_cache is not None:
            dZ, grads[f"gamma{k}"], grads[f"beta{k}"] = batchnorm_backward(dZ, bn_cache)
        dA, grads[f"W{k}"], grads[f"b{k}"] = dense_backward(dZ, dense_cache, k > 1)
    return grads


def bn_net_loss_and_grads(
    params: Params, X: np.ndarray, Y: np.ndarray, activation: str = "sigmoid", *,
    batchnorm: bool = True,
) -> tuple[float, Params]:
    """Training-mode MSE ``L = (1/N) Σ_n ½‖ŷ_n − y_n‖²`` and every parameter's gradient.

    ``X``: (n_0, N), ``Y``: (n_L, N). Returns ``(L, grads)``, grads shaped like their params.
    """
    out, caches = bn_net_forward(params, X, activation, batchnorm=batchnorm)
    L, d_out = mse(out, finite_array(Y, "Y", ndim=2))
    return L, bn_net_backward(d_out, caches)


def bn_gradient_norms(
    depth: int = 20, activation: str = "sigmoid", *, batchnorm: bool = True,
    init: str = "xavier", scale: float = 1.0, width: int = 32, n_samples: int = 64,
    seed: int = 0,
) -> np.ndarray:
    """``‖∂L/∂W_l‖`` for ``l = 1 … depth``, shape ``(depth,)``, after one training-mode pass.

    The same net and data as :func:`bp_helpers.deep.flow_experiment` (widths
    ``(width, …, width, 1)``, ``X``: (width, n_samples), ``Y``: (1, n_samples), the same
    seeded draws), so ``batchnorm=False`` gives exactly its ``grad_norms``.
    """
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 2:
        raise ValueError(f"depth must be an integer >= 2, got {depth!r}")
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((width, n_samples))
    Y = rng.standard_normal((1, n_samples))
    params = init_bn_params((width,) * depth + (1,), init, rng, scale)
    with np.errstate(under="ignore"):  # tiny gradients may round to 0: that is the point
        _, grads = bn_net_loss_and_grads(params, X, Y, activation, batchnorm=batchnorm)
        return np.array([np.linalg.norm(grads[f"W{k}"]) for k in range(1, depth + 1)])
