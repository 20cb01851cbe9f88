"""Reusable drawings: the computational graph, decision boundary, loss curve, per-layer norms.

Each takes data from the core and draws it on a given Axes or Figure; none computes
maths of its own beyond what drawing needs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from bp_helpers.autograd import Value, topological_order
from bp_helpers.messages import t
from bp_helpers.nn import MLP
from bp_helpers.ui.palette import CLASS_MARKERS, TINTS, class_cmap, class_colors, layer_style
from bp_helpers.ui.style import (
    COLORS,
    View,
    colorbar,
    dynamic,
    figure_state,
    ft,
    integer_ticks,
    label_axes,
    legend_outside,
)

#: The largest graph :func:`draw_graph` will draw; beyond ~30 nodes text gets small.
MAX_NODES = 60


# Geometry in data units; one unit is UNIT_INCHES at full size.
BOX_W, BOX_H = 1.85, 1.15  # a node's box
UNIT_INCHES = 0.56


ROW_PITCH = 1.45  # vertical distance between node centres


EDGE_GAP = 0.85  # horizontal room for the edges between columns


FAN_GAP = 0.9  # more room before a node that uses one input twice (two curved edges)


FAN_RAD = 0.45  # how far those two edges bow out (matplotlib's arc3 rad)


EDGE_LABEL_CLEARANCE = 0.2  # from a curved edge to its label's centre


TAG_H = 0.5  # height of the operation tag


TITLE_INCHES = 0.45  # room above the drawing for its title


FONT = 10.0  # text size in a node (points): never scaled down


EDGE_FONT = 9.0  # an edge label's text size (points)


_OP_SYMBOLS = {"*": "×", "/": "÷", "-": "−", "neg": "−x", "sigmoid": "σ", "relu": "ReLU"}


def format_number(x: float) -> str:
    """A number for a drawing: 3 significant digits, a true minus sign."""
    return f"{x:.3g}".replace("-", "−")


def _op_text(op: str) -> str:
    """An operation's name as shown in its tag: ``*`` → ``×``, ``** 2`` → ``^2``."""
    if op in _OP_SYMBOLS:
        return _OP_SYMBOLS[op]
    text = op.replace("**", "^").replace("*", "×").replace("/", "÷")
    text = text.replace("^ ", "^").replace(" - ", " − ")
    if text.startswith("- "):
        text = "− " + text[2:]
    if text.endswith(" -"):
        text = text[:-2] + " −"
    return text.replace("-", "−")


def _tag_width(text: str) -> float:
    return 0.3 + 0.19 * len(text)


@dataclass(frozen=True)
class Placed:
    """Where :func:`layout` put one node: column, row and centre ``(x, y)``."""

    node: Value
    column: int
    row: int
    x: float
    y: float


def _columns(order: list[Value]) -> dict[int, int]:
    """Column of every node (keyed by id): one more than its deepest child; leaves sit
    just left of their first use, so a late input (a bias) is drawn next to its node."""
    column: dict[int, int] = {}
    for node in order:
        kids = node.children
        column[id(node)] = 1 + max(column[id(c)] for c in kids) if kids else 0
    first_use: dict[int, int] = {}
    for node in order:
        for child in node.children:
            if child.is_leaf:
                first_use[id(child)] = min(first_use.get(id(child), 10**9), column[id(node)])
    for key, col in first_use.items():
        column[key] = col - 1
    return column


def layout(root: Value) -> list[Placed]:
    """Place every node ``root`` depends on: one column per step, inputs left, root right.

    Rows inside a column are ordered by the mean row of the nodes each one connects to
    (four barycentre sweeps), which removes most edge crossings. Returns the nodes in
    topological order (children first).
    """
    order = topological_order(root)
    column = _columns(order)
    n_cols = max(column.values()) + 1
    by_col: list[list[Value]] = [[] for _ in range(n_cols)]
    for node in order:
        by_col[column[id(node)]].append(node)
    parents: dict[int, list[Value]] = {id(n): [] for n in order}
    for node in order:
        for child in node.children:
            parents[id(child)].append(node)

    def rows() -> dict[int, float]:
        return {
            id(n): k - (len(col) - 1) / 2 for col in by_col for k, n in enumerate(col)
        }

    for sweep in range(4):
        pos = rows()
        forward = sweep % 2 == 0
        for c in range(n_cols) if forward else reversed(range(n_cols)):
            def key(n: Value, pos: dict[int, float] = pos, forward: bool = forward) -> float:
                near = n.children if forward else parents[id(n)]
                near = near or (parents[id(n)] if forward else n.children)
                return sum(pos[id(m)] for m in near) / len(near) if near else pos[id(n)]

            by_col[c].sort(key=key)  # stable: ties keep their order
            pos = rows()

    widths = [
        max((_tag_width(_op_text(n.op)) for n in col if n.op), default=0.0) for col in by_col
    ]
    x, xs = 0.0, []
    for c in range(n_cols):
        if any(_takes_twice(n) for n in by_col[c]):
            x += FAN_GAP  # room for two curved edges and their labels
        x += widths[c]
        xs.append(x + BOX_W / 2)
        x += BOX_W + EDGE_GAP
    placed = {}
    for c, col in enumerate(by_col):
        for k, n in enumerate(col):
            y = -(k - (len(col) - 1) / 2) * ROW_PITCH
            placed[id(n)] = Placed(n, c, k, xs[c], y)
    return [placed[id(n)] for n in order]


def _takes_twice(node: Value) -> bool:
    """True when ``node`` uses one input twice (``a + a``): two curved edges."""
    return len(node.children) == 2 and node.children[0] is node.children[1]


def _names(order: list[Value]) -> dict[int, str]:
    """Each node's label, or ``#k`` (its position in topological order) if it has none."""
    return {id(n): n.label or f"#{k}" for k, n in enumerate(order)}


def _text_width(text: str) -> int:
    """Columns ``text`` takes in monospace: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` monospace columns (``align``: < or >)."""
    fill = " " * max(0, width - _text_width(text))
    return text + fill if align == "<" else fill + text


def _summary(root: Value, order: list[Value], show_local: bool = True) -> str:
    names = _names(order)
    root_name = names[id(root)]
    node = t("drawings.col_node")
    width = max(_text_width(node), *(_text_width(s) for s in names.values()))
    n_inputs = sum(n.is_leaf for n in order)
    edges = t("drawings.summary_edges") if show_local else ""
    fields = {"root": root_name, "nodes": len(order), "inputs": n_inputs, "edges": edges}
    first = (t("drawings.summary_one_input", **fields) if n_inputs == 1
             else t("drawings.summary_inputs", **fields))
    header = (f"{_pad(node, width)}  {_pad(t('drawings.col_op'), 8)} "
              f"{_pad(t('drawings.col_value'), 10, '>')} "
              f"{_pad(t('drawings.col_grad', root=root_name), 12, '>')}")
    lines = [first, header]
    leaf = t("drawings.input")
    for n in order:
        lines.append(
            f"{_pad(names[id(n)], width)}  {_pad(n.op or leaf, 8)} {n.data:>10.4g} "
            f"{n.grad:>12.4g}"
        )
    return "\n".join(lines)


def draw_graph(
    root: Value,
    *,
    fig: Figure | None = None,
    title: str | None = None,
    show_local: bool = True,
) -> View:
    """Draw the graph of ``root``: each node's operation, value and gradient.

    Call ``root.backward()`` first to see gradients (otherwise they are all 0). Edge
    labels (``show_local``) are the local derivatives ∂(node)/∂(input). Nodes without a
    label are named ``#k``. Returns a :class:`View` whose text says what the drawing
    shows, then lists every node (value, gradient) in topological order. Text is never
    smaller than 9 pt, so a graph more than about ten steps deep makes a wide figure
    (shown scaled to the page). Raises ValueError beyond ``MAX_NODES`` nodes.

    Redrawing the same graph shape into the ``fig`` of an earlier call changes only the
    numbers and their colours (fast enough for a slider).
    """
    if not isinstance(root, Value):
        raise TypeError(f"root must be a Value, got {type(root).__name__}")
    if not isinstance(show_local, bool):
        raise TypeError(f"show_local must be True or False, got {show_local!r}")
    placed = layout(root)
    if len(placed) > MAX_NODES:
        raise ValueError(
            f"the graph has {len(placed)} nodes; drawings of more than {MAX_NODES} are "
            "unreadable: draw a smaller part of it"
        )
    order = [p.node for p in placed]
    names = _names(order)
    index = {id(n): k for k, n in enumerate(order)}
    root_name = names[id(root)]
    title = title or ft("drawings.graph_title", root=root_name)
    shape = tuple((names[id(n)], n.op, tuple(index[id(c)] for c in n.children)) for n in order)
    figsize = _graph_size(placed)

    def build(fig: Figure) -> dict:
        return _build_graph(fig, placed, names, root, show_local)

    fig, art = figure_state(fig, build, figsize=figsize, key=(shape, show_local), layout=False)
    art["ax"].title.set_text(title)
    for p, (value_text, grad_text) in zip(placed, art["numbers"], strict=True):
        node = p.node
        value_text.set_text(ft("drawings.node_value", value=format_number(node.data)))
        grad_text.set_text(ft("drawings.node_grad", value=format_number(node.grad)))
        grad_text.set_color(_sign_color(node.grad))
    locals_ = [local for p in placed for local in p.node.local_grads] if show_local else []
    for label, local in zip(art["edge_labels"], locals_, strict=True):
        label.set_text(format_number(local))
    return View(fig, _summary(root, order, show_local))


def _sign_color(x: float) -> str:
    return COLORS["positive"] if x > 0 else COLORS["negative"] if x < 0 else COLORS["ink"]


def _graph_size(placed: list[Placed]) -> tuple[float, float]:
    n_rows = max(p.row for p in placed) + 1
    x_min, x_max = _x_range(placed)
    y_half = _y_half(n_rows)
    return ((x_max - x_min) * UNIT_INCHES, 2 * y_half * UNIT_INCHES + TITLE_INCHES)


def _x_range(placed: list[Placed]) -> tuple[float, float]:
    x_min = min(p.x - BOX_W / 2 - _tag_width(_op_text(p.node.op)) * bool(p.node.op)
                for p in placed) - 0.2
    return x_min, max(p.x for p in placed) + BOX_W / 2 + 0.2


def _y_half(n_rows: int) -> float:
    return (n_rows - 1) / 2 * ROW_PITCH + BOX_H / 2 + 0.35


def _build_graph(fig: Figure, placed: list[Placed], names: dict[int, str], root: Value,
                 show_local: bool) -> dict:
    """Boxes, tags, arrows and names (static); numbers and edge labels (dynamic)."""
    width, height = fig.get_size_inches()
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0 - TITLE_INCHES / height), label=_AXES_LABEL)
    n_rows = max(p.row for p in placed) + 1
    ax.set_xlim(*_x_range(placed))
    y_half = _y_half(n_rows)
    ax.set_ylim(-y_half, y_half)
    ax.set_axis_off()
    ax.set_title("", fontsize=11)
    dynamic(ax.title)
    where = {id(p.node): p for p in placed}
    numbers = [_draw_node(ax, p, names[id(p.node)], is_root=p.node is root) for p in placed]
    edge_labels: list = []
    for p in placed:
        edge_labels += _draw_edges(ax, p, where, show_local=show_local)
    return {"ax": ax, "numbers": numbers, "edge_labels": edge_labels}


_AXES_LABEL = "computational graph"


def _draw_node(ax: Axes, p: Placed, name: str, *, is_root: bool) -> tuple:
    """The node's box, name and operation tag; returns its (value, grad) texts."""
    node = p.node
    left, bottom = p.x - BOX_W / 2, p.y - BOX_H / 2
    ax.add_artist(FancyBboxPatch(
        (left, bottom), BOX_W, BOX_H, boxstyle="round,pad=0,rounding_size=0.12",
        facecolor=TINTS["leaf"] if node.is_leaf else TINTS["node"],
        edgecolor=COLORS["highlight"] if node.is_leaf else TINTS["box_edge"],
        linewidth=2.2 if is_root else 1.1, zorder=2,
    ))
    ax.text(p.x, p.y + 0.3, name, ha="center", va="center", fontsize=FONT + 0.5,
            fontweight="bold", zorder=3)
    value = dynamic(ax.text(p.x, p.y, "", ha="center", va="center", fontsize=FONT, zorder=3))
    grad = dynamic(ax.text(p.x, p.y - 0.3, "", ha="center", va="center", fontsize=FONT,
                           zorder=3))
    if node.op:
        text = _op_text(node.op)
        w = _tag_width(text)
        ax.add_artist(FancyBboxPatch(
            (left - w, p.y - TAG_H / 2), w, TAG_H, boxstyle="round,pad=0,rounding_size=0.2",
            facecolor=TINTS["paper"], edgecolor=TINTS["box_edge"], linewidth=1.0, zorder=4,
        ))
        ax.text(left - w / 2, p.y, text, ha="center", va="center", fontsize=FONT, zorder=5)
    return value, grad


def _draw_edges(ax: Axes, p: Placed, where: dict[int, Placed], *, show_local: bool) -> list:
    """Arrows from the node's inputs; returns one (dynamic) label per input edge."""
    node = p.node
    labels = []
    if not node.children:
        return labels
    end_x = p.x - BOX_W / 2 - _tag_width(_op_text(node.op))
    repeated = _takes_twice(node)
    for k, child in enumerate(node.children):
        c = where[id(child)]
        start = (c.x + BOX_W / 2, c.y)
        end = (end_x, p.y)
        rad = (FAN_RAD if k == 0 else -FAN_RAD) if repeated else 0.0
        ax.add_artist(FancyArrowPatch(
            start, end, arrowstyle="-|>", mutation_scale=11, color=TINTS["box_edge"],
            linewidth=1.0, connectionstyle=f"arc3,rad={rad}", zorder=1, shrinkA=0, shrinkB=1,
        ))
        t = 0.42  # a little before the middle: away from where edges meet at a node
        lx = start[0] + t * (end[0] - start[0])
        ly = start[1] + t * (end[1] - start[1])
        if rad:
            # The label sits just outside the bulge of a curved edge, half way along it
            # (the curve's middle is rad/2 of the chord off it), clear of the arrowhead.
            dx, dy = end[0] - start[0], end[1] - start[1]
            out = 0.5 * rad + np.copysign(EDGE_LABEL_CLEARANCE, rad) / np.hypot(dx, dy)
            lx = start[0] + 0.5 * dx + out * dy
            ly = start[1] + 0.5 * dy - out * dx
        if not show_local:
            continue
        label = dynamic(ax.text(
            lx, ly, "", ha="center", va="center", fontsize=EDGE_FONT, color=COLORS["ink"],
            zorder=3, bbox={"boxstyle": "round,pad=0.15", "facecolor": TINTS["paper"],
                            "edgecolor": "none"}))
        labels.append(label)
    return labels


def prediction_grid(
    predict: Callable[[np.ndarray], np.ndarray], X: np.ndarray, *, padding: float, resolution: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``predict`` over a grid covering the points ``X`` (2, N) plus ``padding`` on each side.

    Returns ``g0`` (resolution,), ``g1`` (resolution,) and ``P`` (resolution, resolution) with
    ``P[i, j] = predict([g0[j], g1[i]])``: ready for ``imshow``/``contour``.
    """
    lo, hi = X.min(axis=1) - padding, X.max(axis=1) + padding
    g0, g1 = np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    G0, G1 = np.meshgrid(g0, g1)
    P = np.asarray(predict(np.stack([G0.ravel(), G1.ravel()]))).reshape(G0.shape)
    return g0, g1, P


def decision_boundary(
    ax: Axes,
    mlp: MLP,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    title: str | None = None,
    padding: float = 0.5,
    resolution: int = 61,
    show_colorbar: bool = False,
) -> None:
    """Shade P(class 1) = ``mlp.predict`` over the plane, draw the 0.5 contour and the points.

    ``X``: (2, N) points, ``Y``: (1, N) labels 0/1; the network must have 2 inputs and
    1 output. Classes are told apart by colour and marker (class 0: circles, class 1:
    squares); the shading runs from the class-0 colour (P = 0) through white (0.5) to the
    class-1 colour (P = 1). ``show_colorbar`` adds its colour bar (the layout then has
    one more axes). The legend sits outside the axes, so it never covers a point.
    ``title`` defaults to "Decision boundary" in the notebook's language.
    """
    if mlp.widths[0] != 2 or mlp.widths[-1] != 1:
        raise ValueError(f"need a network with 2 inputs and 1 output, got widths {mlp.widths}")
    g0, g1, P = prediction_grid(mlp.predict, X, padding=padding, resolution=resolution)
    G0, G1 = np.meshgrid(g0, g1)
    shading = ax.contourf(G0, G1, P, levels=np.linspace(0, 1, 11), cmap=class_cmap(),
                          alpha=0.6)
    if P.min() < 0.5 < P.max():
        ax.contour(G0, G1, P, levels=[0.5], colors=COLORS["ink"], linewidths=1.5)
    for label, color, marker in zip((0, 1), class_colors(), CLASS_MARKERS, strict=True):
        mask = Y[0] == label
        ax.scatter(X[0, mask], X[1, mask], c=color, marker=marker, s=60,
                   edgecolors=COLORS["ink"], label=f"y = {label}", zorder=3)
    legend_outside(ax, where="right", frameon=False, ncols=1)
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)
    label_axes(ax, ft("drawings.boundary_title") if title is None else title, "x₁", "x₂")
    if show_colorbar:
        colorbar(ax, shading, ft("drawings.p_class1"))


def loss_curve(ax: Axes, history: Sequence[float], *, title: str | None = None) -> None:
    """The loss per epoch on a log axis (epochs: integer ticks); ``title`` defaults to
    "Training loss" in the notebook's language."""
    values = np.maximum(np.asarray(history, dtype=float), 1e-300)
    ax.plot(np.arange(len(values)), values, color=COLORS["train"])
    ax.set_yscale("log")
    integer_ticks(ax.xaxis)
    label_axes(ax, ft("drawings.loss_title") if title is None else title, ft("drawings.epoch"),
               ft("drawings.loss_log"))


def gradient_norms(
    ax: Axes, norms: dict[str, Sequence[float]], *, title: str | None = None
) -> None:
    """``‖∂L/∂W_l‖`` per epoch for each layer, on a log axis. ``norms``: {"W1": [...], …};
    ``title`` defaults to "Gradient norm per layer" in the notebook's language.

    Each layer has its own colour, line style and marker (:func:`~bp_helpers.ui.palette.
    layer_style`), so no line hides another; the legend sits outside the axes.
    """
    for i, (key, values) in enumerate(norms.items(), start=1):
        values = np.maximum(np.asarray(values, dtype=float), 1e-300)
        style = layer_style(i)
        ax.plot(np.arange(len(values)), values, label=f"‖∂L/∂{key}‖", linewidth=1.5,
                markevery=max(1, len(values) // 8), markersize=5, **style)
    ax.set_yscale("log")
    integer_ticks(ax.xaxis)
    legend_outside(ax, where="right")
    label_axes(ax, ft("drawings.norms_title") if title is None else title, ft("drawings.epoch"),
               ft("drawings.norm_log"))
