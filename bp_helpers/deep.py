"""Gradient flow through deep networks: plain and residual stacks, norms, clipping.

Batch convention (the package's): one sample per column. With widths ``(n_0, …, n_L)`` a
deep net has ``L`` dense layers and the parameter dict of :func:`bp_helpers.nn.init_params`
(``"W1": (n_1, n_0)``, ``"b1": (n_1, 1)``, …). Hidden layer ``l < L`` computes

    plain:     A_l = f(Z_l)                 with Z_l = W_l A_{l−1} + b_l
    residual:  A_l = A_{l−1} + β·f(Z_l)     (when n_l = n_{l−1}: a skip connection)

and the last layer is linear, ``A_L = Z_L``. Backward through a residual layer adds the
skip path to the branch, ``∂L/∂A_{l−1} = ∂L/∂A_l + W_lᵀ (β·∂L/∂A_l ⊙ f'(Z_l))``, so the
gradient reaching early layers never has to pass through every ``f'``. The branch scale
``β`` (e.g. ``1/√L``) keeps the forward signal from growing with depth, as each branch
adds its own variance to ``A_l``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from bp_helpers._validate import bounded_int, finite_array, positive_float
from bp_helpers.nn import MLP, init_params, mse
from bp_helpers.nn.layers import ActivationCache, DenseCache
from bp_helpers.nn.mlp import backward_pass, check_params

Params = dict[str, np.ndarray]

#: ``n_layers(params)``: the number ``L`` of layers of a parameter dict (an alias of
#: :func:`bp_helpers.nn.mlp.check_params`).
n_layers = check_params


class LayerCache(NamedTuple):
    """What the backward pass of one layer needs; ``skip`` marks a residual layer."""

    dense: DenseCache
    act: ActivationCache
    skip: bool
    branch_scale: float


def deep_net(
    params: Params, activation: str = "tanh", residual: bool = False, branch_scale: float = 1.0
) -> MLP:
    """The :class:`~bp_helpers.nn.MLP` these functions run: ``params`` (used, not copied),
    ``activation`` in the hidden layers, a linear last layer, the MSE loss."""
    return MLP.from_params(params, activation, "identity", "mse", residual=residual,
                           branch_scale=branch_scale)


def deep_forward(
    params: Params, X: np.ndarray, activation: str = "tanh", residual: bool = False,
    branch_scale: float = 1.0,
) -> tuple[np.ndarray, list[LayerCache]]:
    """Forward pass of a plain or residual deep net (see the module docstring).

    ``X``: (n_0, N). Returns the output ``A_L``: (n_L, N) and one cache per layer.
    With ``residual=True`` every hidden layer with ``n_l == n_{l−1}`` computes
    ``A_l = A_{l−1} + branch_scale·f(Z_l)``. Runs :meth:`MLP.forward <bp_helpers.nn.MLP>`.
    """
    mlp = deep_net(params, activation, residual, branch_scale)
    out, caches = mlp.forward(X)
    return out, [LayerCache(dense, act, skip, mlp.branch_scale)
                 for (dense, act), skip in zip(caches, mlp.skips, strict=True)]


def deep_backward(d_out: np.ndarray, caches: list[LayerCache]) -> Params:
    """Gradients ``{"W1": dW1, "b1": db1, …}`` from ``d_out = ∂L/∂A_L``: (n_L, N).

    Each gradient has the shape of its parameter. A residual layer passes ``∂L/∂A_l``
    straight back along its skip connection and adds it to ``W_lᵀ (β·∂L/∂A_l ⊙ f'(Z_l))``.
    Runs :func:`bp_helpers.nn.mlp.backward_pass`.
    """
    if not isinstance(caches, list) or not caches or not all(
            isinstance(c, LayerCache) for c in caches):
        raise TypeError("caches must be the list of LayerCache that deep_forward returned")
    d_out = finite_array(d_out, "d_out", ndim=2)
    last = caches[-1].dense
    if d_out.shape != (last.W.shape[0], last.A_prev.shape[1]):
        raise ValueError(f"d_out must have shape {(last.W.shape[0], last.A_prev.shape[1])}, "
                         f"got {d_out.shape}")
    return backward_pass(d_out, [(c.dense, c.act) for c in caches], [c.skip for c in caches],
                         caches[0].branch_scale)


def deep_loss_and_grads(
    params: Params, X: np.ndarray, Y: np.ndarray, activation: str = "tanh",
    residual: bool = False, branch_scale: float = 1.0,
) -> tuple[float, Params]:
    """Mean squared error ``L = (1/N) Σ_n ½‖ŷ_n − y_n‖²`` and the gradient of every parameter.

    ``X``: (n_0, N), ``Y``: (n_L, N). Returns ``(L, grads)`` with grads shaped like params.
    Runs :meth:`MLP.loss_and_grads <bp_helpers.nn.MLP>`.
    """
    return deep_net(params, activation, residual, branch_scale).loss_and_grads(X, Y, "mse")


def norm(a: np.ndarray) -> float:
    """The Euclidean (Frobenius) norm of an array of any shape, for any finite entries.

    Computed as ``m·‖a/m‖`` with ``m = max|a|``, so squaring never overflows; entries
    below ``1e-154·m`` underflow to 0 when squared, which changes nothing in float64.
    """
    a = np.asarray(a, dtype=np.float64)
    m = float(np.max(np.abs(a))) if a.size else 0.0
    if m == 0.0:
        return 0.0
    with np.errstate(under="ignore"):  # harmless: such terms are below the sum's precision
        r = a / m
        return m * math.sqrt(float(np.sum(r * r)))


def layer_gradient_norms(grads: Params) -> np.ndarray:
    """The Frobenius norms ``‖∂L/∂W_l‖`` for ``l = 1 … L``, shape ``(L,)``."""
    L = n_layers(grads)
    return np.array([norm(grads[f"W{k}"]) for k in range(1, L + 1)])


def global_norm(grads: Params) -> float:
    """``‖g‖ = √(Σ over every array of Σ entries²)``: all gradients as one long vector."""
    if not isinstance(grads, dict) or not grads:
        raise TypeError(f"grads must be a non-empty dict of arrays, got {grads!r:.60}")
    return norm(np.array([norm(value) for value in grads.values()]))


def clip_grad_norm(grads: Params, max_norm: float) -> tuple[Params, float]:
    """Rescale all gradients together so their global norm is at most ``max_norm``.

    Returns ``(clipped, norm)`` where ``norm`` is the global norm before clipping and
    ``clipped[k] = grads[k] · min(1, max_norm / norm)``: same keys and shapes; the
    direction of the update is unchanged, only its length is capped. ``grads`` is not
    modified.
    """
    max_norm = positive_float(max_norm, "max_norm")
    g_norm = global_norm(grads)
    factor = 1.0 if g_norm <= max_norm else max_norm / g_norm
    return {key: value * factor for key, value in grads.items()}, g_norm


#: The deepest net :func:`flow_experiment` builds.
MAX_DEPTH = 1000


@dataclass(frozen=True)
class Flow:
    """Per-layer statistics of one forward and backward pass of a deep net.

    ``grad_norms``: (L,) the norms ``‖∂L/∂W_l‖``; ``activation_stds``: (L−1,) the standard
    deviation of every hidden layer's output ``A_l``; ``loss``: the MSE.
    """

    grad_norms: np.ndarray
    activation_stds: np.ndarray
    loss: float


def flow_experiment(
    depth: int = 20, activation: str = "sigmoid", init: str = "xavier", scale: float = 1.0,
    residual: bool = False, *, width: int = 32, n_samples: int = 64, seed: int = 0,
) -> Flow:
    """One forward and backward pass through a ``depth``-layer net on random data.

    The net has widths ``(width, …, width, 1)``: ``depth`` dense layers, weights from
    :func:`bp_helpers.nn.init_params` with ``init`` and ``scale``; a residual net uses the
    branch scale ``β = 1/√depth``. The data are ``X``: (width, n_samples) and
    ``Y``: (1, n_samples), standard normal, seeded by ``seed``.
    """
    if isinstance(depth, bool) or not isinstance(depth, int) or not 2 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be an integer in [2, {MAX_DEPTH}], got {depth!r:.60}")
    width = bounded_int(width, "width", 1, 4096)
    n_samples = bounded_int(n_samples, "n_samples", 1, 100_000)
    rng = np.random.default_rng(bounded_int(seed, "seed", 0))
    X = rng.standard_normal((width, n_samples))
    Y = rng.standard_normal((1, n_samples))
    params = init_params((width,) * depth + (1,), init, rng, scale)
    # Tiny gradients (1e-300 and below) may round to 0: that is the point being shown.
    with np.errstate(under="ignore"):
        beta = 1.0 / math.sqrt(depth) if residual else 1.0
        mlp = deep_net(params, activation, residual, beta)
        out, caches = mlp.forward(X)
        loss, d_out = mse(out, Y)
        grads = mlp.backward(d_out, caches)
        # the input of layer l + 1 is the output A_l of hidden layer l
        stds = np.array([float(np.std(dense.A_prev)) for dense, _ in caches[1:]])
    return Flow(layer_gradient_norms(grads), stds, loss)
