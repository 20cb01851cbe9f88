"""Lesson 02: the neuron graph explorer and the checkers.
"""

from __future__ import annotations

import math
import warnings

import pytest
from languages import CJK, in_language

from bp_helpers import messages
from bp_helpers.autograd import Value, topological_order
from bp_helpers.lessons import l02_computational_graphs as l02
from bp_helpers.lessons.l02_computational_graphs import NEURON, neuron_graph, neuron_loss
from bp_helpers.ui.style import cjk_font


# ---- the neuron explorer -----------------------------------------------------------
def test_neuron_graph_text_gives_the_three_gradients() -> None:
    view = neuron_graph()
    assert "L = (y − 10)² = 25.00" in view.text
    assert "∂L/∂w = ∂L/∂y·x = -30.00" in view.text
    assert "∂L/∂b = ∂L/∂y·1 = -10.00" in view.text and "∂L/∂x = ∂L/∂y·w = -20.00" in view.text
    assert NEURON.defaults() == {"w": 2.0, "b": -1.0, "x": 3.0}


def test_neuron_graph_at_the_optimum_has_zero_gradients_without_minus_zero() -> None:
    view = neuron_graph(w=3.0, b=1.0, x=3.0)  # y = 10, L = 0
    assert "-0.00" not in view.text and "L = (y − 10)² = 0.00" in view.text


def test_neuron_loss_rejects_bad_numbers() -> None:
    with pytest.raises(TypeError):
        neuron_loss("2", 0.0, 1.0)
    with pytest.raises(ValueError):
        neuron_loss(math.nan, 0.0, 1.0)


# ---- exercise checkers -------------------------------------------------------------
def test_check_fanout_gradient(capsys: pytest.CaptureFixture[str]) -> None:
    a, b, c = l02.FANOUT_POINT["a"], l02.FANOUT_POINT["b"], l02.FANOUT_POINT["c"]
    assert l02.check_fanout_gradient(b * a + (a * b + c)) is True
    assert "✓" in capsys.readouterr().out
    assert l02.check_fanout_gradient(b * a) is False
    assert "only one of the two paths" in capsys.readouterr().out
    assert l02.check_fanout_gradient(a * b + c) is False
    assert l02.check_fanout_gradient(5.0) is False
    assert l02.check_fanout_gradient(...) is False
    assert "not answered yet" in capsys.readouterr().out
    assert l02.check_fanout_gradient("two") is False


def test_check_accumulated_gradient(capsys: pytest.CaptureFixture[str]) -> None:
    # ∂L1/∂w = 2(2·3 − 1 − 10)·3 = −30 and ∂L2/∂w = 2(2·1 − 1 − 2)·1 = −2
    assert l02.check_accumulated_gradient(-32.0) is True
    assert l02.check_accumulated_gradient(-2.0) is False
    assert "does not overwrite" in capsys.readouterr().out
    assert l02.check_accumulated_gradient(-30.0) is False
    assert "adds ∂L2/∂w" in capsys.readouterr().out
    assert l02.check_accumulated_gradient(-64.0) is False
    assert l02.check_accumulated_gradient(...) is False
    assert l02.check_accumulated_gradient(None) is False
    assert l02.check_accumulated_gradient([1]) is False


def test_check_softplus(capsys: pytest.CaptureFixture[str]) -> None:
    assert l02.check_softplus(lambda v: (1 + v.exp()).log()) is True
    assert l02.check_softplus(lambda v: math.log1p(math.exp(v.data))) is False
    assert "not a Value" in capsys.readouterr().out
    assert l02.check_softplus(lambda v: Value(math.log1p(math.exp(v.data)))) is False
    assert "cuts the graph" in capsys.readouterr().out
    assert l02.check_softplus(lambda v: v.exp().log()) is False  # wrong value
    assert l02.check_softplus(lambda v: 1 / 0) is False
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert l02.check_softplus(...) is False and l02.check_softplus(3) is False
    assert l02.check_softplus(lambda v: ...) is False  # the notebook's `return ...` stub
    assert "not answered yet" in capsys.readouterr().out


def _recursive_topo(root: Value) -> list[Value]:
    order: list[Value] = []
    seen: set[int] = set()

    def visit(node: Value) -> None:
        if id(node) not in seen:
            seen.add(id(node))
            for child in node.children:
                visit(child)
            order.append(node)

    visit(root)
    return order


def _kahn(root: Value) -> list[Value]:
    """Another correct answer: repeatedly take a node none of whose parents remain."""
    nodes = topological_order(root)
    parents_left = {id(n): 0 for n in nodes}
    for n in nodes:
        for c in n.children:
            parents_left[id(c)] += 1
    ready, reverse = [root], []
    while ready:
        node = ready.pop()
        reverse.append(node)
        for c in node.children:
            parents_left[id(c)] -= 1
            if parents_left[id(c)] == 0:
                ready.append(c)
    return reverse[::-1]


def test_check_topological_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert l02.check_topological_order(topological_order) is True
    assert l02.check_topological_order(_kahn) is True
    assert l02.check_topological_order(_recursive_topo) is False
    assert "recursion limit" in capsys.readouterr().out
    assert l02.check_topological_order(lambda r: topological_order(r)[::-1]) is False
    assert l02.check_topological_order(lambda r: topological_order(r)[:-1]) is False
    assert l02.check_topological_order(lambda r: topological_order(r) * 2) is False
    assert "appears twice" in capsys.readouterr().out
    assert l02.check_topological_order(lambda r: None) is False
    assert l02.check_topological_order(...) is False and l02.check_topological_order(1) is False
    assert l02.check_topological_order(lambda r: ...) is False
    assert "not answered yet" in capsys.readouterr().out


# ---- the data-dependent loop (dynamic graphs) --------------------------------------
def test_repeat_until_records_only_the_multiplications_that_ran() -> None:
    x = Value(l02.LOOP_X)
    y, count = l02.repeat_until(x)
    assert count == 3 and y.data == l02.LOOP_X**4  # 2.5, 6.25, 15.625, 39.0625
    y.backward()
    assert x.grad == 4 * l02.LOOP_X**3
    assert len(topological_order(y)) == count + 1  # x and one node per multiplication
    assert l02.repeat_until(1.5)[1] == 7  # another x, another loop length
    with pytest.raises(ValueError, match="greater than 1"):
        l02.repeat_until(0.5)


def test_loop_checkers(capsys: pytest.CaptureFixture[str]) -> None:
    assert l02.check_loop_count(3) and l02.check_loop_count(3.0)
    assert l02.check_loop_gradient(62.5) and l02.check_loop_gradient(Value(62.5).data)
    capsys.readouterr()
    for wrong, words in [(2, "early"), (4, "one too many"), (3.5, "whole number"),
                         (True, "not a number"), ("3", "not a number"), (..., "not answered")]:
        assert l02.check_loop_count(wrong) is False
        assert words in capsys.readouterr().out
    for wrong, words in [(39.0625, "y itself"), (15.625, "before the last"),
                         (18.75, "4 factors"), (195.3125, "too many"), (50.0, "not right"),
                         (62.0, "2 significant digits"),
                         (..., "not answered")]:
        assert l02.check_loop_gradient(wrong) is False
        assert words in capsys.readouterr().out


def test_verify_prints_only_a_neutral_line(capsys: pytest.CaptureFixture[str]) -> None:
    l02.verify(l02.check_loop_gradient, 62.5)
    assert capsys.readouterr().out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l02.verify(l02.check_loop_gradient, 1.0)


# ---- the Chinese edition -----------------------------------------------------------
def test_in_chinese_the_hints_sentences_and_figure_are_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    english = neuron_graph().text
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            for values in [NEURON.defaults(), *NEURON.extremes()]:
                view = NEURON.func(**values)
                assert view.png()[:4] == b"\x89PNG"
        view = neuron_graph()
        assert view.text == english  # only maths: the same in both editions
        title = view.figure.axes[0].get_title()
        assert title.startswith("L = (w·x + b − 10)² = 25")
        assert bool(CJK.search(title)) == (cjk_font() is not None)  # else English
        assert not l02.check_fanout_gradient(-6.0)
        assert capsys.readouterr().out.startswith("✗ 两条路径上的梯度")
        assert not l02.check_accumulated_gradient(-2.0)
        assert not l02.check_topological_order(_recursive_topo)
        assert not l02.check_loop_count(4)
        assert not l02.check_loop_gradient(18.75)
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 4 and all(CJK.search(line) for line in lines), lines
        assert "覆盖" in lines[0] and "递归深度限制" in lines[1] and "4 个因子 x" in lines[3]
        summary = l02.summary_markdown(fan_out=4, naive=36, ordered=24, operations=100_000,
                                       twice=-60, grads=(-30, -10, -20))
        assert summary.startswith("| 概念 | 一句话 | 出处 |\n| --- | --- | --- |\n")
        assert "100,000" in summary and summary.count("\n") == 12
        for sentence in (l02.recursion_failed(5_000), l02.training_agrees(),
                         l02.engine_matches_hand(2e-11), l02.nodes_per_step(2514),
                         l02.timing_sentence(40, 0.006, 0.00005)):
            assert CJK.search(sentence), sentence
    assert messages.language() == "en"
    assert l02.recursion_failed(5_000) == (
        "RecursionError: the recursive topological sort cannot handle 5,000 steps")


def test_the_english_summary_table_keeps_its_rows() -> None:
    summary = l02.summary_markdown(fan_out=4, naive=36, ordered=24, operations=100_000,
                                   twice=-60, grads=(-30, -10, -20)).splitlines()
    assert summary[0] == "| idea | in one line | where |"
    assert summary[6] == ("| fan-out | a value used $k$ times gets the sum of $k$ contributions "
                          "| `b = a + a; c = b + b`: $dc/da = 4$ |")
    assert summary[3].startswith(r"| local derivative | each node knows $\partial\,\text{node}")
    assert summary[9] == ("| accumulation | `backward()` adds into leaves; `zero_grad()` resets "
                          "| twice gives $-60$, not $-30$ |")
    assert len(summary) == 13


# ---- the training run in two engines (section 8) ----------------------------------
LOSSES = [0.7136, 0.69, 0.66, 0.62, 0.58, 0.55, 0.52, 0.4432]


def test_two_engines_draws_both_runs_and_says_whether_they_agree() -> None:
    import numpy as np

    from bp_helpers.ui.legibility import min_font_size_pt

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view = l02.plot_two_engines(LOSSES, np.array(LOSSES) + 1e-13)
        assert view.png()[:4] == b"\x89PNG"
    ax = view.figure.axes[0]
    assert ax.get_title() == "The same training run, two engines"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("step", "loss (mean BCE)")
    vector, value = ax.get_lines()
    assert vector.get_linestyle() == "--" and value.get_marker() == "o"
    assert list(value.get_xdata()) == list(range(1, len(LOSSES) + 1))
    ticks = ax.get_xticks()
    assert np.all(ticks == np.round(ticks))
    # the legend sits beside the axes, off the data
    view.figure.draw_without_rendering()
    legend_box = ax.get_legend().get_window_extent()
    assert legend_box.x0 >= ax.get_window_extent().x1
    assert min_font_size_pt(view.figure) >= 9
    assert view.text.startswith("The loss (mean BCE) at each of 8 training steps")
    assert "from 0.7136 to 0.4432" in view.text
    assert "differ by less than 1e-10, so the dots sit on the line" in view.text
    apart = l02.plot_two_engines(LOSSES, np.array(LOSSES) + np.linspace(0, 0.02, len(LOSSES)))
    assert "the largest gap between them is 0.02" in apart.text


def test_two_engines_in_chinese_and_bad_input() -> None:
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            view = l02.plot_two_engines(LOSSES, LOSSES)
            view.png()
        assert "圆点落在虚线上" in view.text
        ax = view.figure.axes[0]
        labels = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
                  *(text.get_text() for text in ax.get_legend().get_texts())]
        assert all(bool(CJK.search(label)) == (cjk_font() is not None) for label in labels)
    for value, vector, error in [(LOSSES, LOSSES[:-1], ValueError), ([], [], ValueError),
                                 ([[0.5]], [[0.5]], ValueError),
                                 ([0.5, float("inf")], [0.5, 0.4], ValueError),
                                 ([0.5, None], [0.5, 0.4], TypeError)]:
        with pytest.raises(error):
            l02.plot_two_engines(value, vector)
