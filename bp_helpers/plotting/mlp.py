"""Figures for the vectorized MLP (notebook 05): decision boundary, loss curve, gradient norms.

The explore function :func:`xor_training` trains a small tanh network on XOR and draws the
three side by side; :data:`XOR_TRAINING` wires its sliders.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bp_helpers.explore import Explorer, IntRange, LogRange
from bp_helpers.nn import MLP, TrainingDiverged, train
from bp_helpers.plotting import COLORS, View, fresh_figure, label_axes

LAYER_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")


def decision_boundary(
    ax: Axes,
    mlp: MLP,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    title: str = "Decision boundary",
    padding: float = 0.5,
    resolution: int = 61,
) -> None:
    """Shade ``mlp.predict`` over the plane, draw the 0.5 contour and the labelled points.

    ``X``: (2, N) points, ``Y``: (1, N) labels 0/1; the network must have 2 inputs and
    1 output.
    """
    if mlp.widths[0] != 2 or mlp.widths[-1] != 1:
        raise ValueError(f"need a network with 2 inputs and 1 output, got widths {mlp.widths}")
    lo, hi = X.min(axis=1) - padding, X.max(axis=1) + padding
    g0, g1 = np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    G0, G1 = np.meshgrid(g0, g1)
    P = mlp.predict(np.stack([G0.ravel(), G1.ravel()])).reshape(G0.shape)
    ax.contourf(G0, G1, P, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.6)
    if P.min() < 0.5 < P.max():
        ax.contour(G0, G1, P, levels=[0.5], colors="k", linewidths=1.5)
    for label, color, marker in ((0, COLORS["negative"], "o"), (1, COLORS["positive"], "s")):
        mask = Y[0] == label
        ax.scatter(X[0, mask], X[1, mask], c=color, marker=marker, s=60, edgecolors="k",
                   label=f"y = {label}", zorder=3)
    ax.legend(loc="upper center", ncol=2, frameon=True, facecolor="white", framealpha=0.9)
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)
    label_axes(ax, title, "x₁", "x₂")


def _log10(values: Sequence[float]) -> np.ndarray:
    # log10 drawn on a linear axis: as readable as a log axis, and much faster to render
    return np.log10(np.maximum(np.asarray(values, dtype=float), 1e-300))


def loss_curve(ax: Axes, history: Sequence[float], *, title: str = "Training loss") -> None:
    """``log₁₀`` of the loss per epoch."""
    ax.plot(np.arange(len(history)), _log10(history), color=COLORS["function"])
    label_axes(ax, title, "epoch", "log₁₀ loss")


def gradient_norms(
    ax: Axes, norms: dict[str, Sequence[float]], *, title: str = "Gradient norm per layer"
) -> None:
    """``log₁₀ ‖∂L/∂W_l‖`` per epoch for each layer. ``norms``: {"W1": [...], …}."""
    for i, (key, values) in enumerate(norms.items()):
        ax.plot(np.arange(len(values)), _log10(values), color=LAYER_COLORS[i % len(LAYER_COLORS)],
                label=f"‖∂L/∂{key}‖")
    ax.legend()
    label_axes(ax, title, "epoch", "log₁₀ of the Frobenius norm")


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


def xor_training(
    lr: float = 0.5, hidden: int = 4, seed: int = 0, epochs: int = 300, *,
    fig: Figure | None = None,
) -> View:
    """Train a 2-``hidden``-1 tanh network on XOR (full batch, BCE) and draw the loss curve,
    the decision boundary and each layer's gradient norm."""
    from bp_helpers.data import xor

    X, Y = xor()
    mlp = MLP((2, hidden, 1), activation="tanh", seed=seed)
    history, norms, error = train_recording_norms(
        mlp, X, Y, loss="bce", lr=lr, epochs=epochs
    )
    fig, axes = fresh_figure(fig, 1, 3, figsize=(12.0, 3.9))
    loss_curve(axes[0, 0], history, title="Training loss (BCE)")
    decision_boundary(axes[0, 1], mlp, X, Y, title="Decision boundary, P(y = 1)")
    gradient_norms(axes[0, 2], norms)
    P = mlp.predict(X)[0]
    accuracy = float(np.mean((P > 0.5) == (Y[0] > 0.5)))
    text = (
        f"lr = {lr:.3g}, hidden width = {hidden}, seed = {seed}, epochs = {epochs}\n"
        f"loss: {history[0]:.4f} at the start -> {history[-1]:.4f} at the last step; "
        f"accuracy {accuracy:.0%}\n"
        f"P(y = 1) for (0,0), (0,1), (1,0), (1,1): " + ", ".join(f"{p:.3f}" for p in P)
    )
    if error is not None:
        text += f"\nstopped: {error}"
    return View(fig, text)


XOR_TRAINING = Explorer(
    xor_training,
    {
        "lr": LogRange(-2, 1, 0.1),
        "hidden": IntRange(1, 16),
        "seed": IntRange(0, 19),
        "epochs": IntRange(20, 600, 20),
    },
)
