"""Notebook 03, Backprop by hand: the 2-3-2-1 network's figures and exercises.

Explorers: :data:`GRADIENT_BARS` (slide one parameter, watch all 20 gradients) and
:data:`BACKWARD_PASS` (a slider over the 20 steps of the backward pass, drawn on the
network). Checkers: the output error, a sum over paths, an input gradient, and note 000's
two-layer network with a linear output (:func:`check_two_layer_grads`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers import network_2321 as net
from bp_helpers._validate import bounded_int, finite_float
from bp_helpers.messages import t
from bp_helpers.ui.checks import (
    ATOL,
    NOT_ANSWERED,
    RTOL,
    check_expression,
    check_number,
    report,
)

# Re-exported for the notebook (verify, use_course_style): it imports only its lesson.
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Choice, Explorer, FloatRange, IntRange
from bp_helpers.ui.palette import COLORS, TINTS, layer_style
from bp_helpers.ui.style import View, dynamic, figure_state, ft, label_axes
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

VARIABLES = net.PARAMETER_NAMES + net.INPUT_NAMES


VALUE_RANGE = (-4.0, 4.0)
VALUE_STEP = 0.05

#: The three groups of the bars, input side first, and the layer number of their colour.
GROUPS = (("layer 1", 1), ("layer 2", 2), ("output", 3))


def _group_label(label: str, *, figure: bool = False) -> str:
    """The name of a group of :data:`GROUPS` in the notebook's language (figure text if
    ``figure``)."""
    if figure:
        names = {"layer 1": ft("l03.layer_1"), "layer 2": ft("l03.layer_2"),
                 "output": ft("l03.output")}
    else:
        names = {"layer 1": t("l03.layer_1"), "layer 2": t("l03.layer_2"),
                 "output": t("l03.output")}
    return names[label]


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


def _grid() -> np.ndarray:
    steps = round((VALUE_RANGE[1] - VALUE_RANGE[0]) / VALUE_STEP)
    return np.linspace(*VALUE_RANGE, steps + 1)


@functools.lru_cache(maxsize=1)
def gradient_limit() -> float:
    """The largest |∂L/∂θ| over every variable and every slider value (fixes the bars' axis)."""
    largest = 0.0
    for name in VARIABLES:
        for value in _grid():
            params, x = _point(name, float(value))
            grads = net.gradients(params, x, net.REFERENCE_T)
            largest = max(largest, max(abs(g) for g in grads.values()))
    return largest


@functools.lru_cache(maxsize=len(VARIABLES))
def _loss_curve(name: str) -> tuple[np.ndarray, np.ndarray]:
    grid = np.linspace(*VALUE_RANGE, 81)
    return grid, np.array([_loss_at(name, float(g)) for g in grid])


def _build_bars(fig: Figure) -> dict[str, Any]:
    """The static part of :func:`gradient_bars` (axes, ticks, legends) and its moving artists."""
    from matplotlib.patches import Patch

    ax_bars, ax_loss = fig.subplots(1, 2)
    names = net.PARAMETER_NAMES
    positions = np.arange(len(names))
    colors = [layer_style(_layer(n))["color"] for n in names]
    bars = ax_bars.barh(positions, np.zeros(len(names)), color=colors, edgecolor=COLORS["ink"],
                        linewidth=0.0)
    for bar in bars:
        dynamic(bar)
    ax_bars.set_axisbelow(True)  # the grid under the bars, as the fast redraw draws them
    ax_bars.axvline(0.0, color=COLORS["neutral"], linewidth=0.8, zorder=0.5)
    ax_bars.set_yticks(positions, [pretty(n) for n in names], fontsize=11)
    ax_bars.invert_yaxis()
    limit = 1.1 * gradient_limit()
    ax_bars.set_xlim(-limit, limit)
    label_axes(ax_bars, ft("l03.bars_title"), "∂L/∂θ", ft("l03.bars_ylabel"))
    handles = [Patch(color=layer_style(k)["color"], label=_group_label(label, figure=True))
               for label, k in GROUPS]
    fig.legend(handles=handles, loc="outside lower left", ncols=3, fontsize=10,
               title=ft("l03.bars_legend_title"), title_fontsize=10)

    (curve,) = ax_loss.plot([], [], color=COLORS["function"], label="L")
    (tangent,) = ax_loss.plot([], [], color=COLORS["tangent"], linestyle="--",
                              label=ft("l03.tangent"))
    (point,) = ax_loss.plot([], [], "o", color=COLORS["highlight"],
                            label=ft("l03.current_value"))
    ax_loss.set_xlim(VALUE_RANGE[0] - 0.2, VALUE_RANGE[1] + 0.2)
    ax_loss.set_ylim(-0.02, 0.52)
    label_axes(ax_loss, ft("l03.loss_title", name=pretty("w_11^(1)")), ft("l03.loss_xlabel"),
               "L = ½(y − t)²")
    fig.legend(handles=[curve, tangent, point], loc="outside lower right", ncols=3,
               fontsize=10)
    for artist in (curve, tangent, point, ax_loss.title):
        dynamic(artist)
    return {"bars": bars, "tangent": tangent, "point": point, "curve": curve,
            "ax_loss": ax_loss, "name": None}


def gradient_bars(name: str = "w_11^(1)", value: float = 0.5, *, fig: Figure | None = None) -> View:
    """All 20 gradients of the 2-3-2-1 network with one variable slid to ``value``.

    ``name`` is a parameter (:data:`bp_helpers.network_2321.PARAMETER_NAMES`) or an input
    (``"x_1"``, ``"x_2"``); every other value stays at the reference point. Left: the 20
    gradients ∂L/∂θ from the hand backward pass, on an axis fixed for every setting;
    right: L against the chosen variable, with the tangent at ``value``.
    """
    params, x = _point(name, float(value))
    t_ = net.REFERENCE_T
    cache = net.forward(params, x, t_)
    grads = net.backward(params, cache)
    h = 1e-6
    slope = (_loss_at(name, value + h) - _loss_at(name, value - h)) / (2 * h)

    fig, artists = figure_state(fig, _build_bars, figsize=(11.0, 5.2))
    if artists["name"] != name:
        artists["curve"].set_data(*_loss_curve(name))
        artists["ax_loss"].title.set_text(ft("l03.loss_title", name=pretty(name)))
        artists["name"] = name
    for bar, parameter in zip(artists["bars"], net.PARAMETER_NAMES, strict=True):
        bar.set_width(grads[parameter])
        bar.set_linewidth(2.0 if parameter == name else 0.0)
    span = 1.0
    artists["tangent"].set_data([value - span, value + span],
                                [cache.L - slope * span, cache.L + slope * span])
    artists["point"].set_data([value], [cache.L])

    top = max(net.PARAMETER_NAMES, key=lambda n: abs(grads[n]))
    if name in grads:
        which = t("l03.which_parameter", name=name, value=grads[name])
    else:
        which = t("l03.which_input", name=name, value=slope)
    largest = {label: max(abs(grads[n]) for n in net.PARAMETER_NAMES if _layer(n) == k)
               for label, k in GROUPS}
    groups = t("l03.separator").join(f"{_group_label(label)} {v:.4f}"
                                     for label, v in largest.items())
    text = t("l03.bars_summary", name=name, value=value, y=cache.y, t=t_, L=cache.L,
             which=which, top=top, top_value=grads[top], groups=groups)
    return View(fig, text)


GRADIENT_BARS = Explorer(
    gradient_bars,
    {"name": Choice(VARIABLES), "value": FloatRange(*VALUE_RANGE, VALUE_STEP)},
)


def _reference() -> net.Forward:
    return net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)


def check_output_error(answer: Any) -> bool:
    """δ^(3) = ∂L/∂z^(3) at the reference point (a number)."""
    f = _reference()
    return check_number(
        answer, (f.y - f.t) * f.y * (1 - f.y), name="δ⁽³⁾",
        traps={f.y - f.t: t("l03.output_error_trap")},
        hint=t("l03.output_error_hint"),
    )


def _delta_symbols() -> dict[str, Any]:
    import sympy as sp

    symbols = {name: sp.Symbol(name, real=True) for name in ("delta_1^(2)", "delta_2^(2)")}
    symbols.update(net.build_symbolic().symbols)
    return symbols


def check_hidden_sum(answer: Any) -> bool:
    """∂L/∂h_3^(1) as a sympy expression of ``delta_1^(2)``, ``delta_2^(2)`` and the w^(2)."""
    s = _delta_symbols()
    d1, d2 = s["delta_1^(2)"], s["delta_2^(2)"]
    one_path = t("l03.hidden_sum_one_path")
    return check_expression(
        answer, d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"], name="∂L/∂h₃⁽¹⁾",
        hint=t("l03.hidden_sum_hint"),
        symbols=s.values(),
        traps=[(d1 * s["w_13^(2)"], one_path), (d2 * s["w_23^(2)"], one_path),
               (d1 * s["w_31^(1)"] + d2 * s["w_32^(1)"], t("l03.hidden_sum_wrong_layer"))],
    )


def check_input_gradient(answer: Any) -> bool:
    """∂L/∂x_1 at the reference point (a number): one step past the first layer."""
    p, f = net.REFERENCE_PARAMS, _reference()
    grads = net.backward(p, f)
    exact = sum(grads[f"b_{j}^(1)"] * p[f"w_{j}1^(1)"] for j in (1, 2, 3))  # δ_j^(1) = ∂L/∂b_j^(1)
    return check_number(
        answer, exact, name="∂L/∂x₁",
        hint=t("l03.input_gradient_hint"),
    )


# --- watch the backward pass happen --------------------------------------------------------

_COLUMNS = (("x_1", "x_2"), ("h_1^(1)", "h_2^(1)", "h_3^(1)"), ("h_1^(2)", "h_2^(2)"), ("y",))
NODE_NAMES: tuple[str, ...] = tuple(name for column in _COLUMNS for name in column)


def node_positions() -> dict[str, tuple[float, float]]:
    """Where :func:`backward_pass` draws each unit: name -> (x, y) in data coordinates."""
    return {name: (3.0 * c, 1.35 * ((len(col) - 1) / 2 - r))
            for c, col in enumerate(_COLUMNS) for r, name in enumerate(col)}


def _edges() -> dict[str, tuple[str, str]]:
    """weight name -> (source node, target node), for the 14 weights."""
    edges = {f"w_{j}{k}^(1)": (f"x_{k}", f"h_{j}^(1)") for j in (1, 2, 3) for k in (1, 2)}
    edges.update({f"w_{i}{j}^(2)": (f"h_{j}^(1)", f"h_{i}^(2)") for i in (1, 2) for j in (1, 2, 3)})
    edges.update({f"v_{i}": (f"h_{i}^(2)", "y") for i in (1, 2)})
    return edges


#: The unit whose error δ is ∂L/∂(bias): bias name -> node name.
_BIAS_NODE = {f"b_{j}^(1)": f"h_{j}^(1)" for j in (1, 2, 3)} | {
    f"b_{i}^(2)": f"h_{i}^(2)" for i in (1, 2)} | {"b^(3)": "y"}


def _delta_name(node: str) -> str:
    """``"h_1^(2)"`` -> ``"δ₁⁽²⁾"``, ``"y"`` -> ``"δ⁽³⁾"``."""
    return "δ⁽³⁾" if node == "y" else pretty(node.replace("h", "δ", 1))


@dataclass(frozen=True)
class BackwardStep:
    """One step of the backward pass of the 2-3-2-1 network: one gradient, one formula.

    ``number`` counts from 1 to 20. A ``"node"`` step computes the error δ of the unit
    ``target`` (δ = ∂L/∂z, which is also ∂L/∂b of its bias ``parameter``); an ``"edge"``
    step computes ∂L/∂w of the weight ``target`` (= ``parameter``). ``reads`` names the
    units and weights whose values the formula uses (drawn dashed), ``uses`` those values
    as symbols (``"δ₁⁽²⁾"``, ``"w₁₁⁽²⁾"``, ``"h₁⁽¹⁾"``); ``formula`` is the formula in symbols,
    ``numbers`` the same with the numbers substituted, and ``value`` the result, taken
    from :func:`bp_helpers.network_2321.backward`.
    """

    number: int
    kind: str
    target: str
    parameter: str
    reads: tuple[str, ...]
    uses: tuple[str, ...]
    formula: str
    numbers: str
    value: float

    @property
    def result(self) -> str:
        """What the step computes, in symbols (``"δ₁⁽²⁾"`` or ``"∂L/∂w₁₂⁽²⁾"``)."""
        if self.kind == "node":
            return _delta_name(self.target)
        return f"∂L/∂{pretty(self.target)}"


def _num(value: float) -> str:
    """A factor in a substituted formula: 4 significant digits, negatives in brackets."""
    text = f"{value:.4g}".replace("-", "−")
    return f"({text})" if value < 0 else text


def backward_steps(
    params: Mapping[str, float] = net.REFERENCE_PARAMS,
    x: Sequence[float] = net.REFERENCE_X,
    t: float = net.REFERENCE_T,
) -> tuple[BackwardStep, ...]:
    """The 20 steps of the backward pass at ``(params, x (2,), t)``, in the order computed.

    δ⁽³⁾; ∂L/∂v₁, ∂L/∂v₂; δ₁⁽²⁾, δ₂⁽²⁾; the six ∂L/∂w⁽²⁾; δ₁⁽¹⁾ … δ₃⁽¹⁾; the six
    ∂L/∂w⁽¹⁾. Each step's value is the gradient :func:`bp_helpers.network_2321.backward`
    returns for its parameter; the substituted numbers are the forward values, the
    weights and the errors of earlier steps.
    """
    p = net.check_params(params)
    f = net.forward(p, x, t)
    g = net.backward(p, f)
    h1 = dict(zip(("h_1^(1)", "h_2^(1)", "h_3^(1)"), f.h1, strict=True))
    h2 = dict(zip(("h_1^(2)", "h_2^(2)"), f.h2, strict=True))
    delta = {"y": g["b^(3)"]} | {f"h_{i}^(2)": g[f"b_{i}^(2)"] for i in (1, 2)} | {
        f"h_{j}^(1)": g[f"b_{j}^(1)"] for j in (1, 2, 3)}
    steps: list[tuple] = []

    def slope(node: str, value: float) -> tuple[str, str]:
        name = "y" if node == "y" else pretty(node)
        return f"{name}(1 − {name})", f"{_num(value)}·(1 − {_num(value)})"

    s_sym, s_num = slope("y", f.y)
    steps.append(("node", "y", "b^(3)", ("y",), ("y", "t"), f"δ⁽³⁾ = (y − t)·{s_sym}",
                  f"({_num(f.y)} − {_num(f.t)})·{s_num}"))
    for i in (1, 2):
        node = f"h_{i}^(2)"
        steps.append(("edge", f"v_{i}", f"v_{i}", ("y", node), ("δ⁽³⁾", pretty(node)),
                      f"∂L/∂v{_sub(i)} = δ⁽³⁾·{pretty(node)}",
                      f"{_num(delta['y'])}·{_num(h2[node])}"))
    for i in (1, 2):
        node = f"h_{i}^(2)"
        s_sym, s_num = slope(node, h2[node])
        steps.append(("node", node, f"b_{i}^(2)", ("y", f"v_{i}", node),
                      ("δ⁽³⁾", f"v{_sub(i)}", pretty(node)),
                      f"{_delta_name(node)} = δ⁽³⁾·v{_sub(i)}·{s_sym}",
                      f"{_num(delta['y'])}·{_num(p[f'v_{i}'])}·{s_num}"))
    for i in (1, 2):
        for j in (1, 2, 3):
            name, node, below = f"w_{i}{j}^(2)", f"h_{i}^(2)", f"h_{j}^(1)"
            steps.append(("edge", name, name, (node, below),
                          (_delta_name(node), pretty(below)),
                          f"∂L/∂{pretty(name)} = {_delta_name(node)}·{pretty(below)}",
                          f"{_num(delta[node])}·{_num(h1[below])}"))
    for j in (1, 2, 3):
        node = f"h_{j}^(1)"
        w1, w2 = f"w_1{j}^(2)", f"w_2{j}^(2)"
        s_sym, s_num = slope(node, h1[node])
        steps.append((
            "node", node, f"b_{j}^(1)", ("h_1^(2)", "h_2^(2)", w1, w2, node),
            ("δ₁⁽²⁾", "δ₂⁽²⁾", pretty(w1), pretty(w2), pretty(node)),
            f"{_delta_name(node)} = (δ₁⁽²⁾·{pretty(w1)} + δ₂⁽²⁾·{pretty(w2)})·{s_sym}",
            f"({_num(delta['h_1^(2)'])}·{_num(p[w1])} + {_num(delta['h_2^(2)'])}·"
            f"{_num(p[w2])})·{s_num}"))
    for j in (1, 2, 3):
        for k in (1, 2):
            name, node = f"w_{j}{k}^(1)", f"h_{j}^(1)"
            steps.append(("edge", name, name, (node, f"x_{k}"), (_delta_name(node), f"x{_sub(k)}"),
                          f"∂L/∂{pretty(name)} = {_delta_name(node)}·x{_sub(k)}",
                          f"{_num(delta[node])}·{_num(f.x[k - 1])}"))
    return tuple(BackwardStep(n, kind, target, parameter, reads, uses, formula, numbers,
                              float(g[parameter]))
                 for n, (kind, target, parameter, reads, uses, formula, numbers)
                 in enumerate(steps, start=1))


def _sub(k: int) -> str:
    return str(k).translate(_SUB)


@functools.lru_cache(maxsize=1)
def _reference_steps() -> tuple[BackwardStep, ...]:
    return backward_steps()


#: The steps of :data:`BACKWARD_PASS`; its slider runs from 0 (forward pass only) to this.
N_STEPS = len(net.PARAMETER_NAMES)
#: The step the static figure shows: δ₁⁽¹⁾, mid-way, where two paths meet.
MIDWAY_STEP = 12

_RADIUS = 0.3  # of a unit's circle, in data units (the axes have equal aspect)


def _state_styles() -> dict[str, dict[str, Any]]:
    return {
        "todo": {"color": COLORS["ink"], "lw": 1.0, "ls": "-"},
        "read": {"color": COLORS["highlight"], "lw": 2.5, "ls": "--"},
        "active": {"color": COLORS["backward"], "lw": 4.0, "ls": "-"},
        "done": {"color": COLORS["neutral"], "lw": 1.0, "ls": "-"},
    }


def _build_steps(fig: Figure) -> dict[str, Any]:
    """The static network of :func:`backward_pass` and the artists a step changes."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    ax = fig.subplots()
    pos = node_positions()
    f = _reference()
    forward_values = dict(zip(NODE_NAMES, (*f.x, *f.h1, *f.h2, f.y), strict=True))
    edges = {}
    for weight, (source, target) in _edges().items():
        (x0, y0), (x1, y1) = pos[source], pos[target]
        length = float(np.hypot(x1 - x0, y1 - y0))
        ux, uy = (x1 - x0) / length, (y1 - y0) / length  # stop at the circles' rims
        (edges[weight],) = ax.plot([x0 + _RADIUS * ux, x1 - _RADIUS * ux],
                                   [y0 + _RADIUS * uy, y1 - _RADIUS * uy], zorder=1,
                                   solid_capstyle="butt")
    circles = {}
    deltas = {}
    bbox = {"boxstyle": "round,pad=0.1", "facecolor": TINTS["paper"], "linewidth": 0}
    for name in NODE_NAMES:
        x, y = pos[name]
        circles[name] = Circle((x, y), _RADIUS, fill=False, zorder=2)
        ax.add_patch(circles[name])
        ax.text(x, y, pretty(name), fontsize=13, ha="center", va="center", zorder=4)
        ax.text(x, y - _RADIUS - 0.06, f"{forward_values[name]:.4g}".replace("-", "−"),
                fontsize=11, ha="center", va="top", color=COLORS["forward"], zorder=4)
        if not name.startswith("x"):
            deltas[name] = ax.text(x, y + _RADIUS + 0.06, "", fontsize=11, ha="center",
                                   va="bottom", zorder=4, bbox=bbox)
    ax.text(pos["y"][0] + 0.45, pos["y"][1] - 0.1,
            f"L = ½(y − t)²\n   = {f.L:.4g}\nt = {f.t:.4g}", fontsize=11, ha="left",
            va="top", color=COLORS["forward"])
    columns = (ft("l03.column_inputs"), ft("l03.column_layer_1"), ft("l03.column_layer_2"),
               ft("l03.column_output"))
    for c, title in enumerate(columns):
        ax.text(3.0 * c, 2.05, title, fontsize=11, ha="center", va="bottom")
    labels = [ax.text(0, 0, "", fontsize=11, ha="center", va="center", zorder=5, bbox=bbox)
              for _ in range(2)]
    formula = ax.text(-0.9, -2.05, "", fontsize=12, ha="left", va="top", color=COLORS["ink"])
    styles = _state_styles()
    handles = [Line2D([], [], color=styles[s]["color"], lw=styles[s]["lw"], ls=styles[s]["ls"],
                      label=label)
               for s, label in (("active", ft("l03.legend_active")),
                                ("read", ft("l03.legend_read")), ("done", ft("l03.legend_done")),
                                ("todo", ft("l03.legend_todo")))]
    handles.append(Line2D([], [], color=COLORS["forward"], ls="none", marker="$0.7$",
                          markersize=14, label=ft("l03.legend_forward")))
    ax.legend(handles=handles, loc="lower center", ncols=5, fontsize=10,
              bbox_to_anchor=(0.5, 0.0))
    ax.set_xlim(-1.0, 11.2)
    ax.set_ylim(-3.35, 2.45)
    ax.set_aspect("equal")
    ax.set_axis_off()
    title = ax.set_title(ft("l03.pass_title_initial", n=N_STEPS))
    for artist in (*edges.values(), *circles.values(), *deltas.values(), *labels, formula,
                   title):
        dynamic(artist)
    return {"ax": ax, "edges": edges, "circles": circles, "deltas": deltas,
            "labels": labels, "formula": formula, "pos": pos}


def _check_step(step: Any) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)):
        raise TypeError(f"step must be an integer from 0 to {N_STEPS}, got {step!r}")
    if not 0 <= int(step) <= N_STEPS:
        raise ValueError(f"step must be from 0 (forward pass only) to {N_STEPS}, got {step}")
    return int(step)


def _item_states(step: int) -> dict[str, str]:
    """State of every unit and weight after ``step`` steps: todo, read, active or done."""
    steps = _reference_steps()
    states = dict.fromkeys((*NODE_NAMES, *_edges()), "todo")
    for s in steps[:step]:
        states[s.target] = "done"
    if step:
        current = steps[step - 1]
        for name in current.reads:
            if name != current.target:
                states[name] = "read"
        states[current.target] = "active"
    return states


def backward_pass(step: int = MIDWAY_STEP, *, fig: Figure | None = None) -> View:
    """The backward pass of the 2-3-2-1 network at the reference point, after ``step`` steps.

    ``step`` runs from 0 (the forward pass only) to 20. The diagram shows the forward value
    under every unit; the unit or weight being computed is thick and vermillion, what the
    step reads is dashed wine, what is done is grey with its δ kept above the unit; the
    formula, with the numbers substituted, and its value are written below. Only the
    weights the step uses are labelled, so labels never collide.
    """
    step = _check_step(step)
    fig, artists = figure_state(fig, _build_steps, figsize=(11.0, 5.6))
    steps = _reference_steps()
    states = _item_states(step)
    styles = _state_styles()
    for weight, line in artists["edges"].items():
        style = styles[states[weight]]
        line.set(color=style["color"], linewidth=style["lw"], linestyle=style["ls"])
    for node, circle in artists["circles"].items():
        style = styles[states[node]]
        circle.set(edgecolor=style["color"], linewidth=max(1.5, style["lw"]),
                   linestyle=style["ls"])
    known = {s.target: s for s in steps[:step] if s.kind == "node"}
    for node, text in artists["deltas"].items():
        if node in known:
            color = COLORS["backward"] if states[node] == "active" else COLORS["neutral"]
            text.set(text=f"δ = {_num(known[node].value).strip('()')}", color=color)
        else:
            text.set(text="")
    pos = artists["pos"]
    labelled = []
    if step:
        current = steps[step - 1]
        labelled = [n for n in (current.target, *current.reads) if n in _edges()]
        title = (ft("l03.pass_title", step=step, n=N_STEPS, result=current.result)
                 + (f" (= ∂L/∂{pretty(current.parameter)})" if current.kind == "node" else ""))
        value = _num(current.value).strip("()")
        formula = f"{current.formula}\n= {current.numbers} = {value}"
        done = step - 1
        text = (t("l03.pass_step", step=step, n=N_STEPS, formula=current.formula) + "\n"
                f"  = {current.numbers} = {value}"
                + (f"  (= ∂L/∂{pretty(current.parameter)})" if current.kind == "node" else "")
                + "\n" + t("l03.pass_uses", uses=t("l03.separator").join(current.uses),
                           done=done, todo=N_STEPS - step))
        if current.kind == "node" and current.target.endswith("^(1)"):
            text += "\n" + t("l03.pass_two_paths")
    else:
        title = ft("l03.pass_title_forward", n=N_STEPS)
        formula = ft("l03.pass_formula_forward", n=N_STEPS)
        text = t("l03.pass_forward_only", n=N_STEPS, y=_reference().y, L=_reference().L)
    for label, weight in zip(artists["labels"], [*labelled, None, None], strict=False):
        if weight is None:
            label.set_text("")
            continue
        (x0, y0), (x1, y1) = (pos[n] for n in _edges()[weight])
        share = 0.62  # nearer the target unit, where the two labelled edges are apart
        label.set(x=x0 + share * (x1 - x0), y=y0 + share * (y1 - y0),
                  text=f"{pretty(weight)} = {_num(net.REFERENCE_PARAMS[weight]).strip('()')}",
                  color=styles[states[weight]]["color"])
    artists["formula"].set_text(formula)
    artists["ax"].title.set_text(title)
    return View(fig, text)


BACKWARD_PASS = Explorer(backward_pass, {"step": IntRange(0, N_STEPS)})


# --- note 000's two-layer network: sigmoid hidden layer, linear output -------------------

_TWO_LAYER: dict[str, tuple] = {
    "x": ((1.0,), (-2.0,)),
    "y": ((1.0,),),
    "W1": ((0.5, -0.25), (-1.0, 0.5), (0.25, 0.75)),
    "b1": ((0.1,), (-0.2,), (0.0,)),
    "W2": ((1.5, -1.0, 0.5),),
    "b2": ((0.2,),),
}
#: The four gradients the exercise asks for, in the order the backward pass finds them.
TWO_LAYER_GRADIENTS = ("dW2", "db2", "dW1", "db1")


def two_layer_example() -> dict[str, np.ndarray]:
    """Note 000's example as fresh arrays: ``x`` (2, 1), ``y`` (1, 1), ``W1`` (3, 2),
    ``b1`` (3, 1), ``W2`` (1, 3), ``b2`` (1, 1).

    The network: ``z = W1 x + b1``, ``a = σ(z)``, ``ŷ = W2 a + b2`` (linear output) and
    ``L = ½(y − ŷ)²``.
    """
    return {key: np.array(value, dtype=float) for key, value in _TWO_LAYER.items()}


def two_layer_gradients() -> dict[str, np.ndarray]:
    """The reference gradients of :func:`two_layer_example`, from the core ``MLP``.

    An ``MLP((2, 3, 1))`` with sigmoid hidden units, an identity output and ``mse`` (on one
    sample, ``½(ŷ − y)²``). Returns ``{"dW2": (1, 3), "db2": (1, 1), "dW1": (3, 2),
    "db1": (3, 1)}``.
    """
    from bp_helpers.nn import MLP

    ex = two_layer_example()
    mlp = MLP((2, 3, 1), activation="sigmoid", output_activation="identity", loss="mse")
    for key in ("W1", "b1", "W2", "b2"):
        mlp.params[key][...] = ex[key]
    _, grads = mlp.loss_and_grads(ex["x"], ex["y"], loss="mse")
    return {f"d{key}": grads[key] for key in ("W2", "b2", "W1", "b1")}


def _two_layer_traps() -> list[tuple[dict[str, np.ndarray], str]]:
    """Whole answers built from the usual mistakes, each with its hint."""
    from bp_helpers.nn import sigmoid

    ex, ref = two_layer_example(), two_layer_gradients()
    a = sigmoid(ex["W1"] @ ex["x"] + ex["b1"])
    y_hat = ex["W2"] @ a + ex["b2"]

    def scaled(k: np.ndarray | float) -> dict[str, np.ndarray]:
        return {key: value * k for key, value in ref.items()}

    no_sigma = t("l03.two_layer_no_sigma")
    return [
        (scaled(float(y_hat[0, 0] * (1 - y_hat[0, 0]))), no_sigma),
        (scaled(float(sigmoid(y_hat)[0, 0] * (1 - sigmoid(y_hat)[0, 0]))), no_sigma),
        (scaled(2.0), t("l03.two_layer_twice")),
        (scaled(0.5), t("l03.two_layer_half")),
        (scaled(-1.0), t("l03.two_layer_sign")),
    ]


def check_two_layer_grads(answer: Any) -> bool:
    """A dict ``{"dW2", "db2", "dW1", "db1"}`` of arrays for :func:`two_layer_example`."""
    name = t("l03.two_layer_name")
    hint = t("l03.two_layer_hint")
    if answer is ... or answer is None:
        return report(name, False, NOT_ANSWERED)
    try:
        ok, message = _judge_two_layer(answer, hint)
    except Exception as exc:  # a strange answer: a hint, never a traceback
        ok, message = False, t("l03.two_layer_unreadable", error=type(exc).__name__, hint=hint)
    return report(name, ok, message)


def _judge_two_layer(answer: Any, hint: str) -> tuple[bool, str]:
    if not isinstance(answer, Mapping) or any(k not in answer for k in TWO_LAYER_GRADIENTS):
        return (False, t("l03.two_layer_keys", keys=TWO_LAYER_GRADIENTS, hint=hint))
    ref = two_layer_gradients()
    got = {}
    for key in TWO_LAYER_GRADIENTS:
        try:
            value = np.asarray(answer[key])
            if value.dtype.kind not in "iuf":
                raise TypeError
            got[key] = value.astype(float)
        except (TypeError, ValueError):
            return (False, t("l03.two_layer_not_real", key=key, hint=hint))
        if not np.all(np.isfinite(got[key])):
            return (False, t("l03.two_layer_not_finite", key=key, hint=hint))

    def close(a: np.ndarray, b: np.ndarray) -> bool:
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))

    if all(close(got[k], ref[k]) for k in TWO_LAYER_GRADIENTS):
        return True, ""
    for wrong, message in _two_layer_traps():
        if all(close(got[k], wrong[k]) for k in TWO_LAYER_GRADIENTS):
            return (False, message)
    for key in TWO_LAYER_GRADIENTS:
        if close(got[key], ref[key]):
            continue
        if got[key].shape != ref[key].shape and close(got[key], ref[key].T):
            return (False, t("l03.two_layer_transpose", key=key, shape=got[key].shape,
                             expected=ref[key].shape))
        if got[key].shape != ref[key].shape:
            return (False, t("l03.two_layer_shape", key=key, shape=got[key].shape,
                             expected=ref[key].shape, hint=hint))
        return (False, t("l03.two_layer_wrong", key=key, hint=hint))
    return False, hint  # pragma: no cover - every key matched above


# --- the sentences the notebook prints, in the notebook's language -----------------------

def _reals(**values: Any) -> None:
    """Raise TypeError/ValueError unless every value is a finite real number."""
    for name, value in values.items():
        finite_float(value, name)


def backward_by_hand_checked(points: int) -> str:
    """The verdict of section 4: ``backward_by_hand`` equals ``net.backward`` at ``points``
    random points and the step-by-step values."""
    return t("l03.by_hand_checked", points=bounded_int(points, "points", 1))


def steps_checked(n_steps: int) -> str:
    """The verdict on :func:`backward_steps`: ``n_steps`` steps, each one gradient."""
    return t("l03.steps_checked", n=bounded_int(n_steps, "n_steps", 1))


def random_points_checked(points: int) -> str:
    """Section 5's verdict: backprop equals ``sympy.diff`` and central differences for all
    20 parameters at ``points`` random points (three lines)."""
    return t("l03.random_points_checked", points=bounded_int(points, "points", 1),
             n=len(net.PARAMETER_NAMES))


def multiplication_counts(naive: int, backprop: int) -> str:
    """Section 6's count of multiplications for all 20 gradients: each parameter on its own
    (``naive``) against backprop's reuse, and their ratio (four lines)."""
    naive = bounded_int(naive, "naive", 1)
    backprop = bounded_int(backprop, "backprop", 1)
    return t("l03.multiplication_counts", n=len(net.PARAMETER_NAMES), naive=naive,
             backprop=backprop, ratio=naive / backprop)


def descent_step_report(eta: float, loss_before: float, loss_after: float, predicted: float,
                        y_before: float, y_after: float, target: float) -> str:
    """Section 7's gradient-descent step: the loss before and after, the first-order
    prediction of its change, and where the output moved (two lines)."""
    _reals(eta=eta, loss_before=loss_before, loss_after=loss_after, predicted=predicted,
           y_before=y_before, y_after=y_after, target=target)
    return t("l03.descent_step", eta=eta, before=loss_before, after=loss_after,
             change=loss_after - loss_before, predicted=predicted, y_before=y_before,
             y_after=y_after, target=target)


def low_bias_report(largest_slope: float) -> str:
    """Section 8's check with b^(3) = −4: every gradient smaller; the largest sigmoid slope."""
    _reals(largest_slope=largest_slope)
    return t("l03.low_bias", slope=largest_slope)


def layer_bars_markdown(*, largest_weight: float, shrink_2: float, shrink_1: float,
                        paths: Sequence[float], x_1: float, largest_grad_2: float,
                        largest_grad_1: float, small_out_sum: float, small_shrink_2: float,
                        small_shrink_1: float) -> str:
    """Section 8's explanation (Markdown) of why the layer-1 bars are not smaller.

    ``shrink_2``, ``shrink_1``: how much the largest error shrinks from the output to layer 2
    and from layer 2 to layer 1; ``paths``: the two products that add up in ∂L/∂h₂⁽¹⁾;
    ``largest_grad_2``, ``largest_grad_1``: the largest |∂L/∂w| in layers 2 and 1; the
    ``small_*`` values are the same for the weights divided by 4.
    """
    if len(paths) != 2:
        raise ValueError(f"paths must hold the two paths into h_2^(1), got {len(paths)}")
    _reals(largest_weight=largest_weight, shrink_2=shrink_2, shrink_1=shrink_1,
           path_1=paths[0], path_2=paths[1], x_1=x_1, largest_grad_2=largest_grad_2,
           largest_grad_1=largest_grad_1, small_out_sum=small_out_sum,
           small_shrink_2=small_shrink_2, small_shrink_1=small_shrink_1)
    return t("l03.layer_bars_markdown", largest_weight=largest_weight, shrink_2=shrink_2,
             shrink_1=shrink_1, path_1=paths[0], path_2=paths[1], x_1=x_1,
             grad_2=largest_grad_2, grad_1=largest_grad_1, out_sum=small_out_sum,
             small_2=small_shrink_2, small_1=small_shrink_1)
