"""Notebook 05, A vectorized MLP on XOR: the training explorer and the exercises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers.nn import MLP, TrainingDiverged, train
from bp_helpers.nn.layers import DenseCache, dense_backward
from bp_helpers.ui.checks import NOT_ANSWERED, check_array, check_number, is_unanswered, report
from bp_helpers.ui.drawings import decision_boundary, gradient_norms, loss_curve
from bp_helpers.ui.explore import Explorer, IntRange, LogRange
from bp_helpers.ui.style import View, fresh_figure

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style


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


# Exercise 1: the number of parameters of an MLP with widths (2, 8, 8, 1).
PARAM_COUNT_WIDTHS = (2, 8, 8, 1)


# Exercise 2: ∂L/∂Z for BCE-with-logits on this batch (one sample per column).
BCE_Z = np.array([[2.0, -1.0, 0.0, 3.0]])


BCE_Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def check_param_count(answer: Any) -> bool:
    """Exercise 1: how many numbers (weights and biases) does ``MLP((2, 8, 8, 1))`` learn?"""
    pairs = zip(PARAM_COUNT_WIDTHS[:-1], PARAM_COUNT_WIDTHS[1:], strict=True)
    expected = sum(n_out * n_in + n_out for n_in, n_out in pairs)
    return check_number(
        answer, expected, name="parameter count",
        hint="layer l has a weight matrix of shape (n_l, n_{l-1}) and a bias of shape (n_l, 1); "
        "add n_l·n_{l-1} + n_l over the three layers",
    )


def check_bce_grad(answer: Any) -> bool:
    """Exercise 2: ``dZ = ∂L/∂Z`` for ``bce_with_logits(BCE_Z, BCE_Y)``, shape (1, 4)."""
    expected = (1.0 / (1.0 + np.exp(-BCE_Z)) - BCE_Y) / BCE_Z.shape[1]
    return check_array(
        answer, expected, name="BCE gradient",
        hint="each column is (σ(z) − y) divided by N, the number of samples (columns)",
    )


def check_dense_backward(answer: Any) -> bool:
    """Exercise 3: ``f(dZ, A_prev, W) -> (dA_prev, dW, db)`` for ``Z = W @ A_prev + b``.

    ``dZ``: (n_out, N), ``A_prev``: (n_in, N), ``W``: (n_out, n_in).
    """
    name = "dense backward"
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    if not callable(answer):
        return report(name, False, f"expected a function, got {type(answer).__name__}")
    rng = np.random.default_rng(7)
    parts = ("dA_prev", "dW", "db")
    for n_in, n_out, N in ((3, 2, 5), (1, 4, 1), (4, 4, 3)):
        dZ, A_prev = rng.standard_normal((n_out, N)), rng.standard_normal((n_in, N))
        W = rng.standard_normal((n_out, n_in))
        want = dense_backward(dZ, DenseCache(A_prev, W))
        try:
            got = answer(dZ.copy(), A_prev.copy(), W.copy())
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}")
        if is_unanswered(got):
            return report(name, False, NOT_ANSWERED)
        try:
            got = tuple(np.asarray(g, dtype=float) for g in got)
        except (TypeError, ValueError):
            got = ()
        if len(got) != 3:
            return report(name, False, "return a tuple of three arrays: (dA_prev, dW, db)")
        for part, g, w in zip(parts, got, want, strict=True):
            if g.shape != w.shape:
                return report(
                    name, False,
                    f"{part} has shape {g.shape}, expected {w.shape}: a gradient has the shape "
                    "of what it is the gradient of",
                )
            if not np.allclose(g, w, rtol=1e-8, atol=1e-10):
                hints = {
                    "dA_prev": "dA_prev = Wᵀ @ dZ",
                    "dW": "dW = dZ @ A_prevᵀ (sums over the samples)",
                    "db": "db sums dZ over the samples (axis=1, keepdims=True)",
                }
                return report(name, False, f"{part} has the right shape but wrong values; "
                               f"{hints[part]}")
    return report(name, True, "")


def check_one_unit_accuracy(answer: Any) -> bool:
    """Exercise 4: the best accuracy on XOR of a network with ONE hidden unit (2, 1, 1)."""
    return check_number(
        answer, 0.75, name="one hidden unit",
        hint="with one hidden unit the output is a monotone function of one line w·x + b, "
        "so the boundary is a straight line: how many of the 4 XOR points can one line get right?",
    )
