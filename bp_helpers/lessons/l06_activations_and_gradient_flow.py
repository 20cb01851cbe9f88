"""Notebook 06, Activations and gradient flow: the flow explorer, the perceptron demo and
the exercise checkers.

Batch convention (the package's): one sample per column, ``X``: (n, N).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator

from bp_helpers.autograd import Value
from bp_helpers.deep import Flow, clip_grad_norm, flow_experiment
from bp_helpers.messages import language, t, t_in
from bp_helpers.nn.batchnorm import batchnorm_backward, batchnorm_forward
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    RTOL,
    call_with_time_limit,
    check_array,
    check_number,
    function_ready,
    report,
    too_slow,
)
from bp_helpers.ui.checks import verify as verify  # re-exported for the solution cells
from bp_helpers.ui.explore import Choice, Explorer, IntRange, LogRange
from bp_helpers.ui.palette import COLORS, layer_style
from bp_helpers.ui.style import (
    View,
    dynamic,
    figure_language,
    figure_state,
    fresh_figure,
    ft,
    in_course_style,
    integer_ticks,
    label_axes,
    legend_outside,
)

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

#: Norms and spreads below this are drawn at the floor (a log axis cannot show 0).
FLOOR = 1e-30

#: The activations the explorer offers (every hidden-layer activation of bp_helpers.nn).
FLOW_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "gelu")

#: The explorer's slider ranges; the fixed axis limits below cover every setting in them.
MAX_DEPTH = 30
#: Fixed log-axis limits of the explorer: from the floor to above the largest value any
#: slider setting gives (‖∂L/∂W_l‖ up to 1.6e60 and std(A_l) up to 8.8e28, ReLU-like, He × 10,
#: depth 30; ``tests/lessons`` checks that every extreme fits).
GRAD_LIMITS = (FLOOR / 10, 1e62)
STD_LIMITS = (FLOOR / 10, 1e31)


def flow_verdict(grad_norms: np.ndarray) -> str:
    """A one-phrase diagnosis of per-layer gradient norms, shape ``(L,)``, layer 1 first.

    Looks at the size of the norms (above 1e6: exploding; all below 1e-6: vanishing
    everywhere) and at the ratio first/last layer (below 1e-2 or above 1e2).
    """
    norms = np.asarray(grad_norms, dtype=float)
    if norms.ndim != 1 or norms.size < 2:
        raise ValueError(f"grad_norms must have shape (L,) with L >= 2, got {norms.shape}")
    ratio = norms[0] / norms[-1] if norms[-1] > 0 else np.inf
    if norms.max() > 1e6:
        return t("l06.verdict_exploding")
    if norms.max() < 1e-6:
        return t("l06.verdict_vanishing_everywhere")
    if ratio < 1e-2:
        return t("l06.verdict_vanishing")
    if ratio > 1e2:
        return t("l06.verdict_exploding_input")
    return t("l06.verdict_healthy")


@lru_cache(maxsize=1024)
def cached_flow(depth: int, activation: str, init: str, scale: float, residual: bool) -> Flow:
    """:func:`bp_helpers.deep.flow_experiment` computed once per setting (the widget's cache).

    The arrays of the returned :class:`~bp_helpers.deep.Flow` are shared: do not modify them.
    """
    return flow_experiment(depth, activation, init, scale, residual)


def _log_axes(ax: Any, limits: tuple[float, float], n_max: int) -> None:
    """Fixed limits and ticks: a log y axis (a label every 10 decades), integer x ticks."""
    ax.set_yscale("log")
    ax.set_ylim(*limits)
    ax.set_xlim(0.5, n_max + 0.5)
    low = 10 * math.ceil(math.log10(limits[0]) / 10)
    high = math.floor(math.log10(limits[1]))
    ax.yaxis.set_major_locator(FixedLocator([10.0**k for k in range(low, high + 1, 10)]))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _build_flow(fig: Figure) -> dict[str, Any]:
    """The explorer's axes, fixed limits, legend and (dynamic) lines, built once per figure."""
    ax_grad, ax_act = fig.subplots(1, 2)
    panels = ((ax_grad, "tangent", GRAD_LIMITS, MAX_DEPTH),
              (ax_act, "function", STD_LIMITS, MAX_DEPTH - 1))
    artists: dict[str, Any] = {}
    for key, (ax, meaning, limits, n_max) in zip(("grad", "std"), panels, strict=True):
        _log_axes(ax, limits, n_max)
        artists[key] = dynamic(ax.plot([], [], "o-", color=COLORS[meaning], ms=4, lw=1.5)[0])
        artists[key + "_floor"] = dynamic(
            ax.plot([], [], "v", color=COLORS["neutral"], ms=8, ls="none")[0])
    label_axes(ax_grad, ft("l06.grad_title"), ft("l06.grad_xlabel"), ft("l06.grad_ylabel"))
    label_axes(ax_act, ft("l06.std_title"), ft("l06.std_xlabel"), ft("l06.std_ylabel"))
    handles = [
        Line2D([], [], marker="o", color=COLORS["tangent"], label=ft("l06.legend_grad")),
        Line2D([], [], marker="o", color=COLORS["function"], label=ft("l06.legend_std")),
        Line2D([], [], marker="v", ls="none", color=COLORS["neutral"], ms=8,
               label=ft("l06.legend_floor", floor=FLOOR)),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=3)
    # The title changes with the sliders. A transparent suptitle with the longest title
    # they can give makes the layout leave room; the visible title is a dynamic text of the
    # left axes at the same place (a full savefig draws axes children, not figure-level
    # dynamic artists).
    room = fig.suptitle(ft("l06.setting_title", architecture=ft("l06.residual"),
                           depth=MAX_DEPTH, activation="leaky_relu", init="xavier", scale=0.112))
    room.set_alpha(0.0)
    artists["title"] = dynamic(ax_grad.text(
        *room.get_position(), "", transform=fig.transFigure, ha="center", va="top",
        fontsize=room.get_fontsize(), clip_on=False))
    return artists


def _set_log_line(line: Line2D, floor: Line2D, y: np.ndarray) -> None:
    x = np.arange(1, y.size + 1)
    shown = np.maximum(y, FLOOR)
    line.set_data(x, shown)
    low = y < FLOOR
    floor.set_data(x[low], shown[low])


def gradient_flow(
    depth: int = 20, activation: str = "sigmoid", init: str = "xavier", scale: float = 1.0,
    architecture: str = "plain", *, fig: Figure | None = None,
) -> View:
    """Per-layer gradient norms and activation spreads of one deep net.

    ``depth`` dense layers of width 32 (the last has one output), on 64 random samples
    (:func:`bp_helpers.deep.flow_experiment`); ``scale`` multiplies the ``init`` standard
    deviation; ``architecture`` is ``"plain"`` or ``"residual"`` (skip connections, branch
    scale 1/√depth). The axes keep fixed limits for every slider setting.
    """
    if architecture not in ("plain", "residual"):
        raise ValueError(f"architecture must be 'plain' or 'residual', got {architecture!r}")
    flow = cached_flow(depth, activation, init, float(scale), architecture == "residual")
    norms, stds = flow.grad_norms, flow.activation_stds

    fig, artists = figure_state(fig, _build_flow, figsize=(8.4, 3.6))
    _set_log_line(artists["grad"], artists["grad_floor"], norms)
    _set_log_line(artists["std"], artists["std_floor"], stds)
    kinds = {"plain": ft("l06.plain"), "residual": ft("l06.residual")}
    artists["title"].set_text(ft("l06.setting_title", architecture=kinds[architecture],
                                 depth=depth, activation=activation, init=init, scale=scale))

    decades = math.log10(GRAD_LIMITS[1] / GRAD_LIMITS[0])
    names = {"plain": t("l06.plain"), "residual": t("l06.residual")}
    text = "\n".join([
        t("l06.flow_setting", architecture=names[architecture], depth=depth,
          activation=activation, init=init, scale=scale),
        t("l06.flow_left", first=norms[0], depth=depth, last=norms[-1],
          ratio=norms[0] / max(norms[-1], 1e-300)),
        t("l06.flow_right", first=stds[0], layer=depth - 1, last=stds[-1]),
        t("l06.flow_verdict", verdict=flow_verdict(norms)),
        *([t("l06.flow_residual_note")] if architecture == "residual" else []),
        t("l06.flow_axes_note", decades=decades, floor=FLOOR),
    ])
    return View(fig, text)


GRADIENT_FLOW = Explorer(
    gradient_flow,
    {
        "depth": IntRange(2, MAX_DEPTH),
        "activation": Choice(FLOW_ACTIVATIONS),
        "init": Choice(("xavier", "he")),
        "scale": LogRange(-1, 1, 0.05),
        "architecture": Choice(("plain", "residual")),
    },
)


def latex_sci(x: float, digits: int = 1) -> str:
    """``x`` in LaTeX scientific notation for a Markdown sentence, e.g. ``latex_sci(1.06e6)``
    is ``'1.1 \\times 10^{6}'`` (put it between ``$`` signs)."""
    x = float(x)
    if not math.isfinite(x) or x == 0.0:
        raise ValueError(f"latex_sci needs a finite non-zero number, got {x}")
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


# ----------------------------------------------------------------------- the perceptron
#: The AND dataset: inputs (x1, x2), one sample per row here (four scalar samples), and
#: its labels. Linearly separable, so a perceptron can represent it.
AND_INPUTS: tuple[tuple[float, float], ...] = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
AND_LABELS: tuple[float, ...] = (0.0, 0.0, 0.0, 1.0)
#: Starting weights (w1, w2, b): no input lands exactly on z = 0, where step has no derivative.
PERCEPTRON_START: tuple[float, float, float] = (0.5, -0.3, 0.2)


@dataclass(frozen=True)
class PerceptronRun:
    """Gradient descent on a one-unit perceptron, ``a = f(w1·x1 + w2·x2 + b)``.

    ``losses``: (epochs + 1,) the mean squared error before each update and after the last;
    ``params``: (epochs + 1, 3) the values (w1, w2, b) at the same times; ``grads``:
    (epochs, 3) the gradients the ``Value`` engine returned at each update.
    """

    activation: str
    losses: np.ndarray
    params: np.ndarray
    grads: np.ndarray

    def predictions(self) -> np.ndarray:
        """The final unit's class per sample, ``1`` where ``z > 0``: shape (4,)."""
        w1, w2, b = self.params[-1]
        return np.array([int(w1 * x1 + w2 * x2 + b > 0) for x1, x2 in AND_INPUTS])


def perceptron_loss(params: tuple[Value, Value, Value], activation: str) -> Value:
    """``L = (1/4) Σ_n (f(z_n) − y_n)²`` on the AND data, built with the ``Value`` engine.

    ``activation`` is ``"step"`` (``Value.step``: 1 for z > 0, else 0) or ``"sigmoid"``.
    """
    if activation not in ("step", "sigmoid"):
        raise ValueError(f"activation must be 'step' or 'sigmoid', got {activation!r}")
    w1, w2, b = params
    total = Value(0.0)
    for (x1, x2), y in zip(AND_INPUTS, AND_LABELS, strict=True):
        z = w1 * x1 + w2 * x2 + b
        a = z.step() if activation == "step" else z.sigmoid()
        total = total + (a - y) ** 2
    return total * (1.0 / len(AND_INPUTS))


def train_perceptron(activation: str, epochs: int = 300, lr: float = 2.0) -> PerceptronRun:
    """Full-batch gradient descent from :data:`PERCEPTRON_START` on the AND data.

    Each epoch builds the loss with :func:`perceptron_loss`, calls ``backward()`` and
    updates ``θ ← θ − lr·∂L/∂θ``. Raises ``ValueError`` (from the engine) if a step unit
    ever meets ``z = 0`` exactly, where the step has no derivative.
    """
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}")
    if not (isinstance(lr, (int, float)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    values = [float(v) for v in PERCEPTRON_START]
    losses, params, grads = [], [list(values)], []
    for _ in range(epochs):
        leaves = (Value(values[0], "w1"), Value(values[1], "w2"), Value(values[2], "b"))
        loss = perceptron_loss(leaves, activation)
        loss.backward()
        losses.append(loss.data)
        grads.append([p.grad for p in leaves])
        values = [v - lr * p.grad for v, p in zip(values, leaves, strict=True)]
        params.append(list(values))
    final = tuple(Value(v) for v in values)
    losses.append(perceptron_loss(final, activation).data)  # type: ignore[arg-type]
    return PerceptronRun(activation, np.array(losses), np.array(params), np.array(grads))


# ------------------------------------------------------------------ the notebook's figures
# Each takes the numbers a notebook cell computed and returns a View: the figure (its text
# in the notebook's language) and a summary in words, with the key numbers.
def _figure(ncols: int, figsize: tuple[float, float]) -> tuple[Figure, list[Axes]]:
    """A new course-style figure with ``ncols`` axes in a row (every artist drawn on it
    must be made inside ``in_course_style()`` to get the course's sizes)."""
    fig, axes = fresh_figure(None, 1, ncols, figsize=figsize)
    return fig, list(axes[0])


def _curve(values: Any, name: str, *, positive: bool = False, size: int = 2) -> np.ndarray:
    """``values`` as a finite 1-D float array of at least ``size`` entries (all > 0 with
    ``positive``: for a log axis), or a clear ``ValueError``."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a sequence of numbers") from exc
    if array.ndim != 1 or array.size < size:
        raise ValueError(f"{name} must be 1-D with at least {size} entries, got shape "
                         f"{array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite")
    if positive and not np.all(array > 0):
        raise ValueError(f"{name} must be positive (it is drawn on a log axis)")
    return array


def _mapping(values: Any, name: str) -> Mapping[Any, Any]:
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a dict, got {type(values).__name__}")
    if not values:
        raise ValueError(f"{name} is empty")
    return values


def _activation_style(name: str, n_points: int) -> dict[str, Any]:
    """The line of activation ``name``: ``layer_style`` by its place in
    :data:`FLOW_ACTIVATIONS`, markers staggered so they do not sit on one another. ReLU
    and leaky ReLU coincide for z > 0: ReLU is thick and pale, leaky ReLU thin and dashed
    on top of it, so both stay visible."""
    k = FLOW_ACTIVATIONS.index(name)
    every = max(1, round(n_points / 8))
    style: dict[str, Any] = {**layer_style(k + 1), "markevery": (k * max(1, every // 6), every),
                             "ms": 6}
    if name == "relu":
        style.update(linestyle="-", lw=5, alpha=0.45)
    elif name == "leaky_relu":
        style.update(linestyle="--", lw=1.8)
    return style


def plot_activations(z: np.ndarray, curves: Mapping[str, tuple[np.ndarray, np.ndarray]]) -> View:
    """The activations (left) and their derivatives (right), with a dotted line at 1/4.

    ``z``: (n,) increasing; ``curves``: activation name (from :data:`FLOW_ACTIVATIONS`) →
    ``(f(z), f'(z))``, each of shape (n,).
    """
    z = _curve(z, "z", size=3)
    if not np.all(np.diff(z) > 0):
        raise ValueError("z must be increasing")
    pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, pair in _mapping(curves, "curves").items():
        if name not in FLOW_ACTIVATIONS:
            raise ValueError(f"unknown activation {name!r}: use one of {FLOW_ACTIVATIONS}")
        if not isinstance(pair, Sequence) or len(pair) != 2:
            raise TypeError(f"curves[{name!r}] must be a pair (f(z), f'(z))")
        f, slope = (_curve(values, f"curves[{name!r}]", size=z.size) for values in pair)
        if f.size != z.size or slope.size != z.size:
            raise ValueError(f"curves[{name!r}] must hold two arrays of the shape of z, "
                             f"{z.shape}")
        pairs[name] = (f, slope)

    with in_course_style():
        fig, (ax_f, ax_d) = _figure(2, (10.0, 4.2))
        for name, (f, slope) in pairs.items():
            style = _activation_style(name, z.size)
            ax_f.plot(z, f, **style, label=name)
            ax_d.plot(z, slope, **style)
        ax_d.axhline(0.25, color=COLORS["neutral"], ls=":", lw=1.5, label="1/4")
        label_axes(ax_f, ft("l06.act_title"), "z", "f(z)")
        label_axes(ax_d, ft("l06.act_slope_title"), "z", "f'(z)")
        ax_f.set_ylim(-1.5, 3.0)
        ax_d.set_ylim(-0.2, 1.2)
        fig.legend(loc="outside lower center", ncols=len(pairs) + 1)

    lines = [t("l06.act_text", low=z[0], high=z[-1])]
    lines += [t("l06.act_slope", name=name, low=slope.min(), high=slope.max())
              for name, (_, slope) in pairs.items()]
    below = [name for name, (_, slope) in pairs.items() if slope.max() <= 0.25 + 1e-12]
    if below:
        lines.append(t("l06.act_below_quarter", names=", ".join(below)))
    if "relu" in pairs and "leaky_relu" in pairs:
        right = z > 0
        if np.allclose(pairs["relu"][0][right], pairs["leaky_relu"][0][right]):
            lines.append(t("l06.act_coincide"))
    return View(fig, "\n".join(lines))


#: The perceptron runs' lines: colour by meaning and line style.
_PERCEPTRON_LINES = {"step": ("tangent", "--"), "sigmoid": ("function", "-")}


def _unit_names(language: str) -> dict[str, str]:
    return {"step": t_in(language, "l06.step_unit"),
            "sigmoid": t_in(language, "l06.sigmoid_unit")}


def plot_perceptron_runs(runs: Mapping[str, PerceptronRun],
                         moved: Mapping[str, np.ndarray]) -> View:
    """The loss per epoch (left) and how far ``(w1, w2, b)`` moved from the start (right).

    ``runs``: ``"step"`` and/or ``"sigmoid"`` → :class:`PerceptronRun`; ``moved``: the same
    keys → ``‖θ_e − θ_0‖`` after each epoch ``e``, shape ``(epochs + 1,)``.
    """
    runs = _mapping(runs, "runs")
    moved = _mapping(moved, "moved")
    if set(runs) - set(_PERCEPTRON_LINES):
        raise ValueError(f"runs must have keys among {tuple(_PERCEPTRON_LINES)}, got "
                         f"{tuple(runs)}")
    if set(moved) != set(runs):
        raise ValueError(f"moved must have the keys of runs, {tuple(runs)}")
    distances = {}
    for name, run in runs.items():
        if not isinstance(run, PerceptronRun):
            raise TypeError(f"runs[{name!r}] must be a PerceptronRun, got {type(run).__name__}")
        distances[name] = _curve(moved[name], f"moved[{name!r}]")
        if distances[name].shape != run.losses.shape:
            raise ValueError(f"moved[{name!r}] must have one entry per loss, "
                             f"{run.losses.shape}")

    with in_course_style():
        fig, (ax_loss, ax_move) = _figure(2, (10.0, 4.0))
        for name, run in runs.items():
            meaning, ls = _PERCEPTRON_LINES[name]
            epochs = np.arange(run.losses.size)
            label = _unit_names(figure_language())[name]
            ax_loss.plot(epochs, run.losses, ls, color=COLORS[meaning], label=label)
            ax_move.plot(epochs, distances[name], ls, color=COLORS[meaning])
        label_axes(ax_loss, ft("l06.perceptron_loss_title"), ft("l06.epoch"), ft("l06.mse"))
        label_axes(ax_move, ft("l06.perceptron_moved_title"), ft("l06.epoch"),
                   ft("l06.perceptron_moved_ylabel"))
        for ax in (ax_loss, ax_move):
            integer_ticks(ax)
        fig.legend(loc="outside lower center", ncols=len(runs))

    start = next(iter(runs.values())).params[0]
    lines = [t("l06.perceptron_fig_text", w1=start[0], w2=start[1], b=start[2])]
    units = _unit_names(language())
    lines += [t("l06.perceptron_fig_line", unit=units[name], epochs=run.losses.size - 1,
                first=run.losses[0], last=run.losses[-1], moved=distances[name][-1])
              for name, run in runs.items()]
    return View(fig, "\n".join(lines))


def _layer_axes(ax: Axes, title: str, ylabel: str) -> None:
    """A per-layer norm panel: title, the layer x label, integer layer ticks."""
    label_axes(ax, title, ft("l06.grad_xlabel"), ylabel)
    integer_ticks(ax)


def plot_vanishing(weight_grad_norms: np.ndarray, delta_norms: np.ndarray) -> View:
    """``‖∂L/∂W_l‖`` and ``‖δ_l‖ = ‖∂L/∂Z_l‖`` per layer of the deep sigmoid net (log axis).

    Both arrays: shape (L,), layer 1 first, positive.
    """
    weights = _curve(weight_grad_norms, "weight_grad_norms", positive=True)
    deltas = _curve(delta_norms, "delta_norms", positive=True)
    if deltas.shape != weights.shape:
        raise ValueError(f"delta_norms must have the shape of weight_grad_norms, "
                         f"{weights.shape}, got {deltas.shape}")
    depth = weights.size
    layers = np.arange(1, depth + 1)
    with in_course_style():
        fig, (ax,) = _figure(1, (7.0, 4.2))
        ax.semilogy(layers, weights, "o-", color=COLORS["tangent"], ms=4, label="‖∂L/∂W_l‖")
        ax.semilogy(layers, deltas, "s--", color=COLORS["function"], ms=4,
                    label="‖δ_l‖ = ‖∂L/∂Z_l‖")
        _layer_axes(ax, ft("l06.vanishing_title", depth=depth), ft("l06.norm_ylabel"))
        legend_outside(ax, where="below", ncols=2)

    text = t("l06.vanishing_text", depth=depth, last_w=weights[-1], first_w=weights[0],
             last_d=deltas[-1], first_d=deltas[0],
             factor=(deltas[0] / deltas[-1]) ** (1 / (depth - 1)),
             ratio=weights[0] / weights[-1])
    return View(fig, text)


#: The weight-scale sweep's lines, in order of the scales: line format and colour meaning.
_SCALE_LINES = (("o-", "function"), ("s--", "highlight"), ("^-.", "tangent"))


def plot_weight_scales(norms_by_scale: Mapping[float, np.ndarray]) -> View:
    """``‖∂L/∂W_l‖`` per layer of the deep tanh net with Xavier weights × each scale.

    ``norms_by_scale``: up to three scales → norms of shape (L,), layer 1 first, positive.
    """
    norms_by_scale = _mapping(norms_by_scale, "norms_by_scale")
    if len(norms_by_scale) > len(_SCALE_LINES):
        raise ValueError(f"at most {len(_SCALE_LINES)} scales, got {len(norms_by_scale)}")
    curves = {float(scale): _curve(norms, f"norms_by_scale[{scale!r}]", positive=True)
              for scale, norms in norms_by_scale.items()}
    depth = next(iter(curves.values())).size
    if any(norms.size != depth for norms in curves.values()):
        raise ValueError("every scale needs the norms of the same number of layers")
    layers = np.arange(1, depth + 1)
    with in_course_style():
        fig, (ax,) = _figure(1, (7.0, 4.2))
        for (scale, norms), (fmt, meaning) in zip(curves.items(), _SCALE_LINES, strict=False):
            ax.semilogy(layers, norms, fmt, ms=4, color=COLORS[meaning],
                        label=ft("l06.scale_label", scale=scale))
        _layer_axes(ax, ft("l06.scales_title", depth=depth), ft("l06.grad_ylabel"))
        legend_outside(ax, where="below", ncols=len(curves))

    lines = [t("l06.scales_text", depth=depth)]
    lines += [t("l06.scales_line", scale=scale, first=norms[0], depth=depth, last=norms[-1],
                ratio=norms[0] / norms[-1]) for scale, norms in curves.items()]
    ordered = [norms[0] / norms[-1] for _, norms in sorted(curves.items())]
    if len(ordered) > 1 and all(a < b for a, b in zip(ordered, ordered[1:], strict=False)):
        lines.append(t("l06.scales_grows"))
    return View(fig, "\n".join(lines))


def plot_clipping(plain: Sequence[float], clipped: Sequence[float], *,
                  max_norm: float = 1.0) -> View:
    """The loss per gradient-descent step without clipping (left) and with the gradients
    clipped at ``‖g‖ ≤ max_norm`` (right), each on its own log axis (on one axis the
    unclipped run's huge loss would flatten the clipped one).

    ``plain``, ``clipped``: the loss before each step, at least 2 positive values each.
    """
    plain_losses = _curve(plain, "plain", positive=True)
    clipped_losses = _curve(clipped, "clipped", positive=True)
    if not (isinstance(max_norm, (int, float)) and math.isfinite(max_norm) and max_norm > 0):
        raise ValueError(f"max_norm must be a positive number, got {max_norm!r}")
    with in_course_style():
        fig, (ax_plain, ax_clip) = _figure(2, (10.0, 3.6))
        ax_plain.semilogy(plain_losses, "o-", color=COLORS["tangent"])
        ax_plain.set_xlim(-0.5, plain_losses.size - 0.5)
        ax_clip.semilogy(clipped_losses, "-", color=COLORS["function"])
        label_axes(ax_plain, ft("l06.clip_plain_title"), ft("l06.gd_step"),
                   ft("l06.loss_ylabel"))
        label_axes(ax_clip, ft("l06.clip_clipped_title", max_norm=max_norm),
                   ft("l06.gd_step"), ft("l06.loss_ylabel"))
        for ax in (ax_plain, ax_clip):
            integer_ticks(ax)

    text = "\n".join([
        t("l06.clip_plain_text", first=plain_losses[0], last=plain_losses[-1],
          end=plain_losses.size - 1),
        t("l06.clip_clipped_text", max_norm=max_norm, first=clipped_losses[0],
          last=clipped_losses[-1], end=clipped_losses.size - 1),
        t("l06.clip_panels_note", last=plain_losses[-1]),
    ])
    return View(fig, text)


#: The fixes figure's lines: setup → (colour meaning, line style, marker), per panel.
VANISHING_SETUPS: dict[str, tuple[str, str, str]] = {
    "sigmoid_xavier": ("neutral", "-", "o"),
    "batchnorm": ("function", "-", "s"),
    "residual": ("tangent", "--", "^"),
    "relu_he": ("highlight", "-.", "D"),
    "tanh_xavier": ("secant", ":", "v"),
}
EXPLODING_SETUPS: dict[str, tuple[str, str, str]] = {
    "tanh_xavier_10": ("neutral", "-", "o"),
    "clipped": ("tangent", "--", "^"),
    "batchnorm": ("function", "-", "s"),
}


def _setup_labels(language: str, max_norm: float) -> dict[str, dict[str, str]]:
    """The setups' names in ``language``, per panel."""
    batchnorm = t_in(language, "l06.fix_batchnorm")
    return {
        "vanishing": {
            "sigmoid_xavier": t_in(language, "l06.fix_sigmoid_xavier"),
            "batchnorm": batchnorm,
            "residual": t_in(language, "l06.fix_residual"),
            "relu_he": t_in(language, "l06.fix_relu_he"),
            "tanh_xavier": t_in(language, "l06.fix_tanh_xavier"),
        },
        "exploding": {
            "tanh_xavier_10": t_in(language, "l06.fix_tanh_xavier_10"),
            "clipped": t_in(language, "l06.fix_clipped", max_norm=max_norm),
            "batchnorm": batchnorm,
        },
    }


def plot_fixes(vanishing: Mapping[str, np.ndarray], exploding: Mapping[str, np.ndarray], *,
               max_norm: float = 1.0) -> View:
    """``‖∂L/∂W_l‖`` per layer (log axes) of the deep sigmoid net and its four fixes (left),
    and of the deep tanh net with weights × 10, clipped and with BatchNorm (right).

    ``vanishing``: the keys of :data:`VANISHING_SETUPS`, ``exploding``: those of
    :data:`EXPLODING_SETUPS`, each → norms of shape (L,), layer 1 first, positive;
    ``max_norm``: the clipping threshold (for the legend).
    """
    panels = {}
    for panel, given, setups in (("vanishing", vanishing, VANISHING_SETUPS),
                                 ("exploding", exploding, EXPLODING_SETUPS)):
        if set(_mapping(given, panel)) != set(setups):
            raise ValueError(f"{panel} must have the keys {tuple(setups)}, got {tuple(given)}")
        panels[panel] = {key: _curve(given[key], f"{panel}[{key!r}]", positive=True)
                         for key in setups}
    depth = panels["vanishing"]["sigmoid_xavier"].size
    if any(norms.size != depth for curves in panels.values() for norms in curves.values()):
        raise ValueError("every setup needs the norms of the same number of layers")
    if not (isinstance(max_norm, (int, float)) and math.isfinite(max_norm) and max_norm > 0):
        raise ValueError(f"max_norm must be a positive number, got {max_norm!r}")

    layers = np.arange(1, depth + 1)
    drawn = _setup_labels(figure_language(), max_norm)
    titles = {"vanishing": ft("l06.fixes_vanishing_title", depth=depth),
              "exploding": ft("l06.fixes_exploding_title", depth=depth)}
    styles = {"vanishing": VANISHING_SETUPS, "exploding": EXPLODING_SETUPS}
    with in_course_style():
        fig, axes = _figure(2, (11.0, 4.8))
        for ax, (panel, curves) in zip(axes, panels.items(), strict=True):
            for key, norms in curves.items():
                meaning, ls, marker = styles[panel][key]
                ax.semilogy(layers, norms, color=COLORS[meaning], ls=ls, marker=marker, ms=4,
                            lw=1.5, label=drawn[panel][key])
            _layer_axes(ax, titles[panel], ft("l06.grad_ylabel"))
            legend_outside(ax, where="below", ncols=2, bbox_to_anchor=(0.5, -0.18))

    names = _setup_labels(language(), max_norm)
    lines = []
    for panel, curves in panels.items():
        heading = {"vanishing": t("l06.fixes_left", depth=depth),
                   "exploding": t("l06.fixes_right", depth=depth)}[panel]
        lines.append(heading)
        lines += [t("l06.fixes_line", name=names[panel][key], ratio=norms[0] / norms[-1])
                  for key, norms in curves.items()]
    return View(fig, "\n".join(lines))


# ------------------------------------------------------------ what the notebook concludes
# The paragraphs a code cell renders from its numbers (Markdown), in the notebook's language.
def perceptron_summary(epochs: int, step_loss: float, right_step: int,
                       sigmoid_first: float, sigmoid_last: float) -> str:
    """What the step and sigmoid perceptron runs of section 1.1 show."""
    return t("l06.perceptron_summary", epochs=epochs, step_loss=step_loss,
             right_step=right_step, sigmoid_first=sigmoid_first, sigmoid_last=sigmoid_last)


def explosion_summary(ratio_1: float, ratio_3: float, ratio_10: float) -> str:
    """Section 3: layer 1's gradient ÷ layer 20's at weight scales 1, 3 and 10."""
    return t("l06.explosion_summary", ratio_1=ratio_1, ratio_3=ratio_3,
             ratio_10=latex_sci(ratio_10))


def bn_summary(bn_ratio: float, plain_ratio: float, inv_s: float, shrink: float) -> str:
    """Section 4.4: why BatchNorm evens out the deep sigmoid net's gradients."""
    return t("l06.bn_summary", bn_ratio=bn_ratio, plain_ratio=latex_sci(plain_ratio),
             inv_s=inv_s, shrink=shrink, product=shrink * inv_s)


def fixes_summary(baseline: float, fix_ratios: Sequence[float], jump: float,
                  branch_scale: float, mean_slope: float, inv_norm: float, big_ratio: float,
                  bn_ratio: float) -> str:
    """Section 4.6: the two panels of the fixes side by side, in numbers."""
    return t("l06.fixes_summary", baseline=latex_sci(baseline), fix_min=min(fix_ratios),
             fix_max=max(fix_ratios), jump=jump, branch_scale=branch_scale,
             mean_slope=mean_slope, predicted_jump=1 / (branch_scale * mean_slope),
             inv_norm=latex_sci(inv_norm), big_ratio=latex_sci(big_ratio), bn_ratio=bn_ratio)


# ----------------------------------------------------------------------------- checkers
def check_sigmoid_chain(answer: Any) -> bool:
    """The largest factor ten sigmoid derivatives can multiply a gradient by (a number)."""
    return check_number(
        answer, 0.25**10, name=t("l06.sigmoid_chain_name"), hint=t("l06.sigmoid_chain_hint"),
        traps={
            0.25 * 10: t("l06.sigmoid_chain_trap_sum"),
            0.25: t("l06.sigmoid_chain_trap_one"),
            0.25**9: t("l06.sigmoid_chain_trap_nine"),
        },
    )


def check_he_std(answer: Any) -> bool:
    """The He standard deviation for a layer with ``n_in = 512`` inputs (a number)."""
    return check_number(
        answer, math.sqrt(2.0 / 512), name=t("l06.he_name"), hint=t("l06.he_hint"),
        traps={
            2.0 / 512: t("l06.he_trap_variance"),
            math.sqrt(1.0 / 512): t("l06.he_trap_xavier"),
        },
    )


def residual_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the residual exercise: ``W``: (3, 3), ``Z``: (3, 2), ``dA``: (3, 2).

    A residual tanh layer computes ``A = A_prev + tanh(Z)`` with ``Z = W @ A_prev + b``;
    ``dA = ∂L/∂A`` is the upstream gradient.
    """
    rng = np.random.default_rng(6)
    W = np.round(rng.normal(size=(3, 3)), 2)
    Z = np.round(rng.normal(size=(3, 2)), 2)
    dA = np.round(rng.normal(size=(3, 2)), 2)
    return W, Z, dA


def check_residual_backward(answer: Any) -> bool:
    """``∂L/∂A_prev`` of the residual tanh layer of :func:`residual_exercise`: (3, 2)."""
    W, Z, dA = residual_exercise()
    branch = W.T @ (dA * (1.0 - np.tanh(Z) ** 2))
    return check_array(
        answer, dA + branch, name=t("l06.residual_name"), hint=t("l06.residual_hint"),
        traps=[
            (branch, t("l06.residual_trap_branch")),
            (dA + W.T @ dA, t("l06.residual_trap_tanh")),
            (dA + W @ (dA * (1.0 - np.tanh(Z) ** 2)), t("l06.residual_trap_transpose")),
        ],
    )


def _clip_cases() -> list[tuple[dict[str, np.ndarray], float]]:
    rng = np.random.default_rng(7)
    big = {"W1": rng.normal(size=(3, 2)) * 10, "b1": rng.normal(size=(3, 1)) * 10,
           "W2": rng.normal(size=(1, 3)) * 10}
    small = {"W1": np.array([[0.1, -0.2]]), "b1": np.array([[0.05]])}
    return [(big, 1.0), (small, 1.0), (big, 5.0)]


def check_clip(answer: Any) -> bool:
    """A function ``clip(grads: dict, max_norm) -> dict`` clipping by the global norm.

    The references come from :func:`bp_helpers.deep.clip_grad_norm`, computed before the
    learner's function runs; it gets copies of the gradients.
    """
    name = t("l06.clip_name")
    hint = t("l06.clip_hint")
    if not function_ready(answer, name=name, hint=hint):
        return False
    cases = _clip_cases()
    wants = [clip_grad_norm(grads, max_norm)[0] for grads, max_norm in cases]
    per_arrays = [
        {k: g * min(1.0, max_norm / float(np.linalg.norm(g))) for k, g in grads.items()}
        for grads, max_norm in cases
    ]
    for (grads, max_norm), want, per_array in zip(cases, wants, per_arrays, strict=True):
        copies = {k: v.copy() for k, v in grads.items()}
        try:
            with np.errstate(all="ignore"):
                finished, got = call_with_time_limit(answer, copies, max_norm)
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, t("l06.clip_raised", error=type(exc).__name__,
                                         message=exc, hint=hint))
        if not finished:
            return report(name, False, too_slow(f"clip(grads, {max_norm})"))
        if got is None or got is ...:
            return report(name, False, t("l06.clip_none", not_answered=NOT_ANSWERED))
        if not isinstance(got, dict) or set(got) != set(grads):
            return report(name, False, t("l06.clip_keys", keys=sorted(grads)))
        if all(_close_array(got[k], want[k]) for k in grads):
            continue
        if all(_close_array(got[k], per_array[k]) for k in grads):
            return report(name, False, t("l06.clip_per_array"))
        return report(name, False, t("l06.clip_wrong", max_norm=max_norm, hint=hint))
    return report(name, True, "")


# ------------------------------------------------------------------ batch normalization
#: The epsilon of the BatchNorm exercise (and of bp_helpers.nn.batchnorm's default).
BN_EPS = 1e-5


def bn_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the BatchNorm exercise: ``X``: (2, 4), ``gamma``, ``beta``: (2, 1) and
    the upstream gradient ``dY``: (2, 4) (two features, a batch of ``N = 4``)."""
    X = np.array([[1.0, 2.0, 4.0, 5.0], [0.5, -1.0, 2.0, 0.5]])
    gamma = np.array([[2.0], [0.5]])
    beta = np.array([[0.1], [-1.0]])
    dY = np.array([[0.5, -1.0, 0.0, 1.5], [1.0, 0.0, -0.5, 2.0]])
    return X, gamma, beta, dY


def _bn_reference() -> tuple[np.ndarray, np.ndarray]:
    """``(Y, dX)`` of the exercise from the core ``batchnorm_forward``/``batchnorm_backward``."""
    X, gamma, beta, dY = bn_exercise()
    Y, cache = batchnorm_forward(X, gamma, beta, eps=BN_EPS)
    dX, _, _ = batchnorm_backward(dY, cache)
    return Y, dX


def check_bn_output(answer: Any) -> bool:
    """``Y`` of a training-mode BatchNorm on :func:`bn_exercise`'s ``X``, ``gamma``, ``beta``."""
    X, gamma, beta, _ = bn_exercise()
    Y, _ = _bn_reference()
    mu = X.mean(axis=1, keepdims=True)
    unbiased = (X - mu) / np.sqrt(X.var(axis=1, ddof=1, keepdims=True) + BN_EPS)
    x_hat = (X - mu) / np.sqrt(X.var(axis=1, keepdims=True) + BN_EPS)
    return check_array(
        answer, Y, name=t("l06.bn_output_name"), hint=t("l06.bn_output_hint"),
        traps=[
            (gamma * unbiased + beta, t("l06.bn_output_trap_unbiased")),
            (x_hat, t("l06.bn_output_trap_x_hat")),
            (gamma * (X - mu) + beta, t("l06.bn_output_trap_std")),
            (gamma * ((X - X.mean(axis=0, keepdims=True))
                      / np.sqrt(X.var(axis=0, keepdims=True) + BN_EPS)) + beta,
             t("l06.bn_output_trap_axis")),
        ],
    )


def check_bn_dx(answer: Any) -> bool:
    """``dX = ∂L/∂X`` of the training-mode BatchNorm of :func:`bn_exercise`, upstream ``dY``."""
    X, gamma, _, dY = bn_exercise()
    _, dX = _bn_reference()
    N = X.shape[1]
    mu = X.mean(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + BN_EPS)
    x_hat = (X - mu) * inv_std
    inv_std_unbiased = 1.0 / np.sqrt(X.var(axis=1, ddof=1, keepdims=True) + BN_EPS)
    x_hat_unbiased = (X - mu) * inv_std_unbiased
    mean_dY = dY.mean(axis=1, keepdims=True)
    mean_dY_xhat = (dY * x_hat).mean(axis=1, keepdims=True)
    return check_array(
        answer, dX, name=t("l06.bn_dx_name"), hint=t("l06.bn_dx_hint"),
        traps=[
            (gamma * inv_std * dY, t("l06.bn_dx_trap_constants")),
            (gamma * inv_std * (dY - mean_dY), t("l06.bn_dx_trap_no_variance")),
            (gamma * inv_std * (dY - x_hat * mean_dY_xhat), t("l06.bn_dx_trap_no_mean")),
            ((1.0 / N) * gamma * inv_std_unbiased
             * (N * dY - dY.sum(axis=1, keepdims=True)
                - x_hat_unbiased * (dY * x_hat_unbiased).sum(axis=1, keepdims=True)),
             t("l06.bn_dx_trap_unbiased")),
        ],
    )


def _close_array(answer: Any, value: np.ndarray) -> bool:
    """Same shape and every entry within the course's number policy (:data:`RTOL`)."""
    try:
        arr = np.asarray(answer)
        if arr.dtype.kind not in "iuf":  # complex, bool, text, objects: not an answer
            return False
        arr = arr.astype(float)
    except (TypeError, ValueError):
        return False
    return arr.shape == value.shape and bool(np.allclose(arr, value, rtol=RTOL, atol=1e-12))
