"""Reusable drawings: the computational graph, decision boundary, loss curve, per-layer norms.

Each takes data from the core and draws it on a given Axes or Figure; none computes
maths of its own beyond what drawing needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from bp_helpers.autograd import Value, topological_order
from bp_helpers.nn import MLP
from bp_helpers.ui.style import COLORS, STYLE, View, label_axes

#: The largest graph :func:`draw_graph` will draw; beyond ~30 nodes text gets small.
MAX_NODES = 60


# Geometry in data units; one unit is UNIT_INCHES at full size.
BOX_W, BOX_H = 1.85, 1.15  # a node's box
UNIT_INCHES = 0.56


ROW_PITCH = 1.45  # vertical distance between node centres


EDGE_GAP = 0.85  # horizontal room for the edges between columns


TAG_H = 0.5  # height of the operation tag


MAX_WIDTH_INCHES = 12.5  # larger graphs are drawn smaller


FONT = 9.5  # text size at full size (points)


_OP_SYMBOLS = {"*": "×", "/": "÷", "-": "−", "neg": "−x", "sigmoid": "σ", "relu": "ReLU"}


LEAF_COLOR = "#fff4e0"


NODE_COLOR = "#eef3fa"


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
        x += widths[c]
        xs.append(x + BOX_W / 2)
        x += BOX_W + EDGE_GAP
    placed = {}
    for c, col in enumerate(by_col):
        for k, n in enumerate(col):
            y = -(k - (len(col) - 1) / 2) * ROW_PITCH
            placed[id(n)] = Placed(n, c, k, xs[c], y)
    return [placed[id(n)] for n in order]


def _names(order: list[Value]) -> dict[int, str]:
    """Each node's label, or ``#k`` (its position in topological order) if it has none."""
    return {id(n): n.label or f"#{k}" for k, n in enumerate(order)}


def _summary(root: Value, order: list[Value]) -> str:
    names = _names(order)
    root_name = names[id(root)]
    width = max(4, *(len(s) for s in names.values()))
    lines = [f"{'node':<{width}}  {'op':<8} {'value':>10} {f'∂{root_name}/∂node':>12}"]
    for n in order:
        lines.append(
            f"{names[id(n)]:<{width}}  {(n.op or 'input'):<8} {n.data:>10.4g} {n.grad:>12.4g}"
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
    label are named ``#k``. Returns a :class:`View` whose text lists every node (value,
    gradient) in topological order. The drawing is at most ``MAX_WIDTH_INCHES`` wide, so
    a graph more than about ten steps deep is drawn smaller. Raises ValueError beyond
    ``MAX_NODES`` nodes.
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
    where = {id(p.node): p for p in placed}
    n_rows = max(p.row for p in placed) + 1
    x_min = min(p.x - BOX_W / 2 - _tag_width(_op_text(p.node.op)) * bool(p.node.op)
                for p in placed) - 0.2
    x_max = max(p.x for p in placed) + BOX_W / 2 + 0.2
    y_half = (n_rows - 1) / 2 * ROW_PITCH + BOX_H / 2 + 0.35
    width_in = (x_max - x_min) * UNIT_INCHES
    scale = min(1.0, MAX_WIDTH_INCHES / width_in)
    figsize = (width_in * scale, (2 * y_half * UNIT_INCHES + 0.55) * scale)
    fig, ax = _graph_figure(fig, figsize, title_inches=0.5 * scale)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(-y_half, y_half)
    ax.set_axis_off()
    font = max(6.0, FONT * scale)
    root_name = names[id(root)]
    ax.set_title(
        title or f"Graph of {root_name}: value and gradient ∂{root_name}/∂(node) at each node",
        fontsize=max(8.0, 11.0 * scale),
    )
    for p in placed:
        _draw_node(ax, p, names[id(p.node)], is_root=p.node is root, font=font)
    for p in placed:
        _draw_edges(ax, p, where, font=font, show_local=show_local)
    return View(fig, _summary(root, order))


_AXES_LABEL = "computational graph"


def _graph_figure(
    fig: Figure | None, figsize: tuple[float, float], title_inches: float
) -> tuple[Figure, Axes]:
    """Like :func:`~bp_helpers.plotting.fresh_figure`, but faster to redraw: one axes at a
    fixed place (the data limits already frame every box, so no layout engine has to
    measure every text again) that a redraw empties and reuses instead of rebuilding."""
    top = (0.0, 0.0, 1.0, 1.0 - title_inches / figsize[1])
    if fig is not None and [a.get_label() for a in fig.axes] == [_AXES_LABEL]:
        ax = fig.axes[0]
        for artist in [*ax.artists, *ax.patches, *ax.texts]:
            artist.remove()
        fig.set_size_inches(figsize)
        ax.set_position(top)
        return fig, ax
    with mpl.rc_context(STYLE):
        if fig is None:
            fig = Figure(figsize=figsize)
        else:
            fig.clear()
        ax = fig.add_axes(top, label=_AXES_LABEL)
    return fig, ax


def _draw_node(ax: Axes, p: Placed, name: str, *, is_root: bool, font: float) -> None:
    node = p.node
    left, bottom = p.x - BOX_W / 2, p.y - BOX_H / 2
    ax.add_artist(FancyBboxPatch(
        (left, bottom), BOX_W, BOX_H, boxstyle="round,pad=0,rounding_size=0.12",
        facecolor=LEAF_COLOR if node.is_leaf else NODE_COLOR,
        edgecolor=COLORS["highlight"] if node.is_leaf else "#4a5a70",
        linewidth=2.2 if is_root else 1.1, zorder=2,
    ))
    ax.text(p.x, p.y + 0.3, name, ha="center", va="center", fontsize=font + 0.5,
            fontweight="bold", zorder=3)
    ax.text(p.x, p.y, f"value {format_number(node.data)}", ha="center", va="center",
            fontsize=font, zorder=3)
    grad_color = (COLORS["positive"] if node.grad > 0
                  else COLORS["negative"] if node.grad < 0 else COLORS["neutral"])
    ax.text(p.x, p.y - 0.3, f"grad {format_number(node.grad)}", ha="center", va="center",
            fontsize=font, color=grad_color, zorder=3)
    if node.op:
        text = _op_text(node.op)
        w = _tag_width(text)
        ax.add_artist(FancyBboxPatch(
            (left - w, p.y - TAG_H / 2), w, TAG_H, boxstyle="round,pad=0,rounding_size=0.2",
            facecolor="white", edgecolor="#4a5a70", linewidth=1.0, zorder=4,
        ))
        ax.text(left - w / 2, p.y, text, ha="center", va="center", fontsize=font,
                zorder=5)


def _draw_edges(
    ax: Axes, p: Placed, where: dict[int, Placed], *, font: float, show_local: bool
) -> None:
    node = p.node
    if not node.children:
        return
    end_x = p.x - BOX_W / 2 - _tag_width(_op_text(node.op))
    repeated = len(node.children) == 2 and node.children[0] is node.children[1]
    for k, (child, local) in enumerate(zip(node.children, node.local_grads, strict=True)):
        c = where[id(child)]
        start = (c.x + BOX_W / 2, c.y)
        end = (end_x, p.y)
        rad = (0.35 if k == 0 else -0.35) if repeated else 0.0
        ax.add_artist(FancyArrowPatch(
            start, end, arrowstyle="-|>", mutation_scale=11, color="#4a5a70",
            linewidth=1.0, connectionstyle=f"arc3,rad={rad}", zorder=1, shrinkA=0, shrinkB=1,
        ))
        if show_local:
            t = 0.45
            lx = start[0] + t * (end[0] - start[0])
            ly = start[1] + t * (end[1] - start[1])
            if rad:  # the label sits on the bulge of a curved edge
                dx, dy = end[0] - start[0], end[1] - start[1]
                lx, ly = lx + rad * dy * 0.5, ly - rad * dx * 0.5
            ax.text(lx, ly, format_number(local), ha="center", va="center",
                    fontsize=max(6.0, font - 1.5),
                    color=COLORS["neutral"], zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                          "edgecolor": "none"})


LAYER_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")


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
    g0, g1, P = prediction_grid(mlp.predict, X, padding=padding, resolution=resolution)
    G0, G1 = np.meshgrid(g0, g1)
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
