"""Notebook 08, Backprop playground: the exercises (the widget is `bp_helpers.ui.playground`).
"""

from __future__ import annotations

import contextlib
import copy
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from bp_helpers.deep import layer_gradient_norms
from bp_helpers.ui.checks import NOT_ANSWERED, check_number, is_unanswered
from bp_helpers.ui.playground import playground_widget as playground_widget
from bp_helpers.ui.playground_views import draw as draw

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style


def verify(checker: Callable[..., bool], solution: Any, *args: Any) -> None:
    """Assert that ``checker(solution, *args)`` accepts the reference solution, silently.

    For a collapsed reference-solution cell: it prints only "reference solution checked",
    so nothing under the collapsed cell gives the answer away.
    """
    with contextlib.redirect_stdout(io.StringIO()):
        ok = checker(solution, *args)
    if ok is not True:
        raise AssertionError(f"{getattr(checker, '__name__', checker)} rejected the reference")
    print("reference solution checked")


def _check_cases(
    answer: Any, reference: Callable[..., Any], cases: Sequence[tuple[str, tuple]], *,
    name: str, hint: str, integer: bool = False,
) -> bool:
    """✓ when ``answer(*args)`` matches ``reference(*args)`` for every ``(label, args)``.

    Every reference is computed first, on its own deep copy of the arguments, and the
    learner's function gets another deep copy: it can neither change the reference nor the
    notebook's data. ``integer=True``: the results are counts and must be exact whole
    numbers. An empty ``cases`` is a programming error (``ValueError``): it would accept
    anything. A failure names the case by its short ``label``.
    """
    cases = list(cases)
    if not cases:
        raise ValueError("cases must not be empty: a checker with no case accepts anything")
    wants = [np.asarray(reference(*copy.deepcopy(args)), dtype=float) for _, args in cases]

    def report(ok: bool, message: str = "") -> bool:
        print(f"✓ {name}: correct" if ok else f"✗ {name}: {message}")
        return ok

    if is_unanswered(answer):
        return report(False, NOT_ANSWERED)
    if not callable(answer):
        return report(False, f"expected a function, got {type(answer).__name__}. {hint}")
    for (label, args), want in zip(cases, wants, strict=True):
        try:
            got = answer(*copy.deepcopy(args))
        except Exception as exc:  # the learner's code: report, never raise
            return report(False, f"calling it on {label} raised {type(exc).__name__}: {exc}. "
                                 f"{hint}")
        if got is None:
            return report(False, f"it returned None for {label}: {NOT_ANSWERED}")
        if integer and (isinstance(got, (bool, np.bool_))
                        or not isinstance(got, (int, np.integer, float, np.floating))):
            return report(False, f"expected a whole number for {label}, got "
                                 f"{type(got).__name__}. {hint}")
        try:
            got = np.asarray(got)
            if got.dtype.kind not in "iuf":
                raise TypeError
            got = got.astype(float)
        except (TypeError, ValueError):
            return report(False, f"expected numbers for {label}, got {type(got).__name__}. "
                                 f"{hint}")
        if got.shape != want.shape:
            return report(False, f"shape {got.shape} for {label}, expected {want.shape}. {hint}")
        if integer:
            ok = bool(np.array_equal(got, want))
        else:
            ok = bool(np.all(np.isfinite(got))) and bool(
                np.allclose(got, want, rtol=1e-6, atol=1e-12))
        if not ok:
            return report(False, f"wrong result for {label}. {hint}")
    return report(True)


def _n_weights(widths: Sequence[int]) -> int:
    return sum(a * b for a, b in zip(widths[:-1], widths[1:], strict=False))


def check_n_weights(answer: Any) -> bool:
    """``answer(widths)`` should count the edges the network view draws: every weight."""
    examples = [(2, 1), (2, 8, 8, 1), (2, 16, 16, 16, 16, 1), (3, 5, 2)]
    cases = [(f"widths {w}", (w,)) for w in examples]
    return _check_cases(
        answer, _n_weights, cases, name="n_weights", integer=True,
        hint="layer l has a weight for every pair (unit in layer l−1, unit in layer l): "
             "n_{l−1}·n_l edges; add them over the layers (biases are not edges)",
    )


def check_updated_weight(answer: Any) -> bool:
    """The weight ``w = 0.8`` on a blue edge (``∂L/∂w = −0.5``) after a step with η = 0.3."""
    return check_number(
        answer, 0.8 - 0.3 * (-0.5), name="updated_weight",
        hint="the update is w ← w − η·∂L/∂w; a negative gradient makes the weight grow",
    )


def check_sigmoid_factor_bound(answer: Any) -> bool:
    """The largest product of four sigmoid derivatives ``σ'(z₁)…σ'(z₄)``."""
    return check_number(
        answer, 0.25**4, name="sigmoid_factor_bound",
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
    return _check_cases(
        answer, layer_gradient_norms, cases, name="layer_grad_norms",
        hint="for each layer take the square root of the sum of squares of every entry of "
             "grads['W1'], grads['W2'], … in order (np.linalg.norm does this); skip the biases",
    )
