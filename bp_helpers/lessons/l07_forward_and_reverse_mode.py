"""Notebook 07, Forward and reverse mode: the cost of each mode and the exercises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import NullLocator

from bp_helpers._validate import finite_array
from bp_helpers.dual import Dual
from bp_helpers.hvp import grad_and_hvp, hessian, hvp
from bp_helpers.messages import t
from bp_helpers.ui.checks import (
    NOT_ANSWERED,
    call_with_time_limit,
    check_array,
    function_ready,
    report,
    too_slow,
)

# verify and use_course_style are re-exported for the notebook (it imports only its lesson).
from bp_helpers.ui.checks import verify as verify
from bp_helpers.ui.explore import Explorer, IntRange
from bp_helpers.ui.palette import COLORS
from bp_helpers.ui.style import (
    View,
    dynamic,
    figure_state,
    fresh_figure,
    ft,
    in_course_style,
    label_axes,
    legend_outside,
)
from bp_helpers.ui.style import set_language as set_language
from bp_helpers.ui.style import use_course_style as use_course_style

#: The sliders' largest size: the Jacobian panels are drawn to scale in this frame.
N_MAX = 64
_PASS_TICKS = (1, 4, 16, 64)


def passes_for_jacobian(n_inputs: int, n_outputs: int) -> tuple[int, int]:
    """``(forward, reverse)``: the passes each mode needs for an ``m × n`` Jacobian.

    Forward mode gets one column per pass, so ``n``; reverse mode one row, so ``m``.
    """
    for value, name in ((n_inputs, "n_inputs"), (n_outputs, "n_outputs")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return int(n_inputs), int(n_outputs)


def _build_modes(fig: Figure) -> dict[str, Any]:
    """The static parts of :func:`mode_costs`, drawn once; returns the moving artists."""
    axes = fig.subplots(1, 3)
    artists: dict[str, Any] = {}
    for key, ax, color, what in (
        ("fwd", axes[0], COLORS["forward"], ft("l07.forward_panel")),
        ("rev", axes[1], COLORS["backward"], ft("l07.reverse_panel")),
    ):
        # the Jacobian (pale, outlined) and the column or row one pass computes (filled)
        artists[f"{key}_border"] = dynamic(ax.add_patch(Rectangle(
            (0.5, 0.5), 1, 1, facecolor=to_rgba(COLORS["neutral"], 0.3),
            edgecolor=COLORS["ink"], linewidth=1.0)))
        artists[f"{key}_mark"] = dynamic(ax.add_patch(Rectangle(
            (0.5, 0.5), 1, 1, facecolor=color, edgecolor=color, linewidth=1.5)))
        ax.set_xlim(0.5, N_MAX + 0.5)
        ax.set_ylim(N_MAX + 0.5, 0.5)  # row 1 at the top, as in a matrix
        ax.set_aspect("equal")
        ax.set_xticks([1, N_MAX // 2, N_MAX])
        ax.set_yticks([1, N_MAX // 2, N_MAX])
        ax.grid(False)
        for spine in ax.spines.values():  # the frame: the largest Jacobian the sliders allow
            spine.set_visible(True)
            spine.set_color(COLORS["neutral"])
        label_axes(ax, what, ft("l07.input_j"), ft("l07.output_i"))
    ax_cost = axes[2]
    bars = ax_cost.bar([0, 1], [0.5, 0.5], bottom=0.5, width=0.6,
                       color=[COLORS["forward"], COLORS["backward"]])
    bars[1].set_hatch("//")
    artists["bars"] = [dynamic(bar) for bar in bars]
    artists["labels"] = [dynamic(ax_cost.text(i, 1.0, "", ha="center", va="bottom",
                                              fontsize=11)) for i in (0, 1)]
    ax_cost.set_yscale("log")
    ax_cost.set_ylim(0.5, 2.0 * N_MAX)
    ax_cost.set_yticks(_PASS_TICKS, [str(tick) for tick in _PASS_TICKS])
    ax_cost.minorticks_off()
    ax_cost.set_xlim(-0.6, 1.6)
    ax_cost.set_xticks([0, 1], [ft("l07.forward_mode"), ft("l07.reverse_mode")])
    label_axes(ax_cost, ft("l07.cost_title"), ft("l07.cost_x"), ft("l07.cost_y"))
    return artists


def mode_costs(n_inputs: int = 48, n_outputs: int = 16, *, fig: Figure | None = None) -> View:
    """The ``m × n`` Jacobian of ``f: R^n → R^m`` with the column one forward pass computes,
    the row one reverse pass computes, and the passes each mode needs for all of it.

    The Jacobian panels are drawn to scale in a fixed ``N_MAX × N_MAX`` frame and the bars
    on a fixed log axis, so a slider move changes only the data.
    """
    forward, reverse = passes_for_jacobian(n_inputs, n_outputs)
    if max(forward, reverse) > N_MAX:
        raise ValueError(f"n_inputs and n_outputs must be at most {N_MAX}, "
                         f"got {n_inputs} and {n_outputs}")
    fig, artists = figure_state(fig, _build_modes, figsize=(9.5, 3.4))
    for key, column in (("fwd", True), ("rev", False)):
        artists[f"{key}_border"].set_width(n_inputs)
        artists[f"{key}_border"].set_height(n_outputs)
        mark = artists[f"{key}_mark"]
        mark.set_width(1 if column else n_inputs)
        mark.set_height(n_outputs if column else 1)
    for bar, text, passes in zip(artists["bars"], artists["labels"], (forward, reverse),
                                 strict=True):
        bar.set_height(passes - 0.5)
        text.set_position((bar.get_x() + bar.get_width() / 2, passes * 1.08))
        text.set_text(f"{passes}")

    if forward == reverse:
        verdict = t("l07.verdict_same")
    elif reverse < forward:
        verdict = t("l07.verdict_reverse", ratio=forward / reverse)
    else:
        verdict = t("l07.verdict_forward", ratio=reverse / forward)
    text = "\n".join([
        t("l07.modes_shape", n_inputs=n_inputs, n_outputs=n_outputs, frame=N_MAX),
        t("l07.modes_forward", passes=forward),
        t("l07.modes_reverse", passes=reverse),
        t("l07.modes_verdict", verdict=verdict),
    ])
    return View(fig, text)


MODES = Explorer(mode_costs, {"n_inputs": IntRange(1, N_MAX), "n_outputs": IntRange(1, N_MAX)})


def _timings(timings: Any, name: str, n_sizes: int) -> dict[str, np.ndarray]:
    """``timings`` as ``{"forward": (S,), "reverse": (S,)}`` arrays of positive seconds."""
    if not isinstance(timings, Mapping):
        raise TypeError(f"{name} must be a dict with the keys 'forward' and 'reverse', got "
                        f"{type(timings).__name__}")
    if set(timings) != {"forward", "reverse"}:
        raise ValueError(f"{name} must have the keys 'forward' and 'reverse', got "
                         f"{sorted(map(str, timings))}")
    out = {mode: finite_array(timings[mode], f"{name}[{mode!r}]", ndim=1)
           for mode in ("forward", "reverse")}
    for mode, seconds in out.items():
        if seconds.size != n_sizes or not np.all(seconds > 0):
            raise ValueError(f"{name}[{mode!r}] must hold one positive time per size "
                             f"({n_sizes}), got {seconds.size} values")
    return out


def _growth(sizes: np.ndarray, seconds: np.ndarray, start: int) -> float:
    """The slope p of log(time) against log(size) from ``sizes[start]`` on: time ∝ size^p."""
    return float(np.polyfit(np.log(sizes[start:]), np.log(seconds[start:]), 1)[0])


def plot_mode_timings(
    sizes: Sequence[int],
    many_in: Mapping[str, Sequence[float]],
    many_out: Mapping[str, Sequence[float]],
) -> View:
    """Measured time of forward mode (``Dual``) and reverse mode (``Value``), log-log: left
    a gradient of ``n`` inputs (``many_in``), right the derivatives of ``m`` outputs of one
    input (``many_out``).

    ``sizes``: (S,) increasing integers ≥ 1, S ≥ 2; ``many_in``, ``many_out``:
    ``{"forward": (S,), "reverse": (S,)}`` times in seconds, one per size. The text gives
    the times at the largest size and each curve's growth ``size^p`` (a straight-line fit
    over the larger half of the sizes): timings, so they differ from run to run.
    """
    size_array = finite_array(sizes, "sizes", ndim=1)
    if (size_array.size < 2 or not np.all(size_array >= 1)
            or not np.all(size_array == np.round(size_array))
            or not np.all(np.diff(size_array) > 0)):
        raise ValueError(f"sizes must be at least 2 increasing integers >= 1, got {sizes!r:.80}")
    panels = (("in", _timings(many_in, "many_in", size_array.size)),
              ("out", _timings(many_out, "many_out", size_array.size)))
    with in_course_style():
        fig, axes = fresh_figure(None, 1, 2, figsize=(11.0, 3.8))
        titles = {"in": (ft("l07.timing_in_title"), ft("l07.timing_in_x")),
                  "out": (ft("l07.timing_out_title"), ft("l07.timing_out_x"))}
        for ax, (panel, timings) in zip(axes[0], panels, strict=True):
            ax.loglog(size_array, timings["forward"] * 1e3, "o-", color=COLORS["forward"],
                      label=ft("l07.timing_forward"))
            ax.loglog(size_array, timings["reverse"] * 1e3, "s-", color=COLORS["backward"],
                      label=ft("l07.timing_reverse"))
            label_axes(ax, *titles[panel], ft("l07.timing_y"))
            ax.set_xticks(size_array, [f"{size:g}" for size in size_array])  # the sizes run
            ax.xaxis.set_minor_locator(NullLocator())
        legend_outside(axes[0, 1])
    start = min(size_array.size // 2, size_array.size - 2)
    fields = {}
    for panel, timings in panels:
        fields[panel] = {
            "size": int(size_array[-1]), "start": int(size_array[start]),
            "forward": 1e3 * timings["forward"][-1], "reverse": 1e3 * timings["reverse"][-1],
            "forward_power": _growth(size_array, timings["forward"], start),
            "reverse_power": _growth(size_array, timings["reverse"], start),
        }
    many_in_line = t("l07.timing_in_text", **fields["in"],
                     ratio=fields["in"]["forward"] / fields["in"]["reverse"])
    many_out_line = t("l07.timing_out_text", **fields["out"],
                      ratio=fields["out"]["reverse"] / fields["out"]["forward"])
    return View(fig, "\n".join([t("l07.timing_header"), many_in_line, many_out_line]))


def _as_pair(answer: Any) -> Any:
    """A ``Dual`` as its ``(value, tangent)`` pair; anything else unchanged."""
    if isinstance(answer, Dual):
        return (answer.value, answer.tangent)
    return answer


def check_dual_product(answer: Any) -> bool:
    """``(value, tangent)`` of ``(3 + 2ε)·(4 − ε)``: a pair of numbers, or the ``Dual`` itself."""
    if isinstance(answer, Dual):
        answer = (answer.value, answer.tangent)
    return check_array(
        answer, np.array([12.0, 5.0]), name=t("l07.dual_product_name"),
        traps=[([12.0, -2.0], t("l07.dual_product_trap"))],
        hint=t("l07.dual_product_hint"),
    )


def check_passes(answer: Any) -> bool:
    """Passes for the full Jacobian of ``f: R^1000 → R^10``: ``(forward, reverse)``, exact
    whole numbers."""
    return check_array(
        answer, np.array(passes_for_jacobian(1000, 10)), name=t("l07.passes_name"),
        integer=True,
        traps=[(passes_for_jacobian(1000, 10)[::-1], t("l07.passes_swapped"))],
        hint=t("l07.passes_hint"),
    )


def vjp_exercise() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The arrays of the VJP exercise: ``W``: (2, 3), ``x``: (3,), ``u``: (2,).

    The function is ``f(x) = tanh(W @ x)``, from R³ to R².
    """
    W = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.5]])
    x = np.array([0.2, -0.4, 0.6])
    u = np.array([1.0, -2.0])
    return W, x, u


def check_vjp(answer: Any) -> bool:
    """``uᵀJ`` of ``f(x) = tanh(W @ x)`` at the point of :func:`vjp_exercise`: shape (3,)."""
    W, x, u = vjp_exercise()
    s = 1.0 - np.tanh(W @ x) ** 2
    return check_array(
        answer, W.T @ (u * s), name="VJP",
        traps=[(W.T @ u, t("l07.vjp_trap"))],
        hint=t("l07.vjp_hint"),
    )


def check_accumulation_weights(answer: Any) -> bool:
    """Weights of the micro-batch gradients for sizes (50, 30, 20): shape (3,)."""
    return check_array(
        answer, np.array([0.5, 0.3, 0.2]), name=t("l07.weights_name"),
        traps=[([1 / 3, 1 / 3, 1 / 3], t("l07.weights_plain_average")),
               ([50.0, 30.0, 20.0], t("l07.weights_sizes"))],
        hint=t("l07.weights_hint"),
    )


def check_dual_sin(answer: Any) -> bool:
    """A function ``dual_sin(x: Dual) -> Dual`` with value ``sin a`` and tangent ``cos a · ȧ``."""
    name = t("l07.dual_sin_name")
    hint = t("l07.dual_sin_hint")
    if not function_ready(answer, name=name, hint=hint):
        return False
    for a, a_dot in [(0.3, 1.0), (-2.0, 0.5), (4.0, -3.0)]:
        try:
            finished, out = call_with_time_limit(answer, Dual(a, a_dot))
        except Exception as exc:  # the learner's code: report, never raise
            return report(name, False, t("l07.raised", error=type(exc).__name__, message=exc,
                                         hint=hint))
        if not finished:
            return report(name, False, too_slow(f"dual_sin(Dual({a}, {a_dot}))"))
        if out is None:
            return report(name, False, t("l07.returns_none", not_answered=NOT_ANSWERED))
        if not isinstance(out, Dual):
            return report(name, False, t("l07.not_a_dual", kind=type(out).__name__, hint=hint))
        if not math.isclose(out.value, math.sin(a), rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, t("l07.dual_sin_value", a=a, hint=hint))
        if math.isclose(out.tangent, math.cos(a), rel_tol=1e-9) and a_dot != 1.0:
            return report(name, False, t("l07.dual_sin_seed"))
        if not math.isclose(out.tangent, math.cos(a) * a_dot, rel_tol=1e-9, abs_tol=1e-12):
            return report(name, False, t("l07.dual_sin_tangent", a=a, a_dot=a_dot, hint=hint))
    return report(name, True, "")


#: The HVP exercise: f(x₁, x₂) = x₁²·x₂ at HVP_POINT, along HVP_DIRECTION.
HVP_POINT = (1.0, 2.0)
HVP_DIRECTION = (1.0, 0.0)


def hvp_exercise_function(x: Any) -> Any:
    """``f(x₁, x₂) = x₁²·x₂``, written with the operations of ``Value`` (a pair in, a scalar
    out), so :func:`bp_helpers.hvp.hvp` can differentiate it twice."""
    x1, x2 = x
    return x1 * x1 * x2


def check_hvp(answer: Any) -> bool:
    """``H v`` of ``f = x₁²·x₂`` at ``(1, 2)`` with ``v = (1, 0)``: shape (2,)."""
    x, v = np.array(HVP_POINT), np.array(HVP_DIRECTION)
    want = hvp(hvp_exercise_function, x, v)
    grad = grad_and_hvp(hvp_exercise_function, x, v)[0]
    H = hessian(hvp_exercise_function, x)
    return check_array(
        answer, want, name=t("l07.hvp_name"),
        traps=[(grad, t("l07.hvp_gradient")),
               (H @ v[::-1], t("l07.hvp_other_column")),
               (np.diag(H) * v, t("l07.hvp_diagonal"))],
        hint=t("l07.hvp_hint"),
    )


# ---- what the notebook prints, in its language ------------------------------------------
def modes_agree() -> str:
    """The ✓ line: forward and reverse mode agree on ``ring`` and ``chain``."""
    return t("l07.modes_agree")


def jacobian_entries_checked(entries: int) -> str:
    """The ✓ line: sympy confirms every one of the ``entries`` entries of tanh(Wx)'s Jacobian."""
    return t("l07.jacobian_entries_checked", entries=entries)


def products_checked() -> str:
    """The ✓ line: the JVP, the VJP and both Jacobians match the formula and central
    differences."""
    return t("l07.products_checked")


def jacobian_size(entries: int) -> str:
    """The size of a layer's Jacobian: ``entries`` numbers, and their gigabytes in float64."""
    return t("l07.jacobian_size", entries=entries, gigabytes=entries * 8 / 1e9)


def vjp_size(w_entries: int, u_entries: int) -> str:
    """What the VJP ``Wᵀu`` needs instead: ``W`` and ``u``, with their numbers of entries."""
    return t("l07.vjp_size", w_entries=w_entries, u_entries=u_entries)


def hvp_checked() -> str:
    """The ✓ line of the Hessian-vector product check."""
    return t("l07.hvp_checked")


def accumulation_report(plain_gap: float) -> str:
    """The gradient-accumulation check: weighted micro-batches match the full batch, a plain
    average over unequal sizes misses it by ``plain_gap`` (largest relative gap)."""
    return t("l07.accumulation_report", plain_gap=plain_gap)
