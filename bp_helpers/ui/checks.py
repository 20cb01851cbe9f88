"""The public checker API of the exercises: a learner's answer in, one line and a bool out.

Every checker prints exactly one line, ``✓ name: correct`` or ``✗ name: hint``, and
returns ``True`` or ``False``. It never raises on the learner's answer, whatever Python
value that is; it raises ``ValueError``/``TypeError`` only for a programming error in the
lesson's own arguments (a non-finite reference, an empty case list). Exercise cells start
as ``answer = ...``; the checker then says "not answered yet".

One number policy, stated by :func:`number_policy` and applied by every checker:

- a number is right when it agrees with the exact answer to :data:`SIGNIFICANT_DIGITS`
  significant digits, ``|answer − exact| ≤ RTOL·|exact|`` (at least ``ATOL`` near 0), so
  a hand-rounded answer passes and a near miss is told how many digits agree;
- a count (:func:`check_integer`) must be an exact whole number;
- an expression (:func:`check_expression`) must be exactly equal to the reference.

A known wrong answer gets its own hint through ``traps``: ``check_number(...,
traps={6.0: "that is the sign error ..."})``, ``check_array(..., traps=[(array, "...")])``.

:func:`check_function` stops a learner's function after :data:`TIME_LIMIT` seconds where
``SIGALRM`` exists and the checker runs in the main thread (Linux and macOS, a Jupyter
kernel); on Windows or in another thread the function runs without a limit.
"""

from __future__ import annotations

import copy
import math
import random
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from bp_helpers.messages import t

__all__ = [
    "call_with_time_limit",
    "too_slow",
    "verify",
    "ATOL", "NOT_ANSWERED", "RTOL", "SIGNIFICANT_DIGITS", "TIME_LIMIT", "check_array",
    "check_expression", "check_function", "check_integer", "check_number", "function_ready",
    "is_unanswered", "number_policy", "report",
]

#: The "not answered yet" hint in English; :func:`report` prints it (also inside a longer
#: message) in the notebook's language (message ``checks.not_answered``).
NOT_ANSWERED = "not answered yet: replace ... with your answer and run the cell again"

#: Significant digits a number must share with the exact answer.
SIGNIFICANT_DIGITS = 4
#: Relative tolerance of the number policy: rounding to 4 significant digits stays within it.
RTOL = 5.0 * 10.0**-SIGNIFICANT_DIGITS
#: Absolute floor of the number policy, for an exact answer of 0.
ATOL = 1e-12
#: Seconds a learner's function may run on one case before it is stopped.
TIME_LIMIT = 3.0
#: Relative tolerance for expressions evaluated at 40 digits: exact when no decimals appear,
#: float round-off when the expression holds decimals such as 0.5.
EXACT_RTOL = 1e-25
DECIMALS_RTOL = 1e-12
#: Random points at which two expressions are compared when simplify cannot decide.
SAMPLE_POINTS = 200
#: Seconds for sympy's simplify, and for the numerical comparison, of one expression.
SIMPLIFY_SECONDS = 2.0
NUMERIC_SECONDS = 6.0


def number_policy() -> str:
    """The number policy as the sentence notebook 00 shows the learner."""
    return t("checks.number_policy", digits=SIGNIFICANT_DIGITS, rtol=RTOL)


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------


def verify(checker: Callable[[Any], bool], solution: Any) -> None:
    """Run ``checker(solution)`` silently; print one neutral line, raise if it is not ✓.

    For the collapsed reference-solution cells: they prove the checker accepts the
    solution without printing anything that gives the answer away.
    """
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()) as out:
        ok = checker(solution)
    if ok is not True:
        raise AssertionError(f"the reference solution was not accepted: {out.getvalue()!r}")
    print(t("checks.verified"))


def report(name: str, ok: bool, message: str) -> bool:
    """Print ``✓ name: correct`` or ``✗ name: message`` on one line (in the notebook's
    language; :data:`NOT_ANSWERED` in ``message`` is translated too); return ``ok`` as a bool."""
    ok = bool(ok)
    if ok:
        line = t("checks.correct", name=name)
    else:
        message = str(message).replace(NOT_ANSWERED, t("checks.not_answered"))
        line = t("checks.wrong", name=name, message=message)
    print(" ".join(line.splitlines()))
    return ok


def is_unanswered(answer: Any) -> bool:
    """True for the placeholders ``...`` and ``None``."""
    return answer is ... or answer is None


def function_ready(answer: Any, *, name: str, hint: str) -> bool:
    """True when ``answer`` is a function; else print "not answered" or the hint, return False.

    The common first step of every checker that takes the learner's function: it prints
    nothing when it returns True.
    """
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    if not callable(answer):
        return report(name, False, _with_hint(
            t("checks.expected_function", type=_type_name(answer)), hint))
    return True


def _with_hint(reason: object, hint: str) -> str:
    """``reason. hint``: why an answer is not right, then the exercise's hint."""
    return t("checks.with_hint", reason=reason, hint=hint)


class _Unusable(Exception):
    """The answer cannot be read as what was asked; the message says why."""


def _guarded(name: str, hint: str, judge: Callable[..., tuple[bool, str]], answer: Any,
             *args: Any) -> bool:
    """Run ``judge(answer, *args) -> (ok, message)`` and report it, whatever happens inside."""
    if is_unanswered(answer):
        return report(name, False, NOT_ANSWERED)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            ok, message = judge(answer, *args)
        except _Unusable as exc:
            ok, message = False, _with_hint(exc, hint)
        except (Exception, _TimedOut) as exc:  # a strange answer: a hint, never a traceback
            ok, message = False, _with_hint(t("checks.unreadable", error=type(exc).__name__),
                                            hint)
    return report(name, ok, message)


# --------------------------------------------------------------------------------------
# Reading a learner's value
# --------------------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    try:
        return str(type(value).__name__)
    except Exception:
        return "object"


def _show(value: Any, limit: int = 60) -> str:
    """A short one-line text for ``value`` that never raises."""
    try:
        if isinstance(value, float):
            text = repr(value) if len(repr(value)) <= 12 else f"{value:.10g}"
        elif isinstance(value, int) and not isinstance(value, bool):
            text = str(value) if abs(value) < 10**40 else t("checks.very_large_whole")
        else:
            text = repr(value)
        text = " ".join(str(text).split())
    except Exception:
        text = t("checks.a_type", type=_type_name(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short_error(exc: BaseException) -> str:
    try:
        text = " ".join(str(exc).split())
    except Exception:
        text = ""
    if len(text) > 120:
        text = text[:119] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _is_sympy(value: Any) -> bool:
    """True for a sympy object (sympy is then already imported: no import is paid here)."""
    sp = sys.modules.get("sympy")
    return sp is not None and isinstance(value, (sp.Basic, sp.MatrixBase))


def _unwrap(value: Any) -> tuple[Any, str, Any] | None:
    """``(number, kind, other)`` for a ``Dual`` (``.value``/``.tangent``) or a ``Value``
    (``.data``/``.grad``) holding a plain number; ``None`` for anything else (duck typing)."""
    for number_attr, other_attr, kind in (("value", "tangent", "Dual"), ("data", "grad", "Value")):
        try:
            number = getattr(value, number_attr)
            other = getattr(value, other_attr)
        except Exception:
            continue
        plain = (int, float, np.integer, np.floating)
        if isinstance(number, plain) and not isinstance(number, (bool, np.bool_)):
            return number, kind, other
    return None


def _real(answer: Any, depth: int = 0) -> int | float | Fraction:
    """``answer`` as one real number (exact for whole numbers and fractions), or _Unusable."""
    if depth > 4:
        raise _Unusable(t("checks.expected_number"))
    if answer is ...:
        raise _Unusable(t("checks.still_ellipsis"))
    if answer is None:
        raise _Unusable(t("checks.got_none"))
    if isinstance(answer, (bool, np.bool_)):
        raise _Unusable(t("checks.bool_not_number", value=answer))
    if isinstance(answer, (int, np.integer)):
        return int(answer)
    if isinstance(answer, (float, np.floating)):
        return float(answer)
    if isinstance(answer, (complex, np.complexfloating)):
        raise _Unusable(t("checks.complex_value", value=_show(answer)))
    if isinstance(answer, Fraction):
        return answer
    if isinstance(answer, Decimal):
        return Fraction(answer) if answer.is_finite() else float("nan")
    if isinstance(answer, (str, bytes)):
        try:
            float(answer)
            quoted = True
        except Exception:
            quoted = False
        if quoted:
            raise _Unusable(t("checks.text_not_number_quoted", value=_show(answer)))
        raise _Unusable(t("checks.text_not_number", value=_show(answer)))
    if isinstance(answer, np.ndarray):
        return _single(answer, depth)
    if _is_sympy(answer):
        return _sympy_real(answer, depth)
    if isinstance(answer, (list, tuple, dict, set, frozenset, range)):
        size, kind = len(answer), _type_name(answer)
        if size == 1:
            raise _Unusable(t("checks.one_number_got_item", type=kind, size=size))
        raise _Unusable(t("checks.one_number_got_items", type=kind, size=size))
    unwrapped = _unwrap(answer)
    if unwrapped is not None:
        return _real(unwrapped[0], depth + 1)
    if hasattr(type(answer), "__array__"):  # a tensor or another array type
        return _single(np.asarray(answer), depth)
    try:
        value = float(answer)  # a custom number type
    except Exception:
        raise _Unusable(t("checks.expected_number_got", type=_type_name(answer))) from None
    if not isinstance(value, float):
        raise _Unusable(t("checks.expected_number_got", type=_type_name(answer)))
    return value


def _single(array: np.ndarray, depth: int) -> int | float | Fraction:
    if array.size != 1:
        raise _Unusable(t("checks.one_number_got_array", shape=array.shape))
    if array.dtype.kind == "c":
        raise _Unusable(t("checks.complex"))
    return _real(array.reshape(-1)[0], depth + 1)


def _sympy_real(answer: Any, depth: int) -> int | float | Fraction:
    import sympy as sp

    if isinstance(answer, sp.MatrixBase):
        if answer.rows * answer.cols != 1:
            raise _Unusable(t("checks.one_number_got_matrix", shape=answer.shape))
        return _real(answer[0], depth + 1)
    if not isinstance(answer, sp.Expr) or isinstance(answer, sp.Lambda):
        raise _Unusable(t("checks.expected_number_got_sympy", type=_type_name(answer)))
    if answer.free_symbols:
        raise _Unusable(t("checks.still_symbols", names=_names(answer.free_symbols)))
    if answer.is_Integer:
        return int(answer)
    if answer.is_Rational:
        return Fraction(int(answer.p), int(answer.q))
    if answer.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise _Unusable(t("checks.not_finite", value=_show(answer)))
    finished, value = call_with_time_limit(answer.evalf, 30, seconds=SIMPLIFY_SECONDS)
    if not finished:
        raise _Unusable(t("checks.sympy_timeout"))
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise _Unusable(t("checks.not_finite", value=_show(answer)))
    re, im = value.as_real_imag()
    if not (re.is_Number and im.is_Number):
        raise _Unusable(t("checks.sympy_no_number"))
    if im != 0:
        raise _Unusable(t("checks.complex"))
    return float(re)


def _finite(value: int | float | Fraction) -> int | float | Fraction:
    if isinstance(value, float) and not math.isfinite(value):
        raise _Unusable(t("checks.not_finite", value=_show(value)))
    return value


def _whole(value: int | float | Fraction) -> int:
    """A read number as an exact int, or _Unusable when it is not a whole number."""
    _finite(value)
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value.numerator)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _Unusable(t("checks.not_whole", value=_show(value)))


def _real_array(answer: Any) -> np.ndarray:
    """``answer`` as a float array (a list of lists, a sympy Matrix …), or _Unusable."""
    if isinstance(answer, (bool, np.bool_, str, bytes, dict, set, frozenset)) or answer is None:
        raise _Unusable(t("checks.expected_array_got", type=_type_name(answer)))
    if _is_sympy(answer):
        import sympy as sp

        if isinstance(answer, sp.MatrixBase):
            answer = np.array(answer.tolist(), dtype=object).reshape(answer.shape)
        else:
            return np.asarray(float(_real(answer)))
    elif not isinstance(answer, (list, tuple, np.ndarray)) and not hasattr(type(answer),
                                                                         "__array__"):
        return np.asarray(float(_real(answer)))
    try:
        array = np.asarray(answer)
    except Exception:
        raise _Unusable(t("checks.expected_array_rows")) from None
    kind = array.dtype.kind
    if kind == "b":
        raise _Unusable(t("checks.array_bool"))
    if kind == "c":
        raise _Unusable(t("checks.array_complex"))
    if kind in "iuf":
        return array.astype(float)
    if kind != "O":
        raise _Unusable(t("checks.expected_array_dtype", dtype=array.dtype))
    if array.size > 10**6:
        raise _Unusable(t("checks.array_too_large"))
    out = np.empty(array.shape, dtype=float)
    for index, item in np.ndenumerate(array):
        try:
            out[index] = float(_real(item))
        except OverflowError:
            raise _Unusable(t("checks.entry_too_large")) from None
    return out


def _names(symbols: Iterable[Any]) -> str:
    names = sorted({str(getattr(s, "name", s)) for s in symbols})
    return ", ".join(names)


# --------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------


def _close(value: int | float | Fraction, expected: float, rtol: float, atol: float) -> bool:
    try:
        v = float(value)
    except OverflowError:
        return False
    return abs(v - expected) <= max(rtol * abs(expected), atol) * (1 + 1e-12)


def _close_mask(value: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    return np.abs(value - expected) <= np.maximum(rtol * np.abs(expected), atol) * (1 + 1e-12)


def _digits(value: float, expected: float) -> int:
    """How many significant digits ``value`` shares with a non-zero ``expected``."""
    relative = abs(value - expected) / abs(expected)
    if relative == 0:
        return 17
    if not math.isfinite(relative) or relative >= 5:
        return 0
    return max(0, math.ceil(math.log10(5 / relative)) - 1)  # relative < 5·10^-digits


def _miss(value: int | float | Fraction, expected: float, rtol: float, atol: float) -> str:
    """Why a finite number that is not right is not right, without giving the answer away."""
    try:
        v = float(value)
    except OverflowError:
        return t("checks.number_too_large")
    shown = _show(value if not isinstance(value, Fraction) else str(value))
    if expected != 0 and _close(-v, expected, rtol, atol):
        return t("checks.wrong_sign", value=shown)
    if expected != 0 and rtol == RTOL:
        digits = _digits(v, expected)
        if 2 <= digits < SIGNIFICANT_DIGITS:
            return t("checks.digits_agree", value=shown, digits=digits,
                     needed=SIGNIFICANT_DIGITS)
    return t("checks.not_right", value=shown)


def _reference_real(expected: Any, what: str) -> float:
    try:
        value = float(_real(expected))
    except (_Unusable, OverflowError) as exc:
        raise TypeError(f"{what} must be one real number, got {_show(expected)}: {exc}") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, got {value}")
    return value


def _pairs(traps: Any) -> list[tuple[Any, str]]:
    """``traps`` (a mapping or ``(wrong answer, message)`` pairs) as a list of pairs."""
    if traps is None:
        return []
    items = traps.items() if isinstance(traps, Mapping) else traps
    pairs = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str)):
            raise TypeError(f"a trap is (wrong answer, message), got {_show(item)}")
        pairs.append(item)
    return pairs


def _tolerances(rtol: float | None, atol: float | None) -> tuple[float, float]:
    rtol = RTOL if rtol is None else float(rtol)
    atol = ATOL if atol is None else float(atol)
    if not (rtol >= 0 and atol >= 0 and math.isfinite(rtol) and math.isfinite(atol)):
        raise ValueError(f"rtol and atol must be finite and ≥ 0, got {rtol}, {atol}")
    return rtol, atol


def check_number(
    answer: Any, expected: float, *, name: str, hint: str,
    traps: Mapping[float, str] | Iterable[tuple[float, str]] | None = None,
    rtol: float | None = None, atol: float | None = None,
) -> bool:
    """✓ when ``answer`` is one real number that agrees with ``expected`` (the number policy).

    Accepted forms: int, float, numpy scalars, 0-d or one-element arrays, a 1×1 sympy
    Matrix, sympy numbers (``sp.Rational(3, 2)``, ``sp.sqrt(2)``), ``Fraction``,
    ``Decimal``, a ``Dual`` (its ``.value``) or a ``Value`` (its ``.data``). ``traps`` maps
    known wrong answers to their own hint. ``rtol``/``atol`` default to :data:`RTOL`/:data:`ATOL`.
    """
    want = _reference_real(expected, "expected")
    rtol, atol = _tolerances(rtol, atol)
    trap_list = [(_reference_real(v, "a trap value"), m) for v, m in _pairs(traps)]
    if any(_close(v, want, rtol, atol) for v, _ in trap_list):
        raise ValueError("a trap value is itself accepted as the right answer")
    return _guarded(name, hint, _judge_number, answer, want, trap_list, rtol, atol, hint)


def _judge_number(answer: Any, want: float, traps: list[tuple[float, str]], rtol: float,
                  atol: float, hint: str) -> tuple[bool, str]:
    value = _finite(_real(answer))
    if _close(value, want, rtol, atol):
        return True, ""
    for trap_value, message in traps:
        if _close(value, trap_value, rtol, atol):
            return False, message
    unwrapped = _unwrap(answer)
    if unwrapped is not None:
        _, kind, other = unwrapped
        other_name = "tangent" if kind == "Dual" else "grad"
        try:
            if _close(_finite(_real(other)), want, rtol, atol):
                return False, t("checks.other_is_answer", other=other_name, kind=kind)
        except (_Unusable, OverflowError):
            pass
        miss = t("checks.value_of", kind=kind, miss=_miss(value, want, rtol, atol))
        return False, _with_hint(miss, hint)
    return False, _with_hint(_miss(value, want, rtol, atol), hint)


def check_integer(
    answer: Any, expected: int, *, name: str, hint: str,
    traps: Mapping[int, str] | Iterable[tuple[int, str]] | None = None,
) -> bool:
    """✓ when ``answer`` is exactly the whole number ``expected`` (a count: parameters, FLOPs).

    Accepted: int, numpy integers, whole floats such as ``105.0`` (and the forms of
    :func:`check_number`); not ``104.6``, not ``True``/``False``.
    """
    want = _reference_integer(expected, "expected")
    trap_list = [(_reference_integer(v, "a trap value"), m) for v, m in _pairs(traps)]
    if any(v == want for v, _ in trap_list):
        raise ValueError("a trap value is itself the right answer")
    return _guarded(name, hint, _judge_integer, answer, want, trap_list, hint)


def _reference_integer(expected: Any, what: str) -> int:
    try:
        return _whole(_real(expected))
    except _Unusable as exc:
        raise TypeError(f"{what} must be a whole number, got {_show(expected)}: {exc}") from None


def _judge_integer(answer: Any, want: int, traps: list[tuple[int, str]],
                   hint: str) -> tuple[bool, str]:
    value = _whole(_real(answer))
    if value == want:
        return True, ""
    for trap_value, message in traps:
        if value == trap_value:
            return False, message
    return False, _with_hint(t("checks.not_right", value=_show(value)), hint)


# --------------------------------------------------------------------------------------
# Arrays
# --------------------------------------------------------------------------------------


def _reference_array(expected: Any, what: str) -> np.ndarray:
    try:
        array = _real_array(expected)
    except _Unusable as exc:
        raise TypeError(f"{what} must be an array of real numbers: {exc}") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{what} must be finite")
    return array


def _index(index: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(i) for i in index) + "]"


def _array_miss(value: np.ndarray, want: np.ndarray, rtol: float, atol: float) -> str:
    """Why a finite array of the right shape is not right (shape already checked)."""
    if _close_mask(-value, want, rtol, atol).all() and np.any(want != 0):
        return t("checks.all_wrong_sign")
    bad = ~_close_mask(value, want, rtol, atol)
    n_bad = int(bad.sum())
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    where = t("checks.at_entry", index=_index(first)) if value.ndim else ""
    if n_bad == 1:
        text = t("checks.entries_off_one", bad=n_bad, size=value.size, where=where)
    else:
        text = t("checks.entries_off_many", bad=n_bad, size=value.size, where=where)
    v, e = float(value[first]), float(want[first])
    if e != 0 and rtol == RTOL:
        digits = _digits(v, e)
        if 2 <= digits < SIGNIFICANT_DIGITS:
            text += t("checks.array_digits", digits=digits, needed=SIGNIFICANT_DIGITS)
    return text


def _compare_arrays(value: np.ndarray, want: np.ndarray, rtol: float, atol: float,
                    integer: bool = False) -> str | None:
    """None when ``value`` matches ``want`` (exactly when ``integer``); else why not."""
    if value.shape != want.shape:
        text = t("checks.shape_mismatch", shape=value.shape, expected=want.shape)
        if np.all(np.isfinite(value)):
            if value.ndim == 2 and value.shape == want.shape[::-1] and \
                    _close_mask(value.T, want, rtol, atol).all():
                return t("checks.transpose", text=text)
            if value.size == want.size and \
                    _close_mask(value.reshape(want.shape), want, rtol, atol).all():
                return t("checks.reshape", text=text)
        return text
    if not np.all(np.isfinite(value)):
        return t("checks.array_not_finite")
    if integer:
        if not np.all(value == np.round(value)):
            return t("checks.entries_not_whole")
        if np.array_equal(value, want):
            return None
        first = tuple(int(i) for i in np.argwhere(value != want)[0])
        where = t("checks.at_entry", index=_index(first)) if value.ndim else ""
        n_bad = int((value != want).sum())
        if n_bad == 1:
            return t("checks.entries_wrong_one", bad=n_bad, size=value.size, where=where)
        return t("checks.entries_wrong_many", bad=n_bad, size=value.size, where=where)
    if _close_mask(value, want, rtol, atol).all():
        return None
    return _array_miss(value, want, rtol, atol)


def check_array(
    answer: Any, expected: Any, *, name: str, hint: str,
    traps: Iterable[tuple[Any, str]] | None = None,
    rtol: float | None = None, atol: float | None = None, integer: bool = False,
) -> bool:
    """✓ when ``answer`` has exactly ``expected``'s shape and every entry agrees (number policy).

    Accepted forms: numpy arrays, lists (of lists), tuples, a sympy Matrix of the same
    shape. Complex, bool and text arrays are rejected. ``traps``: ``[(wrong array, hint)]``.
    ``integer=True``: the entries are counts and must be exact whole numbers.
    """
    want = _reference_array(expected, "expected")
    if integer and not np.all(want == np.round(want)):
        raise ValueError("integer=True needs whole numbers in expected")
    rtol, atol = _tolerances(rtol, atol)
    trap_list = [(_reference_array(v, "a trap array"), m) for v, m in _pairs(traps)]
    for trap, _ in trap_list:
        if trap.shape == want.shape and _close_mask(trap, want, rtol, atol).all():
            raise ValueError("a trap array is itself accepted as the right answer")
    return _guarded(name, hint, _judge_array, answer, want, trap_list, rtol, atol, integer, hint)


def _judge_array(answer: Any, want: np.ndarray, traps: list[tuple[np.ndarray, str]],
                 rtol: float, atol: float, integer: bool, hint: str) -> tuple[bool, str]:
    value = _real_array(answer)
    problem = _compare_arrays(value, want, rtol, atol, integer)
    if problem is None:
        return True, ""
    if np.all(np.isfinite(value)):
        for trap, message in traps:
            if trap.shape == value.shape and _close_mask(value, trap, rtol, atol).all():
                return False, message
    return False, _with_hint(problem, hint)


# --------------------------------------------------------------------------------------
# Expressions
# --------------------------------------------------------------------------------------


def check_expression(
    answer: Any, expected: Any, *, name: str, hint: str,
    traps: Iterable[tuple[Any, str]] | None = None, symbols: Iterable[Any] = (),
) -> bool:
    """✓ when the sympy expression ``answer`` equals ``expected`` exactly, in any form.

    Symbols are matched by name (whatever their assumptions). Also accepted: a sympy
    ``Lambda`` (applied to ``expected``'s free symbols), a 1×1 Matrix, an unevaluated
    ``Derivative``. Equality is decided by ``simplify`` (time-limited) and, when it cannot
    decide, by 40-digit evaluation at :data:`SAMPLE_POINTS` points (random ones up to
    |x| = 20, round ones up to |x| = 1000) with a strict relative tolerance. Symbols and
    undefined functions that ``expected`` (and ``symbols``) do not have are rejected by
    name. ``traps``: ``[(wrong expr, hint)]``.
    """
    import sympy as sp

    want = sp.sympify(expected)
    if not isinstance(want, sp.Expr):
        raise TypeError(f"expected must be a sympy expression, got {_show(expected)}")
    if want.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise ValueError("expected must be finite")
    allowed = {str(s.name): s for s in symbols}
    allowed.update({str(s.name): s for s in want.free_symbols})
    trap_list = [(sp.sympify(t), m) for t, m in _pairs(traps)]
    return _guarded(name, hint, _judge_expression, answer, want, allowed, trap_list, hint)


def _to_expression(answer: Any, want: Any, allowed: dict[str, Any]) -> Any:
    import sympy as sp

    if isinstance(answer, (str, bytes)):
        raise _Unusable(t("checks.text_not_expression"))
    if isinstance(answer, (bool, np.bool_)):
        raise _Unusable(t("checks.bool_not_expression", value=answer))
    if isinstance(answer, sp.MatrixBase):
        if answer.rows * answer.cols != 1:
            raise _Unusable(t("checks.one_expression_got_matrix", shape=answer.shape))
        answer = answer[0]
    if isinstance(answer, sp.Lambda):
        variables = answer.variables
        targets = sorted(want.free_symbols, key=lambda s: str(s.name))
        if len(variables) != len(targets):
            if not targets:
                raise _Unusable(t("checks.lambda_arity_no_symbol", n=len(variables)))
            raise _Unusable(t("checks.lambda_arity", n=len(variables), depends=_names(targets)))
        if all(str(v.name) in allowed for v in variables):
            targets = [allowed[str(v.name)] for v in variables]
        return answer(*targets)
    if isinstance(answer, sp.Basic):
        if isinstance(answer, sp.core.relational.Relational):
            raise _Unusable(t("checks.relation"))
        if not isinstance(answer, sp.Expr):
            raise _Unusable(t("checks.expression_got_sympy", type=_type_name(answer)))
        return answer
    if isinstance(answer, (int, float, complex, np.number, Fraction, Decimal, np.ndarray)):
        value = _finite(_real(answer))
        if isinstance(value, float):
            return sp.Float(value)
        return sp.Rational(value.numerator, value.denominator) \
            if isinstance(value, Fraction) else sp.Integer(value)
    if callable(answer):
        raise _Unusable(t("checks.expression_got_function"))
    raise _Unusable(t("checks.expression_got", type=_type_name(answer)))


def _judge_expression(answer: Any, want: Any, allowed: dict[str, Any],
                      traps: list[tuple[Any, str]], hint: str) -> tuple[bool, str]:
    import sympy as sp
    from sympy.core.function import AppliedUndef

    expr = _to_expression(answer, want, allowed)
    expr = _rename(expr, allowed)
    if expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False, _with_hint(t("checks.expression_not_finite"), hint)
    try:
        finished, evaluated = call_with_time_limit(expr.doit, seconds=SIMPLIFY_SECONDS)
    except Exception:  # sympy fails on some expressions: keep it as it is
        finished, evaluated = False, None
    if finished and isinstance(evaluated, sp.Expr):
        expr = evaluated
    same, where, closest = _same_expression(expr, want)
    if same:
        return True, ""
    stray = [s for s in expr.free_symbols if str(getattr(s, "name", s)) not in allowed]
    if stray:
        use = (t("checks.use_only", names=_names(allowed.values())) if allowed
               else t("checks.answer_no_symbol"))
        return False, _with_hint(t("checks.stray_symbols", names=_names(stray), use=use), hint)
    known = {f.func.__name__ for f in want.atoms(AppliedUndef)}
    unknown = {f.func.__name__ for f in expr.atoms(AppliedUndef)} - known
    if unknown:
        return False, _with_hint(t("checks.unknown_function", names=", ".join(sorted(unknown))),
                                 hint)
    if expr.has(sp.I) and not want.has(sp.I):
        return False, _with_hint(t("checks.imaginary"), hint)
    for trap, message in traps:
        if _same_expression(expr, _rename(trap, allowed))[0]:
            return False, message
    if same is None:
        return False, _with_hint(t("checks.undecided"), hint)
    if expr.has(sp.Float) and closest < RTOL:
        decimals = ", ".join(f"{float(f):.6g}" for f in sorted(expr.atoms(sp.Float))[:3])
        return False, _with_hint(t("checks.rounded_decimals", decimals=decimals), hint)
    at = ""
    if where:
        at = t("checks.differs_at", point=", ".join(
            f"{s} = {float(v):.6g}" for s, v in sorted(where.items(), key=lambda kv: str(kv[0]))
        ))
    return False, _with_hint(t("checks.not_same_expression", at=at), hint)


def _rename(expr: Any, allowed: dict[str, Any]) -> Any:
    """``expr`` with each free symbol replaced by the allowed symbol of the same name."""
    mapping = {}
    for s in expr.free_symbols:
        target = allowed.get(str(getattr(s, "name", s)))
        if target is not None and target != s:
            mapping[s] = target
    return expr.xreplace(mapping) if mapping else expr


_FIXED_POINTS = (0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 10.0, -10.0, 20.0, -20.0,
                 50.0, -50.0, 100.0, -100.0, 1000.0, -1000.0)


def _sample_points(symbols: Sequence[Any], n: int, seed: int = 0) -> list[dict[Any, float]]:
    """``n`` points: round values up to |x| = 1000, then random ones up to |x| = 20."""
    rng = random.Random(seed)
    points = []
    for i in range(n):
        point = {}
        for j, s in enumerate(symbols):
            if i < len(_FIXED_POINTS):
                v = _FIXED_POINTS[(i + 3 * j) % len(_FIXED_POINTS)]
            elif i % 3 == 0:
                v = rng.uniform(-3.0, 3.0)
            elif i % 3 == 1:
                v = rng.uniform(-20.0, 20.0)
            else:
                v = rng.choice((-1.0, 1.0)) * 10.0 ** rng.uniform(-3.0, 1.3)
            if s.is_integer:
                v = float(round(v))
            if s.is_nonnegative or s.is_positive:
                v = abs(v)
            if (s.is_positive or s.is_nonzero) and v == 0:
                v = 0.7
            point[s] = v
        points.append(point)
    return points


def _evaluate(expr: Any, point: dict[Any, float]) -> Any:
    """``expr`` at ``point`` to 40 digits as a sympy Float, or None when not finite and real."""
    import sympy as sp

    subs = {s: sp.Float(v, 40) for s, v in point.items()}
    try:
        value = expr.evalf(40, subs=subs)
        re, im = value.as_real_imag()
    except Exception:
        return None
    if not (re.is_Number and im.is_Number and re.is_finite and im.is_finite):
        return None
    re, im = (sp.Integer(0) if isinstance(v, sp.Float) and v._prec < 40 else v for v in (re, im))
    if abs(im) > sp.Float(1e-30) * abs(re):  # evalf could only bound re or im (a _prec < 40
        return None  # bits): a zero; a real value may carry an imaginary rounding residue
    return re


def _instantiate_functions(a: Any, b: Any) -> tuple[Any, Any]:
    """``a`` and ``b`` with each undefined function ``f(…)`` replaced by the same concrete
    smooth function (random coefficients), and derivatives evaluated, so that they can be
    compared numerically: equal expressions stay equal, unequal ones almost surely differ."""
    import sympy as sp
    from sympy.core.function import AppliedUndef

    applied = a.atoms(AppliedUndef) | b.atoms(AppliedUndef)
    if not applied:
        return a, b
    rng = random.Random(1)
    concrete = {}
    for func in sorted({f.func for f in applied}, key=lambda f: f.__name__):
        arity = max(len(f.args) for f in applied if f.func == func)
        ts = sp.symbols(f"t0:{arity}", real=True)
        body = sp.Rational(rng.randint(1, 9), 7)
        for s in ts:
            body += sp.Rational(rng.randint(1, 9), 5) * sp.sin(sp.Rational(rng.randint(1, 9), 4)
                                                              * s + rng.randint(0, 3))
            body += sp.Rational(rng.randint(1, 9), 11) * s**2
        concrete[func] = sp.Lambda(ts, body)
    return tuple(e.subs(concrete).doit() for e in (a, b))  # type: ignore[return-value]


def _noise(a: Any, b: Any, point: dict[Any, float]) -> Any:
    """The rounding noise of 40-digit evaluation of ``a`` and ``b`` at ``point``: 1e-35 times
    their largest term, so that a true zero reached by cancellation counts as zero."""
    import sympy as sp

    largest = sp.Float(0)
    for term in sp.Add.make_args(a) + sp.Add.make_args(b):
        value = _evaluate(term, point)
        if value is not None:
            largest = max(largest, abs(value))
    return sp.Float(1e-35) * largest


def _same_expression(a: Any, b: Any) -> tuple[bool | None, dict[Any, float] | None, float]:
    """``(same, a point where they differ, closest relative gap)``; same is None if undecided.

    simplify first (time-limited), then 40-digit evaluation at random points with a strict
    relative tolerance.
    """
    import sympy as sp

    difference = a - b
    if difference == 0:
        return True, None, 0.0
    try:
        finished, simple = call_with_time_limit(sp.simplify, difference, seconds=SIMPLIFY_SECONDS)
    except Exception:  # sympy fails on some expressions: the numbers decide
        finished, simple = False, None
    if finished and simple == 0:
        return True, None, 0.0
    rtol = DECIMALS_RTOL if (a.has(sp.Float) or b.has(sp.Float)) else EXACT_RTOL
    try:
        a, b = _instantiate_functions(a, b)
    except Exception:  # sympy could not put concrete functions in: undecided
        return None, None, math.inf
    difference = a - b
    symbols = sorted(difference.free_symbols | b.free_symbols, key=lambda s: str(s))
    points = _sample_points(symbols, SAMPLE_POINTS if symbols else 1)

    def compare() -> tuple[bool | None, dict[Any, float] | None, float]:
        valid, worst, first = 0, 0.0, None
        for point in points:
            want = _evaluate(b, point)
            if want is None:
                continue
            valid += 1
            got = _evaluate(a, point)
            if got is None:
                return False, point, math.inf
            scale = max(abs(got), abs(want))
            gap = abs(got - want)
            relative = float(gap / scale) if scale != 0 else 0.0
            worst = max(worst, relative)
            if gap > rtol * scale and first is None and gap > _noise(a, b, point):
                first = point
        if first is not None:
            return False, first, worst
        return (True if valid >= min(20, len(points)) else None), None, worst

    finished, result = call_with_time_limit(compare, seconds=NUMERIC_SECONDS)
    return result if finished else (None, None, math.inf)


# --------------------------------------------------------------------------------------
# Functions
# --------------------------------------------------------------------------------------


def too_slow(what: str, seconds: float = TIME_LIMIT) -> str:
    """The hint for a learner's call that :func:`call_with_time_limit` had to stop."""
    return t("checks.too_slow", what=what, seconds=seconds)


class _TimedOut(BaseException):
    """Raised by the alarm inside a time-limited call (a BaseException, so that the
    learner's ``except Exception`` does not swallow it)."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def call_with_time_limit(func: Callable[..., Any], *args: Any,
                         seconds: float | None = TIME_LIMIT) -> tuple[bool, Any]:
    """``(True, func(*args))``, or ``(False, None)`` when it ran longer than ``seconds``.

    For checkers that call the learner's function themselves: a call that does not end
    becomes a hint (:func:`too_slow`) instead of a notebook that hangs.

    Uses SIGALRM (POSIX, main thread only); elsewhere, or with ``seconds=None``, it runs
    ``func`` without a limit. A timer already running (e.g. pytest-timeout's) is restored
    with its remaining time. Exceptions of ``func`` propagate.
    """
    if seconds is None or not _can_time():
        return True, func(*args)
    fired = []

    def on_alarm(signum: int, frame: Any) -> None:
        if not fired:
            fired.append(True)
            raise _TimedOut

    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, 0)
    start = time.monotonic()
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, max(float(seconds), 1e-3))
            result = func(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimedOut:
        return False, None
    finally:
        signal.signal(signal.SIGALRM, old_handler if old_handler is not None else signal.SIG_DFL)
        if old_delay:
            remaining = max(old_delay - (time.monotonic() - start), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, remaining, old_interval)
    return True, result


def _labelled_cases(inputs: Iterable[tuple] | None,
                    cases: Iterable[tuple[str, tuple]] | None) -> list[tuple[str, tuple]]:
    if (inputs is None) == (cases is None):
        raise TypeError("give exactly one of inputs= (argument tuples) or cases= "
                        "((label, argument tuple) pairs)")
    if cases is None:
        cases = [(t("checks.input_label", args=", ".join(_show(a, 40) for a in args)), args)
                 for args in inputs]
    labelled = list(cases)
    if not labelled:
        raise ValueError("check_function needs at least one case: an empty list would accept "
                         "any function")
    for case in labelled:
        if not (isinstance(case, tuple) and len(case) == 2 and isinstance(case[0], str)
                and isinstance(case[1], tuple)):
            raise TypeError(f"a case is (label, argument tuple), got {_show(case)}")
    return labelled


def _reference_result(value: Any) -> tuple[str, Any]:
    """The reference's result tagged with how a learner's result is compared to it."""
    if isinstance(value, (bool, np.bool_)):
        return "bool", bool(value)
    if isinstance(value, (int, np.integer)):
        return "int", int(value)
    if isinstance(value, (tuple, list)):
        return "seq", [_reference_result(v) for v in value]
    if isinstance(value, Mapping):
        return "map", {k: _reference_result(v) for k, v in value.items()}
    if isinstance(value, np.ndarray) and value.ndim > 0:
        kind = "int_array" if value.dtype.kind in "iu" else "array"
        return kind, _reference_array(value, "the reference's result")
    return "real", _reference_real(value, "the reference's result")


def _compare_part(got: Any, want: tuple[str, Any], rtol: float, atol: float) -> str | None:
    try:
        return _compare_result(got, want, rtol, atol)
    except _Unusable as exc:
        return str(exc)


def _compare_result(got: Any, want: tuple[str, Any], rtol: float, atol: float) -> str | None:
    """None when the learner's ``got`` matches the tagged reference ``want``; else why not."""
    kind, value = want
    if kind == "seq":
        if isinstance(got, np.ndarray) and got.ndim >= 1:
            got = list(got)  # an array of the values: each compared in turn
        if not isinstance(got, (tuple, list)):
            return t("checks.return_tuple", n=len(value), type=_type_name(got))
        if len(got) != len(value):
            return t("checks.returned_count", got=len(got), n=len(value))
        for i, (g, w) in enumerate(zip(got, value, strict=True)):
            problem = _compare_part(g, w, rtol, atol)
            if problem:
                return t("checks.value_i_of_n", i=i + 1, n=len(value), problem=problem)
        return None
    if kind == "map":
        if not isinstance(got, Mapping):
            return t("checks.return_dict", type=_type_name(got))
        if set(got.keys()) != set(value.keys()):
            return t("checks.return_dict_keys", keys=_show(sorted(value, key=str), 80))
        for key, w in value.items():
            problem = _compare_part(got[key], w, rtol, atol)
            if problem:
                return t("checks.under_key", key=_show(key), problem=problem)
        return None
    if kind == "bool":
        if isinstance(got, (bool, np.bool_)) and bool(got) == value:
            return None
        return t("checks.bool_expected", value=_show(got))
    if kind == "int":
        number = _whole(_real(got))
        return None if number == value else t("checks.not_right", value=_show(number))
    if kind == "real":
        number = _finite(_real(got))
        return None if _close(number, value, rtol, atol) else _miss(number, value, rtol, atol)
    return _compare_arrays(_real_array(got), value, rtol, atol, kind == "int_array")


def check_function(
    answer: Any, reference: Callable[..., Any], inputs: Iterable[tuple] | None = None, *,
    name: str, hint: str, cases: Iterable[tuple[str, tuple]] | None = None,
    rtol: float | None = None, atol: float | None = None,
    time_limit: float | None = TIME_LIMIT,
) -> bool:
    """✓ when ``answer(*args)`` matches ``reference(*args)`` on every case.

    ``cases``: ``[(label, args), ...]``, e.g. ``[("x = 0", (0.0,)), ("a large negative z",
    (-50.0,))]``; a failure names the label. ``inputs``: plain argument tuples (labelled by
    their values). Exactly one of them, not empty (else ``ValueError``/``TypeError``).

    All references are computed first, each on a deep copy of the arguments; the learner's
    function then gets its own deep copies, so it cannot change the reference or the
    notebook's data. Results may be numbers, arrays, tuples/lists or dicts of them: an int
    reference (a count) must be matched exactly, floats and float arrays by the number
    policy, arrays with exactly the same shape.

    Time limit: each call of the learner's function is stopped after ``time_limit`` seconds
    (default :data:`TIME_LIMIT`) with a hint. This uses ``SIGALRM``, so it works only on
    POSIX (Linux, macOS) in the main thread, as in a Jupyter kernel; on Windows or in
    another thread the function runs without a limit. A long single NumPy call is stopped
    only when it returns to Python. Exceptions of the learner's function become a hint
    naming the exception and the case, never a traceback.
    """
    labelled = _labelled_cases(inputs, cases)
    wants = [_reference_result(reference(*copy.deepcopy(args))) for _, args in labelled]
    learner_args = [copy.deepcopy(args) for _, args in labelled]
    rtol, atol = _tolerances(rtol, atol)
    if time_limit is not None and not (time_limit > 0):
        raise ValueError(f"time_limit must be > 0 seconds or None, got {time_limit}")
    return _guarded(name, hint, _judge_function, answer, labelled, wants, learner_args,
                    rtol, atol, time_limit, hint)


def _judge_function(answer: Any, labelled: list[tuple[str, tuple]], wants: list[tuple[str, Any]],
                    learner_args: list[tuple], rtol: float, atol: float,
                    time_limit: float | None, hint: str) -> tuple[bool, str]:
    if not callable(answer):
        return False, _with_hint(t("checks.expected_function", type=_type_name(answer)), hint)
    for (label, _), want, args in zip(labelled, wants, learner_args, strict=True):
        try:
            finished, got = call_with_time_limit(answer, *args, seconds=time_limit)
        except (Exception, SystemExit) as exc:  # the learner's code: a hint, never a traceback
            return False, _with_hint(t("checks.call_raised", label=label,
                                       error=_short_error(exc)), hint)
        if not finished:
            return False, _with_hint(t("checks.call_too_slow", label=label,
                                       seconds=time_limit), hint)
        if is_unanswered(got):
            return False, t("checks.returned_placeholder", value=_show(got), label=label)
        try:
            problem = _compare_result(got, want, rtol, atol)
        except _Unusable as exc:
            problem = str(exc)
        if problem:
            return False, _with_hint(t("checks.wrong_result", label=label, problem=problem),
                                     hint)
    return True, ""
