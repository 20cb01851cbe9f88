"""A multilayer perceptron of any depth, its training loop and its gradient check.

Batch convention: one sample per column. With widths ``(n_0, n_1, …, n_L)`` the network
has ``L`` dense layers; layer ``l`` holds ``W_l``: (n_l, n_{l−1}) and ``b_l``: (n_l, 1) and
computes ``Z_l = W_l @ A_{l−1} + b_l``, ``A_l = f(Z_l)`` with ``A_0 = X``: (n_0, N). Hidden
layers use ``activation``; the last uses ``output_activation``. Parameters live in one
dict with keys ``"W1", "b1", …, "WL", "bL"``, and gradients use the same keys and shapes.

A *residual* MLP (``residual=True``) adds a skip connection around every hidden layer
whose input and output widths are equal: ``A_l = A_{l−1} + β·f(Z_l)`` with the branch
scale ``β`` (``branch_scale``). Backward through it adds the skip path to the branch,
``∂L/∂A_{l−1} = ∂L/∂A_l + W_lᵀ (β·∂L/∂A_l ⊙ f'(Z_l))``.

The MLP checks its data once at the boundary (:meth:`MLP.check_data`); the public
methods do so by default, and code that has already checked (``train``) passes
``check=False``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

import numpy as np

from bp_helpers._validate import (
    all_in_unit_interval,
    bounded_int,
    finite_array,
    positive_float,
    real_array,
)
from bp_helpers.calculus import numerical_gradient
from bp_helpers.nn.activations import check_activation_name, sigmoid
from bp_helpers.nn.cost import MAX_PARAMETERS, check_widths, parameter_count
from bp_helpers.nn.layers import (
    ActivationCache,
    DenseCache,
    activation_backward,
    activation_forward,
    dense_backward,
    dense_forward,
)
from bp_helpers.nn.losses import bce_with_logits, check_labels, check_loss_name, mse

Params = dict[str, np.ndarray]
Caches = list[tuple[DenseCache, ActivationCache]]

#: The initialisation names :func:`init_params` accepts.
INITS = ("xavier", "he")

#: The most epochs :func:`train` runs (more is a typo, or a wait of hours).
MAX_EPOCHS = 1_000_000

#: :func:`train` stops when one epoch multiplies the parameters' norm by more than this
#: (measured against ``max(norm before the epoch, 1)``): the update dwarfs the network.
PARAM_JUMP_LIMIT = 10.0

#: :func:`train` stops when the parameters' norm exceeds this many times
#: ``max(initial norm, 1)``.
PARAM_GROWTH_LIMIT = 100.0


class TrainingDiverged(ValueError):
    """Raised by :func:`train` when the loss or the parameters become non-finite or explode."""


def check_params(params: object) -> int:
    """The number ``L`` of layers of a dict ``{"W1", "b1", …, "WL", "bL"}`` (keys only)."""
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict like {{'W1': …, 'b1': …}}, got {type(params)}")
    L = len(params) // 2
    expected = {f"{p}{k}" for k in range(1, L + 1) for p in "Wb"}
    if L < 1 or set(params) != expected:
        raise ValueError(f"params must have keys W1, b1, …, WL, bL; got {sorted(params)}")
    return L


@functools.lru_cache(maxsize=64)
def _layer_keys(L: int) -> tuple[tuple[str, str], ...]:
    """The parameter names of ``L`` layers, by layer: ``(("W1", "b1"), …, ("WL", "bL"))``."""
    return tuple((f"W{k}", f"b{k}") for k in range(1, L + 1))


@functools.lru_cache(maxsize=64)
def _param_keys(L: int) -> tuple[str, ...]:
    """The same names in one tuple, in the order of ``params``: ``("W1", "b1", …, "bL")``."""
    return tuple(key for pair in _layer_keys(L) for key in pair)


@functools.lru_cache(maxsize=64)
def _skips(widths: tuple[int, ...], residual: bool) -> tuple[bool, ...]:
    """For each layer ``l = 1 … L``: a skip connection? (residual, hidden, ``n_l == n_{l−1}``)."""
    L = len(widths) - 1
    return tuple(residual and k < L and widths[k] == widths[k - 1] for k in range(1, L + 1))


@functools.lru_cache(maxsize=64)
def _layer_plan(
    widths: tuple[int, ...], activation: str, output_activation: str, residual: bool
) -> tuple[tuple[str, str, str, bool], ...]:
    """For each layer ``l = 1 … L``: ``("W_l", "b_l", its activation, its skip connection?)``.

    Worked out once per architecture, so a forward pass only looks it up.
    """
    L = len(widths) - 1
    return tuple(
        (W_key, b_key, activation if k < L else output_activation, skip)
        for k, (W_key, b_key), skip in zip(
            range(1, L + 1), _layer_keys(L), _skips(widths, residual), strict=True)
    )


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
    ``rng`` defaults to ``np.random.default_rng(0)``. At most :data:`MAX_PARAMETERS`.
    """
    widths = check_widths(widths)
    if parameter_count(widths) > MAX_PARAMETERS:
        raise ValueError(f"widths {widths} have {parameter_count(widths):,} parameters, "
                         f"more than the {MAX_PARAMETERS:,} this package allocates")
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
    logits and the sigmoid lives inside the loss. ``residual=True`` adds skip connections
    ``A_l = A_{l−1} + branch_scale·f(Z_l)`` around hidden layers of equal width.
    Example: ``MLP((2, 4, 1))`` for XOR.
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
        *,
        residual: bool = False,
        branch_scale: float = 1.0,
    ) -> None:
        self._set_architecture(widths, activation, output_activation, residual, branch_scale)
        self.seed = bounded_int(seed, "seed", 0)
        self.params = init_params(self.widths, init, np.random.default_rng(self.seed), scale)
        #: The loss ``predict`` assumes (and ``loss_and_grads`` uses by default); ``train``
        #: sets it to the loss it trains with.
        self.loss = self.default_loss() if loss is None else self.check_loss(loss)

    @classmethod
    def from_params(
        cls,
        params: Params,
        activation: str = "tanh",
        output_activation: str = "identity",
        loss: str | None = None,
        *,
        residual: bool = False,
        branch_scale: float = 1.0,
    ) -> MLP:
        """An MLP around given parameters ``{"W1": (n_1, n_0), "b1": (n_1, 1), …}``.

        The widths are read from the shapes; the arrays are used as they are (not
        copied) when they are already float64. Entries must be finite.
        """
        L = check_params(params)
        checked = {key: finite_array(params[key], key, ndim=2) for key in params}
        widths = [checked["W1"].shape[1]]
        for k in range(1, L + 1):
            W, b = checked[f"W{k}"], checked[f"b{k}"]
            if W.shape[1] != widths[-1] or b.shape != (W.shape[0], 1):
                raise ValueError(
                    f"layer {k}: W{k} must be (n_{k}, {widths[-1]}) and b{k} (n_{k}, 1); "
                    f"got {W.shape} and {b.shape}"
                )
            widths.append(W.shape[0])
        mlp = cls.__new__(cls)
        mlp._set_architecture(widths, activation, output_activation, residual, branch_scale)
        mlp.seed = 0
        mlp.params = {key: checked[key] for k in range(1, L + 1) for key in (f"W{k}", f"b{k}")}
        mlp.loss = mlp.default_loss() if loss is None else mlp.check_loss(loss)
        return mlp

    def _set_architecture(
        self, widths: Sequence[int], activation: str, output_activation: str, residual: bool,
        branch_scale: float,
    ) -> None:
        self.widths = check_widths(widths)
        self.activation = check_activation_name(activation)
        self.output_activation = check_activation_name(output_activation, "output_activation")
        if not isinstance(residual, bool):
            raise TypeError(f"residual must be True or False, got {residual!r:.60}")
        self.residual = residual
        self.branch_scale = positive_float(branch_scale, "branch_scale")

    @property
    def n_layers(self) -> int:
        """The number ``L`` of dense layers."""
        return len(self.widths) - 1

    @property
    def skips(self) -> tuple[bool, ...]:
        """For each layer ``l = 1 … L``: does it have a skip connection?

        Only with ``residual=True``, and only hidden layers with ``n_l == n_{l−1}``.
        """
        return _skips(self.widths, self.residual)

    def __repr__(self) -> str:
        extra = f", residual=True, branch_scale={self.branch_scale:g}" if self.residual else ""
        return (
            f"MLP(widths={self.widths}, activation={self.activation!r}, "
            f"output_activation={self.output_activation!r}{extra})"
        )

    # -- checks ------------------------------------------------------------------------
    def default_loss(self) -> str:
        """``"bce"`` for logits out (identity output), else ``"mse"``."""
        return "bce" if self.output_activation == "identity" else "mse"

    def check_loss(self, loss: object) -> str:
        """``loss`` if this network can train with it (``"bce"`` needs logits out)."""
        loss = check_loss_name(loss)
        if loss == "bce" and self.output_activation != "identity":
            raise ValueError(
                "loss 'bce' works on logits, so output_activation must be 'identity' "
                f"(the sigmoid is inside the loss); got {self.output_activation!r}"
            )
        return loss

    def check_X(self, X: np.ndarray) -> np.ndarray:
        """``X`` as a finite float64 array of shape ``(n_0, N)``, else a clear error."""
        X = finite_array(X, "X", ndim=2)
        if X.shape[0] != self.widths[0]:
            raise ValueError(
                f"X must have shape ({self.widths[0]}, N), one sample per column, for an "
                f"input width of {self.widths[0]}; got {X.shape}"
            )
        return X

    def check_data(
        self, X: np.ndarray, Y: np.ndarray, loss: str | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(X, Y)`` checked for this network and ``loss`` (default ``self.loss``).

        ``X``: (n_0, N), ``Y``: (n_L, N), finite, ``N >= 1``; targets in [0, 1] for bce.
        Returns float64 arrays that the ``check=False`` paths may be given.
        """
        loss = self.loss if loss is None else self.check_loss(loss)
        X = self.check_X(X)
        Y = real_array(Y, "Y")
        # bce targets in [0, 1] are finite: one cheap test for both, the separate checks
        # (and their messages) only when it fails
        labels_ok = loss == "bce" and Y.ndim == 2 and all_in_unit_interval(Y)
        if not labels_ok:
            Y = finite_array(Y, "Y", ndim=2)
        if Y.shape != (self.widths[-1], X.shape[1]):
            raise ValueError(
                f"Y must have shape ({self.widths[-1]}, {X.shape[1]}) (outputs, samples) to "
                f"match X {X.shape}; got {Y.shape}"
            )
        if X.shape[1] == 0:
            raise ValueError("need at least one sample (column) in X and Y")
        if loss == "bce" and not labels_ok:
            check_labels(Y)
        return X, Y

    # -- forward and backward -------------------------------------------------------------
    def forward(self, X: np.ndarray, *, check: bool = True) -> tuple[np.ndarray, Caches]:
        """``X``: (n_0, N) -> the output ``A_L``: (n_L, N) and one cache per layer.

        Each cache is a pair ``(DenseCache, ActivationCache)``.
        """
        A = self.check_X(X) if check else X
        p, beta = self.params, self.branch_scale
        caches: Caches = []
        for W_key, b_key, f, skip in _layer_plan(
                self.widths, self.activation, self.output_activation, self.residual):
            Z, dense_cache = dense_forward(A, p[W_key], p[b_key], check=False)
            F, act_cache = activation_forward(Z, f, check=False)
            A = A + beta * F if skip else F  # A_l = A_{l−1} + β·f(Z_l) with a skip, else f(Z_l)
            caches.append((dense_cache, act_cache))
        return A, caches

    def backward(self, d_out: np.ndarray, caches: Caches) -> Params:
        """Gradients of every parameter from ``d_out = ∂L/∂A_L``: (n_L, N).

        Returns ``{"W1": dW1, "b1": db1, …}``, each the shape of its parameter. The
        gradient with respect to the input ``X`` is not computed.
        """
        if not isinstance(caches, list):
            raise TypeError(f"caches must be the list that forward returned, "
                            f"got {type(caches).__name__}")
        if len(caches) != len(self.widths) - 1:
            raise ValueError(f"need {self.n_layers} caches (one per layer), got {len(caches)}")
        return backward_pass(d_out, caches, _skips(self.widths, self.residual),
                             self.branch_scale)

    def output_loss(
        self, out: np.ndarray, Y: np.ndarray, loss: str | None = None
    ) -> tuple[float, np.ndarray]:
        """The loss of the network's output ``out``: (n_L, N) against ``Y``: (n_L, N),
        and its gradient ``∂L/∂out``. For checked data (no checks of its own)."""
        loss = self.loss if loss is None else loss
        return bce_with_logits(out, Y, check=False) if loss == "bce" else mse(out, Y, check=False)

    def loss_value(
        self, X: np.ndarray, Y: np.ndarray, loss: str | None = None, *, check: bool = True
    ) -> float:
        """The loss on ``(X, Y)`` (forward pass only). ``loss`` defaults to ``self.loss``."""
        if check:
            loss = self.loss if loss is None else self.check_loss(loss)
            X, Y = self.check_data(X, Y, loss)
        out, _ = self.forward(X, check=False)
        return self.output_loss(out, Y, loss)[0]

    def loss_and_grads(
        self, X: np.ndarray, Y: np.ndarray, loss: str | None = None, *, check: bool = True
    ) -> tuple[float, Params]:
        """The loss on ``(X, Y)`` and the gradient of every parameter.

        ``X``: (n_0, N), ``Y``: (n_L, N). ``loss`` is ``"bce"`` (the network's outputs are
        logits) or ``"mse"``; the default is ``self.loss``, which is not changed.
        Returns ``(L, grads)`` with grads shaped like ``params``. ``check=False`` skips
        the input checks, for data that :meth:`check_data` returned.
        """
        if check:
            X, Y = self.check_data(X, Y, loss)  # checks loss too
        out, caches = self.forward(X, check=False)
        L, d_out = self.output_loss(out, Y, loss)
        return L, self.backward(d_out, caches)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """``X``: (n_0, N) -> (n_L, N): probabilities ``σ(logits)`` when the network is
        trained with ``"bce"`` (see ``self.loss``), the raw outputs for ``"mse"``."""
        out, _ = self.forward(X)
        return sigmoid(out) if self.loss == "bce" else out


def backward_pass(
    d_out: np.ndarray, caches: Caches, skips: Sequence[bool], branch_scale: float = 1.0
) -> Params:
    """The backward pass of a plain or residual MLP from its forward caches.

    ``d_out = ∂L/∂A_L``: (n_L, N); ``caches``: one ``(DenseCache, ActivationCache)`` per
    layer; ``skips[l−1]``: whether layer ``l`` has a skip connection with branch scale
    ``β = branch_scale``. Returns ``{"W1": dW1, "b1": db1, …}`` (no gradient for ``X``).
    ``d_out`` is checked once, for its shape; the layers' own checks are skipped, since
    every later ``dA`` and ``dZ`` has the shape of its layer by construction.
    """
    L = len(caches)
    if L == 0:
        raise ValueError("need one cache per layer (the caches forward returned), got none")
    Z_L = caches[-1][1].Z
    dA = real_array(d_out, "d_out")
    if dA.shape != Z_L.shape:
        raise ValueError(f"d_out must have the shape of the output {Z_L.shape}, got {dA.shape}")
    grads: Params = dict.fromkeys(_param_keys(L))  # filled from the last layer back
    layers = zip(range(L, 0, -1), reversed(caches), reversed(skips), reversed(_layer_keys(L)),
                 strict=True)
    for k, (dense_cache, act_cache), skip, (W_key, b_key) in layers:
        dZ = activation_backward(branch_scale * dA if skip else dA, act_cache, check=False)
        dA_branch, grads[W_key], grads[b_key] = dense_backward(dZ, dense_cache, k > 1,
                                                               check=False)
        if k > 1:  # ∂L/∂A_{l−1}: the skip path adds ∂L/∂A_l itself
            dA = dA + dA_branch if skip else dA_branch
    return grads


def sgd_step(params: Params, grads: Params, lr: float) -> None:
    """One gradient-descent update ``θ ← θ − lr·∂L/∂θ`` of every parameter, in place.

    ``params`` and ``grads`` have the same keys, and each gradient the shape of its parameter.
    """
    # lr as a 0-d array: NumPy multiplies by it faster than by a Python float (same values)
    lr = np.array(positive_float(lr, "lr"))
    if not isinstance(params, dict) or not isinstance(grads, dict):
        raise TypeError("params and grads must be dicts of arrays with the same keys")
    if params.keys() != grads.keys():
        raise ValueError(f"grads must have the keys of params {list(params)}, got {list(grads)}")
    for key, theta in params.items():
        g = grads[key]
        if getattr(g, "shape", None) != theta.shape:
            raise ValueError(f"grad {key} has shape {getattr(g, 'shape', None)}, "
                             f"expected {theta.shape}")
        theta -= lr * g  # in place: the arrays in params are updated


def _params_norm(params: Params) -> float:
    return math.sqrt(sum(float(np.vdot(theta, theta)) for theta in params.values()))


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
    """Gradient descent on ``(X, Y)``; updates ``mlp.params`` in place and sets ``mlp.loss``.

    ``X``: (n_0, N), ``Y``: (n_L, N), checked once. ``batch_size=None`` uses the whole batch
    (one step per epoch); otherwise each epoch visits the samples in a fresh random order
    (seeded by ``seed``) in minibatches. Returns one loss per epoch: with the full batch,
    the loss *before* that epoch's update; with minibatches, the mean of the minibatch
    losses. ``callback(epoch, loss, grads)`` is called after every gradient computation.

    Raises :class:`TrainingDiverged` (the parameters keep their last values) when
    training diverges: a non-finite loss, gradient or parameter (or a floating-point
    overflow), an epoch's loss above ``explode_factor · max(best loss so far, 0.1·L₀)``
    (``L₀``: the loss before training), an epoch that multiplies the parameters' norm
    ``‖θ‖`` by more than :data:`PARAM_JUMP_LIMIT` (against ``max(‖θ‖, 1)``), or ``‖θ‖``
    above :data:`PARAM_GROWTH_LIMIT` times ``max(initial ‖θ‖, 1)``. Together these catch
    a learning rate far too large even when the loss stays bounded (saturated sigmoids).
    """
    if not isinstance(mlp, MLP):
        raise TypeError(f"mlp must be an MLP, got {type(mlp).__name__}")
    loss = mlp.check_loss(loss)
    X, Y = mlp.check_data(X, Y, loss)
    lr = positive_float(lr, "lr")
    epochs = bounded_int(epochs, "epochs", 1, MAX_EPOCHS)
    seed = bounded_int(seed, "seed", 0)
    explode_factor = positive_float(explode_factor, "explode_factor")
    N = X.shape[1]
    if batch_size is not None:
        batch_size = bounded_int(batch_size, "batch_size", 1)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function, got {type(callback).__name__}")
    mlp.loss = loss
    if not all(np.isfinite(theta).all() for theta in mlp.params.values()):
        raise ValueError("mlp.params must be finite before training")
    rng = np.random.default_rng(seed)
    history: list[float] = []
    theta_norm = _params_norm(mlp.params)
    norm_limit = PARAM_GROWTH_LIMIT * max(theta_norm, 1.0)
    epoch = 0
    try:
        # overflow, inf − inf and 0/0 mean divergence; underflow to 0 is harmless
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            L0 = mlp.loss_value(X, Y, loss, check=False)
            best, floor = L0, 0.1 * L0
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
                    L, grads = mlp.loss_and_grads(Xb, Yb, loss, check=False)
                    if not math.isfinite(L):
                        raise TrainingDiverged(_diverged_message(epoch, f"loss {L}", lr))
                    if callback is not None:
                        callback(epoch, L, grads)
                    sgd_step(mlp.params, grads, lr)
                    total += L * Xb.shape[1]
                history.append(total / N)
                limit = explode_factor * max(best, floor)
                if history[-1] > limit:
                    raise TrainingDiverged(_diverged_message(
                        epoch, f"loss {history[-1]:.3g}, over {explode_factor:g} × the best "
                        f"so far ({best:.3g})", lr))
                best = min(best, history[-1])
                before, theta_norm = theta_norm, _params_norm(mlp.params)
                if not theta_norm <= PARAM_JUMP_LIMIT * max(before, 1.0):  # also catches nan
                    raise TrainingDiverged(_diverged_message(
                        epoch, f"the parameters' norm jumped from {before:.3g} to "
                        f"{theta_norm:.3g} in one epoch", lr))
                if theta_norm > norm_limit:
                    raise TrainingDiverged(_diverged_message(
                        epoch, f"the parameters' norm grew to {theta_norm:.3g}, over "
                        f"{PARAM_GROWTH_LIMIT:g} × its initial value", lr))
    except FloatingPointError as exc:
        raise TrainingDiverged(
            _diverged_message(epoch, f"a floating-point error ({exc})", lr)) from None
    return history


def _diverged_message(epoch: int, what: str, lr: float) -> str:
    return (
        f"training diverged at epoch {epoch}: {what}. The learning rate lr={lr:g} is "
        "probably too large; try a smaller one."
    )


def gradient_check(
    mlp: MLP, X: np.ndarray, Y: np.ndarray, loss: str = "bce", h: float = 1e-5
) -> dict[str, float]:
    """Compare backprop's gradients with central differences, parameter by parameter.

    For each parameter ``θ`` (every entry of every array) the numerical gradient is
    ``(L(θ + h) − L(θ − h)) / 2h`` (:func:`bp_helpers.calculus.numerical_gradient`).
    Returns ``{"W1": err, "b1": err, …}`` with
    ``err = ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖)`` (0 when both are 0);
    in float64 a correct backward pass gives errors far below 1e-7.
    ``X``: (n_0, N), ``Y``: (n_L, N). ``mlp.params`` is unchanged afterwards.
    """
    if not isinstance(mlp, MLP):
        raise TypeError(f"mlp must be an MLP, got {type(mlp).__name__}")
    loss = mlp.check_loss(loss)
    X, Y = mlp.check_data(X, Y, loss)
    h = positive_float(h, "h")
    _, grads = mlp.loss_and_grads(X, Y, loss, check=False)

    def loss_with(key: str) -> Callable[[np.ndarray], float]:
        original = mlp.params[key]

        def f(theta: np.ndarray) -> float:
            mlp.params[key] = theta
            try:
                return mlp.loss_value(X, Y, loss, check=False)
            finally:
                mlp.params[key] = original

        return f

    return {
        key: relative_norm_error(grads[key], numerical_gradient(loss_with(key), theta, h))
        for key, theta in mlp.params.items()
    }


def relative_norm_error(a: np.ndarray, b: np.ndarray) -> float:
    """``‖a − b‖ / (‖a‖ + ‖b‖)``, 0 when both are zero; ``a``, ``b``: the same shape."""
    a, b = finite_array(a, "a"), finite_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    denom = float(np.linalg.norm(a) + np.linalg.norm(b))
    return 0.0 if denom == 0.0 else float(np.linalg.norm(a - b)) / denom
