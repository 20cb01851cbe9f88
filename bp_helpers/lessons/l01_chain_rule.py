"""Notebook 01, The chain rule: tangents and secants, chains, two paths, and the exercises.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, NullLocator

from bp_helpers._validate import finite_array, finite_float, positive_float
from bp_helpers.nn.activations import sigmoid
from bp_helpers.ui.checks import (
    check_array,
    check_expression,
    check_function,
    check_number,
    is_unanswered,
    report,
)
from bp_helpers.ui.explore import Choice, Explorer, FloatRange, LogRange
from bp_helpers.ui.style import COLORS, View, fresh_figure, label_axes

# Re-exported for the notebook, which imports only its lesson and the core.
from bp_helpers.ui.style import use_course_style as use_course_style

Array = np.ndarray


def _sparse_log_ticks(axis: Axis, numticks: int) -> None:
    """At most ``numticks`` labelled decades and no minor ticks: quicker to lay out."""
    axis.set_major_locator(LogLocator(base=10.0, numticks=numticks))
    axis.set_minor_locator(NullLocator())


#: Smallest error drawn on log axes: an error that rounds to exactly 0 is shown here.
ERROR_FLOOR = 1e-17


def difference_errors(x: float, h: float | Array) -> tuple[Array, Array]:
    """Absolute errors of the forward and central differences of ``sin`` at ``x``.

    ``h`` is a step or an array of steps (shape ``S``); returns two arrays of shape ``S``:
    ``|(f(x+h) − f(x))/h − f'(x)|`` and ``|(f(x+h) − f(x−h))/(2h) − f'(x)|``.
    """
    x = finite_float(x, "x")
    h = finite_array(h, "h")
    if np.any(h <= 0):
        raise ValueError("every step h must be > 0")
    exact = math.cos(x)
    forward = (np.sin(x + h) - math.sin(x)) / h
    central = (np.sin(x + h) - np.sin(x - h)) / (2 * h)
    return np.abs(forward - exact), np.abs(central - exact)


def tangent_and_secants(x: float = 1.0, h: float = 0.5, *, fig: Figure | None = None) -> View:
    """The tangent of ``sin`` at ``x``, the forward and central secants, and error vs ``h``."""
    x, h = finite_float(x, "x"), positive_float(h, "h")
    fig, axes = fresh_figure(fig, 1, 2, figsize=(9.5, 3.8))
    ax_f, ax_err = axes[0]

    slope = math.cos(x)
    forward = (math.sin(x + h) - math.sin(x)) / h
    central = (math.sin(x + h) - math.sin(x - h)) / (2 * h)
    grid = np.linspace(-4.5, 4.5, 300)
    near = np.linspace(x - 1.5, x + 1.5, 2)
    ax_f.plot(grid, np.sin(grid), color=COLORS["function"], label="f(x) = sin x")
    ax_f.plot(near, math.sin(x) + slope * (near - x), color=COLORS["tangent"],
              label=f"tangent, slope {slope:.3f}")
    ax_f.plot(near, math.sin(x) + forward * (near - x), color=COLORS["secant"], ls="--",
              label=f"forward secant, slope {forward:.3f}")
    ax_f.plot(near, math.sin(x) + central * (near - x), color=COLORS["highlight"], ls=":",
              label=f"central secant, slope {central:.3f}")
    points = np.array([x - h, x, x + h])
    ax_f.plot(points, np.sin(points), "o", color="black", ms=4)
    ax_f.set_xlim(-4.5, 4.5)
    ax_f.set_ylim(-2.2, 2.2)
    label_axes(ax_f, f"slopes at x = {x:.2f}, h = {h:.2g}", "x", "f(x)")
    ax_f.legend(loc="lower right", fontsize=8)

    hs = np.logspace(-13, 0, 131)
    err_forward, err_central = difference_errors(x, hs)
    ax_err.loglog(hs, np.maximum(err_forward, ERROR_FLOOR), color=COLORS["secant"],
                  label="forward difference")
    ax_err.loglog(hs, np.maximum(err_central, ERROR_FLOOR), color=COLORS["highlight"],
                  label="central difference")
    ax_err.axvline(h, color=COLORS["neutral"], ls="--", lw=1, label=f"h = {h:.2g}")
    ax_err.set_ylim(ERROR_FLOOR, 10.0)
    _sparse_log_ticks(ax_err.xaxis, 5)
    _sparse_log_ticks(ax_err.yaxis, 5)
    label_axes(ax_err, "error of the slope estimate", "step h", "|estimate − f'(x)|")
    ax_err.legend(loc="lower left", fontsize=8)

    now_forward, now_central = (float(e) for e in difference_errors(x, h))
    text = (
        f"x = {x:.2f}, h = {h:.3g}: f'(x) = cos x = {slope:.6f}\n"
        f"forward difference {forward:.6f} (error {now_forward:.1e}), "
        f"central difference {central:.6f} (error {now_central:.1e})"
    )
    return View(fig, text)


TANGENT = Explorer(tangent_and_secants, {"x": FloatRange(-3, 3, 0.05), "h": LogRange(-12, 0, 0.1)})


@dataclass(frozen=True)
class Composition:
    """``y = f(g(x))`` with both derivatives, for drawing (callables act elementwise)."""

    g: Callable[[Array], Array]
    dg: Callable[[Array], Array]
    f: Callable[[Array], Array]
    df: Callable[[Array], Array]
    inner: str
    outer: str
    outer_slope: str


COMPOSITIONS: dict[str, Composition] = {
    "sin(x²)": Composition(
        g=np.square, dg=lambda x: 2 * x, f=np.sin, df=np.cos,
        inner="u = x²", outer="y = sin u", outer_slope="cos u",
    ),
    "σ(3x − 1)": Composition(
        g=lambda x: 3 * x - 1, dg=lambda x: np.full_like(x, 3.0), f=sigmoid,
        df=lambda u: sigmoid(u) * (1 - sigmoid(u)),
        inner="u = 3x − 1", outer="y = σ(u)", outer_slope="σ(u)(1 − σ(u))",
    ),
    "exp(sin x)": Composition(
        g=np.sin, dg=np.cos, f=np.exp, df=np.exp,
        inner="u = sin x", outer="y = eᵘ", outer_slope="eᵘ",
    ),
}


def _tangent(ax: Axes, at: float, value: float, slope: float, width: float,
             label: str | None = None) -> None:
    span = np.array([at - width, at + width])
    ax.plot(span, value + slope * (span - at), color=COLORS["tangent"], lw=1.5,
            label=label or f"tangent, slope {slope:.3f}")
    ax.plot([at], [value], "o", color="black", ms=5)


def chain_factors(
    x: float = 0.8, composition: str = "sin(x²)", *, fig: Figure | None = None
) -> View:
    """Three panels: ``u = g(x)``, ``y = f(u)`` and ``y = f(g(x))``, each with its tangent."""
    x = finite_float(x, "x")
    if composition not in COMPOSITIONS:
        raise ValueError(f"composition must be one of {list(COMPOSITIONS)}, got {composition!r}")
    c = COMPOSITIONS[composition]
    xs = np.array(x)
    u = float(c.g(xs))
    du_dx, dy_du = float(c.dg(xs)), float(c.df(np.array(u)))
    y = float(c.f(np.array(u)))
    dy_dx = du_dx * dy_du
    h = 1e-5
    numeric = float((c.f(c.g(xs + h)) - c.f(c.g(xs - h))) / (2 * h))

    fig, axes = fresh_figure(fig, 1, 3, figsize=(10.5, 3.4))
    ax_g, ax_f, ax_fg = axes[0]
    x_grid = np.linspace(-2.0, 2.0, 300)
    u_grid = c.g(x_grid)
    u_lo, u_hi = float(u_grid.min()), float(u_grid.max())
    pad = 0.1 * (u_hi - u_lo)
    u_plot = np.linspace(u_lo - pad, u_hi + pad, 300)

    ax_g.plot(x_grid, u_grid, color=COLORS["function"])
    _tangent(ax_g, x, u, du_dx, 0.5)
    label_axes(ax_g, f"inner: {c.inner}", "x", "u")
    ax_f.plot(u_plot, c.f(u_plot), color=COLORS["function"])
    _tangent(ax_f, u, y, dy_du, 0.25 * (u_hi - u_lo + 2 * pad))
    label_axes(ax_f, f"outer: {c.outer}", "u", "y")
    ax_fg.plot(x_grid, c.f(u_grid), color=COLORS["function"])
    _tangent(ax_fg, x, y, dy_dx, 0.4, label=f"slope {du_dx:.3f} × {dy_du:.3f} = {dy_dx:.3f}")
    label_axes(ax_fg, f"composition: y = {composition}", "x", "y")
    for ax in (ax_g, ax_f, ax_fg):
        ax.legend(loc="best")

    text = (
        f"x = {x:.2f}: {c.inner} = {u:.4f}, du/dx = {du_dx:.4f}; "
        f"dy/du = {c.outer_slope} = {dy_du:.4f}\n"
        f"dy/dx = du/dx · dy/du = {du_dx:.4f} × {dy_du:.4f} = {dy_dx:.4f} "
        f"(central difference {numeric:.4f})"
    )
    return View(fig, text)


CHAIN = Explorer(
    chain_factors, {"x": FloatRange(-2, 2, 0.05), "composition": Choice(tuple(COMPOSITIONS))}
)


def _node(ax: Axes, xy: tuple[float, float], name: str, value: float) -> None:
    ax.text(*xy, f"{name}\n{value:.3f}", ha="center", va="center", fontsize=11,
            bbox={"boxstyle": "circle,pad=0.45", "fc": "white", "ec": COLORS["function"],
                  "lw": 1.5})


def _edge(ax: Axes, start: tuple[float, float], end: tuple[float, float], label: str,
          color: str, offset: tuple[float, float]) -> None:
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2,
                            "shrinkA": 24, "shrinkB": 24})
    middle = ((start[0] + end[0]) / 2 + offset[0], (start[1] + end[1]) / 2 + offset[1])
    ax.text(*middle, label, ha="center", va="center", fontsize=10, color=color)


def two_paths(x: float = 0.7, *, fig: Figure | None = None) -> View:
    """``z = u·v``, ``u = x²``, ``v = sin x``: the graph with each edge's local derivative."""
    x = finite_float(x, "x")
    u, v = x * x, math.sin(x)
    du_dx, dv_dx = 2 * x, math.cos(x)
    dz_du, dz_dv = v, u
    path_u, path_v = dz_du * du_dx, dz_dv * dv_dx
    dz_dx = path_u + path_v

    fig, axes = fresh_figure(fig, 1, 2, figsize=(10.0, 3.8))
    ax_graph, ax_z = axes[0]
    ax_graph.set_xlim(-0.2, 3.2)
    ax_graph.set_ylim(-1.3, 1.3)
    ax_graph.axis("off")
    at = {"x": (0.0, 0.0), "u": (1.5, 0.8), "v": (1.5, -0.8), "z": (3.0, 0.0)}
    c_u, c_v = COLORS["tangent"], COLORS["negative"]
    _edge(ax_graph, at["x"], at["u"], f"∂u/∂x = 2x\n= {du_dx:.3f}", c_u, (-0.35, 0.25))
    _edge(ax_graph, at["u"], at["z"], f"∂z/∂u = v\n= {dz_du:.3f}", c_u, (0.35, 0.25))
    _edge(ax_graph, at["x"], at["v"], f"∂v/∂x = cos x\n= {dv_dx:.3f}", c_v, (-0.35, -0.25))
    _edge(ax_graph, at["v"], at["z"], f"∂z/∂v = u\n= {dz_dv:.3f}", c_v, (0.35, -0.25))
    for name, value in (("x", x), ("u", u), ("v", v), ("z", u * v)):
        _node(ax_graph, at[name], name, value)
    ax_graph.set_title(f"two paths: {path_u:.3f} (via u) + {path_v:.3f} (via v)")

    grid = np.linspace(-3.0, 3.0, 300)
    ax_z.plot(grid, grid**2 * np.sin(grid), color=COLORS["function"], label="z = x² sin x")
    _tangent(ax_z, x, u * v, dz_dx, 0.6)
    label_axes(ax_z, f"dz/dx at x = {x:.2f} is the sum", "x", "z")
    ax_z.legend(loc="upper left")

    text = (
        f"x = {x:.2f}: path via u: ∂z/∂u·∂u/∂x = {dz_du:.4f} × {du_dx:.4f} = {path_u:.4f}; "
        f"path via v: ∂z/∂v·∂v/∂x = {dz_dv:.4f} × {dv_dx:.4f} = {path_v:.4f}\n"
        f"dz/dx = {path_u:.4f} + {path_v:.4f} = {dz_dx:.4f}"
    )
    return View(fig, text)


TWO_PATHS = Explorer(two_paths, {"x": FloatRange(-3, 3, 0.05)})


def check_softplus_derivative(answer: Any) -> bool:
    """dy/dx of ``y = ln(1 + e^(3x))`` as a sympy expression in the symbol ``x``."""
    import sympy as sp

    x = sp.Symbol("x")
    expected = 3 * sp.exp(3 * x) / (1 + sp.exp(3 * x))
    hint = "Outer: d/du ln(u) = 1/u with u = 1 + e^(3x); inner: du/dx = 3·e^(3x). Multiply."
    named_x = _rename_free_symbols(answer, x)
    if named_x is None:
        return report("dy/dx of ln(1 + e^(3x))", False,
                       f"use the sympy symbol x = sp.Symbol('x') and no other symbol. {hint}")
    if isinstance(named_x, sp.Basic) and named_x.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return report("dy/dx of ln(1 + e^(3x))", False, f"your answer is not finite. {hint}")
    return check_expression(named_x, expected, name="dy/dx of ln(1 + e^(3x))", hint=hint)


#: The point of the two-path exercise: ``u = x²``, ``v = sin x``, ``z = u·v + v²``.
TWO_PATH_X = 0.7


def check_two_path_derivative(answer: Any) -> bool:
    """dz/dx at ``x = 0.7`` for ``z = u·v + v²``, ``u = x²``, ``v = sin x`` (a number)."""
    x = TWO_PATH_X
    u, v = x * x, float(np.sin(x))
    via_u = v * 2 * x
    via_v = (u + 2 * v) * float(np.cos(x))
    only = "x reaches z through u and through v: add both products."
    return check_number(
        answer, via_u + via_v, name="dz/dx by two paths",
        traps={via_u: f"that is only the path through u. {only}",
               via_v: f"that is only the path through v. {only}"},
        hint="dz/dx = ∂z/∂u·∂u/∂x + ∂z/∂v·∂v/∂x, with ∂z/∂u = v and ∂z/∂v = u + 2v.",
    )


#: The point of the Jacobian exercise, ``(x1, x2)``.
JACOBIAN_POINT = (2.0, 0.5)


def check_jacobian(answer: Any) -> bool:
    """The 3×2 Jacobian of ``f(x1, x2) = (x1·x2, x1², sin x2)`` at ``(2, 0.5)``."""
    x1, x2 = JACOBIAN_POINT
    expected = np.array([[x2, x1], [2 * x1, 0.0], [0.0, np.cos(x2)]])
    if not is_unanswered(answer):
        try:
            value = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            value = None
        if value is not None and value.shape == (2, 3) and np.allclose(value, expected.T):
            return report("Jacobian", False, "that is the transpose: row i holds the "
                           "derivatives of output f_i, column j those with respect to x_j.")
    return check_array(
        answer, expected, name="Jacobian",
        hint="J[i, j] = ∂f_i/∂x_j: 3 outputs give 3 rows, 2 inputs give 2 columns.",
    )


def check_sigmoid_prime(answer: Any) -> bool:
    """A function ``sigmoid_prime(z)`` for arrays ``z`` of any shape, computing σ'(z)."""

    def reference(z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        s = np.exp(-np.logaddexp(0.0, -z))
        return s * (1 - s)

    inputs = [(np.linspace(-6.0, 6.0, 13),), (np.array([[0.0, 1.0], [-2.0, 30.0]]),)]
    if callable(answer) and _returns_none(answer, inputs[0][0]):
        return report("sigmoid_prime", False, "your function returns None: replace ... "
                       "in its body with code that returns σ'(z).")
    return check_function(
        answer, reference, inputs, name="sigmoid_prime",
        hint="Compute s = σ(z) = 1/(1 + exp(−z)) and return s·(1 − s); it must work on arrays.",
    )


def _as_float(answer: Any) -> float:
    """The answer as a float, or nan if it is not a single number."""
    try:
        return float(answer)
    except (TypeError, ValueError):
        return float("nan")


def _returns_none(func: Any, z: np.ndarray) -> bool:
    """True when ``func(z)`` returns None (an unfinished body); errors count as False."""
    try:
        return func(z.copy()) is None
    except Exception:  # the learner's code: check_function reports the error
        return False


def _rename_free_symbols(answer: Any, x: Any) -> Any:
    """``answer`` with a free symbol named ``x`` replaced by ``x`` (whatever its assumptions).

    Returns ``None`` when ``answer`` has a free symbol with another name; non-sympy
    answers are returned unchanged (the expression checker then reports them).
    """
    import sympy as sp

    if is_unanswered(answer):
        return answer
    try:
        expr = sp.sympify(answer)
    except (sp.SympifyError, TypeError):
        return answer
    if not isinstance(expr, sp.Expr):
        return answer
    free = expr.free_symbols
    if any(s.name != x.name for s in free):
        return None
    return expr.subs({s: x for s in free})
