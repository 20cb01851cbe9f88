"""Checkers for the exercises of notebook 02 (computational graphs, the Value engine).

Each checker takes the learner's answer, prints ``✓ name: correct`` or ``✗ name: hint``
and returns a bool. None of them raises on a wrong, unfinished or malformed answer,
including a learner's function that raises. Reference answers are computed here.
"""

from __future__ import annotations

import math
from typing import Any

from bp_helpers.autograd import Value, topological_order
from bp_helpers.exercises import NOT_ANSWERED, _report, check_number, function_ready, is_unanswered

# --------------------------------------------------------------------------------------
# 1. A gradient along two paths: f = (a·b + c)·a at a = 2, b = −3, c = 10
# --------------------------------------------------------------------------------------

FANOUT_POINT = {"a": 2.0, "b": -3.0, "c": 10.0}


def _fanout_parts() -> tuple[float, float]:
    """The two paths of ∂f/∂a: through the product a·b, and directly as the last factor."""
    a, b, c = FANOUT_POINT["a"], FANOUT_POINT["b"], FANOUT_POINT["c"]
    return b * a, a * b + c


def check_fanout_gradient(answer: Any) -> bool:
    """∂f/∂a for ``f = (a·b + c)·a`` at ``a = 2, b = −3, c = 10`` (a number)."""
    through_product, direct = _fanout_parts()
    try:
        value = float(answer)
    except (TypeError, ValueError):
        value = math.nan
    for one_path in (through_product, direct):
        if math.isclose(value, one_path, rel_tol=1e-9, abs_tol=1e-12):
            return _report(
                "gradient along two paths", False,
                f"{value:g} is only one of the two paths. a is used twice: add the path "
                "through a·b and the path where a is the last factor.",
            )
    return check_number(
        answer, through_product + direct, name="gradient along two paths",
        hint="f = s·a with s = a·b + c. Sum ∂f/∂s·∂s/∂a (= a·b) and the direct ∂f/∂a (= s).",
    )


# --------------------------------------------------------------------------------------
# 2. Gradient accumulation: two losses, two backward() calls, no zero_grad in between
# --------------------------------------------------------------------------------------

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
    try:
        value = float(answer)
    except (TypeError, ValueError):
        value = math.nan
    if math.isclose(value, second, rel_tol=1e-9):
        return _report(name, False, f"{value:g} is ∂L2/∂w alone: backward() adds into "
                       "w.grad, it does not overwrite it.")
    if math.isclose(value, first, rel_tol=1e-9):
        return _report(name, False, f"{value:g} is ∂L1/∂w alone: the second backward() "
                       "adds ∂L2/∂w on top.")
    return check_number(
        answer, first + second, name=name,
        hint="Compute ∂L_i/∂w = 2(w·x_i + b − t_i)·x_i for each point; w.grad holds their sum.",
    )


# --------------------------------------------------------------------------------------
# 3. softplus written with the engine's operations
# --------------------------------------------------------------------------------------

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
            out = answer(v)
            if is_unanswered(out):
                return _report(name, False, NOT_ANSWERED)
            if not isinstance(out, Value):
                return _report(name, False, f"softplus(Value({x})) returned a "
                               f"{type(out).__name__}, not a Value. {hint}")
            out.backward()
        except Exception as exc:  # the learner's code: report, never raise
            return _report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        want = math.log1p(math.exp(x))
        if not math.isclose(out.data, want, rel_tol=1e-9, abs_tol=1e-12):
            return _report(name, False, f"softplus({x}) gave {out.data:.6g}, expected "
                           f"{want:.6g}. {hint}")
        sigma = 1.0 / (1.0 + math.exp(-x))
        if not math.isclose(v.grad, sigma, rel_tol=1e-9, abs_tol=1e-12):
            return _report(name, False, f"the value is right but the gradient at {x} is "
                           f"{v.grad:.6g}, not σ({x}) = {sigma:.6g}: did you use .data "
                           "somewhere, which cuts the graph?")
    return _report(name, True, "")


# --------------------------------------------------------------------------------------
# 4. A topological order without recursion
# --------------------------------------------------------------------------------------

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
    return [("the neuron", neuron), ("a + a + a + a", fan_out), ("u·u + tanh u", reuse),
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
            result = answer(root)
            if is_unanswered(result):
                return _report(name, False, NOT_ANSWERED)
            order = list(result)
        except RecursionError:
            return _report(name, False, f"on {what} it hit Python's recursion limit: "
                           "replace the recursion by a loop over an explicit stack.")
        except Exception as exc:  # the learner's code: report, never raise
            return _report(name, False, f"on {what} it raised {type(exc).__name__}: {exc}. "
                           f"{hint}")
        expected = {id(n) for n in topological_order(root)}
        ids = [id(n) for n in order]
        if len(ids) != len(set(ids)):
            return _report(name, False, f"on {what} a node appears twice: remember which "
                           "nodes you have already visited.")
        if set(ids) != expected:
            return _report(name, False, f"on {what} it returned {len(set(ids))} of the "
                           f"{len(expected)} nodes. {hint}")
        position = {k: i for i, k in enumerate(ids)}
        for node in order:
            if any(position[id(c)] > position[id(node)] for c in node.children):
                return _report(name, False, f"on {what} a node comes before one of its "
                               "children: add a node only after all of its children.")
        if order[-1] is not root:
            return _report(name, False, f"on {what} the root is not last.")
    return _report(name, True, "")
