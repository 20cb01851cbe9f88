"""Forward-mode automatic differentiation with dual numbers.

A dual number ``a + ȧ·ε`` with ``ε² = 0`` carries a value ``a`` and a tangent ``ȧ``.
Arithmetic on duals is arithmetic on first-order Taylor expansions::

    (a + ȧε)(b + ḃε) = ab + (aḃ + ȧb)ε          the product rule
    f(a + ȧε)        = f(a) + f'(a)·ȧ·ε         the chain rule

so evaluating ``f`` once at ``x + v·ε`` gives both ``f(x)`` and the directional
derivative ``J(x)·v``: one forward pass, one Jacobian-vector product (JVP).

:class:`Dual` has the same operations as :class:`bp_helpers.autograd.Value`
(``+ - * / **``, ``exp``, ``log``, ``tanh``, ``sigmoid``, ``relu``), so one Python
function can be differentiated in forward mode (here) and in reverse mode (there).
NumPy object arrays of duals work too: ``W @ x`` and ``np.tanh(x)`` call these methods.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from numbers import Real
from typing import Any

import numpy as np

from bp_helpers._validate import finite_array, finite_float, require_callable
from bp_helpers.nn.activations import scalar_sigmoid

_NUMBERS = (int, float, Real, np.floating, np.integer)  # bool excluded below


class Dual:
    """A number ``value + tangent·ε`` with ``ε² = 0``.

    ``value`` is the primal value, ``tangent`` the derivative carried along with it
    (seed the input you differentiate with ``tangent=1``, the rest with 0). Every number
    stays finite: operations that leave the real numbers raise instead of returning nan
    or inf (``log`` of a value ≤ 0, a negative value to a fractional power: ValueError),
    and a value or tangent beyond float64's range (about ±1.8e308, e.g. ``exp`` above
    709.78 or ``Dual(1e308) * 10``) raises OverflowError naming the operation.
    """

    __slots__ = ("value", "tangent")

    def __init__(self, value: float, tangent: float = 0.0) -> None:
        self.value = finite_float(value, "value")
        self.tangent = finite_float(tangent, "tangent")

    def __repr__(self) -> str:
        return f"Dual(value={self.value!r}, tangent={self.tangent!r})"

    # --- arithmetic: each line is a differentiation rule --------------------------------
    def __add__(self, other: Any) -> Dual:
        other = _lift(other)
        return _new(self.value + other.value, self.tangent + other.tangent)

    def __mul__(self, other: Any) -> Dual:
        other = _lift(other)
        return _new(
            self.value * other.value,
            self.value * other.tangent + self.tangent * other.value,  # product rule
        )

    def __truediv__(self, other: Any) -> Dual:
        other = _lift(other)
        if other.value == 0:
            raise ZeroDivisionError("Dual division by a dual whose value is 0")
        quotient = self.value / other.value
        return _new(quotient, (self.tangent - quotient * other.tangent) / other.value)

    def __pow__(self, p: Any) -> Dual:
        if isinstance(p, Dual) or not _is_number(p):
            raise TypeError(f"a Dual can only be raised to a constant number, got {p!r}")
        p = float(p)
        if p == 0:
            return _new(1.0, 0.0)  # x**0 = 1 is a constant
        if self.value == 0 and p < 1:
            raise ValueError(f"0 ** {p} has no finite derivative")
        if self.value < 0 and not p.is_integer():
            raise ValueError(f"({self.value}) ** {p} is not a real number")
        try:
            return _new(self.value**p, p * self.value ** (p - 1) * self.tangent)
        except OverflowError:  # Python's float ** raises a bare OverflowError
            return _new(math.inf, 0.0)

    def __neg__(self) -> Dual:
        return _new(-self.value, -self.tangent)

    def __pos__(self) -> Dual:
        return self

    def __sub__(self, other: Any) -> Dual:
        return self + (-_lift(other))

    def __radd__(self, other: Any) -> Dual:
        return self + other

    def __rsub__(self, other: Any) -> Dual:
        return _lift(other) - self

    def __rmul__(self, other: Any) -> Dual:
        return self * other

    def __rtruediv__(self, other: Any) -> Dual:
        return _lift(other) / self

    # --- elementary functions: value f(a), tangent f'(a)·ȧ -----------------------------
    def exp(self) -> Dual:
        if self.value > 709.78:
            raise OverflowError(f"exp({self.value}) overflows float64 (the limit is about 709.78)")
        e = math.exp(self.value)
        return _new(e, e * self.tangent)

    def log(self) -> Dual:
        if self.value <= 0:
            raise ValueError(f"log needs a positive value, got {self.value}")
        return _new(math.log(self.value), self.tangent / self.value)

    def tanh(self) -> Dual:
        t = math.tanh(self.value)
        return _new(t, (1.0 - t * t) * self.tangent)

    def sigmoid(self) -> Dual:
        s = scalar_sigmoid(self.value)
        return _new(s, s * (1.0 - s) * self.tangent)

    def relu(self) -> Dual:
        # The kink at 0 gets slope 0, as in bp_helpers.nn and PyTorch.
        return _new(self.value, self.tangent) if self.value > 0 else _new(0.0, 0.0)


#: The operation each Dual method performs, for error messages.
_OPERATIONS = {"__add__": "+", "__mul__": "*", "__truediv__": "/", "__pow__": "**",
               "__neg__": "neg", "exp": "exp", "log": "log", "tanh": "tanh",
               "sigmoid": "sigmoid", "relu": "relu"}


def _new(value: float, tangent: float) -> Dual:
    """A Dual from two floats (skips the type checks); OverflowError naming the operation
    (the calling method) if either is beyond float64's range."""
    if not math.isfinite(value + tangent) and not (
            math.isfinite(value) and math.isfinite(tangent)):
        method = sys._getframe(1).f_code.co_name
        raise OverflowError(f"Dual operation {_OPERATIONS.get(method, method)!r} overflows "
                            "float64: its value or tangent is beyond ±1.8e308 (Dual "
                            "arithmetic never returns inf or nan)")
    out = object.__new__(Dual)
    out.value = value
    out.tangent = tangent
    return out


def _is_number(x: Any) -> bool:
    return isinstance(x, _NUMBERS) and not isinstance(x, bool)


def _lift(x: Any) -> Dual:
    """A Dual as is; a constant number as ``Dual(x, 0)``; anything else a TypeError."""
    if isinstance(x, Dual):
        return x
    if _is_number(x):
        value = float(x)
        if not math.isfinite(value):
            raise ValueError(f"Dual arithmetic needs finite numbers, got {value}")
        return _new(value, 0.0)
    raise TypeError(f"cannot combine a Dual with {type(x).__name__}; expected a number or Dual")


# --- derivatives, JVPs and Jacobians in forward mode ---------------------------------------
def derivative(f: Callable[[Dual], Any], x: float) -> float:
    """``f'(x)`` for ``f: R → R`` from one evaluation of ``f`` at ``Dual(x, 1)``.

    ValueError if ``f`` returns a non-finite number (its derivative is not a number).
    """
    require_callable(f)
    y = f(Dual(x, 1.0))
    _value_of(y, "f")
    return _tangent_of(y, "f")


def jvp(
    f: Callable[[np.ndarray], Any], x: Sequence[float] | np.ndarray, v: Sequence[float] | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Value and Jacobian-vector product of ``f: R^n → R^m`` in ONE forward pass.

    ``x`` and ``v`` have shape ``(n,)``. ``f`` receives an object array of ``n`` duals
    (index it, or use ``W @ x``, ``np.tanh(x)``) and returns one dual or a sequence of
    ``m``. Returns ``(f(x), J(x) @ v)``, each of shape ``(m,)`` (``(1,)`` for one output).
    """
    require_callable(f)
    x = finite_array(x, "x", ndim=1)
    v = finite_array(v, "v", ndim=1)
    if x.shape != v.shape:
        raise ValueError(f"x and v must have the same shape, got {x.shape} and {v.shape}")
    inputs = np.empty(x.size, dtype=object)
    for i in range(x.size):
        inputs[i] = _new(float(x[i]), float(v[i]))
    outputs = _as_outputs(f(inputs))
    values = np.array([_value_of(y, "f") for y in outputs])
    tangents = np.array([_tangent_of(y, "f") for y in outputs])
    return values, tangents


def jacobian(f: Callable[[np.ndarray], Any], x: Sequence[float] | np.ndarray) -> np.ndarray:
    """The Jacobian ``J[i, j] = ∂f_i/∂x_j`` of ``f: R^n → R^m``, shape ``(m, n)``.

    Forward mode builds it one COLUMN per pass: ``n`` JVPs with ``v = e_1 … e_n``.
    """
    x = finite_array(x, "x", ndim=1)
    basis = np.eye(x.size)
    columns = [jvp(f, x, basis[j])[1] for j in range(x.size)]
    return np.stack(columns, axis=1)


def _as_outputs(y: Any) -> list[Any]:
    if isinstance(y, np.ndarray):
        if y.ndim > 1:
            raise ValueError(f"f must return one value or a 1-D sequence, got shape {y.shape}")
        return list(y.reshape(-1))
    if isinstance(y, (list, tuple)):
        return list(y)
    return [y]


def _value_of(y: Any, what: str) -> float:
    if isinstance(y, Dual):
        return y.value
    if _is_number(y):
        value = float(y)  # an output that does not depend on the input
        if not math.isfinite(value):
            raise ValueError(f"{what} returned a non-finite value ({value})")
        return value
    raise TypeError(f"{what} must return Duals or numbers, got {type(y).__name__}")


def _tangent_of(y: Any, what: str) -> float:
    _value_of(y, what)  # type check
    return y.tangent if isinstance(y, Dual) else 0.0
