"""Value.step: the Heaviside step, its zero derivative, no derivative at 0, and why a
perceptron with a step activation cannot be trained by gradient descent."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bp_helpers.autograd import Value
from bp_helpers.calculus import central_difference

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "bp-course-hypothesis")


@pytest.mark.parametrize(("x", "expected"), [(2.5, 1.0), (1e-300, 1.0), (-1e-300, 0.0),
                                             (-4.0, 0.0), (0.0, 0.0), (-0.0, 0.0)])
def test_step_forward(x: float, expected: float) -> None:
    out = Value(x).step()
    assert out.data == expected and out.op == "step" and len(out.children) == 1


@pytest.mark.parametrize("x", [3.0, -0.5, 1e-9, -1e-9])
def test_step_has_zero_derivative_away_from_0(x: float) -> None:
    v = Value(x)
    out = (v * 2.0).step() * 5.0 + v  # the step passes nothing back; v's own path gives 1
    out.backward()
    assert v.grad == 1.0
    assert Value(x).step().local_grads == (0.0,)


def test_backward_through_step_at_0_raises() -> None:
    v = Value(0.0)
    out = v.step()
    assert math.isnan(out.local_grads[0])  # recorded as "undefined"
    with pytest.raises(ValueError, match="step has no derivative at 0"):
        out.backward()
    w, b = Value(0.0), Value(0.0)  # a perceptron started from zero weights
    loss = ((w * 3.0 + b).step() - 1.0) ** 2
    with pytest.raises(ValueError, match="no derivative at 0"):
        loss.backward()


def test_step_at_0_does_not_affect_other_nodes_until_backward() -> None:
    v = Value(0.0)
    y = v.step() + v.sigmoid()
    assert y.data == 0.5  # the forward pass is well defined


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(x=st.floats(-1e6, 1e6, allow_nan=False).filter(lambda t: abs(t) > 1e-3))
def test_property_step_gradient_is_zero_and_matches_central_differences(x: float) -> None:
    v = Value(x)
    v.step().backward()
    assert v.grad == 0.0
    assert central_difference(lambda t: float(t > 0), x, h=1e-5) == 0.0


def _perceptron_grads(activation: str, w0: float, b0: float) -> tuple[float, float, float]:
    """Squared error of one neuron on a little data set; returns (loss, dL/dw, dL/db)."""
    w, b = Value(w0), Value(b0)
    loss = 0.0
    for x, y in [(-2.0, 0.0), (-0.5, 0.0), (1.0, 1.0), (3.0, 1.0)]:
        z = w * x + b
        a = z.step() if activation == "step" else z.sigmoid()
        loss = loss + (a - y) ** 2
    loss.backward()
    return loss.data, w.grad, b.grad


def test_a_step_perceptron_gets_zero_gradients_a_sigmoid_one_does_not() -> None:
    loss, dw, db = _perceptron_grads("step", w0=-1.0, b0=0.25)  # classifies every point wrong
    assert loss == 4.0 and dw == 0.0 and db == 0.0
    loss, dw, db = _perceptron_grads("sigmoid", w0=-1.0, b0=0.25)
    assert loss > 1.0 and dw < -0.1


@pytest.mark.parametrize("activation", ["step", "sigmoid"])
def test_gradient_descent_trains_only_the_sigmoid_perceptron(activation: str) -> None:
    w, b = -1.0, 0.25
    first = _perceptron_grads(activation, w, b)[0]
    for _ in range(200):
        loss, dw, db = _perceptron_grads(activation, w, b)
        w, b = w - 0.5 * dw, b - 0.5 * db
    if activation == "step":
        assert (w, b, loss) == (-1.0, 0.25, first)  # nothing moved
    else:
        assert loss < 0.1 * first and w > 0
