"""A multilayer perceptron of any depth, its training loop and its gradient check.

Batch convention: one sample per column. With widths ``(n_0, n_1, …, n_L)`` the network
has ``L`` dense layers; layer ``l`` holds ``W_l``: (n_l, n_{l−1}) and ``b_l``: (n_l, 1) and
computes ``Z_l = W_l @ A_{l−1} + b_l``, ``A_l = f(Z_l)`` with ``A_0 = X``: (n_0, N). Hidden
layers use ``activation``; the last uses ``output_activation``. Parameters live in one
dict with keys ``"W1", "b1", …, "WL", "bL"``, and gradients use the same keys and shapes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from numbers import Integral

import numpy as np

from bp_helpers._validate import finite_array, positive_float
from bp_helpers.nn.activations import check_activation_name, sigmoid
from bp_helpers.nn.layers import (
    ActivationCache,
    DenseCache,
    activation_backward,
    activation_forward,
    dense_backward,
    dense_forward,
)
from bp_helpers.nn.losses import bce_with_logits, check_loss_name, mse

Params = dict[str, np.ndarray]
Caches = list[tuple[DenseCache, ActivationCache]]

#: The initialisation names :func:`init_params` accepts.
INITS = ("xavier", "he")


class TrainingDiverged(ValueError):
    """Raised by :func:`train` when the loss becomes non-finite or explodes."""


def _check_int(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def _check_widths(widths: Sequence[int]) -> tuple[int, ...]:
    if isinstance(widths, (str, bytes)) or not isinstance(widths, Sequence):
        raise TypeError(f"widths must be a sequence of integers like (2, 4, 1), got {widths!r}")
    if len(widths) < 2:
        raise ValueError(f"widths needs an input and an output width, got {tuple(widths)}")
    return tuple(_check_int(n, "every width", 1) for n in widths)


def init_params(
    widths: Sequence[int],
    init: str = "xavier",
    rng: np.random.Generator | None = None,
    scale: float = 1.0,
) -> Params:
    """Random weights and zero biases for an MLP with the given widths.

    ``W_l`` is drawn from a normal distribution with standard deviation ``scale·√(2/(n_in +
    n_out))`` for ``"xavier"`` (Glorot) or ``scale·√(2/n_in)`` for ``"he"``, where ``n_in =
    n_{l−1}`` and ``n_out = n_l``. Returns ``{"W1": (n_1, n_0), "b1": (n_1, 1), …}``.
    ``rng`` defaults to ``np.random.default_rng(0)``.
    """
    widths = _check_widths(widths)
    if init not in INITS:
        raise ValueError(f"unknown init {init!r}; expected one of {INITS}")
    if rng is None:
        rng = np.random.default_rng(0)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    scale = positive_float(scale, "scale")
    params: Params = {}
    for k, (n_in, n_out) in enumerate(zip(widths[:-1], widths[1:], strict=True), start=1):
        fan = n_in + n_out if init == "xavier" else n_in
        params[f"W{k}"] = rng.standard_normal((n_out, n_in)) * (scale * math.sqrt(2.0 / fan))
        params[f"b{k}"] = np.zeros((n_out, 1))
    return params


class MLP:
    """A fully connected network ``widths[0] → widths[1] → … → widths[-1]``.

    ``activation`` is used in every hidden layer and ``output_activation`` in the last.
    With ``loss="bce"`` the output activation must be ``"identity"``: the last layer gives
    logits and the sigmoid lives inside the loss. Example: ``MLP((2, 4, 1))`` for XOR.
    """

    def __init__(
        self,
        widths: Sequence[int],
        activation: str = "tanh",
        output_activation: str = "identity",
        init: str = "xavier",
        seed: int = 0,
        scale: float = 1.0,
        loss: str | None = None,
    ) -> None:
        self.widths = _check_widths(widths)
        self.activation = check_activation_name(activation)
        self.output_activation = check_activation_name(output_activation, "output_activation")
        self.seed = _check_int(seed, "seed", 0)
        self.params = init_params(self.widths, init, np.random.default_rng(self.seed), scale)
        #: The loss ``predict`` assumes; set by ``loss_and_grads`` and ``train``.
        self.loss = self._default_loss() if loss is None else self._check_loss(loss)

    @property
    def n_layers(self) -> int:
        """The number ``L`` of dense layers."""
        return len(self.widths) - 1

    def __repr__(self) -> str:
        return (
            f"MLP(widths={self.widths}, activation={self.activation!r}, "
            f"output_activation={self.output_activation!r})"
        )

    # -- checks ------------------------------------------------------------------------
    def _default_loss(self) -> str:
        return "bce" if self.output_activation == "identity" else "mse"

    def _check_loss(self, loss: object) -> str:
        loss = check_loss_name(loss)
        if loss == "bce" and self.output_activation != "identity":
            raise ValueError(
                "loss 'bce' works on logits, so output_activation must be 'identity' "
                f"(the sigmoid is inside the loss); got {self.output_activation!r}"
            )
        return loss

    def _check_X(self, X: np.ndarray) -> np.ndarray:
        X = finite_array(X, "X", ndim=2)
        if X.shape[0] != self.widths[0]:
            raise ValueError(
                f"X must have shape ({self.widths[0]}, N), one sample per column, for an "
                f"input width of {self.widths[0]}; got {X.shape}"
            )
        return X

    def _check_XY(self, X: np.ndarray, Y: np.ndarray, loss: str) -> tuple[np.ndarray, np.ndarray]:
        X = self._check_X(X)
        Y = finite_array(Y, "Y", ndim=2)
        if Y.shape != (self.widths[-1], X.shape[1]):
            raise ValueError(
                f"Y must have shape ({self.widths[-1]}, {X.shape[1]}) (outputs, samples) to "
                f"match X {X.shape}; got {Y.shape}"
            )
        if loss == "bce" and (Y.min() < 0 or Y.max() > 1):
            raise ValueError("bce needs targets Y in [0, 1]")
        return X, Y

    # -- forward and backward -------------------------------------------------------------
    def forward(self, X: np.ndarray) -> tuple[np.ndarray, Caches]:
        """``X``: (n_0, N) -> the output ``A_L``: (n_L, N) and one cache per layer."""
        return self._forward(self._check_X(X))

    def _forward(self, X: np.ndarray) -> tuple[np.ndarray, Caches]:
        A, caches, L, p = X, [], self.n_layers, self.params
        for k in range(1, L + 1):
            Z, dense_cache = dense_forward(A, p[f"W{k}"], p[f"b{k}"])
            A, act_cache = activation_forward(
                Z, self.activation if k < L else self.output_activation
            )
            caches.append((dense_cache, act_cache))
        return A, caches

    def backward(self, d_out: np.ndarray, caches: Caches) -> Params:
        """Gradients of every parameter from ``d_out = ∂L/∂A_L``: (n_L, N).

        Returns ``{"W1": dW1, "b1": db1, …}``, each the shape of its parameter. The
        gradient with respect to the input ``X`` is not computed.
        """
        if len(caches) != self.n_layers:
            raise ValueError(f"need {self.n_layers} caches (one per layer), got {len(caches)}")
        grads: Params = {}
        dA = d_out
        for k in range(self.n_layers, 0, -1):
            dense_cache, act_cache = caches[k - 1]
            dZ = activation_backward(dA, act_cache)
            dA, grads[f"W{k}"], grads[f"b{k}"] = dense_backward(dZ, dense_cache, k > 1)
        return {k: grads[k] for k in self.params}

    def _loss(self, out: np.ndarray, Y: np.ndarray, loss: str) -> tuple[float, np.ndarray]:
        return bce_with_logits(out, Y) if loss == "bce" else mse(out, Y)

    def loss_and_grads(
        self, X: np.ndarray, Y: np.ndarray, loss: str = "bce"
    ) -> tuple[float, Params]:
        """The loss on ``(X, Y)`` and the gradient of every parameter.

        ``X``: (n_0, N), ``Y``: (n_L, N). ``loss`` is ``"bce"`` (the network's outputs are
        logits) or ``"mse"``. Returns ``(L, grads)`` with grads shaped like ``params``.
        """
        self.loss = self._check_loss(loss)
        X, Y = self._check_XY(X, Y, loss)
        return self._loss_and_grads(X, Y, loss)

    def _loss_and_grads(self, X: np.ndarray, Y: np.ndarray, loss: str) -> tuple[float, Params]:
        out, caches = self._forward(X)
        L, d_out = self._loss(out, Y, loss)
        return L, self.backward(d_out, caches)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """``X``: (n_0, N) -> (n_L, N): probabilities ``σ(logits)`` when the network is
        trained with ``"bce"`` (see ``self.loss``), the raw outputs for ``"mse"``."""
        out, _ = self.forward(X)
        return sigmoid(out) if self.loss == "bce" else out


def sgd_step(params: Params, grads: Params, lr: float) -> None:
    """One gradient-descent update ``θ ← θ − lr·∂L/∂θ`` of every parameter, in place.

    ``params`` and ``grads`` have the same keys, and each gradient the shape of its parameter.
    """
    lr = positive_float(lr, "lr")
    if params.keys() != grads.keys():
        raise ValueError(f"grads must have the keys of params {list(params)}, got {list(grads)}")
    for key, theta in params.items():
        if grads[key].shape != theta.shape:
            raise ValueError(f"grad {key} has shape {grads[key].shape}, expected {theta.shape}")
        theta -= lr * grads[key]


def train(
    mlp: MLP,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str = "bce",
    lr: float = 0.5,
    epochs: int = 1000,
    batch_size: int | None = None,
    seed: int = 0,
    callback: Callable[[int, float, Params], None] | None = None,
    explode_factor: float = 1e3,
) -> list[float]:
    """Gradient descent on ``(X, Y)``; updates ``mlp.params`` in place.

    ``X``: (n_0, N), ``Y``: (n_L, N). ``batch_size=None`` uses the whole batch (one step
    per epoch); otherwise each epoch visits the samples in a fresh random order (seeded
    by ``seed``) in minibatches. Returns one loss per epoch: with the full batch, the loss
    *before* that epoch's update; with minibatches, the mean of the minibatch losses.
    ``callback(epoch, loss, grads)`` is called after every gradient computation.

    Raises :class:`TrainingDiverged` if the loss becomes non-finite or grows beyond
    ``explode_factor · max(first loss, 1)`` (the parameters keep their last values).
    """
    if not isinstance(mlp, MLP):
        raise TypeError(f"mlp must be an MLP, got {type(mlp).__name__}")
    mlp.loss = mlp._check_loss(loss)
    X, Y = mlp._check_XY(X, Y, loss)
    lr = positive_float(lr, "lr")
    epochs = _check_int(epochs, "epochs", 1)
    seed = _check_int(seed, "seed", 0)
    explode_factor = positive_float(explode_factor, "explode_factor")
    N = X.shape[1]
    if batch_size is not None:
        batch_size = _check_int(batch_size, "batch_size", 1)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function, got {type(callback).__name__}")
    rng = np.random.default_rng(seed)
    history: list[float] = []
    limit = math.inf
    try:
        # overflow, inf − inf and 0/0 mean divergence; underflow to 0 is harmless
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            for epoch in range(epochs):
                if batch_size is None or batch_size >= N:
                    batches = [(X, Y)]
                else:
                    order = rng.permutation(N)
                    batches = [
                        (X[:, idx], Y[:, idx])
                        for idx in (order[i : i + batch_size] for i in range(0, N, batch_size))
                    ]
                total = 0.0
                for Xb, Yb in batches:
                    L, grads = mlp._loss_and_grads(Xb, Yb, loss)
                    if not math.isfinite(L) or L > limit:
                        raise TrainingDiverged(_diverged_message(epoch, L, lr))
                    if callback is not None:
                        callback(epoch, L, grads)
                    sgd_step(mlp.params, grads, lr)
                    total += L * Xb.shape[1]
                history.append(total / N)
                if epoch == 0:
                    limit = explode_factor * max(history[0], 1.0)
    except FloatingPointError as exc:
        raise TrainingDiverged(_diverged_message(len(history), math.nan, lr, str(exc))) from None
    return history


def _diverged_message(epoch: int, L: float, lr: float, detail: str = "") -> str:
    what = f"a floating-point error ({detail})" if detail else f"loss {L:.3g}"
    return (
        f"training diverged at epoch {epoch}: {what}. The learning rate lr={lr:g} is "
        "probably too large; try a smaller one."
    )


def gradient_check(
    mlp: MLP, X: np.ndarray, Y: np.ndarray, loss: str = "bce", h: float = 1e-5
) -> dict[str, float]:
    """Compare backprop's gradients with central differences, parameter by parameter.

    For each parameter ``θ`` (every entry of every array) the numerical gradient is
    ``(L(θ + h) − L(θ − h)) / 2h``. Returns ``{"W1": err, "b1": err, …}`` with
    ``err = ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖)`` (0 when both are 0);
    in float64 a correct backward pass gives errors far below 1e-7.
    ``X``: (n_0, N), ``Y``: (n_L, N). ``mlp.params`` is restored afterwards.
    """
    if not isinstance(mlp, MLP):
        raise TypeError(f"mlp must be an MLP, got {type(mlp).__name__}")
    loss = mlp._check_loss(loss)
    X, Y = mlp._check_XY(X, Y, loss)
    h = positive_float(h, "h")
    _, grads = mlp._loss_and_grads(X, Y, loss)

    def loss_value() -> float:
        return mlp._loss(mlp._forward(X)[0], Y, loss)[0]

    errors = {}
    for key, theta in mlp.params.items():
        numeric = np.zeros_like(theta)
        flat_theta, flat_numeric = theta.reshape(-1), numeric.reshape(-1)
        for i in range(flat_theta.size):
            old = flat_theta[i]
            flat_theta[i] = old + h
            L_plus = loss_value()
            flat_theta[i] = old - h
            L_minus = loss_value()
            flat_theta[i] = old
            flat_numeric[i] = (L_plus - L_minus) / (2 * h)
        errors[key] = relative_norm_error(grads[key], numeric)
    return errors


def relative_norm_error(a: np.ndarray, b: np.ndarray) -> float:
    """``‖a − b‖ / (‖a‖ + ‖b‖)``, 0 when both are zero; ``a``, ``b``: the same shape."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    denom = float(np.linalg.norm(a) + np.linalg.norm(b))
    return 0.0 if denom == 0.0 else float(np.linalg.norm(a - b)) / denom
