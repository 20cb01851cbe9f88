"""Notebook 03, Backprop by hand: the 2-3-2-1 network's figures and exercises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from bp_helpers import network_2321 as net
from bp_helpers.ui.checks import check_expression, check_number, report
from bp_helpers.ui.explore import Choice, Explorer, FloatRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style

VARIABLES = net.PARAMETER_NAMES + net.INPUT_NAMES


VALUE_RANGE = (-4.0, 4.0)


#: Bar colour of each layer's parameters.
LAYER_COLORS = {1: "#1f77b4", 2: "#2ca02c", 3: "#d62728"}


def _layer(name: str) -> int:
    if name.endswith("^(1)"):
        return 1
    if name.endswith("^(2)"):
        return 2
    return 3


def _point(name: str, value: float) -> tuple[dict[str, float], tuple[float, float]]:
    """The reference point with ``name`` (a parameter or ``x_1``/``x_2``) set to ``value``."""
    if name not in VARIABLES:
        raise ValueError(f"name must be one of {VARIABLES}, got {name!r}")
    params = dict(net.REFERENCE_PARAMS)
    x = list(net.REFERENCE_X)
    if name in net.INPUT_NAMES:
        x[net.INPUT_NAMES.index(name)] = value
    else:
        params[name] = value
    return params, (x[0], x[1])


def _loss_at(name: str, value: float) -> float:
    params, x = _point(name, value)
    return net.forward(params, x, net.REFERENCE_T).L


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def pretty(name: str) -> str:
    """A variable name as Unicode maths: ``"w_12^(1)"`` → ``"w₁₂⁽¹⁾"``, ``"b^(3)"`` → ``"b⁽³⁾"``."""
    base, _, sup = name.partition("^")
    letter, _, sub = base.partition("_")
    return letter + sub.translate(_SUB) + sup.translate(_SUP)


def gradient_bars(name: str = "w_11^(1)", value: float = 0.5, *, fig: Figure | None = None) -> View:
    """All 20 gradients of the 2-3-2-1 network with one variable slid to ``value``.

    ``name`` is a parameter (:data:`bp_helpers.network_2321.PARAMETER_NAMES`) or an input
    (``"x_1"``, ``"x_2"``); every other value stays at the reference point. Left: the 20
    gradients ∂L/∂θ from the hand backward pass; right: L against the chosen variable,
    with the tangent at ``value``.
    """
    params, x = _point(name, float(value))
    t = net.REFERENCE_T
    cache = net.forward(params, x, t)
    grads = net.backward(params, cache)
    h = 1e-6
    slope = (_loss_at(name, value + h) - _loss_at(name, value - h)) / (2 * h)

    fig, axes = fresh_figure(fig, 1, 2, figsize=(11.0, 5.0))
    ax_bars, ax_loss = axes[0]
    engine = fig.get_layout_engine()
    if engine is not None:  # None on a redraw: the first draw's layout is kept
        engine.set(w_pad=0.1)
    values = np.array([grads[n] for n in net.PARAMETER_NAMES])
    colors = [LAYER_COLORS[_layer(n)] for n in net.PARAMETER_NAMES]
    positions = np.arange(values.size)
    bars = ax_bars.barh(positions, values, color=colors)
    if name in grads:
        chosen = bars[net.PARAMETER_NAMES.index(name)]
        chosen.set_edgecolor("black")
        chosen.set_linewidth(2.0)
    ax_bars.axvline(0.0, color=COLORS["neutral"], linewidth=0.8)
    ax_bars.set_yticks(positions, [pretty(n) for n in net.PARAMETER_NAMES], fontsize=11)
    ax_bars.invert_yaxis()
    limit = max(1e-3, 1.15 * float(np.max(np.abs(values))))
    ax_bars.set_xlim(-limit, limit)
    handles = [Patch(color=LAYER_COLORS[k], label=lab)
               for k, lab in ((1, "layer 1"), (2, "layer 2"), (3, "output"))]
    ax_bars.legend(handles=handles, loc="lower left")  # t = 0: output bars are > 0
    label_axes(ax_bars, "All 20 gradients from one backward pass", "∂L/∂θ", "parameter θ")

    grid = np.linspace(*VALUE_RANGE, 81)
    losses = [_loss_at(name, g) for g in grid]
    ax_loss.plot(grid, losses, color=COLORS["function"], label="L")
    span = 1.0
    ax_loss.plot([value - span, value + span], [cache.L - slope * span, cache.L + slope * span],
                 color=COLORS["tangent"], label=f"slope {slope:+.4f}")
    ax_loss.plot([value], [cache.L], "o", color=COLORS["highlight"])
    ax_loss.set_xlim(VALUE_RANGE[0] - 0.2, VALUE_RANGE[1] + 0.2)
    ax_loss.set_ylim(-0.02, 0.52)
    ax_loss.legend(loc="upper left")
    label_axes(ax_loss, f"Loss as {pretty(name)} slides", pretty(name), "L = ½(y − t)²")

    top = max(net.PARAMETER_NAMES, key=lambda n: abs(grads[n]))
    if name in grads:
        which = f"∂L/∂{name} = {grads[name]:+.4f} (the bar with the black edge)"
    else:
        which = f"∂L/∂{name} = {slope:+.4f} (an input: no bar; slope by central differences)"
    text = (f"{name} = {value:.2f}, everything else at the reference point\n"
            f"y = {cache.y:.4f}, t = {t:.0f}, L = {cache.L:.4f}\n"
            f"{which}\nlargest |gradient|: {top} = {grads[top]:+.4f}")
    return View(fig, text)


GRADIENT_BARS = Explorer(
    gradient_bars,
    {"name": Choice(VARIABLES), "value": FloatRange(*VALUE_RANGE, 0.05)},
)


_COLUMNS = (("x_1", "x_2"), ("h_1^(1)", "h_2^(1)", "h_3^(1)"), ("h_1^(2)", "h_2^(2)"), ("y",))


def _node_positions() -> dict[str, tuple[float, float]]:
    return {name: (3.0 * c, (len(col) - 1) / 2 - r)
            for c, col in enumerate(_COLUMNS) for r, name in enumerate(col)}


def _edges() -> list[tuple[str, str, str]]:
    """(source node, target node, weight name) for the 14 weights."""
    edges = [(f"x_{k}", f"h_{j}^(1)", f"w_{j}{k}^(1)") for j in (1, 2, 3) for k in (1, 2)]
    edges += [(f"h_{j}^(1)", f"h_{i}^(2)", f"w_{i}{j}^(2)") for i in (1, 2) for j in (1, 2, 3)]
    edges += [(f"h_{i}^(2)", "y", f"v_{i}") for i in (1, 2)]
    return edges


def network_diagram(*, fig: Figure | None = None) -> View:
    """The 2-3-2-1 network: every unit, every weight by name, and each unit's bias."""
    fig, axes = fresh_figure(fig, 1, 1, figsize=(9.0, 5.0))
    ax = axes[0, 0]
    pos = _node_positions()
    for source, target, weight in _edges():
        (x0, y0), (x1, y1) = pos[source], pos[target]
        ax.plot([x0, x1], [y0, y1], color=COLORS["neutral"], linewidth=1.0, zorder=1)
        # label near the target, where the edges into a unit fan apart
        near = 0.22 if weight.endswith("^(2)") else 0.3
        lx, ly = x1 + near * (x0 - x1), y1 + near * (y0 - y1)
        ax.text(lx, ly, pretty(weight), fontsize=10, ha="center", va="center", zorder=3,
                bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"})
    biases = {"h_1^(1)": "b_1^(1)", "h_2^(1)": "b_2^(1)", "h_3^(1)": "b_3^(1)",
              "h_1^(2)": "b_1^(2)", "h_2^(2)": "b_2^(2)", "y": "b^(3)"}
    for name, (x, y) in pos.items():
        face = "#dbe9f6" if name.startswith("x") else "#fde0c5"
        ax.scatter([x], [y], s=1400, color=face, edgecolor="black", zorder=2)
        ax.text(x, y, pretty(name), fontsize=12, ha="center", va="center", zorder=4)
        if name in biases:
            ax.text(x, y - 0.33, f"+{pretty(biases[name])}", fontsize=10, ha="center",
                    va="top", color=COLORS["tangent"], zorder=4)
    ax.text(9.0, -0.95, "L = ½(y − t)²", fontsize=11, ha="center")
    for c, title in enumerate(("inputs", "hidden layer 1\n(σ)", "hidden layer 2\n(σ)",
                               "output\n(σ)")):
        ax.text(3.0 * c, 1.55, title, fontsize=10, ha="center", va="bottom")
    ax.set_xlim(-0.8, 9.8)
    ax.set_ylim(-1.3, 2.0)
    ax.set_axis_off()
    ax.set_title("The 2-3-2-1 network: 14 weights (grey edges) + 6 biases (red) = 20 parameters")
    return View(fig, f"{len(_edges())} weights + {len(biases)} biases = "
                     f"{len(_edges()) + len(biases)} parameters")


def _reference() -> net.Forward:
    return net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)


def check_output_error(answer: Any) -> bool:
    """δ^(3) = ∂L/∂z^(3) at the reference point (a number)."""
    f = _reference()
    return check_number(
        answer, (f.y - f.t) * f.y * (1 - f.y), name="δ⁽³⁾",
        traps={f.y - f.t: "that is ∂L/∂y. Multiply by ∂y/∂z⁽³⁾ = y(1 − y)."},
        hint="δ⁽³⁾ = (y − t)·y·(1 − y), with y and t from the forward pass above.",
    )


def _delta_symbols() -> dict[str, Any]:
    import sympy as sp

    symbols = {name: sp.Symbol(name, real=True) for name in ("delta_1^(2)", "delta_2^(2)")}
    symbols.update(net.build_symbolic().symbols)
    return symbols


def check_hidden_sum(answer: Any) -> bool:
    """∂L/∂h_3^(1) as a sympy expression of ``delta_1^(2)``, ``delta_2^(2)`` and the w^(2)."""
    import sympy as sp

    s = _delta_symbols()
    d1, d2 = s["delta_1^(2)"], s["delta_2^(2)"]
    expected = d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"]
    try:  # match the learner's symbols by name, whatever assumptions they were made with
        answer = sp.sympify(answer)
        answer = answer.subs({x: s[x.name] for x in answer.free_symbols if x.name in s})
    except (sp.SympifyError, TypeError, AttributeError):
        pass
    hint = "h₃⁽¹⁾ feeds both units of layer 2: add δᵢ⁽²⁾·wᵢ₃⁽²⁾ over i = 1, 2."
    if isinstance(answer, sp.Expr):
        if answer.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return report("∂L/∂h₃⁽¹⁾", False, f"your expression is not finite. {hint}")
        if sp.simplify(answer - d1 * s["w_13^(2)"]) == 0 or \
                sp.simplify(answer - d2 * s["w_23^(2)"]) == 0:
            return report("∂L/∂h₃⁽¹⁾", False, f"that is one path only. {hint}")
        if sp.simplify(answer - d1 * s["w_31^(1)"] - d2 * s["w_32^(1)"]) == 0:
            return report("∂L/∂h₃⁽¹⁾", False,
                           "use the layer-2 weights: wᵢⱼ⁽²⁾ joins h_j⁽¹⁾ to unit i of layer 2.")
    return check_expression(answer, expected, name="∂L/∂h₃⁽¹⁾", hint=hint)


def check_input_gradient(answer: Any) -> bool:
    """∂L/∂x_1 at the reference point (a number): one step past the first layer."""
    p, f = net.REFERENCE_PARAMS, _reference()
    grads = net.backward(p, f)
    exact = sum(grads[f"b_{j}^(1)"] * p[f"w_{j}1^(1)"] for j in (1, 2, 3))  # δ_j^(1) = ∂L/∂b_j^(1)
    return check_number(
        answer, exact, name="∂L/∂x₁",
        hint="∂L/∂x₁ = Σⱼ δⱼ⁽¹⁾·wⱼ₁⁽¹⁾, summed over all three units of layer 1 "
        "(δⱼ⁽¹⁾ equals ∂L/∂bⱼ⁽¹⁾).",
    )
