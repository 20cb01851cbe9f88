"""Notebook 08, Backprop playground: the exercises (the widget is `bp_helpers.ui.playground`).

Checkers use :mod:`bp_helpers.ui.checks`: ``check_function`` computes every reference first
on a copy and hands the learner's function its own copies; a count must be an exact integer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from bp_helpers._validate import bounded_int, finite_float
from bp_helpers.deep import layer_gradient_norms
from bp_helpers.messages import t
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
    cases = [(t("l08.case_widths", widths=w), (w,)) for w in examples]
    return check_function(
        answer, _n_weights, cases=cases, name="n_weights", hint=t("l08.n_weights_hint"),
    )


def check_updated_weight(answer: Any) -> bool:
    """The weight ``w = 0.8`` on a purple edge (``∂L/∂w = −0.5``) after a step with η = 0.3."""
    return check_number(
        answer, 0.8 - 0.3 * (-0.5), name="updated_weight",
        traps={0.8 + 0.3 * (-0.5): t("l08.updated_weight_wrong_sign"),
               -0.3 * (-0.5): t("l08.updated_weight_change_only")},
        hint=t("l08.updated_weight_hint"),
    )


def check_sigmoid_factor_bound(answer: Any) -> bool:
    """The largest product of four sigmoid derivatives ``σ'(z₁)…σ'(z₄)``."""
    return check_number(
        answer, 0.25**4, name="sigmoid_factor_bound",
        traps={0.25: t("l08.factor_bound_one_factor"),
               1.0: t("l08.factor_bound_one")},
        hint=t("l08.factor_bound_hint"),
    )


def check_layer_grad_norms(answer: Any, grads_examples: Sequence[Mapping[str, np.ndarray]]) -> bool:
    """``answer(grads)`` should give ``[‖∂L/∂W1‖, …, ‖∂L/∂WL‖]`` (Frobenius norms).

    ``grads_examples``: at least one gradient dict (keys ``"W1", "b1", …``); the learner's
    function gets copies, so it cannot change them.
    """
    grads_examples = list(grads_examples)
    if not grads_examples:
        raise ValueError("grads_examples must hold at least one gradient dict")
    cases = [(t("l08.case_example", i=i, layers=sum(k.startswith("W") for k in g)), (g,))
             for i, g in enumerate(grads_examples, start=1)]
    return check_function(
        answer, layer_gradient_norms, cases=cases, name="layer_grad_norms",
        hint=t("l08.layer_norms_hint"),
    )


# --- the sentences the notebook prints, in the notebook's language -----------------------

def _label(label: Any) -> str:
    if not isinstance(label, str):
        raise TypeError(f"label must be a str, got {type(label).__name__}")
    return label


def composition_checked(first: int, second: int) -> str:
    """The verdict on Run and Reset: ``first`` then ``second`` steps equal their sum."""
    first, second = bounded_int(first, "first", 0), bounded_int(second, "second", 0)
    return t("l08.composition_checked", first=first, second=second, total=first + second)


def signs_checked(n_weights: int) -> str:
    """The verdict of section 2: ``n_weights`` weights moved against their gradient's sign."""
    return t("l08.signs_checked", n=bounded_int(n_weights, "n_weights", 0))


def gradient_check_passed(n_arrays: int) -> str:
    """The verdict of section 2's gradient check over ``n_arrays`` parameter arrays."""
    return t("l08.gradient_check_passed", n=bounded_int(n_arrays, "n_arrays", 1))


def saturation_report(label: str, saturated_percent: float, mean_slope: float) -> str:
    """Experiment 1: the share (%) of layer-2 units with |z| > 3 and the mean tanh'(z), for
    the run called ``label``."""
    finite_float(saturated_percent, "saturated_percent")
    finite_float(mean_slope, "mean_slope")
    return t("l08.saturation", label=_label(label), percent=saturated_percent,
             slope=mean_slope)


def flat_boundary_report(label: str, lowest: float, highest: float) -> str:
    """Experiment 1: P(class 1) over the plane lies between ``lowest`` and ``highest``, all
    below 0.5: class 0 everywhere (for the run called ``label``)."""
    finite_float(lowest, "lowest")
    finite_float(highest, "highest")
    return t("l08.flat_boundary", label=_label(label), low=lowest, high=highest)


def edge_ratio_report(ratio: int) -> str:
    """Experiment 2: the wide network has ``ratio`` times as many edges as the narrow one."""
    return t("l08.edge_ratio", ratio=bounded_int(ratio, "ratio", 1))


def critical_point_report(critical: Sequence[Any], peak: Any) -> str:
    """Experiment 3: σ' has its only critical point at ``critical`` (sympy's solutions);
    ``peak`` is the verdict on σ'(0) = 1/4."""
    return t("l08.critical_point", critical=list(critical), peak=peak)


def sigmoid_bound_report(bound: Any) -> str:
    """Experiment 3: four factors σ' ≤ 1/4 multiply to at most ``bound`` = (1/4)⁴, so the
    gradient shrinks at least ``1 / bound``-fold."""
    if not 0 < bound <= 1:
        raise ValueError(f"bound must be in (0, 1], got {bound}")
    return t("l08.sigmoid_bound", bound=bound, factor=1 / bound)


def vanishing_markdown(ratio: float, steps: int, accuracy: float) -> str:
    """Experiment 3's conclusion (Markdown): the sigmoid network's first-to-last gradient
    norm ``ratio`` (a median), and its training ``accuracy`` (0 to 1) after ``steps`` steps."""
    if not 0 < finite_float(ratio, "ratio"):
        raise ValueError(f"ratio must be > 0, got {ratio}")
    if not 0 <= finite_float(accuracy, "accuracy") <= 1:
        raise ValueError(f"accuracy must be from 0 to 1, got {accuracy}")
    return t("l08.vanishing_markdown", inverse=1 / ratio, ratio=ratio,
             steps=bounded_int(steps, "steps", 0), percent=100 * accuracy)
