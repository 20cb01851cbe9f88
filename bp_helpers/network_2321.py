"""The 2-3-2-1 sigmoid network of notebook 03: symbolic (sympy) and by hand (floats).

Two inputs ``x_1, x_2``; hidden layer 1 of three sigmoid units; hidden layer 2 of two
sigmoid units; one sigmoid output ``y``; loss ``L = ½(y − t)²``::

    z_j^(1) = w_j1^(1) x_1 + w_j2^(1) x_2 + b_j^(1)          h_j^(1) = σ(z_j^(1))   j = 1, 2, 3
    z_i^(2) = Σ_j w_ij^(2) h_j^(1) + b_i^(2)                   h_i^(2) = σ(z_i^(2))   i = 1, 2
    z^(3)   = v_1 h_1^(2) + v_2 h_2^(2) + b^(3)                y = σ(z^(3))

Its 20 parameters are named as in the maths (:data:`PARAMETER_NAMES`, e.g. ``"w_12^(1)"``)
and passed around as a ``dict[str, float]``; an input is a pair ``x = (x_1, x_2)`` and a
target ``t``. :func:`forward` and :func:`backward` are the hand-written passes (plain
floats, fast); :func:`build_symbolic` gives the same network as sympy expressions, and
:func:`sympy_loss` / :func:`sympy_gradients` their lambdified numeric versions.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bp_helpers._validate import finite_float
from bp_helpers.nn.activations import scalar_sigmoid

if TYPE_CHECKING:
    import sympy as sp

LAYER1_WEIGHTS = tuple(f"w_{j}{k}^(1)" for j in (1, 2, 3) for k in (1, 2))
LAYER1_BIASES = tuple(f"b_{j}^(1)" for j in (1, 2, 3))
LAYER2_WEIGHTS = tuple(f"w_{i}{j}^(2)" for i in (1, 2) for j in (1, 2, 3))
LAYER2_BIASES = tuple(f"b_{i}^(2)" for i in (1, 2))
OUTPUT_PARAMETERS = ("v_1", "v_2", "b^(3)")

#: The 20 parameter names, input side first: ``w_jk^(1)``, ``b_j^(1)``, ``w_ij^(2)``,
#: ``b_i^(2)``, ``v_1``, ``v_2``, ``b^(3)``.
PARAMETER_NAMES: tuple[str, ...] = (
    LAYER1_WEIGHTS + LAYER1_BIASES + LAYER2_WEIGHTS + LAYER2_BIASES + OUTPUT_PARAMETERS
)
INPUT_NAMES = ("x_1", "x_2")

#: A fixed point for the notebook, the explorer and the exercises: readable values.
REFERENCE_PARAMS: dict[str, float] = dict(
    zip(
        PARAMETER_NAMES,
        (
            0.5, -1.0, -1.5, 0.5, 1.0, 1.0,  # w_jk^(1)
            0.0, 0.5, -0.5,  # b_j^(1)
            1.0, -2.0, 1.5, -1.0, 2.0, 0.5,  # w_ij^(2)
            0.5, -0.5,  # b_i^(2)
            2.0, -1.5, 0.5,  # v_1, v_2, b^(3)
        ),
        strict=True,
    )
)
REFERENCE_X: tuple[float, float] = (1.0, -0.5)
REFERENCE_T = 0.0


# --- the hand-written passes -------------------------------------------------------------

#: σ(z) = 1 / (1 + e^(−z)) for a float, without overflow for large ``|z|``
#: (:func:`bp_helpers.nn.activations.scalar_sigmoid`).
sigmoid = scalar_sigmoid


@dataclass(frozen=True)
class Forward:
    """Everything the forward pass computed (the cache the backward pass reads).

    ``x`` (2,), ``z1``/``h1`` (3,), ``z2``/``h2`` (2,), ``z3`` and ``y`` scalars, the
    target ``t`` and the loss ``L``. Tuples are indexed from 0: ``h1[0]`` is h_1^(1).
    """

    x: tuple[float, float]
    z1: tuple[float, float, float]
    h1: tuple[float, float, float]
    z2: tuple[float, float]
    h2: tuple[float, float]
    z3: float
    y: float
    t: float
    L: float


def forward(params: Mapping[str, float], x: Sequence[float], t: float) -> Forward:
    """The forward pass, unit by unit: ``params`` has the 20 names, ``x`` is (x_1, x_2)."""
    p, x, t = check_params(params), check_input(x), finite_float(t, "t")
    return _forward(p, x, t, sigmoid)


def _forward(p: Mapping[str, Any], x: Sequence[Any], t: Any, sigma: Callable) -> Forward:
    z1 = tuple(p[f"w_{j}1^(1)"] * x[0] + p[f"w_{j}2^(1)"] * x[1] + p[f"b_{j}^(1)"]
               for j in (1, 2, 3))
    h1 = tuple(sigma(z) for z in z1)
    z2 = tuple(sum(p[f"w_{i}{j}^(2)"] * h1[j - 1] for j in (1, 2, 3)) + p[f"b_{i}^(2)"]
               for i in (1, 2))
    h2 = tuple(sigma(z) for z in z2)
    z3 = p["v_1"] * h2[0] + p["v_2"] * h2[1] + p["b^(3)"]
    y = sigma(z3)
    return Forward(tuple(x), z1, h1, z2, h2, z3, y, t, (y - t) ** 2 / 2)


def backward(params: Mapping[str, float], cache: Forward) -> dict[str, float]:
    """All 20 gradients ∂L/∂θ by name, following the derivation of notebook 03.

    ``cache`` is what :func:`forward` returned for the same ``params``.
    """
    if not isinstance(cache, Forward):
        raise TypeError(f"cache must be the Forward that forward() returned, "
                        f"got {type(cache).__name__}")
    return _backward(check_params(params), cache)


def _backward(p: Mapping[str, Any], f: Forward) -> dict[str, Any]:
    """The backward pass itself; works for any number type with ``+ − *``."""
    grads: dict[str, Any] = {}
    # 1. output error: δ^(3) = ∂L/∂z^(3) = (y − t) · y(1 − y)
    delta3 = (f.y - f.t) * (f.y * (1 - f.y))
    # 2. output weights and bias: ∂L/∂v_i = δ^(3) h_i^(2), ∂L/∂b^(3) = δ^(3)
    grads["v_1"], grads["v_2"] = delta3 * f.h2[0], delta3 * f.h2[1]
    grads["b^(3)"] = delta3
    # 3. into layer 2: ∂L/∂h_i^(2) = δ^(3) v_i, then δ_i^(2) = ∂L/∂h_i^(2) · h_i^(2)(1 − h_i^(2))
    dL_dh2 = [delta3 * p[f"v_{i}"] for i in (1, 2)]
    delta2 = [dL_dh2[i] * (f.h2[i] * (1 - f.h2[i])) for i in (0, 1)]
    # 4. layer-2 weights and biases: ∂L/∂w_ij^(2) = δ_i^(2) h_j^(1), ∂L/∂b_i^(2) = δ_i^(2)
    for i in (1, 2):
        for j in (1, 2, 3):
            grads[f"w_{i}{j}^(2)"] = delta2[i - 1] * f.h1[j - 1]
        grads[f"b_{i}^(2)"] = delta2[i - 1]
    # 5. into layer 1, summed over both paths: ∂L/∂h_j^(1) = Σ_i δ_i^(2) w_ij^(2)
    dL_dh1 = [delta2[0] * p[f"w_1{j}^(2)"] + delta2[1] * p[f"w_2{j}^(2)"] for j in (1, 2, 3)]
    delta1 = [dL_dh1[j] * (f.h1[j] * (1 - f.h1[j])) for j in (0, 1, 2)]
    # 6. layer-1 weights and biases: ∂L/∂w_jk^(1) = δ_j^(1) x_k, ∂L/∂b_j^(1) = δ_j^(1)
    for j in (1, 2, 3):
        for k in (1, 2):
            grads[f"w_{j}{k}^(1)"] = delta1[j - 1] * f.x[k - 1]
        grads[f"b_{j}^(1)"] = delta1[j - 1]
    return {name: grads[name] for name in PARAMETER_NAMES}


def gradients(params: Mapping[str, float], x: Sequence[float], t: float) -> dict[str, float]:
    """Forward then backward: the 20 gradients ∂L/∂θ at input ``x`` (2,) and target ``t``."""
    p = check_params(params)
    return _backward(p, forward(p, x, t))


def naive_gradients(params: Mapping[str, float], cache: Forward) -> dict[str, float]:
    """The same 20 gradients, each computed on its own with no reuse.

    Each ∂L/∂θ is the sum, over every path from θ to L, of the product of the local
    derivatives along the path, all recomputed from the forward values. Equal to
    :func:`backward`, but with many more multiplications (see :func:`count_multiplications`).
    """
    if not isinstance(cache, Forward):
        raise TypeError(f"cache must be the Forward that forward() returned, "
                        f"got {type(cache).__name__}")
    return _naive(check_params(params), cache)


def _product(factors: Iterable[Any]) -> Any:
    factors = iter(factors)
    result = next(factors)
    for factor in factors:
        result = result * factor
    return result


def _naive(p: Mapping[str, Any], f: Forward) -> dict[str, Any]:
    def top() -> list[Any]:  # ∂L/∂y and ∂y/∂z^(3), recomputed on every call
        return [f.y - f.t, f.y * (1 - f.y)]

    def via_layer2(i: int) -> list[Any]:  # ∂z^(3)/∂h_i^(2) and ∂h_i^(2)/∂z_i^(2)
        return [p[f"v_{i}"], f.h2[i - 1] * (1 - f.h2[i - 1])]

    def via_layer1(i: int, j: int) -> list[Any]:  # ∂z_i^(2)/∂h_j^(1), ∂h_j^(1)/∂z_j^(1)
        return [p[f"w_{i}{j}^(2)"], f.h1[j - 1] * (1 - f.h1[j - 1])]

    grads: dict[str, Any] = {"b^(3)": _product(top())}
    for i in (1, 2):
        grads[f"v_{i}"] = _product([*top(), f.h2[i - 1]])
        grads[f"b_{i}^(2)"] = _product([*top(), *via_layer2(i)])
        for j in (1, 2, 3):
            grads[f"w_{i}{j}^(2)"] = _product([*top(), *via_layer2(i), f.h1[j - 1]])
    for j in (1, 2, 3):
        grads[f"b_{j}^(1)"] = sum(_product([*top(), *via_layer2(i), *via_layer1(i, j)])
                                  for i in (1, 2))
        for k in (1, 2):
            grads[f"w_{j}{k}^(1)"] = sum(
                _product([*top(), *via_layer2(i), *via_layer1(i, j), f.x[k - 1]]) for i in (1, 2)
            )
    return {name: grads[name] for name in PARAMETER_NAMES}


class _Counted:
    """A float that counts the multiplications made with it (in a shared list)."""

    def __init__(self, value: float, tally: list[int]) -> None:
        self.value, self.tally = value, tally

    def _wrap(self, value: float) -> _Counted:
        return _Counted(value, self.tally)

    @staticmethod
    def _value(other: Any) -> float:
        return other.value if isinstance(other, _Counted) else other

    def __mul__(self, other: Any) -> _Counted:
        self.tally[0] += 1
        return self._wrap(self.value * self._value(other))

    __rmul__ = __mul__

    def __add__(self, other: Any) -> _Counted:
        return self._wrap(self.value + self._value(other))

    __radd__ = __add__

    def __sub__(self, other: Any) -> _Counted:
        return self._wrap(self.value - self._value(other))

    def __rsub__(self, other: Any) -> _Counted:
        return self._wrap(self._value(other) - self.value)


def count_multiplications(
    method: str, params: Mapping[str, float] = REFERENCE_PARAMS,
    x: Sequence[float] = REFERENCE_X, t: float = REFERENCE_T,
) -> int:
    """Multiplications one gradient method makes, given the forward values.

    ``method`` is ``"backprop"`` (:func:`backward`) or ``"naive"`` (:func:`naive_gradients`).
    Both are run on numbers that count every ``*``; the forward pass is not counted.
    """
    methods = {"backprop": _backward, "naive": _naive}
    if method not in methods:
        raise ValueError(f"method must be one of {sorted(methods)}, got {method!r}")
    f = forward(params, x, t)
    tally = [0]

    def c(value: float) -> _Counted:
        return _Counted(value, tally)

    counted = Forward(
        tuple(map(c, f.x)), tuple(map(c, f.z1)), tuple(map(c, f.h1)), tuple(map(c, f.z2)),
        tuple(map(c, f.h2)), c(f.z3), c(f.y), c(f.t), c(f.L),
    )
    methods[method]({name: c(v) for name, v in check_params(params).items()}, counted)
    return tally[0]


def random_point(
    seed: int, scale: float = 1.5
) -> tuple[dict[str, float], tuple[float, float], float]:
    """Random ``(params, x, t)``: parameters and inputs uniform in ±``scale``, ``t`` in [0, 1]."""
    rng = random.Random(seed)
    params = {name: rng.uniform(-scale, scale) for name in PARAMETER_NAMES}
    x = (rng.uniform(-scale, scale), rng.uniform(-scale, scale))
    return params, x, rng.uniform(0.0, 1.0)


# --- input checks ------------------------------------------------------------------------

def check_params(params: Any) -> dict[str, float]:
    """The 20 parameters as ``{name: float}``; a clear error for a missing/unknown name."""
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a dict of the 20 parameters by name, "
                        f"got {type(params).__name__}")
    missing = [name for name in PARAMETER_NAMES if name not in params]
    unknown = [name for name in params if name not in PARAMETER_NAMES]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing {missing}")
        if unknown:
            parts.append(f"unknown {unknown}")
        raise ValueError(f"params must have exactly the 20 names of PARAMETER_NAMES: "
                         f"{'; '.join(parts)}")
    return {name: finite_float(params[name], f"params[{name!r}]") for name in PARAMETER_NAMES}


def check_input(x: Any) -> tuple[float, float]:
    """The input as ``(x_1, x_2)`` floats; a clear error for a wrong length or non-finite value."""
    if isinstance(x, (str, bytes)) or not isinstance(x, Iterable):
        raise TypeError(f"x must be a pair of numbers (x_1, x_2), got {type(x).__name__}")
    values = list(x)
    if len(values) != 2:
        raise ValueError(f"x must have exactly 2 inputs (x_1, x_2), got {len(values)}")
    return (finite_float(values[0], "x_1"), finite_float(values[1], "x_2"))


# --- the same network in sympy -----------------------------------------------------------

@dataclass(frozen=True)
class SymbolicNetwork:
    """The network as sympy expressions of the inputs, the target and the 20 parameters.

    ``symbols`` maps every name (the 20 parameters, ``"x_1"``, ``"x_2"``, ``"t"``) to its
    Symbol; ``z1``/``h1`` (3,), ``z2``/``h2`` (2,), ``z3``, ``y`` are the forward
    expressions, each written out down to the inputs; ``loss`` is L fully expanded.
    """

    symbols: dict[str, sp.Symbol]
    z1: tuple[sp.Expr, ...]
    h1: tuple[sp.Expr, ...]
    z2: tuple[sp.Expr, ...]
    h2: tuple[sp.Expr, ...]
    z3: sp.Expr
    y: sp.Expr
    loss: sp.Expr

    @property
    def params(self) -> tuple[sp.Symbol, ...]:
        """The 20 parameter Symbols in :data:`PARAMETER_NAMES` order."""
        return tuple(self.symbols[name] for name in PARAMETER_NAMES)

    @property
    def arguments(self) -> tuple[sp.Symbol, ...]:
        """The Symbols the numeric versions take: x_1, x_2, t, then the 20 parameters."""
        return (self.symbols["x_1"], self.symbols["x_2"], self.symbols["t"], *self.params)


def sympy_sigmoid(z: Any) -> sp.Expr:
    """σ(z) = 1 / (1 + e^(−z)) as a sympy expression."""
    import sympy as sp

    return 1 / (1 + sp.exp(-z))


@functools.cache
def build_symbolic() -> SymbolicNetwork:
    """The network in sympy (built once and cached)."""
    import sympy as sp

    names = (*PARAMETER_NAMES, *INPUT_NAMES, "t")
    symbols = {name: sp.Symbol(name, real=True) for name in names}
    x = (symbols["x_1"], symbols["x_2"])
    f = _forward(symbols, x, symbols["t"], sympy_sigmoid)
    return SymbolicNetwork(symbols, f.z1, f.h1, f.z2, f.h2, f.z3, f.y, f.L)


@functools.cache
def sympy_gradient_expressions() -> dict[str, sp.Expr]:
    """``sympy.diff`` of the expanded loss by each of the 20 parameters (cached)."""
    import sympy as sp

    net = build_symbolic()
    return {name: sp.diff(net.loss, net.symbols[name]) for name in PARAMETER_NAMES}


@functools.cache
def _lambdified() -> tuple[Callable, Callable]:
    import sympy as sp

    net = build_symbolic()
    grads = sympy_gradient_expressions()
    loss = sp.lambdify(net.arguments, net.loss, modules="math")
    grad = sp.lambdify(net.arguments, [grads[name] for name in PARAMETER_NAMES],
                       modules="math", cse=True)
    return loss, grad


def _numeric_arguments(params: Any, x: Any, t: Any) -> list[float]:
    return [*check_input(x), finite_float(t, "t"), *check_params(params).values()]


def sympy_loss(params: Mapping[str, float], x: Sequence[float], t: float) -> float:
    """The lambdified expanded loss L at ``(params, x (2,), t)``."""
    loss, _ = _lambdified()
    return float(loss(*_numeric_arguments(params, x, t)))


def sympy_gradients(params: Mapping[str, float], x: Sequence[float], t: float) -> dict[str, float]:
    """The lambdified ``sympy.diff`` of the expanded loss: the 20 gradients by name."""
    _, grad = _lambdified()
    values = grad(*_numeric_arguments(params, x, t))
    return {name: float(v) for name, v in zip(PARAMETER_NAMES, values, strict=True)}
