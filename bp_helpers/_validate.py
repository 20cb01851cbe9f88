"""Input checks shared by the package: each raises a clear ValueError/TypeError."""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Real
from typing import Any

import numpy as np


def require_callable(f: Any, name: str = "f") -> Callable:
    """Return ``f`` if it is callable, else raise TypeError naming what was expected."""
    if not callable(f):
        raise TypeError(f"{name} must be a function, got {type(f).__name__}")
    return f


def finite_float(x: Any, name: str) -> float:
    """``x`` as a float; TypeError for non-numbers, ValueError for nan/inf."""
    if isinstance(x, bool) or not isinstance(x, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a real number, got {type(x).__name__}")
    value = float(x)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def positive_float(x: Any, name: str) -> float:
    """``x`` as a float that is finite and > 0."""
    value = finite_float(x, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return value


def finite_array(x: Any, name: str, ndim: int | None = None) -> np.ndarray:
    """``x`` as a float64 array with finite entries (and ``ndim`` dimensions if given)."""
    try:
        arr = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of real numbers ({exc})") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimension(s), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite values (no nan or inf)")
    return arr


def finite_scalar_result(value: Any, what: str) -> float:
    """The scalar a user function returned, as a finite float."""
    try:
        out = float(np.asarray(value, dtype=np.float64).reshape(()))
    except (TypeError, ValueError):
        raise TypeError(f"{what} must return a single real number, got {value!r}") from None
    if not math.isfinite(out):
        raise ValueError(f"{what} returned a non-finite value ({out})")
    return out
