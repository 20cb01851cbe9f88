"""Notebook 02, Computational graphs: the one-neuron graph explorer and the exercises.
"""

from __future__ import annotations

import math
from typing import Any

from matplotlib.figure import Figure

from bp_helpers._validate import finite_float
from bp_helpers.autograd import Value, topological_order
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
from bp_helpers.ui.palette import COLORS as COLORS  # re-exported for the notebook's figure
from bp_helpers.ui.style import View
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
    view = draw_graph(L, fig=fig, title=f"L = (w·x + b − 10)² = {format_number(L.data)}: "
                      "each node's value and gradient ∂L/∂(node)")
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
    one_path = ("{} is only one of the two paths. a is used twice: add the path through a·b "
                "and the path where a is the last factor.")
    return check_number(
        answer, through_product + direct, name="gradient along two paths",
        traps={through_product: one_path.format(f"{through_product:g}"),
               direct: one_path.format(f"{direct:g}")},
        hint="f = s·a with s = a·b + c. Sum ∂f/∂s·∂s/∂a (= a·b) and the direct ∂f/∂a (= s).",
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
    name = "accumulated gradient"
    first, second = _accumulation_grads()
    return check_number(
        answer, first + second, name=name,
        traps={second: f"{second:g} is ∂L2/∂w alone: backward() adds into w.grad, "
                       "it does not overwrite it.",
               first: f"{first:g} is ∂L1/∂w alone: the second backward() adds ∂L2/∂w on top."},
        hint="Compute ∂L_i/∂w = 2(w·x_i + b − t_i)·x_i for each point; w.grad holds their sum.",
    )


SOFTPLUS_POINTS = (-3.0, -0.5, 0.0, 1.2, 4.0)


def check_softplus(answer: Any) -> bool:
    """A function ``softplus(v: Value) -> Value`` computing ``log(1 + e^v)``.

    Its value must match ``log(1 + e^x)`` and, after ``backward()``, the gradient of the
    input must be ``σ(x)``, at each of ``SOFTPLUS_POINTS``.
    """
    name = "softplus"
    hint = "Chain the engine's operations: (1 + v.exp()).log()."
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
                return report(name, False, f"softplus(Value({x})) returned a "
                               f"{type(out).__name__}, not a Value. {hint}")
            out.backward()
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        want = math.log1p(math.exp(x))
        if not math.isclose(out.data, want, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, f"softplus({x}) gave {out.data:.6g}, expected "
                           f"{want:.6g}. {hint}")
        sigma = 1.0 / (1.0 + math.exp(-x))
        if not math.isclose(v.grad, sigma, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, f"the value is right but the gradient at {x} is "
                           f"{v.grad:.6g}, not σ({x}) = {sigma:.6g}: did you use .data "
                           "somewhere, which cuts the graph?")
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
    return [("the neuron", neuron), ("b = a + a; c = b + b", fan_out), ("u·u + tanh u", reuse),
            (f"a chain of {DEEP_CHAIN} operations", chain)]


def check_topological_order(answer: Any) -> bool:
    """A function ``topo(root) -> list`` of every Value ``root`` depends on, each once and
    after all of its children, ``root`` last; it must work on a 5,000-step chain."""
    name = "topological order"
    hint = "Keep an explicit stack of (node, children_done) pairs, as in the text."
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
            return report(name, False, f"on {what} it hit Python's recursion limit: "
                           "replace the recursion by a loop over an explicit stack.")
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"on {what} it raised {type(exc).__name__}: {exc}. "
                           f"{hint}")
        expected = {id(n) for n in topological_order(root)}
        ids = [id(n) for n in order]
        if len(ids) != len(set(ids)):
            return report(name, False, f"on {what} a node appears twice: remember which "
                           "nodes you have already visited.")
        if set(ids) != expected:
            return report(name, False, f"on {what} it returned {len(set(ids))} of the "
                           f"{len(expected)} nodes. {hint}")
        position = {k: i for i, k in enumerate(ids)}
        for node in order:
            if any(position[id(c)] > position[id(node)] for c in node.children):
                return report(name, False, f"on {what} a node comes before one of its "
                               "children: add a node only after all of its children.")
        if order[-1] is not root:
            return report(name, False, f"on {what} the root is not last.")
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
        answer, count, name="loop count",
        traps={count - 1: f"{count - 1} stops one multiplication early: the loop tests "
                          f"y < {LOOP_LIMIT:g} before each multiplication and runs again while "
                          "it holds.",
               count + 1: f"{count + 1} is one too many: once y ≥ {LOOP_LIMIT:g} the loop stops."},
        hint="Follow y = 2.5, 6.25, … by hand and count the multiplications until y reaches "
             f"{LOOP_LIMIT:g}.",
    )


def check_loop_gradient(answer: Any) -> bool:
    """dy/dx of ``y, _ = repeat_until(x)`` at ``x = 2.5`` (a number)."""
    count, y, grad = _loop_reference()
    x = LOOP_X
    return check_number(
        answer, grad, name="gradient through a loop",
        traps={
            y: f"{y:g} is y itself, not dy/dx.",
            x**count: f"{x**count:g} is y before the last multiplication, not a derivative.",
            count * x ** (count - 1): f"{count * x ** (count - 1):g} is the derivative of "
                                      f"x^{count}: y = x·x·… has {count + 1} factors x "
                                      f"({count} multiplications).",
            (count + 2) * x ** (count + 1): "that is the derivative of one multiplication "
                                            "too many.",
        },
        hint="Write the y the loop recorded as a power of x (count the factors x), then "
             "differentiate it: a small change of x does not change how often the loop runs.",
    )
