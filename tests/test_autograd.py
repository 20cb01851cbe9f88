"""Tests of the scalar reverse-mode engine ``bp_helpers.autograd``.

Every operation's value and gradient (against its formula and central differences),
reversed and in-place forms, fan-out, a 100,000-operation chain, backward twice,
zero_grad, overflow at ±1000, bad operands, and hypothesis property tests on random
expression trees built from every operation.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bp_helpers.autograd import EXP_MAX, Value, topological_order
from bp_helpers.calculus import central_difference

# Hypothesis keeps a cache in ./.hypothesis by default; pyproject's norecursedirs replaces
# pytest's defaults, so that folder would make the *next* pytest run warn (an error here).
# Keep the cache out of the repository.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "bp-course-hypothesis")


def grad_of(f: Callable[[Value], Value], x: float) -> tuple[float, float]:
    """(f(x), df/dx) computed by the engine."""
    v = Value(x)
    out = f(v)
    out.backward()
    return out.data, v.grad


def numeric(f: Callable[[Value], Value], x: float) -> float:
    return central_difference(lambda t: f(Value(t)).data, x)


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# (name, engine function, value formula, derivative formula, points)
UNARY_CASES = [
    ("add-const", lambda v: v + 3, lambda x: x + 3, lambda x: 1.0, [-2.0, 0.5]),
    ("radd-const", lambda v: 3 + v, lambda x: 3 + x, lambda x: 1.0, [-2.0, 0.5]),
    ("sub-const", lambda v: v - 10, lambda x: x - 10, lambda x: 1.0, [-2.0, 0.5]),
    ("rsub-const", lambda v: 1 - v, lambda x: 1 - x, lambda x: -1.0, [-2.0, 0.5]),
    ("mul-const", lambda v: v * 2.5, lambda x: 2.5 * x, lambda x: 2.5, [-2.0, 0.5]),
    ("rmul-const", lambda v: 2 * v, lambda x: 2 * x, lambda x: 2.0, [-2.0, 0.5]),
    ("div-const", lambda v: v / 4, lambda x: x / 4, lambda x: 0.25, [-2.0, 0.5]),
    ("rdiv-const", lambda v: 10 / v, lambda x: 10 / x, lambda x: -10 / x**2, [-2.0, 0.5]),
    ("neg", lambda v: -v, lambda x: -x, lambda x: -1.0, [-2.0, 0.5]),
    ("pow-2", lambda v: v**2, lambda x: x**2, lambda x: 2 * x, [-2.0, 0.5]),
    ("pow-3", lambda v: v**3, lambda x: x**3, lambda x: 3 * x**2, [-2.0, 0.5]),
    ("pow-neg", lambda v: v**-1, lambda x: 1 / x, lambda x: -1 / x**2, [-2.0, 0.5]),
    ("pow-half", lambda v: v**0.5, math.sqrt, lambda x: 0.5 / math.sqrt(x), [0.3, 4.0]),
    ("exp", lambda v: v.exp(), math.exp, math.exp, [-2.0, 0.0, 1.5]),
    ("log", lambda v: v.log(), math.log, lambda x: 1 / x, [0.2, 1.0, 7.0]),
    ("tanh", lambda v: v.tanh(), math.tanh, lambda x: 1 - math.tanh(x) ** 2, [-2.0, 0.0, 0.7]),
    ("sigmoid", lambda v: v.sigmoid(), sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x)),
     [-3.0, 0.0, 2.0]),
    ("relu", lambda v: v.relu(), lambda x: max(0.0, x), lambda x: float(x > 0), [-1.5, 2.0]),
]


@pytest.mark.parametrize(
    ("f", "value", "derivative", "x"),
    [
        pytest.param(f, val, der, x, id=f"{name}@{x}")
        for name, f, val, der, points in UNARY_CASES
        for x in points
    ],
)
def test_each_unary_operation_value_and_gradient(f, value, derivative, x) -> None:
    out, grad = grad_of(f, x)
    assert out == pytest.approx(value(x), rel=1e-12, abs=1e-15)
    assert grad == pytest.approx(derivative(x), rel=1e-12, abs=1e-15)
    assert grad == pytest.approx(numeric(f, x), rel=1e-7, abs=1e-9)


# (operation name, engine function, value, ∂/∂a, ∂/∂b)
BINARY_CASES = [
    ("+", lambda a, b: a + b, lambda a, b: a + b, lambda a, b: 1.0, lambda a, b: 1.0),
    ("-", lambda a, b: a - b, lambda a, b: a - b, lambda a, b: 1.0, lambda a, b: -1.0),
    ("*", lambda a, b: a * b, lambda a, b: a * b, lambda a, b: b, lambda a, b: a),
    ("/", lambda a, b: a / b, lambda a, b: a / b, lambda a, b: 1 / b, lambda a, b: -a / b**2),
]


@pytest.mark.parametrize(
    ("op", "f", "value", "da", "db"), [pytest.param(*case, id=case[0]) for case in BINARY_CASES]
)
@pytest.mark.parametrize(("a", "b"), [(2.0, -3.0), (-0.5, 4.0)])
def test_each_binary_operation_value_and_gradient(op, f, value, da, db, a, b) -> None:
    va, vb = Value(a), Value(b)
    out = f(va, vb)
    out.backward()
    assert out.op == op and out.children == (va, vb)
    assert out.data == pytest.approx(value(a, b), rel=1e-12)
    assert va.grad == pytest.approx(da(a, b), rel=1e-12)
    assert vb.grad == pytest.approx(db(a, b), rel=1e-12)
    assert va.grad == pytest.approx(central_difference(lambda t: value(t, b), a), rel=1e-7)
    assert vb.grad == pytest.approx(central_difference(lambda t: value(a, t), b), rel=1e-7)


def test_one_neuron_example_of_notebook_02() -> None:
    w, b, x = Value(2.0, "w"), Value(-1.0, "b"), Value(3.0, "x")
    L = (w * x + b - 10) ** 2
    L.backward()
    assert L.data == 25.0
    assert (w.grad, b.grad, x.grad) == (-30.0, -10.0, -20.0)


def test_in_place_forms_make_new_nodes_and_keep_the_graph() -> None:
    x = Value(3.0, "x")
    y = x
    y += 2  # 5
    y -= x  # 2 (x enters twice: dy/dx = 1 - 1 = 0 so far)
    y *= x  # 6   d/dx of (x + 2 - x) * x = 2
    y /= 4  # 1.5 -> 0.5
    y **= 2  # 2.25 -> 2 * 1.5 * 0.5 = 1.5
    assert x.data == 3.0 and x.is_leaf and y is not x
    y.backward()
    assert y.data == pytest.approx(2.25)
    assert x.grad == pytest.approx(1.5)


def test_constants_are_folded_into_the_operation() -> None:
    v = Value(2.0)
    assert (2 * v).op == "2 *" and (v * 2).op == "* 2"
    assert (1 - v).op == "1 -" and (10 / v).op == "10 /" and (v**0.5).op == "** 0.5"
    assert len((3 + v).children) == 1 and (3 + v).local_grads == (1.0,)
    assert +v is v


def test_numbers_from_numpy_are_accepted() -> None:
    np = pytest.importorskip("numpy")
    v = Value(np.float64(2.0)) * np.int64(3)
    assert v.data == 6.0 and type(v.data) is float


# ---- fan-out, order, deep graphs ---------------------------------------------------
def test_fan_out_sums_gradients() -> None:
    a = Value(1.0)
    b = a + a
    c = b + b
    c.backward()
    assert a.grad == 4.0 and b.grad == 2.0


def test_reused_intermediate_gets_its_full_gradient_before_passing_it_on() -> None:
    # L = u·u with u = 2x: dL/dx = 2u·2 = 24 at x = 3 (a push-as-you-go recursion gives 36)
    x = Value(3.0)
    u = 2 * x
    L = u * u
    L.backward()
    assert u.grad == 12.0 and x.grad == 24.0


def test_topological_order_puts_children_first_once_each() -> None:
    x, y = Value(1.0), Value(2.0)
    u = x * y
    L = (u + x) * u
    order = topological_order(L)
    assert order[-1] is L and len(order) == len({id(n) for n in order}) == 5
    position = {id(n): i for i, n in enumerate(order)}
    for node in order:
        for child in node.children:
            assert position[id(child)] < position[id(node)]


def test_topological_order_rejects_non_values() -> None:
    with pytest.raises(TypeError, match="must be a Value"):
        topological_order(3.0)


def test_deep_chain_of_100_000_operations() -> None:
    x = Value(0.5)
    y = x
    for _ in range(50_000):
        y = (y * 1.00001) - 0.00001  # 2 operations per step
    y.backward()
    assert len(topological_order(y)) == 100_001
    assert x.grad == pytest.approx(1.00001**50_000, rel=1e-9)
    y.zero_grad()
    assert x.grad == 0.0 and y.grad == 0.0
    del y  # freeing a 100,000-deep graph must not overflow the C stack


# ---- backward twice and zero_grad --------------------------------------------------
def _graph() -> tuple[Value, Value, Value, Value]:
    a, b = Value(2.0), Value(-3.0)
    mid = a * b  # -6
    L = mid.tanh() + mid * a
    return a, b, mid, L


def test_backward_twice_doubles_leaf_gradients_only() -> None:
    a, b, mid, L = _graph()
    L.backward()
    once = (a.grad, b.grad, mid.grad, L.grad)
    L.backward()
    assert a.grad == pytest.approx(2 * once[0]) and b.grad == pytest.approx(2 * once[1])
    assert mid.grad == once[2] and L.grad == 1.0  # intermediates: this pass only


def test_zero_grad_resets_every_node_then_backward_matches_a_fresh_graph() -> None:
    a, b, mid, L = _graph()
    L.backward()
    first = (a.grad, b.grad)
    L.backward()
    L.zero_grad()
    assert all(node.grad == 0.0 for node in topological_order(L))
    L.backward()
    assert (a.grad, b.grad) == first


def test_two_losses_sharing_a_leaf_accumulate_their_sum() -> None:
    w = Value(1.5)
    (w * 2).backward()
    (w**2).backward()
    assert w.grad == pytest.approx(2 + 2 * 1.5)


def test_backward_on_a_leaf() -> None:
    w = Value(1.5)
    w.backward()
    assert w.grad == 1.0


# ---- numerics: overflow, domains, kinks --------------------------------------------
@pytest.mark.parametrize("x", [-1000.0, 1000.0, EXP_MAX + 1e-9])
def test_exp_sigmoid_tanh_never_overflow(x: float) -> None:
    # pytest runs with warnings as errors, so any RuntimeWarning would fail this test
    e = Value(x).exp()
    assert e.data == (math.inf if x > 0 else 0.0)
    for op, limit in (("sigmoid", 1.0), ("tanh", 1.0)):
        v = Value(x)
        out = getattr(v, op)()
        out.backward()
        assert out.data == (limit if x > 0 else (0.0 if op == "sigmoid" else -1.0))
        assert v.grad == 0.0


def test_exp_just_below_overflow_is_finite() -> None:
    v = Value(EXP_MAX)
    out = v.exp()
    out.backward()
    assert math.isfinite(out.data) and v.grad == out.data


def test_sigmoid_is_accurate_in_both_tails() -> None:
    assert Value(-30.0).sigmoid().data == pytest.approx(math.exp(-30.0), rel=1e-12)
    assert Value(30.0).sigmoid().data == pytest.approx(1 - math.exp(-30.0), rel=1e-15)


def test_log_domain() -> None:
    for x in (0.0, -1.0):
        with pytest.raises(ValueError, match="positive"):
            Value(x).log()


def test_relu_kink_has_zero_gradient() -> None:
    v = Value(0.0)
    out = v.relu()
    out.backward()
    assert out.data == 0.0 and v.grad == 0.0


def test_pow_domain_and_edge_cases() -> None:
    with pytest.raises(ValueError, match="fractional power"):
        Value(-8.0) ** (1 / 3)
    with pytest.raises(ZeroDivisionError):
        Value(0.0) ** -1
    assert (Value(-2.0) ** 3).data == -8.0
    v = Value(0.0)
    root = v**0.5
    root.backward()
    assert root.data == 0.0 and v.grad == math.inf  # the true limit of d√x/dx at 0⁺
    v = Value(0.0)
    one = v**0
    one.backward()
    assert one.data == 1.0 and v.grad == 0.0


def test_division_by_zero_raises() -> None:
    with pytest.raises(ZeroDivisionError):
        Value(1.0) / Value(0.0)
    with pytest.raises(ZeroDivisionError):
        Value(1.0) / 0
    with pytest.raises(ZeroDivisionError):
        1 / Value(0.0)


# ---- bad input ---------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["2", None, [1.0], True, 1 + 2j])
def test_operands_that_are_not_numbers_raise_type_error(bad) -> None:
    v = Value(1.0)
    for op in (
        lambda: v + bad, lambda: bad + v, lambda: v - bad, lambda: bad - v,
        lambda: v * bad, lambda: bad * v, lambda: v / bad, lambda: bad / v, lambda: v**bad,
    ):
        with pytest.raises(TypeError, match="Value or a real number"):
            op()


def test_value_exponent_is_rejected_with_a_hint() -> None:
    with pytest.raises(TypeError, match="exponent must be a constant"):
        Value(2.0) ** Value(3.0)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_raise_value_error(bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        Value(bad)
    with pytest.raises(ValueError, match="finite"):
        Value(1.0) * bad


@pytest.mark.parametrize("bad", ["3", None, True, [2.0]])
def test_leaf_needs_a_real_number(bad) -> None:
    with pytest.raises(TypeError, match="real number"):
        Value(bad)


def test_leaf_of_a_value_and_bad_label() -> None:
    with pytest.raises(TypeError, match="already a Value"):
        Value(Value(1.0))
    with pytest.raises(TypeError, match="label"):
        Value(1.0, label=3)


def test_repr_float_and_properties() -> None:
    w = Value(2, "w")
    assert repr(w) == "Value(data=2.0, grad=0.0, label='w')"
    out = w * 3
    assert repr(out) == "Value(data=6.0, grad=0.0, op='* 3')"
    assert float(out) == 6.0 and w.is_leaf and not out.is_leaf and w.op == ""
    assert out.children == (w,) and out.local_grads == (3.0,)


# ---- property tests: random expression trees vs central differences ----------------
N_LEAVES = 3
LEAF_VALUES = st.floats(-2.0, 2.0)

# Each operation, written so that random inputs stay in its domain (log and fractional
# powers get 1 + a² ≥ 1, divisions divide by 1 + b² ≥ 1); every engine operation appears.
BINARY_OPS: dict[str, Callable[[Value, Value], Value]] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / (1 + b * b),
}
UNARY_OPS: dict[str, Callable[[Value], Value]] = {
    "neg": lambda a: -a,
    "radd": lambda a: 0.5 + a,
    "rsub": lambda a: 1 - a,
    "rmul": lambda a: 2 * a,
    "rdiv": lambda a: 3 / (1 + a * a),
    "add-c": lambda a: a + 1.5,
    "sub-c": lambda a: a - 0.5,
    "mul-c": lambda a: a * -0.7,
    "div-c": lambda a: a / 3,
    "square": lambda a: a**2,
    "cube": lambda a: a**3,
    "rsqrt": lambda a: (1 + a * a) ** -0.5,
    "sqrt": lambda a: (1 + a * a) ** 0.5,
    "exp": lambda a: a.exp(),
    "log": lambda a: (1 + a * a).log(),
    "tanh": lambda a: a.tanh(),
    "sigmoid": lambda a: a.sigmoid(),
    "relu": lambda a: a.relu(),
}

leaf_index = st.integers(0, N_LEAVES - 1)
trees = st.recursive(
    leaf_index,
    lambda sub: st.one_of(
        st.tuples(st.sampled_from(sorted(UNARY_OPS)), sub),
        st.tuples(st.sampled_from(sorted(BINARY_OPS)), sub, sub),
    ),
    max_leaves=8,
)


def evaluate(tree, leaves: list[Value]) -> Value:
    if isinstance(tree, int):
        return leaves[tree]
    name, *args = tree
    values = [evaluate(a, leaves) for a in args]
    return (UNARY_OPS if len(values) == 1 else BINARY_OPS)[name](*values)


FLOOR = 1e-3  # relative error needs a floor: a true gradient of 0 has no relative error


def richardson_central_difference(f: Callable[[float], float], x: float, h: float = 1e-3) -> float:
    """Central differences at h and h/2 combined to cancel the h² error term: error O(h⁴)."""
    return (4 * central_difference(f, x, h / 2) - central_difference(f, x, h)) / 3


def well_conditioned(root: Value) -> bool:
    """No relu near its kink and no huge values (where finite differences are unreliable)."""
    for node in topological_order(root):
        if abs(node.data) > 1e4:
            return False
        if node.op == "relu" and abs(node.children[0].data) < 1e-2:
            return False
    return True


def test_every_operation_is_in_the_property_tests() -> None:
    probe = Value(0.3)
    ops = set()
    for f in (*UNARY_OPS.values(), lambda a: BINARY_OPS["add"](a, a)):
        ops |= {node.op for node in topological_order(f(probe))}
    for f in BINARY_OPS.values():
        ops |= {node.op for node in topological_order(f(probe, Value(0.2)))}
    assert {"+", "-", "*", "/", "neg", "exp", "log", "tanh", "sigmoid", "relu"} <= ops
    assert {"0.5 +", "1 -", "2 *", "3 /", "+ 1.5", "- 0.5", "* -0.7", "/ 3"} <= ops
    assert {"** 2", "** 3", "** -0.5", "** 0.5"} <= ops


# derandomize: the same examples on every run, so CI cannot flake (20,000 random examples
# passed while this test was written)
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(tree=trees, xs=st.lists(LEAF_VALUES, min_size=N_LEAVES, max_size=N_LEAVES))
def test_random_expression_gradients_match_central_differences(tree, xs) -> None:
    leaves = [Value(x) for x in xs]
    root = evaluate(tree, leaves)
    assume(well_conditioned(root))
    root.backward()
    for i, leaf in enumerate(leaves):

        def f(t: float, i: int = i) -> float:
            return evaluate(tree, [Value(t) if j == i else Value(x) for j, x in enumerate(xs)]).data

        numerical = richardson_central_difference(f, xs[i])
        error = abs(leaf.grad - numerical) / max(abs(leaf.grad) + abs(numerical), FLOOR)
        assert error < 1e-6, (tree, xs, i, leaf.grad, numerical)


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(tree=trees, xs=st.lists(LEAF_VALUES, min_size=N_LEAVES, max_size=N_LEAVES))
def test_backward_twice_is_exactly_twice_and_zero_grad_restores(tree, xs) -> None:
    leaves = [Value(x) for x in xs]
    root = evaluate(tree, leaves)
    root.backward()
    once = [leaf.grad for leaf in leaves]
    root.backward()
    # equal up to rounding: a leaf reached by several edges adds them in a different order
    assert [leaf.grad for leaf in leaves] == pytest.approx([2 * g for g in once], rel=1e-12)
    root.zero_grad()
    root.backward()
    assert [leaf.grad for leaf in leaves] == once
