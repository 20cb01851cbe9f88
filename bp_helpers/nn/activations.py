"""Elementwise activations ``a = f(z)`` and their derivatives ``f'(z)``.

Every function takes an array ``z`` of any shape (or a float, or a list) and returns an
array of the same shape. All are numerically stable: no overflow or underflow warnings for
any finite input, including ``z = ±1000``. NaN propagates, as in NumPy: an entry that is
nan in ``z`` is nan in the result (never a number). Complex input is a TypeError.
:func:`scalar_sigmoid` is the one float-to-float sigmoid the scalar modules (autograd,
dual numbers, the 2-3-2-1 network) share.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from bp_helpers._validate import real_array

ActivationFn = Callable[[np.ndarray], np.ndarray]

#: The activation names :func:`activation` accepts.
ACTIVATIONS = ("identity", "sigmoid", "tanh", "relu", "leaky_relu", "gelu")

#: Slope of leaky ReLU for ``z < 0``.
LEAKY_SLOPE = 0.01

# exp(-t) for t >= _EXP_CUTOFF is below 1e-304 and treated as exactly 0, so no exp ever
# underflows into the subnormal range (which numpy reports as an underflow).
_EXP_CUTOFF = 700.0
_EXP_CUTOFF_SQUARED = _EXP_CUTOFF**2
_SQRT_2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_ERFC_CUTOFF = 26.0  # erfc(26) ≈ 5e-296, still a normal float64
_erfc = np.frompyfunc(math.erfc, 1, 1)
_max = np.maximum.reduce  # ndarray.max without its Python-level wrapper
_vdot = np.vdot


def _constant(x: float) -> np.ndarray:
    """``x`` as a read-only 0-d float64 array."""
    a = np.array(x, dtype=np.float64)
    a.flags.writeable = False
    return a


#: 0.0 and 1.0 as read-only 0-d float64 arrays. NumPy combines an array with these faster
#: than with Python floats, which it converts on every call; the values, and so every
#: result, are the same. On the small arrays of a training step the difference counts.
ZERO, ONE = _constant(0.0), _constant(1.0)


def exp_neg(t: np.ndarray) -> np.ndarray:
    """``e^{−t}`` for an array ``t >= 0`` (any shape), exactly 0 where ``t >= 700``.

    Never underflows into the subnormal range (which NumPy reports); nan stays nan.
    """
    t = real_array(t, "t")
    # The common case, no entry to cut: Σ t² < 700² implies every t < 700, and one BLAS
    # call tells it faster than a max (a nan makes both tests fail, and takes the other path).
    if t.ndim and (_vdot(t, t) < _EXP_CUTOFF_SQUARED or _max(t, axis=None) < _EXP_CUTOFF):
        return np.exp(-t)
    return np.exp(-t, out=np.zeros_like(t), where=~(t >= _EXP_CUTOFF))


def scalar_sigmoid(z: float) -> float:
    """``σ(z) = 1 / (1 + e^{−z})`` for one float, as a float; no overflow for any ``z``.

    Only ``e^{−|z|} ≤ 1`` is evaluated; ``scalar_sigmoid(nan)`` is nan.
    """
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # z < 0 (or nan): cannot overflow
    return e / (1.0 + e)


def identity(z: np.ndarray) -> np.ndarray:
    """``f(z) = z``."""
    return real_array(z, "z")


def identity_prime(z: np.ndarray) -> np.ndarray:
    """``f'(z) = 1`` (nan where ``z`` is nan)."""
    z = real_array(z, "z")
    return np.where(np.isnan(z), np.nan, 1.0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """``σ(z) = 1 / (1 + e^{−z})``, computed as ``e^{z} / (1 + e^{z})`` for ``z < 0``.

    Only ``e^{−|z|} ≤ 1`` is ever evaluated, so nothing overflows.
    """
    z = real_array(z, "z")
    e = exp_neg(np.abs(z))
    return np.where(z >= ZERO, ONE, e) / (ONE + e)


def sigmoid_prime(z: np.ndarray) -> np.ndarray:
    """``σ'(z) = σ(z) (1 − σ(z))``."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z: np.ndarray) -> np.ndarray:
    """``tanh(z)``."""
    return np.tanh(real_array(z, "z"))


def tanh_prime(z: np.ndarray) -> np.ndarray:
    """``tanh'(z) = 1 − tanh(z)²``."""
    t = tanh(z)
    return 1.0 - t * t


def relu(z: np.ndarray) -> np.ndarray:
    """``max(z, 0)``."""
    return np.maximum(real_array(z, "z"), ZERO)


def relu_prime(z: np.ndarray) -> np.ndarray:
    """``1`` where ``z > 0`` else ``0`` (the kink at 0 gets 0; nan stays nan)."""
    z = real_array(z, "z")
    return np.where(z > 0, 1.0, np.where(np.isnan(z), np.nan, 0.0))


def leaky_relu(z: np.ndarray) -> np.ndarray:
    """``z`` where ``z > 0`` else ``0.01 z``."""
    z = real_array(z, "z")
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def leaky_relu_prime(z: np.ndarray) -> np.ndarray:
    """``1`` where ``z > 0`` else ``0.01`` (nan stays nan)."""
    z = real_array(z, "z")
    return np.where(z > 0, 1.0, np.where(np.isnan(z), np.nan, LEAKY_SLOPE))


def normal_cdf(z: np.ndarray) -> np.ndarray:
    """``Φ(z) = ½ (1 + erf(z/√2)) = ½ erfc(−z/√2)``, the standard normal CDF.

    Uses ``math.erfc``, vectorised, which keeps full relative accuracy in the left tail;
    exactly 0 for ``z < −36.7``, where ``Φ(z) < 1e−295`` (so erfc never underflows).
    """
    t = -real_array(z, "z") / _SQRT_2
    tail = t >= _ERFC_CUTOFF
    value = 0.5 * np.asarray(_erfc(np.minimum(t, _ERFC_CUTOFF)), dtype=np.float64)
    return np.where(tail, 0.0, value)


def normal_pdf(z: np.ndarray) -> np.ndarray:
    """``φ(z) = e^{−z²/2} / √(2π)``; exactly 0 for ``|z| > 37`` (no underflow)."""
    z = real_array(z, "z")
    return _INV_SQRT_2PI * exp_neg(0.5 * np.minimum(z * z, 2 * _EXP_CUTOFF))


def gelu(z: np.ndarray) -> np.ndarray:
    """Exact GELU ``z Φ(z)`` (not the tanh approximation)."""
    z = real_array(z, "z")
    return z * normal_cdf(z)


def gelu_prime(z: np.ndarray) -> np.ndarray:
    """``GELU'(z) = Φ(z) + z φ(z)``."""
    z = real_array(z, "z")
    return normal_cdf(z) + z * normal_pdf(z)


_TABLE: dict[str, tuple[ActivationFn, ActivationFn]] = {
    "identity": (identity, identity_prime),
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "leaky_relu": (leaky_relu, leaky_relu_prime),
    "gelu": (gelu, gelu_prime),
}


def check_activation_name(name: object, what: str = "activation") -> str:
    """``name`` if it is one of :data:`ACTIVATIONS`, else a ValueError/TypeError."""
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a string, one of {ACTIVATIONS}; got {name!r}")
    if name not in _TABLE:
        raise ValueError(f"unknown {what} {name!r}; expected one of {ACTIVATIONS}")
    return name


def activation(name: str) -> tuple[ActivationFn, ActivationFn]:
    """The pair ``(f, f_prime)`` for an activation name in :data:`ACTIVATIONS`."""
    return _TABLE[check_activation_name(name)]
