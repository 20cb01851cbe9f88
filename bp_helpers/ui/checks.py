"""The exercise pattern: a checker takes the learner's answer and prints ✓ or a hint.

A checker never raises on a wrong or unfinished answer: it prints one line and returns
``True`` or ``False``. Exercise cells start as ``answer = ...``; the checker says
"not answered yet" until the learner replaces ``...``. Topic modules
(``exercises.chain_rule`` …) hold the checkers of each notebook, with the reference
answers kept out of the learner's sight.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

NOT_ANSWERED = "not answered yet: replace ... with your answer and run the cell again"


def report(name: str, ok: bool, message: str) -> bool:
    print(f"✓ {name}: correct" if ok else f"✗ {name}: {message}")
    return ok


def is_unanswered(answer: Any) -> bool:
    """True for the placeholders ``...`` and ``None``."""
    return answer is ... or answer is None


def function_ready(answer: Any, *, name: str, hint: str) -> bool:
    """True when ``answer`` is a function; else print "not answered" or the hint, return False.

    The common first step of every checker that takes the learner's function.
    """
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    if not callable(answer):
        return report(name, False, f"expected a function, got {type(answer).__name__}. {hint}")
    return True


def check_number(
    answer: Any, expected: float, *, name: str, hint: str, rtol: float = 1e-6, atol: float = 1e-9,
    traps: dict[float, str] | None = None,
) -> bool:
    """✓ when ``answer`` is a number within ``rtol``/``atol`` of ``expected``.

    ``traps`` maps known wrong answers to the hint each deserves.
    """
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return report(name, False, f"expected a number, got {type(answer).__name__}. {hint}")
    if not math.isfinite(value):
        return report(name, False, f"got {value}, which is not finite. {hint}")
    ok = math.isclose(value, expected, rel_tol=rtol, abs_tol=atol)
    for wrong, message in (traps or {}).items():
        if not ok and math.isclose(value, wrong, rel_tol=rtol, abs_tol=atol):
            return report(name, False, message)
    return report(name, ok, f"{value:.6g} is not right. {hint}")


def check_array(
    answer: Any, expected: np.ndarray, *, name: str, hint: str, rtol: float = 1e-6,
    atol: float = 1e-9,
) -> bool:
    """✓ when ``answer`` has ``expected``'s shape and matches it elementwise."""
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    expected = np.asarray(expected, dtype=float)
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return report(name, False, f"expected an array of numbers. {hint}")
    if value.shape != expected.shape:
        return report(name, False, f"shape {value.shape}, expected {expected.shape}. {hint}")
    if not np.all(np.isfinite(value)):
        return report(name, False, f"your array has nan or inf in it. {hint}")
    ok = bool(np.allclose(value, expected, rtol=rtol, atol=atol))
    return report(name, ok, f"the shape is right but some entries are off. {hint}")


def check_expression(answer: Any, expected: Any, *, name: str, hint: str) -> bool:
    """✓ when the sympy expression ``answer`` is identical to ``expected``."""
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    import sympy as sp

    from bp_helpers.symbolic import is_zero

    try:
        difference = sp.sympify(answer) - sp.sympify(expected)
    except (sp.SympifyError, TypeError):
        return report(name, False, f"expected a sympy expression, got {answer!r}. {hint}")
    return report(name, is_zero(difference), f"that is not the same expression. {hint}")


def check_function(
    answer: Any, reference: Callable[..., Any], inputs: Iterable[tuple], *, name: str, hint: str,
    rtol: float = 1e-6, atol: float = 1e-9,
) -> bool:
    """✓ when ``answer(*args)`` matches ``reference(*args)`` for every tuple in ``inputs``.

    An exception raised by the learner's function is reported as a hint, not raised.
    """
    if not function_ready(answer, name=name, hint=hint):
        return False
    for args in inputs:
        want = np.asarray(reference(*args), dtype=float)
        try:
            got = np.asarray(answer(*args), dtype=float)
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, f"calling it raised {type(exc).__name__}: {exc}. {hint}")
        if got.shape != want.shape or not np.allclose(got, want, rtol=rtol, atol=atol):
            shown = ", ".join(f"{a!r}" for a in args)
            return report(name, False, f"wrong result for input ({shown}). {hint}")
    return report(name, True, "")
