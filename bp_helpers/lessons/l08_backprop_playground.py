"""Notebook 08, Backprop playground: the exercises (the widget is `bp_helpers.ui.playground`).

Checkers use :mod:`bp_helpers.ui.checks`: ``check_function`` computes every reference first
on a copy and hands the learner's function its own copies; a count must be an exact integer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from bp_helpers.deep import layer_gradient_norms
from bp_helpers.nn.cost import parameter_count
from bp_helpers.ui.checks import check_function, check_number

# verify and use_course_style are re-exported for the notebook (it imports only its lesson).
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.playground import playground_widget as playground_widget
from bp_helpers.ui.playground_views import draw as draw
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style


def _n_weights(widths: Sequence[int]) -> int:
    """The edges the network view draws: every parameter but the biases (one per unit)."""
    return parameter_count(widths) - sum(widths[1:])


def check_n_weights(answer: Any) -> bool:
    """``answer(widths)`` should count the edges the network view draws: every weight."""
    examples = [(2, 1), (2, 8, 8, 1), (2, 16, 16, 16, 16, 1), (3, 5, 2)]
    cases = [(f"widths {w}", (w,)) for w in examples]
    return check_function(
        answer, _n_weights, cases=cases, name="n_weights",
        hint="layer l has a weight for every pair (unit in layer l−1, unit in layer l): "
             "n_{l−1}·n_l edges; add them over the layers (biases are not edges)",
    )


def check_updated_weight(answer: Any) -> bool:
    """The weight ``w = 0.8`` on a purple edge (``∂L/∂w = −0.5``) after a step with η = 0.3."""
    return check_number(
        answer, 0.8 - 0.3 * (-0.5), name="updated_weight",
        traps={0.8 + 0.3 * (-0.5): "that is w + η·∂L/∂w: the step goes against the gradient",
               -0.3 * (-0.5): "that is the change Δw alone; add it to the old weight 0.8"},
        hint="the update is w ← w − η·∂L/∂w; a negative gradient makes the weight grow",
    )


def check_sigmoid_factor_bound(answer: Any) -> bool:
    """The largest product of four sigmoid derivatives ``σ'(z₁)…σ'(z₄)``."""
    return check_number(
        answer, 0.25**4, name="sigmoid_factor_bound",
        traps={0.25: "that is one factor; the product has four of them",
               1.0: "σ'(z) never reaches 1: σ(1 − σ) is largest at σ = ½"},
        hint="each factor σ'(z) = σ(z)(1 − σ(z)) is at most its value at z = 0",
    )


def check_layer_grad_norms(answer: Any, grads_examples: Sequence[Mapping[str, np.ndarray]]) -> bool:
    """``answer(grads)`` should give ``[‖∂L/∂W1‖, …, ‖∂L/∂WL‖]`` (Frobenius norms).

    ``grads_examples``: at least one gradient dict (keys ``"W1", "b1", …``); the learner's
    function gets copies, so it cannot change them.
    """
    grads_examples = list(grads_examples)
    if not grads_examples:
        raise ValueError("grads_examples must hold at least one gradient dict")
    cases = [(f"example {i} (a network with {sum(k.startswith('W') for k in g)} layers)", (g,))
             for i, g in enumerate(grads_examples, start=1)]
    return check_function(
        answer, layer_gradient_norms, cases=cases, name="layer_grad_norms",
        hint="for each layer take the square root of the sum of squares of every entry of "
             "grads['W1'], grads['W2'], … in order (np.linalg.norm does this); skip the biases",
    )
