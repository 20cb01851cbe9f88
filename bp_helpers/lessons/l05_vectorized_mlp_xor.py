"""Notebook 05, A vectorized MLP on XOR: the training explorer, note 004's XOR network
over 20 seeds, and the exercises.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers._validate import finite_array
from bp_helpers.messages import t
from bp_helpers.nn import MLP, TrainingDiverged, sigmoid, train
from bp_helpers.nn.cost import parameter_count
from bp_helpers.nn.layers import DenseCache, dense_backward
from bp_helpers.ui.checks import check_array, check_function, check_integer, check_number
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.drawings import decision_boundary, loss_curve
from bp_helpers.ui.explore import Explorer, IntRange, LogRange
from bp_helpers.ui.field_image import FieldImage
from bp_helpers.ui.palette import (
    CLASS_MARKERS,
    COLORS,
    class_cmap,
    class_colors,
    layer_style,
)
from bp_helpers.ui.style import (
    FAST_DPI,
    View,
    colorbar,
    dynamic,
    figure_state,
    fresh_figure,
    ft,
    in_course_style,
    label_axes,
    power_of_ten_label,
)

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

__all__ = [
    "BCE_Y",
    "BCE_Z",
    "CLASS_MARKERS",
    "COLORS",
    "NOTE",
    "PARAM_COUNT_WIDTHS",
    "XOR_TRAINING",
    "StackedRun",
    "check_bce_grad",
    "check_dense_backward",
    "check_one_unit_accuracy",
    "check_param_count",
    "class_colors",
    "draw_seed_spread",
    "draw_training",
    "predict_two_layer",
    "note_params",
    "note_run_text",
    "plot_xor_points",
    "seed_success_text",
    "sentence",
    "train_recording_norms",
    "train_stacked",
    "set_language",
    "use_course_style",
    "verify",
    "xor_run",
    "xor_training",
]

Params = dict[str, np.ndarray]


def train_recording_norms(
    mlp: MLP, X: np.ndarray, Y: np.ndarray, **train_kwargs: object
) -> tuple[list[float], dict[str, list[float]], str | None]:
    """Train ``mlp`` with :func:`bp_helpers.nn.train`, recording ``‖∂L/∂W_l‖`` each step.

    Returns ``(history, norms, error)``: ``norms`` maps "W1", … to one norm per step;
    if training diverged, ``history`` holds the losses so far and ``error`` the message.
    """
    history: list[float] = []
    norms: dict[str, list[float]] = {f"W{k}": [] for k in range(1, mlp.n_layers + 1)}

    def record(epoch: int, L: float, grads: dict[str, np.ndarray]) -> None:
        history.append(L)
        for key, values in norms.items():
            values.append(float(np.linalg.norm(grads[key])))

    try:
        train(mlp, X, Y, callback=record, **train_kwargs)
    except TrainingDiverged as exc:
        return history, norms, str(exc)
    return history, norms, None


# ------------------------------------------------------------------ many networks at once
@dataclass(frozen=True)
class StackedRun:
    """The result of :func:`train_stacked` for ``S`` networks over ``E`` completed epochs.

    ``losses``: (S, E), the loss before each update (as :func:`bp_helpers.nn.train`);
    ``norms``: (S, 2, E), ``‖∂L/∂W1‖`` and ``‖∂L/∂W2‖`` at each update; ``params``: the
    final parameters of each network; ``snapshots``: ``{"W1": (E + 1, S, n1, n0), …}``,
    the parameters after 0, 1, …, E updates (only with ``keep_params=True``, else None);
    ``error``: why training stopped early, or None.
    """

    losses: np.ndarray
    norms: np.ndarray
    params: list[Params]
    snapshots: dict[str, np.ndarray] | None
    error: str | None


_KEYS = ("W1", "b1", "W2", "b2")


def _stack(params: Sequence[Params]) -> dict[str, np.ndarray]:
    if isinstance(params, dict) or not isinstance(params, Sequence) or not params:
        raise TypeError("params must be a non-empty list of parameter dicts (W1, b1, W2, b2)")
    stacked = {}
    for key in _KEYS:
        try:
            stacked[key] = np.stack([np.asarray(p[key], dtype=np.float64) for p in params])
        except (KeyError, TypeError, ValueError):
            raise ValueError(
                f"every params dict needs {key} with the same shape in every network"
            ) from None
    S, n1, n0 = stacked["W1"].shape
    want = {"b1": (S, n1, 1), "W2": (S, 1, n1), "b2": (S, 1, 1)}
    for key, shape in want.items():
        if stacked[key].shape != shape:
            raise ValueError(
                f"{key} must have shape {shape[1:]} for W1 of shape {(n1, n0)}, "
                f"got {stacked[key].shape[1:]}"
            )
    return stacked


def train_stacked(
    params: Sequence[Params],
    X: np.ndarray,
    Y: np.ndarray,
    *,
    activation: str = "tanh",
    lr: float = 0.5,
    epochs: int = 1000,
    keep_params: bool = False,
) -> StackedRun:
    """Full-batch gradient descent on ``S`` networks ``(n0, n1, 1)`` at once, BCE on logits.

    ``params``: S dicts ``W1`` (n1, n0), ``b1`` (n1, 1), ``W2`` (1, n1), ``b2`` (1, 1)
    (copied, not changed); ``X``: (n0, N), ``Y``: (1, N) in [0, 1]. Each network does what
    ``nn.train(MLP((n0, n1, 1), activation), X, Y, loss="bce", lr=lr, epochs=epochs)`` does,
    with the ``S`` networks stacked along a first axis so that one ``@`` serves all of them.
    Training stops, with :attr:`StackedRun.error` set, when a loss is not finite or grows
    beyond 1000·max(first loss, 1) (the rule of ``nn.train``).
    """
    if activation not in ("tanh", "sigmoid"):
        raise ValueError(f"activation must be 'tanh' or 'sigmoid', got {activation!r}")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(f"epochs must be an integer >= 1, got {epochs!r}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive number, got {lr!r}")
    p = _stack(params)
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    S, n1, n0 = p["W1"].shape
    if X.ndim != 2 or X.shape[0] != n0 or Y.shape != (1, X.shape[1]) or X.shape[1] == 0:
        raise ValueError(f"need X of shape ({n0}, N) and Y of shape (1, N); got {X.shape}, "
                         f"{Y.shape}")
    N = X.shape[1]
    W1, b1, W2, b2 = (p[k] for k in _KEYS)
    losses = np.empty((S, epochs))
    norms = np.empty((S, 2, epochs))
    snaps = ({k: np.empty((epochs + 1, *p[k].shape)) for k in _KEYS} if keep_params else None)
    error, done, limit = None, epochs, math.inf
    f = np.tanh if activation == "tanh" else sigmoid
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        for e in range(epochs):
            if snaps is not None:
                for key, value in zip(_KEYS, (W1, b1, W2, b2), strict=True):
                    snaps[key][e] = value
            try:
                A1 = f(W1 @ X + b1)                              # (S, n1, N)
                Z2 = W2 @ A1 + b2                                # (S, 1, N)
                L = (np.maximum(Z2, 0.0) - Z2 * Y
                     + np.log1p(np.exp(-np.abs(Z2)))).sum(axis=(1, 2)) / N
                bad = ~np.isfinite(L) | (L > limit)
            except FloatingPointError as exc:
                error, done = t("l05.diverged_float", epoch=e, error=exc), e
                break
            if bad.any():
                error = t("l05.diverged_loss", epoch=e, loss=float(L[bad][0]), lr=lr)
                done = e
                break
            dZ2 = (sigmoid(Z2) - Y) / N                          # (S, 1, N): δ of the output
            dW2 = dZ2 @ A1.transpose(0, 2, 1)                    # (S, 1, n1)
            db2 = dZ2.sum(axis=2, keepdims=True)                 # (S, 1, 1)
            dA1 = W2.transpose(0, 2, 1) @ dZ2                    # (S, n1, N)
            dZ1 = dA1 * (1.0 - A1 * A1) if activation == "tanh" else dA1 * A1 * (1.0 - A1)
            dW1 = dZ1 @ X.T                                      # (S, n1, n0)
            db1 = dZ1.sum(axis=2, keepdims=True)                 # (S, n1, 1)
            losses[:, e] = L
            norms[:, 0, e] = np.sqrt((dW1 * dW1).sum(axis=(1, 2)))
            norms[:, 1, e] = np.sqrt((dW2 * dW2).sum(axis=(1, 2)))
            W1 = W1 - lr * dW1
            b1 = b1 - lr * db1
            W2 = W2 - lr * dW2
            b2 = b2 - lr * db2
            if e == 0:
                limit = 1e3 * max(float(L.max()), 1.0)
    if snaps is not None:
        for key, value in zip(_KEYS, (W1, b1, W2, b2), strict=True):
            snaps[key][done] = value
        snaps = {k: v[: done + 1] for k, v in snaps.items()}
    final = [{"W1": W1[s], "b1": b1[s], "W2": W2[s], "b2": b2[s]} for s in range(S)]
    return StackedRun(losses[:, :done], norms[:, :, :done], final, snaps, error)


def predict_two_layer(params: Params, X: np.ndarray, activation: str = "tanh") -> np.ndarray:
    """``P(y = 1) = σ(W2 f(W1 X + b1) + b2)`` for ``X``: (n0, N); returns (1, N)."""
    f = np.tanh if activation == "tanh" else sigmoid
    return sigmoid(params["W2"] @ f(params["W1"] @ X + params["b1"]) + params["b2"])


# ------------------------------------------------------------------ the training explorer
EPOCHS_MAX = 600
"""The epochs slider's maximum: each (lr, width, seed) is trained this long once."""

LOSS_LIMITS = (1e-5, 1e2)
"""Fixed y-limits of the loss panel (log axis). Over the whole slider range the loss spans
4e-9 to 37 (lr = 10 drives a few runs far down or up); values outside are drawn at the
edge and named in the text."""

NORM_LIMITS = (1e-7, 1e1)
"""Fixed y-limits of the gradient-norm panel (log axis); over the slider range the norms span
3e-15 to 7; values outside are drawn at the edge and named in the text."""

GRID = 61
"""Grid points per side of the P(y = 1) image."""

BOX = (-0.5, 1.5)
"""The decision-boundary panel's range in x₁ and x₂: the XOR points plus 0.5 on each side."""


@functools.lru_cache(maxsize=128)
def xor_run(lr: float, hidden: int, seed: int) -> StackedRun:
    """``MLP((2, hidden, 1), "tanh", seed=seed)`` trained on XOR for :data:`EPOCHS_MAX` epochs
    (full batch, BCE, learning rate ``lr``), with the parameters after every epoch.

    Cached per ``(lr, hidden, seed)``: the explorer shows the first ``epochs`` of this run.
    """
    from bp_helpers.data import xor

    X, Y = xor()
    start = MLP((2, hidden, 1), activation="tanh", seed=seed).params
    return train_stacked([start], X, Y, activation="tanh", lr=lr, epochs=EPOCHS_MAX,
                         keep_params=True)


def _grid() -> np.ndarray:
    g = np.linspace(BOX[0], BOX[1], GRID)
    G0, G1 = np.meshgrid(g, g)
    return np.stack([G0.ravel(), G1.ravel()])


def _build_xor_figure(fig: Figure) -> dict[str, Any]:
    """The three panels, drawn once, and the artists an update moves: the loss, the image
    of P(y = 1) with its 0.5 contour, and the gradient norms. The image covers the
    points and the panel's frame, so they are drawn with it."""
    from matplotlib.collections import LineCollection
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

    from bp_helpers.data import xor

    X, Y = xor()
    ax_loss, ax_b, ax_g = fig.subplots(1, 3)
    (loss_line,) = ax_loss.plot([], [], color=COLORS["train"], lw=2.0)
    (loss_end,) = ax_loss.plot([], [], "o", color=COLORS["train"], ms=6)
    ax_loss.set_yscale("log")
    ax_loss.set_ylim(*LOSS_LIMITS)
    ax_loss.set_xlim(0, EPOCHS_MAX)
    label_axes(ax_loss, ft("l05.fig_loss_title"), ft("l05.fig_epoch"), ft("l05.fig_loss_axis"))

    image = FieldImage(ax_b, np.full((GRID, GRID), 0.5), (*BOX, *BOX), cmap=class_cmap())
    ax_b.set_aspect("equal")
    colorbar(ax_b, image.mappable, "P(y = 1)", fraction=0.046, pad=0.03)
    points = []
    for label, color in enumerate(class_colors()):
        mask = Y[0] == label
        points.append(ax_b.scatter(X[0, mask], X[1, mask], c=color,
                                   marker=CLASS_MARKERS[label], s=120,
                                   edgecolors=COLORS["ink"], linewidths=1.8, zorder=3,
                                   label=f"y = {label}"))
    ax_b.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=3,
                frameon=False)
    ax_b.set_xlim(*BOX)
    ax_b.set_ylim(*BOX)
    ax_b.grid(False)
    label_axes(ax_b, ft("l05.fig_boundary_title"), "x₁", "x₂")

    norm_lines = []
    for k in (1, 2):
        style = layer_style(k)
        (line,) = ax_g.plot([], [], lw=1.6, markevery=(25 * (k - 1), 50), ms=5,
                            label=f"‖∂L/∂W{k}‖", **style)
        norm_lines.append(line)
    ax_g.set_yscale("log")
    ax_g.set_ylim(*NORM_LIMITS)
    ax_g.set_xlim(0, EPOCHS_MAX)
    ax_g.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False)
    label_axes(ax_g, ft("l05.fig_norms_title"), ft("l05.fig_epoch"), ft("l05.fig_norm_axis"))
    for ax in (ax_loss, ax_g):
        ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
        # Decades only, in plain text (10⁻³): mathtext and minor ticks would be
        # typeset again on every frame.
        ax.yaxis.set_major_locator(LogLocator(numticks=8))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(power_of_ten_label))
    for ax in (ax_b,):
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(5))
    contour = ax_b.add_collection(LineCollection([], colors=COLORS["ink"], linewidths=1.5),
                                  autolim=False)
    for artist in [*points, *ax_b.spines.values()]:
        dynamic(artist)
    return {"loss": dynamic(loss_line), "loss_end": dynamic(loss_end), "image": dynamic(image),
            "contour": dynamic(contour), "norms": [dynamic(line) for line in norm_lines],
            "grid": _grid()}


def _level_lines(P: np.ndarray, level: float) -> list[np.ndarray]:
    """The lines where ``P`` (GRID, GRID), sampled over :data:`BOX`, equals ``level``:
    a list of (n, 2) arrays of points, none when ``P`` does not cross it (computed by
    contourpy, which ``ax.contour`` uses, without making a contour artist: the shown
    figure gains no new artist and stays cached)."""
    if not P.min() < level < P.max():
        return []
    import contourpy

    g = np.linspace(BOX[0], BOX[1], GRID)
    return list(contourpy.contour_generator(g, g, P).lines(level))


def xor_training(
    lr: float = 0.5, hidden: int = 4, seed: int = 0, epochs: int = 300, *,
    fig: Figure | None = None,
) -> View:
    """Train a 2-``hidden``-1 tanh network on XOR (full batch, BCE) and draw the loss curve,
    the decision boundary and each layer's gradient norm after ``epochs`` epochs.

    The run for ``(lr, hidden, seed)`` is computed once (:func:`xor_run`); moving the
    epochs slider shows more or less of it. The axes keep their limits across calls.
    """
    run = xor_run(float(lr), int(hidden), int(seed))
    shown = min(int(epochs), run.losses.shape[1])
    losses = run.losses[0, :shown]
    norms = run.norms[0, :, :shown]
    params = {key: run.snapshots[key][shown, 0] for key in _KEYS}

    # The widest figure of the course, with a full-panel image: rendered at FAST_DPI.
    fig, artists = figure_state(fig, _build_xor_figure, figsize=(13.0, 4.4), dpi=FAST_DPI)
    steps = np.arange(shown)
    low, high = LOSS_LIMITS
    artists["loss"].set_data(steps, np.clip(losses, low, high))
    artists["loss_end"].set_data(steps[-1:], np.clip(losses[-1:], low, high))
    P_grid = predict_two_layer(params, artists["grid"]).reshape(GRID, GRID)
    artists["image"].set_data(P_grid)
    artists["contour"].set_segments(_level_lines(P_grid, 0.5))
    nlow, nhigh = NORM_LIMITS
    for k, line in enumerate(artists["norms"]):
        line.set_data(steps, np.clip(norms[k], nlow, nhigh))

    from bp_helpers.data import xor

    X, Y = xor()
    P = predict_two_layer(params, X)[0]
    accuracy = float(np.mean((P > 0.5) == (Y[0] > 0.5)))
    outside = []
    if losses.min() < low or losses.max() > high:
        outside.append(t("l05.loss_outside"))
    if norms.min() < nlow or norms.max() > nhigh:
        outside.append(t("l05.norm_outside"))
    lines = [
        t("l05.xor_settings", lr=lr, hidden=hidden, seed=seed, epochs=epochs),
        t("l05.xor_loss", first=losses[0], last=losses[-1], accuracy=accuracy),
        t("l05.xor_predictions", P=", ".join(f"{p:.3f}" for p in P)),
        t("l05.xor_panels", epochs_max=EPOCHS_MAX, shown=shown, norm1=norms[0, -1],
          norm2=norms[1, -1]),
    ]
    if outside:
        lines.append(t("l05.xor_note", items=t("l05.list_separator").join(outside)))
    if run.error is not None and shown == run.losses.shape[1]:
        lines.append(t("l05.xor_stopped", error=run.error))
    return View(fig, "\n".join(lines))


XOR_TRAINING = Explorer(
    xor_training,
    {
        "lr": LogRange(-2, 1, 0.1),
        "hidden": IntRange(1, 16),
        "seed": IntRange(0, 19),
        "epochs": IntRange(20, EPOCHS_MAX, 20),
    },
)


#: The two diagonals of the unit square: XOR puts the 1s on one and the 0s on the other.
_DIAGONALS = {frozenset({(0.0, 0.0), (1.0, 1.0)}), frozenset({(0.0, 1.0), (1.0, 0.0)})}


def _points_in_words(points: Sequence[tuple[float, float]]) -> str:
    """``(0, 0) and (1, 1)``: the points, listed in the notebook's language."""
    names = [f"({x1:g}, {x2:g})" for x1, x2 in points]
    if len(names) == 1:
        return names[0]
    return t("l05.points_join").join(names[:-1]) + t("l05.points_last") + names[-1]


def plot_xor_points(X: np.ndarray, Y: np.ndarray) -> View:
    """The XOR data set in the plane: each sample a point at ``(x₁, x₂)``, a circle for
    ``y = 0`` and a square for ``y = 1`` (colours and markers of :func:`class_colors` and
    :data:`CLASS_MARKERS`).

    ``X``: (2, N) inputs, ``Y``: (1, N) labels 0 or 1, one sample per column; both labels occur.
    """
    X = finite_array(X, "X", ndim=2)
    Y = finite_array(Y, "Y", ndim=2)
    if X.shape[0] != 2 or Y.shape != (1, X.shape[1]):
        raise ValueError(f"expected X of shape (2, N) and Y of shape (1, N), got {X.shape} and "
                         f"{Y.shape}")
    if not np.all((Y == 0) | (Y == 1)) or np.unique(Y).size != 2:
        raise ValueError("Y must hold the labels 0 and 1 (both of them, nothing else)")
    lo, hi = min(float(X.min()), 0.0) - 0.5, max(float(X.max()), 1.0) + 0.5
    with in_course_style():
        fig, axes = fresh_figure(None, 1, 1, figsize=(3.6, 3.4))
        ax = axes[0, 0]
        for label, color in enumerate(class_colors()):
            mask = Y[0] == label
            ax.scatter(X[0, mask], X[1, mask], c=color, marker=CLASS_MARKERS[label], s=110,
                       edgecolors=COLORS["ink"], linewidths=1.5, label=f"y = {label}")
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
        ax.set_aspect("equal")
        ax.legend(loc="center", frameon=True)  # the middle of the square holds no point
        label_axes(ax, ft("l05.fig_xor_title"), "x₁", "x₂")
    zeros, ones = ([(float(a), float(b)) for a, b in X.T[Y[0] == label]] for label in (0, 1))
    on_diagonals = {frozenset(zeros), frozenset(ones)} == _DIAGONALS
    text = t("l05.xor_points", count=X.shape[1], zeros=_points_in_words(zeros),
             ones=_points_in_words(ones),
             diagonals=t("l05.xor_diagonals") if on_diagonals else "")
    return View(fig, text)


def draw_training(history: Sequence[float], mlp: MLP, X: np.ndarray, Y: np.ndarray, *,
                  lr: float) -> View:
    """The loss of every epoch (log axis) and the decision boundary of the trained ``mlp``.

    ``history``: one loss per epoch; ``mlp``: a trained network (2, …, 1) with BCE;
    ``X``: (2, N), ``Y``: (1, N) labels 0/1.
    """
    losses = np.asarray(history, dtype=np.float64)
    if losses.ndim != 1 or losses.size < 2 or not np.all(losses > 0):
        raise ValueError("history must hold at least 2 positive losses")
    fig, axes = fresh_figure(None, 1, 2, figsize=(10.0, 4.2))
    ax_loss, ax_b = axes[0]
    loss_curve(ax_loss, losses, title=ft("l05.fig_training_loss", lr=lr))
    decision_boundary(ax_b, mlp, X, Y, title=ft("l05.fig_boundary_after"),
                      show_colorbar=True)
    P = mlp.predict(X)[0]
    text = t("l05.training_text", epochs=losses.size, first=losses[0], last=losses[-1],
             P=", ".join(f"{p:.3f}" for p in P))
    return View(fig, text)


# ------------------------------------------------------------------ note 004's XOR network
@dataclass(frozen=True)
class NoteXor:
    """What source note 004 writes for its XOR network, and what it reports.

    The network: widths (2, 4, 1), sigmoid hidden layer and sigmoid output, He
    initialisation ``W = randn(n_out, n_in)·√(2/n_in)``, zero biases, mean binary
    cross-entropy on the full batch of 4 samples, gradient descent with learning rate 0.5
    for 10,000 epochs, ``np.random.seed(42)``. It prints the loss every 100 epochs; the last
    line is epoch 9,900 (the loss before that epoch's update).
    """

    widths: tuple[int, int, int] = (2, 4, 1)
    activation: str = "sigmoid"
    lr: float = 0.5
    epochs: int = 10_000
    printed_epoch: int = 9_900
    seed: int = 42
    reported_loss: float = 0.0023
    reported_first_loss: float = 0.7135
    reported_predictions: tuple[float, float, float, float] = (0.0156, 0.9841, 0.9839, 0.0162)
    log_epsilon: float = 1e-8


NOTE = NoteXor()


def note_params(seed: int, *, legacy: bool = False) -> Params:
    """He-initialised parameters of note 004's network (2, 4, 1), zero biases.

    ``legacy=False``: the course's draw, ``MLP((2, 4, 1), "sigmoid", init="he",
    seed=seed).params`` (NumPy's ``default_rng``). ``legacy=True``: exactly the note's draw,
    ``np.random.seed(seed)`` then ``randn(4, 2)·√(2/2)`` and ``randn(1, 4)·√(2/4)``, from a
    private ``RandomState`` (NumPy's global generator is not touched).
    Returns ``{"W1": (4, 2), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}``.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be an integer >= 0, got {seed!r}")
    n0, n1, n2 = NOTE.widths
    if not legacy:
        return MLP(NOTE.widths, activation=NOTE.activation, init="he", seed=int(seed)).params
    rs = np.random.RandomState(int(seed))
    W1 = rs.randn(n1, n0) * np.sqrt(2 / n0)
    W2 = rs.randn(n2, n1) * np.sqrt(2 / n1)
    return {"W1": W1, "b1": np.zeros((n1, 1)), "W2": W2, "b2": np.zeros((n2, 1))}


def draw_seed_spread(
    losses: Sequence[float], *, reported: float, note_seed_loss: float | None = None,
    fig: Figure | None = None,
) -> View:
    """A box plot and the individual values (a strip) of final losses, one per seed, with
    a dashed line at the ``reported`` value and, optionally, a star at ``note_seed_loss``.

    ``losses``: one loss per seed (at least 2). Returns a :class:`View` whose text gives
    the median, the range and where ``reported`` falls among the values.
    """
    values = np.asarray(losses, dtype=np.float64)
    if values.ndim != 1 or values.size < 2 or not np.all(np.isfinite(values)):
        raise ValueError("losses must be a 1-D list of at least 2 finite numbers")
    from matplotlib.lines import Line2D

    fig, axes = fresh_figure(fig, 1, 1, figsize=(7.5, 3.0))
    ax = axes[0, 0]
    ax.boxplot(values, orientation="horizontal", positions=[0], widths=0.5,
               showfliers=False, medianprops={"color": COLORS["ink"], "lw": 2},
               boxprops={"color": COLORS["neutral"]}, whiskerprops={"color": COLORS["neutral"]},
               capprops={"color": COLORS["neutral"]})
    jitter = np.random.default_rng(0).uniform(-0.17, 0.17, values.size)
    ax.scatter(values, jitter, s=36, color=COLORS["function"], edgecolors=COLORS["ink"],
               linewidths=0.6, zorder=3)
    ax.axvline(reported, color=COLORS["highlight"], ls="--", lw=2)
    handles = [
        Line2D([], [], ls="none", marker="o", color=COLORS["function"],
               markeredgecolor=COLORS["ink"], label=ft("l05.fig_one_seed", n=values.size)),
        Line2D([], [], color=COLORS["highlight"], ls="--", lw=2,
               label=ft("l05.fig_note_value", reported=reported)),
    ]
    if note_seed_loss is not None:
        ax.scatter([note_seed_loss], [0.42], s=160, marker="*", color=COLORS["tangent"],
                   edgecolors=COLORS["ink"], linewidths=0.6, zorder=4)
        handles.append(Line2D([], [], ls="none", marker="*", ms=12, color=COLORS["tangent"],
                              markeredgecolor=COLORS["ink"],
                              label=ft("l05.fig_note_own_seed", seed=NOTE.seed)))
    ax.set_yticks([])
    ax.set_ylim(-0.6, 0.6)
    ax.grid(True, axis="x")
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.3), ncols=3,
              frameon=False)
    label_axes(ax, ft("l05.fig_spread_title", epoch=NOTE.printed_epoch),
               ft("l05.fig_bce"), ft("l05.fig_seeds"))
    below = int(np.sum(values < reported))
    star = ("" if note_seed_loss is None
            else t("l05.spread_star", loss=note_seed_loss))
    text = t("l05.spread_text", n=values.size, median=np.median(values), low=values.min(),
             high=values.max(), below=below, above=values.size - below, reported=reported,
             star=star)
    return View(fig, text)


# ------------------------------------------------------- what the notebook's cells print
_SENTENCES: dict[str, Callable[..., str]] = {
    "checked_all": lambda **f: t("l05.checked_all", **f),
    "not_defined": lambda **f: t("l05.not_defined", **f),
    "product_shape": lambda **f: t("l05.product_shape", **f),
    "product_fits": lambda **f: t("l05.product_fits", **f),
    "only_product": lambda **f: t("l05.only_product", **f),
    "bp_matches": lambda **f: t("l05.bp_matches", **f),
    "deltas_checked": lambda **f: t("l05.deltas_checked", **f),
    "per_sample_same": lambda **f: t("l05.per_sample_same", **f),
    "sympy_entries": lambda **f: t("l05.sympy_entries", **f),
    "width_success": lambda **f: t("l05.width_success", **f),
    "note_setup": lambda **f: t("l05.note_setup", **f),
    "note_losses": lambda **f: t("l05.note_losses", **f),
    "note_own": lambda **f: t("l05.note_own", **f),
    "note_after": lambda **f: t("l05.note_after", **f),
    "note_epsilon": lambda **f: t("l05.note_epsilon", **f),
    "note_implied": lambda **f: t("l05.note_implied", **f),
    "trained_together": lambda **f: t("l05.trained_together", **f),
    "lr_small": lambda **f: t("l05.lr_small", **f),
    "lr_large": lambda **f: t("l05.lr_large", **f),
    "saturated": lambda **f: t("l05.saturated", **f),
    "width_one": lambda **f: t("l05.width_one", **f),
    "width_two_stuck": lambda **f: t("l05.width_two_stuck", **f),
    "default_norms": lambda **f: t("l05.default_norms", **f),
    "claims_hold": lambda **f: t("l05.claims_hold", **f),
}
"""The sentences notebook 05 prints, by name: each looks up one message (key ``l05.<name>``)."""


def sentence(name: str, /, **fields: object) -> str:
    """The sentence ``name`` that a cell of notebook 05 prints, in the notebook's language,
    its fields filled in: ``print(sentence("width_one", accuracy=0.75))``."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    if name not in _SENTENCES:
        raise ValueError(f"no sentence {name!r}; the sentences are {sorted(_SENTENCES)}")
    return _SENTENCES[name](**fields)


def seed_success_text(
    successes: Mapping[int, int], *, lr: float, epochs: int, seeds: int = 20
) -> str:
    """Section 8's paragraph (Markdown): how many of ``seeds`` runs get stuck at each width.

    ``successes``: hidden width (2, 3 and 4) → how many seeds reach 100 % accuracy.
    """
    if not isinstance(successes, Mapping) or not {2, 3, 4} <= set(successes):
        raise ValueError("successes must map the hidden widths 2, 3 and 4 to counts of seeds")
    stuck_2, stuck_3 = seeds - successes[2], seeds - successes[3]
    if successes[4] == seeds:
        first = t("l05.seeds_all_solve", hidden=4, lr=lr, epochs=epochs, seeds=seeds)
    else:
        first = t("l05.seeds_some_solve", hidden=4, lr=lr, epochs=epochs, seeds=seeds,
                  count=successes[4])
    three = (t("l05.seeds_three_one", stuck=stuck_3) if stuck_3 == 1
             else t("l05.seeds_three_many", stuck=stuck_3))
    parts = [first, t("l05.seeds_two_stuck", stuck=stuck_2, seeds=seeds), three,
             t("l05.seeds_width")]
    return t("l05.sentence_gap").join(parts)


def note_run_text(
    final: Sequence[float], *, own_final: float, own_first: float, implied: float
) -> str:
    """Section 9's paragraph (Markdown): where note 004's reported loss falls among ``final``.

    ``final``: the loss at epoch :attr:`NoteXor.printed_epoch` of each seed's run;
    ``own_final``, ``own_first``: the loss at that epoch and the first loss of the note's
    own code and seed; ``implied``: the loss of the note's printed predictions.
    """
    values = np.asarray(final, dtype=np.float64)
    if values.ndim != 1 or values.size < 2 or not np.all(np.isfinite(values)):
        raise ValueError("final must be a 1-D list of at least 2 finite losses")
    reported = NOTE.reported_loss
    below = int(np.sum(values < reported))
    inside = values.min() <= reported <= values.max()
    share = below / values.size
    if inside and 0.25 <= share <= 0.75:
        verdict = t("l05.verdict_typical")
    elif inside and share > 0.5:
        verdict = t("l05.verdict_above", count=below, n=values.size)
    elif inside:
        verdict = t("l05.verdict_below", count=values.size - below, n=values.size)
    else:
        verdict = t("l05.verdict_outside", n=values.size)
    return t("l05.note_run", n=values.size, epoch=NOTE.printed_epoch, low=values.min(),
             high=values.max(), median=np.median(values), reported=reported, verdict=verdict,
             own_final=own_final, own_first=own_first,
             reported_first=NOTE.reported_first_loss, implied=implied)


# ------------------------------------------------------------------------------ exercises
# Exercise 1: the number of parameters of an MLP with widths (2, 8, 8, 1).
PARAM_COUNT_WIDTHS = (2, 8, 8, 1)


# Exercise 2: ∂L/∂Z for BCE-with-logits on this batch (one sample per column).
BCE_Z = np.array([[2.0, -1.0, 0.0, 3.0]])


BCE_Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def check_param_count(answer: Any) -> bool:
    """Exercise 1: how many numbers (weights and biases) does ``MLP((2, 8, 8, 1))`` learn?

    A count: only the exact whole number is accepted.
    """
    w = PARAM_COUNT_WIDTHS
    P = parameter_count(w)
    weights_only = P - sum(w[1:])
    return check_integer(
        answer, P, name=t("l05.param_count_name"),
        hint=t("l05.param_count_hint"),
        traps={weights_only: t("l05.param_count_weights_only"),
               P + w[0]: t("l05.param_count_input_biases")},
    )


def check_bce_grad(answer: Any) -> bool:
    """Exercise 2: ``dZ = ∂L/∂Z`` for ``bce_with_logits(BCE_Z, BCE_Y)``, shape (1, 4).

    The reference is the core's gradient; the course's number policy applies (4 significant
    digits), and any array-like of shape (1, 4) is read (list, NumPy array, sympy Matrix).
    """
    from bp_helpers.nn import bce_with_logits

    _, expected = bce_with_logits(BCE_Z, BCE_Y)
    return check_array(
        answer, expected, name=t("l05.bce_grad_name"),
        hint=t("l05.bce_grad_hint"),
        traps=[(expected * BCE_Z.shape[1], t("l05.bce_grad_per_sample"))],
    )


def _dense_backward_reference(
    dZ: np.ndarray, A_prev: np.ndarray, W: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    dA_prev, dW, db = dense_backward(dZ, DenseCache(A_prev, W))
    return dA_prev, dW, db


def check_dense_backward(answer: Any) -> bool:
    """Exercise 3: ``f(dZ, A_prev, W) -> (dA_prev, dW, db)`` for ``Z = W @ A_prev + b``.

    ``dZ``: (n_out, N), ``A_prev``: (n_in, N), ``W``: (n_out, n_in). The references come
    from the core's ``nn.layers.dense_backward``, computed before the learner's function
    runs (on its own copies).
    """
    rng = np.random.default_rng(7)
    cases = []
    for n_in, n_out, N in ((3, 2, 5), (1, 4, 1), (4, 4, 3)):
        dZ, A_prev = rng.standard_normal((n_out, N)), rng.standard_normal((n_in, N))
        W = rng.standard_normal((n_out, n_in))
        cases.append((t("l05.dense_case", n_in=n_in, n_out=n_out, N=N), (dZ, A_prev, W)))
    return check_function(
        answer, _dense_backward_reference, cases=cases, name=t("l05.dense_name"),
        hint=t("l05.dense_hint"),
    )


def check_one_unit_accuracy(answer: Any) -> bool:
    """Exercise 4: the best accuracy on XOR of a network with ONE hidden unit (2, 1, 1)."""
    return check_number(
        answer, 0.75, name=t("l05.one_unit_name"),
        hint=t("l05.one_unit_hint"),
        traps={1.0: t("l05.one_unit_all"),
               0.5: t("l05.one_unit_half"),
               75.0: t("l05.one_unit_percent")},
    )
