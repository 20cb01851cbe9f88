"""A scalar reverse-mode autodiff engine: :class:`Value`, in the spirit of micrograd.

A ``Value`` holds one number (``data``), the derivative of the loss with respect to it
(``grad``), and how it was made: the Values it came from (its *children*) and the
**local derivative** ``∂out/∂child`` for each, computed during the forward pass.
:meth:`Value.backward` then applies the chain rule from the loss back to the inputs::

    child.grad += (∂out/∂child) · out.grad        # for every edge, outputs before inputs

Example (the one-neuron loss of notebook 02)::

    w, b, x = Value(2.0, "w"), Value(-1.0, "b"), Value(3.0, "x")
    L = (w * x + b - 10) ** 2
    L.backward()          # w.grad == -30.0, b.grad == -10.0, x.grad == -20.0

Semantics worth knowing:

- **Constants** (plain numbers) are folded into the operation, ``2 * v`` makes one node
  ``"2 *"`` with a single child ``v``; they are not Values and get no gradient.
- **Fan-out**: a Value used twice receives the sum of both gradients.
- **backward() twice**: every call first resets the gradients of the *intermediate*
  nodes of the graph and then *adds* this pass into the leaves, like PyTorch: after two
  calls a leaf holds twice its gradient. Call :meth:`Value.zero_grad` (every node of the
  graph, leaves included) to start again from zero.
- **In-place forms** (``v += 1``) make a new node and rebind the name; the old node, and
  the graph built on it, are unchanged.
- **Overflow is IEEE-style, NaN never appears.** A result beyond float64's range (about
  ±1.8e308) becomes ``±inf``, its limit, with no warning: ``exp(1000)`` and
  ``Value(1e200) ** 2`` are ``inf``. An operation whose result or local derivative would
  be undefined (nan), such as ``Value(1e308)*10 - Value(1e308)*10`` (inf − inf) or
  ``inf * 0``, raises ValueError naming the operation, and so does a backward pass whose
  gradient would be nan. ``sigmoid`` and ``tanh`` never overflow: ``sigmoid(±1000)`` is
  1 or 0. ``log`` of a number ≤ 0, ``0 ** -1``, a negative number to a fractional power,
  and division by zero raise errors instead of returning nan.
- ``relu``'s derivative at exactly 0 is taken to be 0 (as in PyTorch).
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

from bp_helpers.nn.activations import scalar_sigmoid

__all__ = ["EXP_MAX", "Value", "topological_order"]

#: Largest ``x`` with a finite ``exp(x)`` in float64 (``log`` of the largest float).
EXP_MAX = 709.782712893384


def _constant(c: Any, op: str) -> float:
    """A plain-number operand as a finite float; TypeError/ValueError otherwise."""
    if type(c) is float or type(c) is int:
        value = float(c)
    elif isinstance(c, Real) and not isinstance(c, bool):
        value = float(c)
    else:
        raise TypeError(
            f"unsupported operand for {op}: expected a Value or a real number, "
            f"got {type(c).__name__}"
        )
    if not math.isfinite(value):
        raise ValueError(f"the number in {op} must be finite, got {value}")
    return value


def _leaf_data(data: Any, label: str) -> float:
    """The number stored in a new leaf Value, as a finite float."""
    if isinstance(data, Value):
        raise TypeError("Value(...) needs a number; this is already a Value")
    if isinstance(data, bool) or not isinstance(data, Real):
        raise TypeError(f"Value needs a real number, got {type(data).__name__}")
    value = float(data)
    if not math.isfinite(value):
        name = f" {label!r}" if label else ""
        raise ValueError(f"Value{name} must be finite, got {value}")
    return value


def _check_not_nan(data: float, local: tuple[float, ...], op: str) -> None:
    """ValueError naming ``op`` if its result or a local derivative is nan.

    A derivative that does not exist on purpose (``step`` at 0, a :class:`_NoDerivative`)
    is let through: ``backward()`` raises its reason if a gradient has to pass it.
    """
    if math.isnan(data):
        raise ValueError(f"Value operation {op!r} is undefined here (inf − inf, 0·inf or "
                         f"inf/inf after an overflow): its result would be nan")
    if any(math.isnan(g) and not isinstance(g, _NoDerivative) for g in local):
        raise ValueError(f"Value operation {op!r}: its local derivative is undefined here "
                         f"(it would be nan, after an overflow to inf)")


def _power(x: float, n: float) -> float:
    """``x ** n`` with IEEE-style overflow to ±inf (Python's float ** raises instead)."""
    try:
        return x**n
    except OverflowError:
        return -math.inf if x < 0.0 and n % 2.0 == 1.0 else math.inf


def _fmt(c: float) -> str:
    """A constant as it appears in an operation's name: ``2``, ``-1.5``, ``0.001``."""
    return f"{c:g}"


class Value:
    """One number in a computation, its gradient, and the operation that made it.

    ``Value(data, label="")`` makes a *leaf* (an input or parameter). Arithmetic and the
    methods ``exp log tanh sigmoid relu`` make new nodes; ``backward()`` fills ``grad``.
    All quantities are scalars (Python floats).

    Attributes:
        data: the number (float).
        grad: ∂(the Value ``backward`` was called on)/∂(this Value); 0.0 until then.
        label: an optional name used by ``repr`` and graph drawings.
    """

    __slots__ = ("data", "grad", "label", "_prev", "_local", "_op")

    def __init__(
        self,
        data: float,
        label: str = "",
        _prev: tuple[Value, ...] = (),
        _local: tuple[float, ...] = (),
        _op: str = "",
    ) -> None:
        if not _prev:  # a leaf made by the user: check it (nodes come from checked ops)
            if not isinstance(label, str):
                raise TypeError(f"label must be a string, got {type(label).__name__}")
            data = _leaf_data(data, label)
        elif math.isnan(data) or math.isnan(sum(_local)):
            _check_not_nan(data, _local, _op)
        self.data: float = data
        self.grad: float = 0.0
        self.label: str = label
        self._prev = _prev  # the children this node was computed from
        self._local = _local  # ∂self/∂child for each child, same order as _prev
        self._op = _op  # the operation's name, for repr and drawings

    # ---- what the node is --------------------------------------------------------
    @property
    def op(self) -> str:
        """The operation that made this node (``""`` for a leaf), e.g. ``"*"``, ``"+ 10"``."""
        return self._op

    @property
    def children(self) -> tuple[Value, ...]:
        """The Values this node was computed from (a Value used twice appears twice)."""
        return self._prev

    @property
    def local_grads(self) -> tuple[float, ...]:
        """``∂self/∂child`` for each child, in the order of :attr:`children`."""
        return self._local

    @property
    def is_leaf(self) -> bool:
        """True for a Value made by the user rather than by an operation."""
        return not self._prev

    def __repr__(self) -> str:
        name = f", label={self.label!r}" if self.label else ""
        op = f", op={self._op!r}" if self._op else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{name}{op})"

    def __float__(self) -> float:
        return self.data

    # ---- arithmetic: each node stores ∂out/∂child for its children ---------------
    def __add__(self, other: Value | float) -> Value:
        if isinstance(other, Value):
            return Value(self.data + other.data, "", (self, other), (1.0, 1.0), "+")
        c = _constant(other, "+")
        return Value(self.data + c, "", (self,), (1.0,), f"+ {_fmt(c)}")

    def __radd__(self, other: float) -> Value:  # c + self
        c = _constant(other, "+")
        return Value(c + self.data, "", (self,), (1.0,), f"{_fmt(c)} +")

    def __sub__(self, other: Value | float) -> Value:
        if isinstance(other, Value):
            return Value(self.data - other.data, "", (self, other), (1.0, -1.0), "-")
        c = _constant(other, "-")
        return Value(self.data - c, "", (self,), (1.0,), f"- {_fmt(c)}")

    def __rsub__(self, other: float) -> Value:  # c - self
        c = _constant(other, "-")
        return Value(c - self.data, "", (self,), (-1.0,), f"{_fmt(c)} -")

    def __mul__(self, other: Value | float) -> Value:
        if isinstance(other, Value):
            return Value(
                self.data * other.data, "", (self, other), (other.data, self.data), "*"
            )
        c = _constant(other, "*")
        return Value(self.data * c, "", (self,), (c,), f"* {_fmt(c)}")

    def __rmul__(self, other: float) -> Value:  # c * self
        c = _constant(other, "*")
        return Value(c * self.data, "", (self,), (c,), f"{_fmt(c)} *")

    def __truediv__(self, other: Value | float) -> Value:
        if isinstance(other, Value):
            if other.data == 0.0:
                raise ZeroDivisionError("division by a Value whose data is 0")
            out = self.data / other.data
            # d(a/b)/da = 1/b,  d(a/b)/db = -a/b² = -(a/b)/b
            return Value(out, "", (self, other), (1.0 / other.data, -out / other.data), "/")
        c = _constant(other, "/")
        if c == 0.0:
            raise ZeroDivisionError("division of a Value by 0")
        return Value(self.data / c, "", (self,), (1.0 / c,), f"/ {_fmt(c)}")

    def __rtruediv__(self, other: float) -> Value:  # c / self
        c = _constant(other, "/")
        if self.data == 0.0:
            raise ZeroDivisionError("division by a Value whose data is 0")
        out = c / self.data
        return Value(out, "", (self,), (-out / self.data,), f"{_fmt(c)} /")

    def __neg__(self) -> Value:
        return Value(-self.data, "", (self,), (-1.0,), "neg")

    def __pos__(self) -> Value:
        return self

    def __pow__(self, n: float) -> Value:
        """``self ** n`` for a constant ``n``; d(xⁿ)/dx = n·xⁿ⁻¹."""
        if isinstance(n, Value):
            raise TypeError(
                "Value ** Value is not supported: the exponent must be a constant number "
                "(for a variable exponent write (b * a.log()).exp())"
            )
        n = _constant(n, "**")
        x = self.data
        if x < 0.0 and not n.is_integer():
            raise ValueError(f"a negative number ({x}) to a fractional power ({n}) is not real")
        if x == 0.0 and n < 0.0:
            raise ZeroDivisionError(f"0 ** {_fmt(n)} is undefined (division by zero)")
        if n == 0.0:
            local = 0.0
        elif x == 0.0 and n < 1.0:
            local = math.inf  # e.g. d√x/dx → ∞ as x → 0⁺
        else:
            local = n * _power(x, n - 1.0)
        return Value(_power(x, n), "", (self,), (local,), f"** {_fmt(n)}")

    # ---- functions ----------------------------------------------------------------
    def exp(self) -> Value:
        """``e^x``; d/dx = e^x. Beyond ``EXP_MAX`` (≈709.78) the result is ``inf``."""
        e = math.exp(self.data) if self.data <= EXP_MAX else math.inf
        return Value(e, "", (self,), (e,), "exp")

    def log(self) -> Value:
        """Natural log, for ``x > 0`` only (ValueError otherwise); d/dx = 1/x."""
        x = self.data
        if x <= 0.0:
            raise ValueError(f"log is defined only for positive numbers, got {x}")
        return Value(math.log(x), "", (self,), (1.0 / x,), "log")

    def tanh(self) -> Value:
        """``tanh x``; d/dx = 1 − tanh²x."""
        t = math.tanh(self.data)
        return Value(t, "", (self,), (1.0 - t * t,), "tanh")

    def sigmoid(self) -> Value:
        """``σ(x) = 1 / (1 + e^(−x))``; d/dx = σ(1 − σ). Stable for any finite x."""
        s = scalar_sigmoid(self.data)
        return Value(s, "", (self,), (s * (1.0 - s),), "sigmoid")

    def relu(self) -> Value:
        """``max(0, x)``; d/dx = 1 for x > 0, else 0 (0 at the kink x = 0)."""
        x = self.data
        if x > 0.0:
            return Value(x, "", (self,), (1.0,), "relu")
        return Value(0.0, "", (self,), (0.0,), "relu")

    def step(self) -> Value:
        """Heaviside step: 1.0 for x > 0, else 0.0. d/dx = 0 for every x ≠ 0.

        At x = 0 the step jumps, so it has no derivative there: the forward value is 0.0,
        the local derivative is recorded as nan, and ``backward()`` through this node
        raises ValueError. Either way gradient descent gets no signal through a step.
        """
        x = self.data
        if x == 0.0:
            return Value(0.0, "", (self,), (_NoDerivative(_STEP_AT_0),), "step")
        return Value(1.0 if x > 0.0 else 0.0, "", (self,), (0.0,), "step")

    # ---- the backward pass ----------------------------------------------------------
    def backward(self) -> None:
        """Fill ``grad`` of every Value this one depends on with ∂self/∂(that Value).

        Visits nodes in reverse topological order (each node after every node that uses
        it), so a node's gradient is complete before it is passed on. The intermediate
        nodes' gradients are reset first; leaves *accumulate* (see the module docstring).
        """
        order = topological_order(self)
        for node in order:
            if node._prev:
                node.grad = 0.0
        self.grad += 1.0  # ∂self/∂self = 1
        for node in reversed(order):
            upstream = node.grad
            for child, local in zip(node._prev, node._local, strict=True):
                child.grad += local * upstream
        if any(math.isnan(node.grad) for node in order):
            raise ValueError("backward: a gradient is undefined (nan: inf · 0 after an "
                             "overflow); the gradients of this pass are not usable")

    def zero_grad(self) -> None:
        """Set ``grad`` to 0 on this Value and every Value it depends on (leaves too)."""
        for node in topological_order(self):
            node.grad = 0.0


_STEP_AT_0 = (
    "step has no derivative at 0 (it jumps from 0 to 1 there; everywhere else its "
    "derivative is 0), so backward() cannot pass a gradient through step(0)"
)


class _NoDerivative(float):
    """A local derivative that does not exist: nan when shown, and ``backward()``'s
    ``local * upstream`` raises ValueError with the reason instead of spreading nan."""

    def __new__(cls, reason: str) -> _NoDerivative:
        out = super().__new__(cls, math.nan)
        out.reason = reason
        return out

    def __mul__(self, other: object) -> float:
        raise ValueError(self.reason)

    __rmul__ = __mul__


def topological_order(root: Value) -> list[Value]:
    """Every Value ``root`` depends on, each after all of its children; ``root`` is last.

    Iterative depth-first search (an explicit stack, no recursion), so a chain of
    100,000 operations is fine. A Value reached along several paths appears once.
    """
    if not isinstance(root, Value):
        raise TypeError(f"root must be a Value, got {type(root).__name__}")
    order: list[Value] = []
    visited: set[Value] = set()  # Values hash by identity
    stack: list[tuple[Value, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            order.append(node)  # every child is already in `order`
            continue
        if node in visited:
            continue
        visited.add(node)
        stack.append((node, True))
        for child in reversed(node._prev):  # so the first child is visited first
            if child not in visited:
                stack.append((child, False))
    return order
