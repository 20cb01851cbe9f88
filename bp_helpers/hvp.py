"""Hessian-vector products by forward-over-reverse: the backward pass computed in dual numbers.

Reverse mode (:class:`bp_helpers.autograd.Value`) gives the gradient ``∇f(x)`` in one backward
pass. Run that same pass with every number a dual ``a + ȧ·ε`` (:class:`bp_helpers.dual.Dual`),
the inputs seeded with ``x + v·ε``: forward mode then differentiates the whole gradient
computation along ``v``, and what comes out is::

    ∇f(x + v·ε) = ∇f(x) + (H v)·ε          H = the Hessian of f at x

so the tangents of the gradient are the Hessian-vector product ``H v``: one forward and one
backward pass, each in dual arithmetic, without ever forming ``H``. A dual operation does two
or three float operations, so one HVP costs a small constant times one gradient, whatever
the number of inputs (2 to 3 times here, measured with these pure-Python engines).

:class:`DualValue` below is ``Value`` with every float a ``Dual``: the local
derivatives are the same formulas, evaluated in dual arithmetic, so they carry their own
derivatives along ``v``. (``Value`` itself cannot hold duals: its functions use ``math``.)

``f`` is written once with the operations of ``Value`` (``+ - * / **``, ``exp log tanh
sigmoid relu step``) and works on both: ``f(list of Values)`` for the gradient, and
``hvp(f, x, v)`` here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from bp_helpers._validate import finite_array, require_callable
from bp_helpers.dual import Dual

__all__ = ["DualValue", "grad_and_hvp", "hessian", "hvp"]

_ZERO, _ONE = Dual(0.0), Dual(1.0)


class DualValue:
    """A node of the graph whose value ``data``, local derivatives and ``grad`` are Duals."""

    __slots__ = ("data", "grad", "_prev", "_local")

    def __init__(self, data: Dual, _prev: tuple = (), _local: tuple = ()) -> None:
        self.data, self.grad, self._prev, self._local = data, _ZERO, _prev, _local

    def __repr__(self) -> str:
        return f"DualValue(data={self.data!r}, grad={self.grad!r})"

    # the rules of Value, in dual arithmetic: (result, children, ∂result/∂child)
    def __add__(self, other: Any) -> DualValue:
        if isinstance(other, DualValue):
            return DualValue(self.data + other.data, (self, other), (1.0, 1.0))
        return DualValue(self.data + other, (self,), (1.0,))  # a constant is no node

    def __mul__(self, other: Any) -> DualValue:
        if isinstance(other, DualValue):
            return DualValue(self.data * other.data, (self, other), (other.data, self.data))
        return DualValue(self.data * other, (self,), (other,))

    def __truediv__(self, other: Any) -> DualValue:
        if not isinstance(other, DualValue):
            return self * (1.0 / Dual(other))  # a constant: TypeError/ValueError if bad
        out = self.data / other.data
        return DualValue(out, (self, other), (1.0 / other.data, -out / other.data))

    def __pow__(self, n: float) -> DualValue:
        if isinstance(n, DualValue):
            raise TypeError("the exponent must be a constant number, as for Value")
        return DualValue(self.data**n, (self,), (n * self.data ** (n - 1) if n else 0.0,))

    def __neg__(self) -> DualValue:
        return self * -1.0

    def __sub__(self, other: Any) -> DualValue:
        return self + (-other)

    def __radd__(self, other: Any) -> DualValue:
        return self + other

    def __rmul__(self, other: Any) -> DualValue:
        return self * other

    def __rsub__(self, other: Any) -> DualValue:
        return (-self) + other

    def __rtruediv__(self, other: Any) -> DualValue:
        return _wrap(other) / self

    def exp(self) -> DualValue:
        e = self.data.exp()
        return DualValue(e, (self,), (e,))

    def log(self) -> DualValue:
        return DualValue(self.data.log(), (self,), (1.0 / self.data,))

    def tanh(self) -> DualValue:
        t = self.data.tanh()
        return DualValue(t, (self,), (1.0 - t * t,))

    def sigmoid(self) -> DualValue:
        s = self.data.sigmoid()
        return DualValue(s, (self,), (s * (1.0 - s),))

    def relu(self) -> DualValue:
        positive = self.data.value > 0.0
        return DualValue(self.data.relu(), (self,), (1.0 if positive else 0.0,))

    def step(self) -> DualValue:
        if self.data.value == 0.0:
            raise ValueError("step has no derivative at 0 (see Value.step)")
        return DualValue(Dual(float(self.data.value > 0.0)), (self,), (0.0,))

    def backward(self) -> None:
        """``grad`` of every node = ∂self/∂node, in dual arithmetic (outputs before inputs)."""
        order, seen, stack = [], set(), [(self, False)]
        while stack:  # depth-first, iterative: a node is appended after all its children
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
            elif node not in seen:
                seen.add(node)
                stack.append((node, True))
                stack.extend((child, False) for child in node._prev)
        for node in order:
            node.grad = _ZERO
        self.grad = _ONE
        for node in reversed(order):
            for child, local in zip(node._prev, node._local, strict=True):
                child.grad = child.grad + local * node.grad


def _wrap(c: Any) -> DualValue:
    """A DualValue as is; a constant number as a leaf ``Dual(c, 0)`` (its grad is unused)."""
    return c if isinstance(c, DualValue) else DualValue(Dual(c))


def grad_and_hvp(
    f: Callable[[list], Any], x: Sequence[float] | np.ndarray, v: Sequence[float] | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(∇f(x), H(x) v)`` from one forward-over-reverse pass; each of shape ``(n,)``.

    ``f`` maps a list of ``n`` scalars to one scalar, using the operations of ``Value``;
    ``x``, ``v``: shape ``(n,)``, finite.
    """
    require_callable(f)
    x = finite_array(x, "x", ndim=1)
    v = finite_array(v, "v", ndim=1)
    if x.shape != v.shape or x.size == 0:
        raise ValueError(f"x and v must be non-empty and of the same shape (n,), "
                         f"got {x.shape} and {v.shape}")
    inputs = [DualValue(Dual(float(xi), float(vi))) for xi, vi in zip(x, v, strict=True)]
    out = f(inputs)
    if isinstance(out, DualValue):
        out.backward()
    elif isinstance(out, Dual) or isinstance(out, bool) or not isinstance(
        out, (int, float, np.floating, np.integer)
    ):
        raise TypeError(f"f must return one scalar (built from its inputs), got {out!r:.60}")
    grads = [leaf.grad for leaf in inputs]
    return np.array([g.value for g in grads]), np.array([g.tangent for g in grads])


def hvp(
    f: Callable[[list], Any], x: Sequence[float] | np.ndarray, v: Sequence[float] | np.ndarray
) -> np.ndarray:
    """The Hessian-vector product ``H(x) v`` of ``f: R^n → R``, shape ``(n,)``.

    ``f`` maps a list of ``n`` scalars to one scalar with the operations of ``Value``
    (``+ - * / **``, ``exp log tanh sigmoid relu step``); ``x``, ``v``: shape ``(n,)``.
    """
    return grad_and_hvp(f, x, v)[1]


def hessian(f: Callable[[list], Any], x: Sequence[float] | np.ndarray) -> np.ndarray:
    """The Hessian ``H[i, j] = ∂²f/∂x_i∂x_j`` at ``x``: (n,), shape ``(n, n)``.

    Built one column per pass: ``n`` Hessian-vector products with ``v = e_1 … e_n``.
    """
    x = finite_array(x, "x", ndim=1)
    basis = np.eye(x.size)
    return np.stack([hvp(f, x, basis[j]) for j in range(x.size)], axis=1)
