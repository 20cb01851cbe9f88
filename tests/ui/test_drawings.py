"""bp_helpers.ui.drawings: graph layout and drawing, decision boundary, loss curve.
"""

from __future__ import annotations

import numpy as np
import pytest
from languages import CJK, in_language
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from bp_helpers import data, nn
from bp_helpers.autograd import Value, topological_order
from bp_helpers.lessons import l05_vectorized_mlp_xor as l05
from bp_helpers.lessons.l02_computational_graphs import neuron_loss
from bp_helpers.ui import drawings as drawings
from bp_helpers.ui import legibility
from bp_helpers.ui.drawings import FAN_RAD, MAX_NODES, draw_graph, layout
from bp_helpers.ui.style import fresh_figure


def tanh_neuron() -> Value:
    x1, x2 = Value(2.0, "x1"), Value(0.0, "x2")
    w1, w2, b = Value(-3.0, "w1"), Value(1.0, "w2"), Value(6.5, "b")
    o = (x1 * w1 + x2 * w2 + b).tanh()
    o.label = "o"
    return o


# ---- layout ------------------------------------------------------------------------
def test_layout_places_inputs_left_and_the_root_alone_on_the_right() -> None:
    nodes = neuron_loss(2.0, -1.0, 3.0)
    placed = {p.node.label: p for p in layout(nodes["L"])}
    assert set(placed) == {"w", "b", "x", "u", "y", "e", "L"}
    assert [placed[k].column for k in ("w", "u", "y", "e", "L")] == [0, 1, 2, 3, 4]
    assert placed["x"].column == 0
    assert placed["b"].column == 1  # a late input sits just left of the node that uses it
    last = [p for p in placed.values() if p.column == 4]
    assert last == [placed["L"]] and placed["L"].y == 0.0


def test_layout_every_edge_goes_left_to_right_and_nodes_do_not_overlap() -> None:
    root = tanh_neuron()
    placed = layout(root)
    where = {id(p.node): p for p in placed}
    for p in placed:
        for child in p.node.children:
            assert where[id(child)].x < p.x
    points = {(round(p.x, 6), round(p.y, 6)) for p in placed}
    assert len(points) == len(placed) == len(topological_order(root))


def test_layout_orders_rows_to_follow_the_inputs() -> None:
    # the product of the two top inputs should not be drawn below the other product
    root = tanh_neuron()
    placed = layout(root)
    products = sorted((p for p in placed if p.node.op == "*"), key=lambda p: -p.y)
    top_inputs = {c.label for c in products[0].node.children}
    leaves = sorted((p for p in placed if p.column == 0), key=lambda p: -p.y)
    assert {leaves[0].node.label, leaves[1].node.label} == top_inputs


# ---- drawing -----------------------------------------------------------------------
def test_draw_graph_shows_every_node_value_and_gradient() -> None:
    nodes = neuron_loss(2.0, -1.0, 3.0)
    nodes["L"].backward()
    view = draw_graph(nodes["L"])
    ax = view.figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    for name in ("w", "b", "x", "u", "y", "e", "L"):
        assert name in texts
    assert "grad −30" in texts and "value 25" in texts and "grad 1" in texts
    assert {"×", "+", "− 10", "^2"} <= set(texts)  # the operation tags
    assert "∂L/∂(node)" in ax.get_title()
    lines = view.text.splitlines()
    assert len(lines) == 2 + 7 and lines[-1].split()[:2] == ["L", "**"]
    assert "-30" in next(line for line in lines if line.startswith("w "))


def test_edge_labels_are_the_local_derivatives() -> None:
    w, x = Value(2.0, "w"), Value(3.0, "x")
    u = w * x
    with_labels = {t.get_text() for t in draw_graph(u).figure.axes[0].texts}
    assert {"3", "2"} <= with_labels  # ∂u/∂w = x = 3, ∂u/∂x = w = 2
    bare = [t.get_text() for t in draw_graph(u, show_local=False).figure.axes[0].texts]
    assert "3" not in bare and "2" not in bare


def test_a_value_used_twice_gets_two_curved_edges() -> None:
    a = Value(3.0, "a")
    c = a + a
    ax = draw_graph(c).figure.axes[0]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 2
    assert {a.get_connectionstyle().rad for a in arrows} == {FAN_RAD, -FAN_RAD}
    # Each edge's label sits half way along it, outside its bulge: clear of the other
    # edge, the other label and the arrowheads.
    renderer = ax.get_figure().canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_text() == "1"]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(boxes) == 2 and not boxes[0].overlaps(boxes[1])
    for arrow in arrows:
        path = arrow.get_path().transformed(arrow.get_transform())
        head = path.vertices[np.argmax(path.vertices[:, 0])]  # the rightmost point
        assert all(not box.contains(*head) and box.x1 < head[0] - 10 for box in boxes)
        assert not any(path.intersects_bbox(box) for box in boxes)


def test_unlabelled_nodes_are_numbered_in_topological_order() -> None:
    v = Value(1.0)
    out = (v * 2).exp()
    texts = {t.get_text() for t in draw_graph(out).figure.axes[0].texts}
    assert {"#0", "#1", "#2"} <= texts


def test_a_single_leaf_is_drawn_as_one_box() -> None:
    view = draw_graph(Value(1.5, "a"))
    assert [p.column for p in layout(Value(1.5))] == [0]
    assert "value 1.5" in {t.get_text() for t in view.figure.axes[0].texts}
    assert view.text.splitlines()[2].split() == ["a", "input", "1.5", "0"]


def test_redraw_reuses_the_figure_and_leaves_nothing_behind() -> None:
    first = draw_graph(tanh_neuron())
    n_patches, n_texts = len(first.figure.axes[0].patches), len(first.figure.axes[0].texts)
    width = first.figure.get_size_inches()[0]
    again = draw_graph(tanh_neuron(), fig=first.figure)
    assert again.figure is first.figure and len(again.figure.axes) == 1
    assert len(again.figure.axes[0].patches) == n_patches
    assert len(again.figure.axes[0].texts) == n_texts
    small = draw_graph(Value(1.0) * 2, fig=first.figure)  # another graph: resized
    assert small.figure.get_size_inches()[0] < width
    assert len(small.figure.axes[0].patches) < n_patches


def test_a_foreign_figure_is_cleared_and_reused() -> None:
    fig = Figure()
    fig.subplots(1, 2)
    view = draw_graph(tanh_neuron(), fig=fig)
    assert view.figure is fig and len(fig.axes) == 1


def test_a_30_node_graph_fits_the_page_with_legible_text() -> None:
    # a 2-2-1 tanh network and its squared loss: 27 nodes, 10 columns
    x1, x2 = Value(0.5, "x1"), Value(-1.0, "x2")
    hidden = []
    for j, (a, b, c) in enumerate([(0.3, -0.8, 0.1), (1.2, 0.4, -0.5)], start=1):
        w1, w2, bias = Value(a, f"w{j}1"), Value(b, f"w{j}2"), Value(c, f"b{j}")
        hidden.append((x1 * w1 + x2 * w2 + bias).tanh())
    v1, v2, c = Value(0.7, "v1"), Value(-1.1, "v2"), Value(0.2, "c")
    loss = (hidden[0] * v1 + hidden[1] * v2 + c - 1.0) ** 2
    loss.backward()
    view = draw_graph(loss)
    assert len(view.text.splitlines()) == 2 + 27
    assert view.text.startswith("The graph of #26: 27 nodes (11 inputs")
    # every text (the numbers too) looks >= 9 pt at the size the figure is shown
    smallest = legibility.min_font_size_pt(view.figure)
    assert legibility.shown_size_pt(smallest, view.figure.dpi, 96 / view.figure.dpi) >= 9


def test_draw_graph_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="must be a Value"):
        draw_graph(3.0)
    with pytest.raises(TypeError, match="show_local"):
        draw_graph(Value(1.0), show_local="yes")
    chain = Value(1.0)
    for _ in range(MAX_NODES):
        chain = chain + 1
    with pytest.raises(ValueError, match="unreadable"):
        draw_graph(chain)


@pytest.mark.parametrize(
    ("op", "shown"),
    [("*", "×"), ("/", "÷"), ("-", "−"), ("neg", "−x"), ("sigmoid", "σ"), ("** 2", "^2"),
     ("- 10", "− 10"), ("1 -", "1 −"), ("2 *", "2 ×"), ("* -0.7", "× −0.7"), ("exp", "exp")],
)
def test_operation_tags(op: str, shown: str) -> None:
    assert drawings._op_text(op) == shown


def test_figures_are_titled_and_labelled() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1), seed=0)
    history, norms, _ = l05.train_recording_norms(mlp, X, Y, lr=0.5, epochs=10)
    fig, axes = fresh_figure(None, 1, 3)
    drawings.loss_curve(axes[0, 0], history)
    drawings.decision_boundary(axes[0, 1], mlp, X, Y)
    drawings.gradient_norms(axes[0, 2], norms)
    for ax in axes[0]:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    np.testing.assert_allclose(axes[0, 0].lines[0].get_ydata(), history)
    assert axes[0, 0].get_yscale() == "log" and axes[0, 2].get_yscale() == "log"
    first, second = axes[0, 2].lines
    assert (first.get_linestyle(), first.get_marker()) != (second.get_linestyle(),
                                                           second.get_marker())
    legend = axes[0, 1].get_legend()
    fig.canvas.draw()
    inside = axes[0, 1].get_window_extent()
    assert not legend.get_window_extent().overlaps(inside), "the legend covers the data"


def test_decision_boundary_needs_two_inputs_and_one_output() -> None:
    fig, axes = fresh_figure(None)
    X, Y = data.xor()
    with pytest.raises(ValueError, match="2 inputs and 1 output"):
        drawings.decision_boundary(axes[0, 0], nn.MLP((3, 2, 1)), X, Y)


# ---- the notebook's language -------------------------------------------------------
def test_drawings_in_chinese_render_without_warnings_and_keep_the_table_aligned() -> None:
    from bp_helpers.ui import style

    root = tanh_neuron()
    root.backward()
    english = draw_graph(root).text
    with in_language("zh"):
        view = draw_graph(root)
        view.png()  # a missing glyph would warn: an error here
        summary, header, *rows = view.text.splitlines()
        assert CJK.search(summary) and CJK.search(header) and "输入" in rows[0]
        widths = {drawings._text_width(line) for line in [header, *rows]}
        assert len(widths) == 1, "every row as wide as the header (CJK counts double)"
        X, Y = data.xor()
        mlp = nn.MLP((2, 4, 1), seed=0)
        fig, axes = fresh_figure(None, 1, 3)
        drawings.loss_curve(axes[0, 0], [1.0, 0.5, 0.25])
        drawings.decision_boundary(axes[0, 1], mlp, X, Y, show_colorbar=True)
        drawings.gradient_norms(axes[0, 2], {"W1": [1.0, 0.5], "W2": [0.1, 0.2]})
        style.render_png(fig)
        if style.cjk_font() is not None:
            assert CJK.search(view.figure.axes[0].get_title())
            assert all(CJK.search(ax.get_title()) for ax in axes[0])
            loss, norms = axes[0, 0], axes[0, 2]
            assert loss.get_xlabel() == norms.get_xlabel() == "轮次"
            assert CJK.search(loss.get_ylabel()) and CJK.search(norms.get_ylabel())
    assert draw_graph(root).text == english
