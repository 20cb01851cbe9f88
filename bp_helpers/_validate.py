"""Input checks shared by the package: each raises a clear ValueError/TypeError.

The package's policy for bad numbers (see ``bp_helpers``): functions that take data
(losses, layers, the MLP, training, numerical and forward-mode derivatives) reject
non-finite input with a ValueError; complex numbers, ``None``, strings and other
non-numbers are a TypeError, never silently converted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Integral, Real
from typing import Any

import numpy as np

# numpy dtype kinds that are real numbers: bool, signed and unsigned integers, floats
_REAL_KINDS = frozenset("biuf")
_FLOAT64 = np.dtype(np.float64)
_UINT64 = np.dtype(np.uint64)
_ONE_BITS = np.float64(1.0).view(np.uint64)  # the bit pattern of 1.0
_isfinite, _count_nonzero, _vdot = np.isfinite, np.count_nonzero, np.vdot


def require_callable(f: Any, name: str = "f") -> Callable:
    """Return ``f`` if it is callable, else raise TypeError naming what was expected."""
    if not callable(f):
        raise TypeError(f"{name} must be a function, got {type(f).__name__}")
    return f


def finite_float(x: Any, name: str) -> float:
    """``x`` as a float; TypeError for non-numbers, ValueError for nan/inf."""
    if type(x) is float:  # the common case, without the slower abstract-class checks
        value = x
    elif isinstance(x, bool) or not isinstance(x, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a real number, got {type(x).__name__}")
    else:
        try:
            value = float(x)
        except OverflowError:  # an int beyond float64's range
            raise ValueError(f"{name} is too large for a float: {x}") from None
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def positive_float(x: Any, name: str) -> float:
    """``x`` as a float that is finite and > 0."""
    value = finite_float(x, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return value


def bounded_int(x: Any, name: str, minimum: int, maximum: int | None = None) -> int:
    """``x`` as an int in ``[minimum, maximum]``; TypeError for non-integers (and bools)."""
    if isinstance(x, bool) or not isinstance(x, (Integral, np.integer)):
        raise TypeError(f"{name} must be an integer, got {x!r:.60}")
    value = int(x)
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum:,}, got {value:,}")
    return value


def real_array(x: Any, name: str) -> np.ndarray:
    """``x`` (an array, list or number) as a float64 array; no finiteness check.

    TypeError for complex numbers, ``None``, strings and other objects: they are never
    turned into numbers (``np.asarray(None, float)`` would give nan).
    """
    if type(x) is np.ndarray and x.dtype is _FLOAT64:
        return x  # the fast path every internal call takes
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:  # e.g. ragged nested lists
        raise TypeError(f"{name} must be an array of real numbers ({exc})") from None
    if arr.dtype.kind not in _REAL_KINDS:
        what = "complex numbers" if arr.dtype.kind == "c" else f"dtype {arr.dtype}"
        raise TypeError(f"{name} must be an array of real numbers, got {what} "
                        f"(from {type(x).__name__})")
    return arr.astype(np.float64, copy=False)


def finite_array(x: Any, name: str, ndim: int | None = None) -> np.ndarray:
    """``x`` as a float64 array with finite entries (and ``ndim`` dimensions if given)."""
    arr = x if type(x) is np.ndarray and x.dtype is _FLOAT64 else real_array(x, name)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(
            f"{name} must have {ndim} dimension(s) (a {ndim}-D array), got shape {arr.shape}")
    # The fast test first, one BLAS call: Σ x² is finite when every x is (a nan or an inf
    # makes it nan or inf, and squares never cancel). Only when it is not (a non-finite
    # entry, or entries so large that their squares overflow) are the entries counted.
    if not math.isfinite(_vdot(arr, arr)) and _count_nonzero(_isfinite(arr)) != arr.size:
        raise ValueError(f"{name} must contain only finite values (no nan or inf)")
    return arr


def all_in_unit_interval(arr: np.ndarray) -> bool:
    """Whether a non-empty float64 array has every entry in [0, 1] (so also finite).

    A fast test for the common case, one integer maximum: read as unsigned integers, the
    bit patterns of the doubles +0.0 … 1.0 are exactly 0 … bits(1.0), and every other
    double (negative, above 1, inf, nan) lies above. ``-0.0`` gives False too, so a
    False calls for the full checks, which say what is wrong. (The maximum is read at
    ``argmax``, which costs less than a reduction on small arrays.)
    """
    bits = arr.view(_UINT64).ravel()
    return bits.size > 0 and bool(bits[bits.argmax()] <= _ONE_BITS)


def finite_scalar_result(value: Any, what: str) -> float:
    """The scalar a user function returned, as a finite float."""
    try:
        out = float(real_array(value, what).reshape(()))
    except (TypeError, ValueError):
        raise TypeError(f"{what} must return a single real number, got {value!r:.80}") from None
    if not math.isfinite(out):
        raise ValueError(f"{what} returned a non-finite value ({out})")
    return out
