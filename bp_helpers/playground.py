"""The playground's training state: one object that Step, Run and Reset act on.

A :class:`Playground` holds a dataset, an :class:`~bp_helpers.nn.MLP` and the history of
its training. Each :meth:`Playground.step` is one stochastic-gradient update on one
mini-batch, and records what a learner wants to watch: the training loss on the whole
dataset, the gradient of the last backward pass, and each layer's gradient norm.
``Run`` is repeated steps; :meth:`Playground.reset` starts again from new settings.
Nothing here draws or knows about widgets, so it is tested without a browser::

    state = Playground(dataset="moons", width=8)
    state.step(100)            # 100 updates
    state.configure(learning_rate=0.1)   # keeps training with a smaller step
    state.reset(seed=1)        # a new start

A learning rate so large that training blows up does not fill the history with NaNs:
the last finite parameters are kept and :attr:`Playground.diverged` says what happened.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

import numpy as np

from bp_helpers import data
from bp_helpers.deep import layer_gradient_norms
from bp_helpers.messages import t
from bp_helpers.nn import ACTIVATIONS, MLP, sgd_step

DATASETS = ("xor", "moons", "circles", "spirals")
"""The datasets a playground can train on."""

LIMITS: dict[str, tuple[float, float]] = {
    "noise": (0.0, 0.5),
    "hidden_layers": (0, 4),
    "width": (1, 16),
    "learning_rate": (1e-3, 10.0),
    "batch_size": (1, 1000),
    "seed": (0, 2**31 - 1),
    "n_samples": (4, 1000),
}
"""The allowed range of each numeric setting (inclusive)."""

RESET_FIELDS = frozenset(
    {"dataset", "noise", "n_samples", "hidden_layers", "width", "activation", "seed"}
)
"""Settings that need new data or a new network; the others apply to the next step."""

MAX_STEPS = 1_000_000
"""The most updates one :meth:`Playground.step` call makes."""

EXPLODE_FACTOR = 100.0
"""Training counts as diverged when the loss exceeds this many times its starting value."""


@dataclass(frozen=True)
class Settings:
    """Everything that defines a playground run; the defaults are the notebook's defaults.

    The network maps 2 inputs through ``hidden_layers`` layers of ``width`` units to one
    logit; the loss is binary cross-entropy. ``dataset`` is one of :data:`DATASETS`
    ("xor" is :func:`noisy_xor`, a cloud), with ``n_samples`` points and Gaussian
    ``noise``. ``seed`` fixes the data, the initial weights and the order of the
    mini-batches. ReLU-family activations start from He initialisation, the others
    from Xavier.
    """

    dataset: str = "xor"
    noise: float = 0.1
    hidden_layers: int = 2
    width: int = 8
    activation: str = "tanh"
    learning_rate: float = 0.3
    batch_size: int = 20
    seed: int = 0
    n_samples: int = 200

    def __post_init__(self) -> None:
        if self.dataset not in DATASETS:
            raise ValueError(f"dataset must be one of {DATASETS}, got {self.dataset!r}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {self.activation!r}")
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            integer = isinstance(low, int)
            kinds = (int, np.integer) if integer else (int, float, np.integer, np.floating)
            if isinstance(value, bool) or not isinstance(value, kinds):
                kind = "an integer" if integer else "a real number"
                raise TypeError(f"{name} must be {kind}, got {type(value).__name__}")
            if not (math.isfinite(value) and low <= value <= high):
                raise ValueError(f"{name} must be in [{low}, {high}], got {value}")

    @property
    def widths(self) -> tuple[int, ...]:
        """Layer widths from input to output: ``(2, width, …, width, 1)``."""
        return (2, *([self.width] * self.hidden_layers), 1)


def make_dataset(settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """The dataset a setting asks for: ``X (2, n_samples)``, ``Y (1, n_samples)`` of 0/1."""
    if settings.dataset == "xor":
        return noisy_xor(settings.n_samples, settings.noise, settings.seed)
    make = data.DATASETS[settings.dataset]
    return make(n=settings.n_samples, noise=settings.noise, seed=settings.seed)


def noisy_xor(n: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """XOR as a cloud: ``n`` points near the four corners of the XOR table.

    Each point is a corner ``(x1, x2) ∈ {0, 1}²`` plus Gaussian noise of standard
    deviation ``noise``, labelled ``x1 XOR x2`` of its corner. Returns ``X (2, n)``,
    ``Y (1, n)``; ``n`` is split as evenly as possible over the corners.
    """
    X4, Y4 = data.xor()
    corners = np.arange(n) % X4.shape[1]
    rng = np.random.default_rng(seed)
    X = X4[:, corners] + noise * rng.standard_normal((2, n))
    return X, Y4[:, corners].copy()


class Playground:
    """The training state a playground widget drives: data, network and history.

    Attributes (``L`` = number of weight layers, ``N`` = number of samples):
        settings: the current :class:`Settings`.
        X, Y: the data, ``(2, N)`` and ``(1, N)``.
        mlp: the network being trained.
        steps: how many updates have been made since the last reset.
        losses: the loss on the whole dataset before the first update and after each
            one (``steps + 1`` floats).
        grads: the gradient of the last backward pass (``"W1"``… as in ``mlp.params``),
            or ``None`` before the first step.
        grad_norms: one row per step, ``‖∂L/∂W_l‖`` for ``l = 1…L``: shape ``(steps, L)``.
        diverged: ``None`` while training is healthy, else a message saying why it stopped.
    """

    def __init__(self, settings: Settings | None = None, **changes: Any) -> None:
        self.settings = Settings()
        self.reset(settings, **changes)

    # ----------------------------------------------------------------- controls
    def reset(self, settings: Settings | None = None, **changes: Any) -> Playground:
        """Start again: new data and a new network from ``settings`` and ``changes``."""
        base = self.settings if settings is None else settings
        if not isinstance(base, Settings):
            raise TypeError(f"settings must be a Settings, got {type(base).__name__}")
        self.settings = _with_changes(base, changes)
        s = self.settings
        self.X, self.Y = make_dataset(s)
        self.mlp = MLP(s.widths, activation=s.activation, output_activation="identity",
                       init="he" if s.activation in ("relu", "leaky_relu") else "xavier",
                       seed=s.seed)
        self._rng = np.random.default_rng(s.seed)
        self._order = np.empty(0, dtype=np.intp)
        self.steps = 0
        self.grads: dict[str, np.ndarray] | None = None
        self._norms: list[np.ndarray] = []
        self.losses = [self.full_loss()]
        self.diverged: str | None = None
        return self

    def configure(self, **changes: Any) -> Playground:
        """Change settings: a reset if data or network change, else keep training.

        ``learning_rate`` and ``batch_size`` apply from the next step on, so a learner
        can, say, lower the learning rate of a run that has started to oscillate.
        """
        new = _with_changes(self.settings, changes)
        if any(getattr(new, f) != getattr(self.settings, f) for f in RESET_FIELDS):
            return self.reset(new)
        self.settings = new
        return self

    def step(self, n: int = 1) -> Playground:
        """Make ``n`` updates (fewer if training diverges); returns the playground."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 0 <= n <= MAX_STEPS:
            raise ValueError(f"n must be an integer in [0, {MAX_STEPS:,}], got {n!r:.60}")
        for _ in range(int(n)):
            if self.diverged is not None:
                break
            self._update()
        return self

    # ----------------------------------------------------------------- views
    @property
    def grad_norms(self) -> np.ndarray:
        """``‖∂L/∂W_l‖`` (Frobenius) per step and layer: shape ``(steps, L)``."""
        n_layers = len(self.settings.widths) - 1
        if not self._norms:
            return np.empty((0, n_layers))
        return np.array(self._norms)

    @property
    def epoch(self) -> float:
        """How many passes over the data the updates so far add up to."""
        return self.steps * min(self.settings.batch_size, self.X.shape[1]) / self.X.shape[1]

    def predict(self, X: np.ndarray) -> np.ndarray:
        """P(class 1) for each column of ``X (2, M)``: shape ``(1, M)``."""
        return self.mlp.predict(X)

    def accuracy(self) -> float:
        """The fraction of training points on the right side of the 0.5 boundary."""
        return float(np.mean((self.predict(self.X) > 0.5) == (self.Y > 0.5)))

    def full_loss(self) -> float:
        """The binary cross-entropy of the current network on the whole dataset."""
        return self.mlp.loss_value(self.X, self.Y, "bce", check=False)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in asdict(self.settings).items())
        return f"Playground({args}) at step {self.steps}"

    # ----------------------------------------------------------------- internals
    def _next_batch(self) -> np.ndarray:
        """Column indices of the next mini-batch: a fresh shuffle each epoch."""
        N = self.X.shape[1]
        size = min(self.settings.batch_size, N)
        if size == N:
            return np.arange(N)
        if self._order.size < size:
            self._order = np.concatenate([self._order, self._rng.permutation(N)])
        batch, self._order = self._order[:size], self._order[size:]
        return batch

    def _update(self) -> None:
        batch = self._next_batch()
        before = {k: v.copy() for k, v in self.mlp.params.items()}
        # Overflow is possible only once training blows up; it is detected below and
        # reported, so numpy's warnings would say nothing more.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            _, grads = self.mlp.loss_and_grads(self.X[:, batch], self.Y[:, batch], "bce",
                                               check=False)  # our own data, checked once
            sgd_step(self.mlp.params, grads, self.settings.learning_rate)
            loss = self.full_loss()
            norms = layer_gradient_norms(grads)
        finite = math.isfinite(loss) and bool(np.all(np.isfinite(norms))) and all(
            np.all(np.isfinite(theta)) for theta in self.mlp.params.values())
        limit = EXPLODE_FACTOR * max(self.losses[0], 1.0)
        if not finite or loss > limit:
            self.mlp.params.update(before)
            what = (t("core.non_finite") if not finite
                    else t("core.loss_over", loss=loss, limit=limit))
            self.diverged = t("core.playground_diverged", step=self.steps + 1, what=what,
                              lr=self.settings.learning_rate)
            return
        self.steps += 1
        self.grads = grads
        self._norms.append(norms)
        self.losses.append(loss)


def _with_changes(settings: Settings, changes: dict[str, Any]) -> Settings:
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(changes) - names)
    if unknown:
        raise ValueError(f"unknown setting(s) {unknown}; valid names are {sorted(names)}")
    return replace(settings, **changes)
