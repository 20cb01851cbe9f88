"""Checks of hand-derived derivatives against sympy.

``check_derivative(hand, expr, x)`` asks sympy whether ``hand == d expr / dx``. It
returns a :class:`Verdict` that prints as one line and is truthy only when they agree,
so a notebook can write ``assert check_derivative(...)``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy as sp

from bp_helpers.messages import t


@dataclass(frozen=True)
class Verdict:
    """The outcome of a symbolic check: ``ok``, a label, and the leftover difference.

    ``kind`` is what was checked: ``"derivative"`` (a hand derivation against
    ``sympy.diff``) or ``"identity"`` (two expressions); it prints in the notebook's language.
    """

    ok: bool
    label: str
    difference: sp.Expr
    kind: str = "derivative"

    def __post_init__(self) -> None:
        if self.kind not in ("derivative", "identity"):
            raise ValueError(f"kind must be 'derivative' or 'identity', got {self.kind!r}")

    def __bool__(self) -> bool:
        return self.ok

    @property
    def claim(self) -> str:
        """What a ✓ says was confirmed, in the notebook's language."""
        if self.kind == "identity":
            return t("core.identity_claim")
        return t("core.derivative_claim")

    def __str__(self) -> str:
        if self.ok:
            return t("core.verdict_ok", label=self.label, claim=self.claim)
        return t("core.verdict_wrong", label=self.label, difference=self.difference)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def _as_expr(value: Any, name: str) -> sp.Expr:
    try:
        expr = sp.sympify(value)
    except (sp.SympifyError, TypeError) as exc:
        raise TypeError(f"{name} must be a sympy expression or number, got {value!r}") from exc
    if not isinstance(expr, sp.Expr) or getattr(expr, "is_Matrix", False):
        raise TypeError(f"{name} must be a sympy expression, got {type(expr).__name__}")
    return expr


def _as_symbols(wrt: Any) -> tuple[sp.Symbol, ...]:
    symbols = tuple(wrt) if isinstance(wrt, (tuple, list)) else (wrt,)
    if not symbols:
        raise ValueError("wrt must name at least one sympy Symbol")
    for s in symbols:
        if not isinstance(s, sp.Symbol):
            raise TypeError(f"wrt must be a sympy Symbol (or a tuple of them), got {s!r}")
    return symbols


def is_zero(expr: sp.Expr, samples: int = 8, seed: int = 0) -> bool:
    """True when ``expr`` is identically zero.

    ``simplify`` decides most cases; when it cannot, ``expr`` is evaluated at ``samples``
    random points and must vanish at each (to 1e-9), which rules out a non-zero result.
    """
    expr = _as_expr(expr, "expr")
    if expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False  # undefined or infinite is never "identically zero"
    if sp.simplify(expr) == 0:
        return True
    free = sorted(expr.free_symbols, key=str)
    rng = random.Random(seed)
    for _ in range(samples):
        point = {s: sp.Float(rng.uniform(-1.5, 1.5)) for s in free}
        value = complex(sp.N(expr.subs(point)))
        if abs(value) > 1e-9:
            return False
    return True


def check_derivative(hand: Any, expr: Any, wrt: Any, label: str | None = None) -> Verdict:
    """Compare a hand-derived derivative with ``sympy.diff(expr, *wrt)``.

    ``wrt`` is a Symbol, or a tuple of Symbols for a higher/mixed derivative. ``label``
    names the check in the printed verdict (default ``"d/dx"``).
    """
    hand_expr, original = _as_expr(hand, "hand"), _as_expr(expr, "expr")
    symbols = _as_symbols(wrt)
    difference = sp.simplify(hand_expr - sp.diff(original, *symbols))
    if label is None:
        label = "d/d" + "d".join(str(s) for s in symbols)
    return Verdict(ok=is_zero(difference), label=label, difference=difference)


def check_equal(left: Any, right: Any, label: str | None = None) -> Verdict:
    """Compare two sympy expressions for identity (e.g. two forms of the same result).

    ``label`` names the check in the printed verdict (default: "expressions", in the
    notebook's language).
    """
    if label is None:
        label = t("core.expressions")
    difference = sp.simplify(_as_expr(left, "left") - _as_expr(right, "right"))
    return Verdict(is_zero(difference), label, difference, kind="identity")
