"""Checkers for the exercises of notebooks 03 (backprop by hand) and 04 (why it is fast).

Each checker takes the learner's answer, prints ``✓ name: correct`` or ``✗ name: hint``
and returns a bool; none raises on a wrong, unfinished or malformed answer. Notebook 03's
answers are at the reference point of :mod:`bp_helpers.network_2321`.
"""

from __future__ import annotations

import math
from typing import Any

from bp_helpers import network_2321 as net
from bp_helpers.exercises import _report, check_expression, check_function, check_number

# --------------------------------------------------------------------------------------
# 03: the 2-3-2-1 network at its reference point
# --------------------------------------------------------------------------------------


def _reference() -> net.Forward:
    return net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)


def _close(answer: Any, value: float) -> bool:
    try:
        return math.isclose(float(answer), value, rel_tol=1e-6, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def check_output_error(answer: Any) -> bool:
    """δ^(3) = ∂L/∂z^(3) at the reference point (a number)."""
    f = _reference()
    if _close(answer, f.y - f.t):
        return _report("δ⁽³⁾", False, "that is ∂L/∂y. Multiply by ∂y/∂z⁽³⁾ = y(1 − y).")
    return check_number(
        answer, (f.y - f.t) * f.y * (1 - f.y), name="δ⁽³⁾",
        hint="δ⁽³⁾ = (y − t)·y·(1 − y), with y and t from the forward pass above.",
    )


def _delta_symbols() -> dict[str, Any]:
    import sympy as sp

    symbols = {name: sp.Symbol(name, real=True) for name in ("delta_1^(2)", "delta_2^(2)")}
    symbols.update(net.build_symbolic().symbols)
    return symbols


def check_hidden_sum(answer: Any) -> bool:
    """∂L/∂h_3^(1) as a sympy expression of ``delta_1^(2)``, ``delta_2^(2)`` and the w^(2)."""
    import sympy as sp

    s = _delta_symbols()
    d1, d2 = s["delta_1^(2)"], s["delta_2^(2)"]
    expected = d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"]
    try:  # match the learner's symbols by name, whatever assumptions they were made with
        answer = sp.sympify(answer)
        answer = answer.subs({x: s[x.name] for x in answer.free_symbols if x.name in s})
    except (sp.SympifyError, TypeError, AttributeError):
        pass
    hint = "h₃⁽¹⁾ feeds both units of layer 2: add δᵢ⁽²⁾·wᵢ₃⁽²⁾ over i = 1, 2."
    if isinstance(answer, sp.Expr):
        if answer.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return _report("∂L/∂h₃⁽¹⁾", False, f"your expression is not finite. {hint}")
        if sp.simplify(answer - d1 * s["w_13^(2)"]) == 0 or \
                sp.simplify(answer - d2 * s["w_23^(2)"]) == 0:
            return _report("∂L/∂h₃⁽¹⁾", False, f"that is one path only. {hint}")
        if sp.simplify(answer - d1 * s["w_31^(1)"] - d2 * s["w_32^(1)"]) == 0:
            return _report("∂L/∂h₃⁽¹⁾", False,
                           "use the layer-2 weights: wᵢⱼ⁽²⁾ joins h_j⁽¹⁾ to unit i of layer 2.")
    return check_expression(answer, expected, name="∂L/∂h₃⁽¹⁾", hint=hint)


def check_input_gradient(answer: Any) -> bool:
    """∂L/∂x_1 at the reference point (a number): one step past the first layer."""
    p, f = net.REFERENCE_PARAMS, _reference()
    grads = net.backward(p, f)
    exact = sum(grads[f"b_{j}^(1)"] * p[f"w_{j}1^(1)"] for j in (1, 2, 3))  # δ_j^(1) = ∂L/∂b_j^(1)
    return check_number(
        answer, exact, name="∂L/∂x₁",
        hint="∂L/∂x₁ = Σⱼ δⱼ⁽¹⁾·wⱼ₁⁽¹⁾, summed over all three units of layer 1 "
        "(δⱼ⁽¹⁾ equals ∂L/∂bⱼ⁽¹⁾).",
    )


# --------------------------------------------------------------------------------------
# 04: counting the cost of a gradient
# --------------------------------------------------------------------------------------

MNIST_WIDTHS = (784, 128, 10)


def _parameter_count(widths: tuple[int, ...]) -> int:
    return sum(n_in * n_out + n_out for n_in, n_out in zip(widths[:-1], widths[1:], strict=True))


def check_parameter_count(answer: Any) -> bool:
    """P, the number of weights and biases of an MLP with widths 784-128-10 (a number)."""
    P = _parameter_count(MNIST_WIDTHS)
    weights_only = P - sum(MNIST_WIDTHS[1:])
    if _close(answer, weights_only):
        return _report("P", False, "those are the weights; add one bias per unit of each layer.")
    return check_number(
        answer, P, name="P", rtol=0, atol=0.5,
        hint="each layer has n_in·n_out weights and n_out biases; add up both layers.",
    )


def check_numerical_passes(answer: Any) -> bool:
    """Forward passes a central-difference gradient of the 784-128-10 MLP needs (a number)."""
    P = _parameter_count(MNIST_WIDTHS)
    if _close(answer, P) or _close(answer, P + 1):
        return _report("forward passes", False,
                       "that counts one-sided differences; central differences evaluate "
                       "L(θ + h) and L(θ − h) for every parameter.")
    return check_number(answer, 2 * P, name="forward passes", rtol=0, atol=0.5,
                        hint="two forward passes per parameter.")


def _dense_flops(n_in: int, n_out: int, N: int) -> tuple[int, int]:
    forward = 2 * n_out * n_in * N
    return forward, 2 * forward


def check_dense_flops(answer: Any) -> bool:
    """A function ``dense_flops(n_in, n_out, N) -> (forward, backward)`` FLOPs of one layer."""
    return check_function(
        answer, _dense_flops, [(3, 2, 1), (784, 128, 64), (1, 1, 1000)],
        name="dense_flops", rtol=0, atol=0.5,
        hint="W @ A is n_out·n_in·N multiply-adds (2 FLOPs each); the backward pass makes "
        "two products of that size (dW = dZ @ A.T and dA = W.T @ dZ).",
    )
