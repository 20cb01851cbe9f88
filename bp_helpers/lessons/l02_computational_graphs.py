"""Notebook 02, Computational graphs: the one-neuron graph explorer and the exercises.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from bp_helpers._validate import finite_array, finite_float
from bp_helpers.autograd import Value, topological_order
from bp_helpers.messages import t
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    call_with_time_limit,
    check_integer,
    check_number,
    function_ready,
    is_unanswered,
    report,
    too_slow,
)

# verify and use_course_style are re-exported for the notebook (it imports only its lesson).
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.drawings import draw_graph, format_number
from bp_helpers.ui.explore import Explorer, FloatRange
from bp_helpers.ui.palette import COLORS as COLORS  # re-exported for the notebook
from bp_helpers.ui.style import (
    View,
    fresh_figure,
    ft,
    in_course_style,
    integer_ticks,
    label_axes,
    legend_outside,
)
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

#: The target of the one-neuron example: ``L = (w·x + b − TARGET)²``.
TARGET = 10.0


def neuron_loss(w: float, b: float, x: float) -> dict[str, Value]:
    """Build ``L = (w·x + b − 10)²`` step by step; returns every node by name.

    Names: the leaves ``w b x``, then ``u = w·x``, ``y = u + b``, ``e = y − 10``, ``L = e²``.
    """
    w_, b_, x_ = (Value(finite_float(v, n), n) for v, n in ((w, "w"), (b, "b"), (x, "x")))
    u = w_ * x_
    u.label = "u"
    y = u + b_
    y.label = "y"
    e = y - TARGET
    e.label = "e"
    L = e**2
    L.label = "L"
    return {"w": w_, "b": b_, "x": x_, "u": u, "y": y, "e": e, "L": L}


def neuron_graph(
    w: float = 2.0, b: float = -1.0, x: float = 3.0, *, fig: Figure | None = None
) -> View:
    """The graph of ``L = (w·x + b − 10)²`` after ``backward()``: every value and gradient."""
    nodes = neuron_loss(w, b, x)
    L = nodes["L"]
    L.backward()
    view = draw_graph(L, fig=fig, title=ft("l02.graph_title", loss=format_number(L.data)))
    g = {k: v.grad for k, v in nodes.items()}
    text = (
        f"w = {w:.2f}, b = {b:.2f}, x = {x:.2f}:  y = w·x + b = {nodes['y'].data:.2f},  "
        f"L = (y − 10)² = {L.data:.2f}\n"
        f"∂L/∂y = 2(y − 10) = {g['y']:.2f}  →  ∂L/∂w = ∂L/∂y·x = {g['w']:.2f},  "
        f"∂L/∂b = ∂L/∂y·1 = {g['b']:.2f},  ∂L/∂x = ∂L/∂y·w = {g['x']:.2f}"
    )
    return View(view.figure, text.replace("-0.00", "0.00"))


NEURON = Explorer(
    neuron_graph,
    {"w": FloatRange(-3.0, 3.0, 0.1), "b": FloatRange(-3.0, 3.0, 0.1),
     "x": FloatRange(-3.0, 3.0, 0.1)},
)


FANOUT_POINT = {"a": 2.0, "b": -3.0, "c": 10.0}


def _fanout_parts() -> tuple[float, float]:
    """The two paths of ∂f/∂a: through the product a·b, and directly as the last factor."""
    a, b, c = FANOUT_POINT["a"], FANOUT_POINT["b"], FANOUT_POINT["c"]
    return b * a, a * b + c


def check_fanout_gradient(answer: Any) -> bool:
    """∂f/∂a for ``f = (a·b + c)·a`` at ``a = 2, b = −3, c = 10`` (a number)."""
    through_product, direct = _fanout_parts()
    return check_number(
        answer, through_product + direct, name=t("l02.fanout_name"),
        traps={through_product: t("l02.fanout_one_path", value=through_product),
               direct: t("l02.fanout_one_path", value=direct)},
        hint=t("l02.fanout_hint"),
    )


#: (x, target) of the two data points; the neuron is y = w·x + b with w = 2, b = −1.
ACCUMULATION_POINTS = ((3.0, 10.0), (1.0, 2.0))


def _accumulation_grads() -> list[float]:
    """∂L_i/∂w for each data point, computed by the engine."""
    grads = []
    for x, target in ACCUMULATION_POINTS:
        w, b = Value(2.0), Value(-1.0)
        ((w * x + b - target) ** 2).backward()
        grads.append(w.grad)
    return grads


def check_accumulated_gradient(answer: Any) -> bool:
    """``w.grad`` after ``L1.backward(); L2.backward()`` on the same ``w`` (a number)."""
    first, second = _accumulation_grads()
    return check_number(
        answer, first + second, name=t("l02.accumulated_name"),
        traps={second: t("l02.accumulated_second_only", value=second),
               first: t("l02.accumulated_first_only", value=first)},
        hint=t("l02.accumulated_hint"),
    )


SOFTPLUS_POINTS = (-3.0, -0.5, 0.0, 1.2, 4.0)


def check_softplus(answer: Any) -> bool:
    """A function ``softplus(v: Value) -> Value`` computing ``log(1 + e^v)``.

    Its value must match ``log(1 + e^x)`` and, after ``backward()``, the gradient of the
    input must be ``σ(x)``, at each of ``SOFTPLUS_POINTS``.
    """
    name = "softplus"
    hint = t("l02.softplus_hint")
    if not function_ready(answer, name=name, hint=hint):
        return False
    for x in SOFTPLUS_POINTS:
        v = Value(x)
        try:
            finished, out = call_with_time_limit(answer, v)
            if not finished:
                return report(name, False, too_slow(f"softplus(Value({x}))"))
            if is_unanswered(out):
                return report(name, False, NOT_ANSWERED)
            if not isinstance(out, Value):
                return report(name, False, t("l02.softplus_not_a_value", x=x,
                                             kind=type(out).__name__, hint=hint))
            out.backward()
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, t("l02.raised", error=type(exc).__name__, message=exc,
                                         hint=hint))
        want = math.log1p(math.exp(x))
        if not math.isclose(out.data, want, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, t("l02.softplus_wrong_value", x=x, value=out.data,
                                         want=want, hint=hint))
        sigma = 1.0 / (1.0 + math.exp(-x))
        if not math.isclose(v.grad, sigma, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, t("l02.softplus_wrong_gradient", x=x, grad=v.grad,
                                         sigma=sigma))
    return report(name, True, "")


DEEP_CHAIN = 5_000  # deeper than Python's recursion limit


def _test_graphs() -> list[tuple[str, Value]]:
    w, b, x = Value(2.0, "w"), Value(-1.0, "b"), Value(3.0, "x")
    neuron = (w * x + b - 10) ** 2
    a = Value(1.0, "a")
    twice = a + a
    fan_out = twice + twice
    s = Value(3.0, "s")
    u = 2 * s
    reuse = u * u + u.tanh()
    chain = Value(0.5, "c")
    for _ in range(DEEP_CHAIN):
        chain = chain * 1.0
    return [(t("l02.graph_neuron"), neuron), ("b = a + a; c = b + b", fan_out),
            ("u·u + tanh u", reuse), (t("l02.graph_chain", steps=DEEP_CHAIN), chain)]


def check_topological_order(answer: Any) -> bool:
    """A function ``topo(root) -> list`` of every Value ``root`` depends on, each once and
    after all of its children, ``root`` last; it must work on a 5,000-step chain."""
    name = t("l02.topo_name")
    hint = t("l02.topo_hint")
    if not function_ready(answer, name=name, hint=hint):
        return False
    for what, root in _test_graphs():
        try:
            finished, result = call_with_time_limit(answer, root)
            if not finished:
                return report(name, False, too_slow(f"topo on {what}"))
            if is_unanswered(result):
                return report(name, False, NOT_ANSWERED)
            order = list(result)
        except RecursionError:
            return report(name, False, t("l02.topo_recursion", what=what))
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, t("l02.topo_raised", what=what,
                                         error=type(exc).__name__, message=exc, hint=hint))
        expected = {id(n) for n in topological_order(root)}
        ids = [id(n) for n in order]
        if len(ids) != len(set(ids)):
            return report(name, False, t("l02.topo_twice", what=what))
        if set(ids) != expected:
            return report(name, False, t("l02.topo_missing", what=what, found=len(set(ids)),
                                         total=len(expected), hint=hint))
        position = {k: i for i, k in enumerate(ids)}
        for node in order:
            if any(position[id(c)] > position[id(node)] for c in node.children):
                return report(name, False, t("l02.topo_child_after", what=what))
        if order[-1] is not root:
            return report(name, False, t("l02.topo_root_not_last", what=what))
    return report(name, True, "")


#: The data-dependent loop of the exercise: multiply by x until y reaches LOOP_LIMIT.
LOOP_X = 2.5
LOOP_LIMIT = 20.0


def repeat_until(x: Any, limit: float = LOOP_LIMIT) -> tuple[Any, int]:
    """``y = x``, then ``y = y·x`` while ``y < limit``; returns ``(y, multiplications)``.

    ``x`` is a float or a ``Value`` above 1; how many times the loop runs depends on its value,
    so the recorded graph does too.
    """
    value = x.data if isinstance(x, Value) else finite_float(x, "x")
    if not value > 1.0:
        raise ValueError(f"x must be greater than 1 (else the loop never ends), got {value}")
    y, count = x, 0
    while (y.data if isinstance(y, Value) else y) < limit:
        y = y * x
        count += 1
    return y, count


def _loop_reference() -> tuple[int, float, float]:
    """(multiplications, y, dy/dx) at LOOP_X, by the engine."""
    x = Value(LOOP_X)
    y, count = repeat_until(x)
    y.backward()
    return count, y.data, x.grad


def check_loop_count(answer: Any) -> bool:
    """How many multiplications ``repeat_until(2.5)`` makes (an exact whole number)."""
    count, _, _ = _loop_reference()
    return check_integer(
        answer, count, name=t("l02.loop_count_name"),
        traps={count - 1: t("l02.loop_count_early", count=count - 1, limit=LOOP_LIMIT),
               count + 1: t("l02.loop_count_late", count=count + 1, limit=LOOP_LIMIT)},
        hint=t("l02.loop_count_hint", limit=LOOP_LIMIT),
    )


def check_loop_gradient(answer: Any) -> bool:
    """dy/dx of ``y, _ = repeat_until(x)`` at ``x = 2.5`` (a number)."""
    count, y, grad = _loop_reference()
    x = LOOP_X
    return check_number(
        answer, grad, name=t("l02.loop_gradient_name"),
        traps={
            y: t("l02.loop_y_itself", value=y),
            x**count: t("l02.loop_y_before_last", value=x**count),
            count * x ** (count - 1): t("l02.loop_one_factor_short",
                                        value=count * x ** (count - 1), power=count,
                                        factors=count + 1, count=count),
            (count + 2) * x ** (count + 1): t("l02.loop_one_too_many"),
        },
        hint=t("l02.loop_gradient_hint"),
    )


# ---- what the notebook prints, in its language ------------------------------------------
def recursion_failed(steps: int) -> str:
    """The line printed when the recursive topological sort fails on ``steps`` operations."""
    return t("l02.recursion_failed", steps=steps)


def engine_matches_hand(error: float) -> str:
    """The engine equals the hand derivation; ``error``: its largest relative error
    against central differences."""
    return t("l02.engine_matches_hand", error=error)


def loop_graph_checked(x: float, recorded: Any, engine: float, by_sympy: float,
                       numeric: float) -> str:
    """The ✓ line of the data-dependent graph at ``x``: the expression it ``recorded``, and
    dy/dx by the engine, by sympy and by central differences."""
    return t("l02.loop_graph_checked", x=x, recorded=recorded, engine=engine, sympy=by_sympy,
             numeric=numeric)


def nodes_per_step(nodes: int) -> str:
    """How many nodes each training step's graph has."""
    return t("l02.nodes_per_step", nodes=nodes)


def training_agrees() -> str:
    """The ✓ line of the training run: the Value network and ``nn.MLP`` agree."""
    return t("l02.training_agrees")


#: Below this largest gap the two engines' losses count as equal (the notebook asserts it).
ENGINES_AGREE = 1e-10


def plot_two_engines(losses_value: Sequence[float], losses_vector: Sequence[float]) -> View:
    """The loss at each training step of the network of ``Value``s (dots) and of ``nn.MLP``
    (a dashed line): the same training run in two engines.

    ``losses_value``, ``losses_vector``: one loss per step, shape ``(S,)`` each.
    """
    value = finite_array(losses_value, "losses_value", ndim=1)
    vector = finite_array(losses_vector, "losses_vector", ndim=1)
    if value.size == 0 or value.shape != vector.shape:
        raise ValueError(f"losses_value and losses_vector must hold one loss per step each, "
                         f"got shapes {value.shape} and {vector.shape}")
    with in_course_style():
        fig, axes = fresh_figure(None, 1, 1, figsize=(7.5, 3.4))
        ax = axes[0, 0]
        steps = np.arange(1, value.size + 1)
        ax.plot(steps, vector, "--", color=COLORS["ink"], label=ft("l02.engines_vectorized"))
        ax.plot(steps, value, "o", color=COLORS["function"], label=ft("l02.engines_values"))
        label_axes(ax, ft("l02.engines_title"), ft("l02.engines_step"), ft("l02.engines_loss"))
        integer_ticks(ax.xaxis)
        legend_outside(ax)
    gap = float(np.max(np.abs(value - vector)))
    agree = (t("l02.engines_agree", tolerance=ENGINES_AGREE) if gap < ENGINES_AGREE
             else t("l02.engines_differ", gap=gap))
    text = t("l02.engines_text", steps=value.size, first=value[0], last=value[-1],
             vector_first=vector[0], vector_last=vector[-1], agree=agree)
    return View(fig, text)


def timing_sentence(n: int, t_value: float, t_vector: float) -> str:
    """One forward and backward pass on ``n`` samples: the Value network's time and
    ``nn.MLP``'s (seconds)."""
    return t("l02.timing", n=n, value_ms=1e3 * t_value, vector_ms=1e3 * t_vector,
             ratio=t_value / t_vector)


def summary_markdown(*, fan_out: float, naive: float, ordered: float, operations: int,
                     twice: float, grads: tuple[float, float, float]) -> str:
    """The summary table of notebook 02, with the numbers the notebook computed.

    ``fan_out``: dc/da of ``c = b + b, b = a + a``; ``naive``/``ordered``: ∂L/∂x by the naive
    push and in reverse topological order; ``operations``: the length of the deep chain;
    ``twice``: ∂L/∂w after two backward passes; ``grads``: the neuron's (∂L/∂w, ∂L/∂b, ∂L/∂x).
    """
    dw, db, dx = grads
    rows = [
        (t("l02.sum_graph"), t("l02.sum_graph_line"), "`Scalar`, `Value`"),
        (t("l02.sum_local"), t("l02.sum_local_line"), "`local_grads`"),
        (t("l02.sum_step"), t("l02.sum_step_line"), "`backward_step`"),
        (t("l02.sum_seed"), r"$\partial L/\partial L = 1$", "`backward()`"),
        (t("l02.sum_fan_out"), t("l02.sum_fan_out_line"),
         f"`b = a + a; c = b + b`: $dc/da = {fan_out:g}$"),
        (t("l02.sum_topo"), t("l02.sum_topo_line"),
         t("l02.sum_topo_where", naive=naive, ordered=ordered)),
        (t("l02.sum_no_recursion"), t("l02.sum_no_recursion_line", operations=operations),
         "`topological_order`"),
        (t("l02.sum_accumulation"), t("l02.sum_accumulation_line"),
         t("l02.sum_accumulation_where", twice=twice, once=dw)),
        (t("l02.sum_check"), t("l02.sum_check_line"), t("l02.sum_check_where", w=dw, b=db, x=dx)),
        (t("l02.sum_dynamic"), t("l02.sum_dynamic_line"), "`forward`, `repeat_until`"),
        (t("l02.sum_values"), t("l02.sum_values_line"), t("l02.sum_values_where")),
    ]
    return t("l02.summary_header") + "\n".join(
        f"| {idea} | {line} | {where} |" for idea, line, where in rows)
