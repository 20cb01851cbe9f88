"""Explore function for notebook 07: what one forward-mode or reverse-mode pass computes.

:data:`MODES` slides the number of inputs ``n`` and outputs ``m`` of a function
``f: R^n → R^m`` and draws its ``m × n`` Jacobian: one forward-mode pass (a JVP with
``v = e_j``) fills one column, one reverse-mode pass (a VJP with ``u = e_i``) fills one
row. Next to it, the number of passes each mode needs for the whole Jacobian.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from bp_helpers.explore import Explorer, IntRange
from bp_helpers.plotting import COLORS, View, fresh_figure, label_axes

_PALE, _COLUMN, _ROW, _BOTH = 0, 1, 2, 3
_CMAP = ListedColormap(["#f0f0f0", COLORS["function"], COLORS["tangent"], "#7b3294"])


def passes_for_jacobian(n_inputs: int, n_outputs: int) -> tuple[int, int]:
    """``(forward, reverse)``: the passes each mode needs for an ``m × n`` Jacobian.

    Forward mode gets one column per pass, so ``n``; reverse mode one row, so ``m``.
    """
    for value, name in ((n_inputs, "n_inputs"), (n_outputs, "n_outputs")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    return int(n_inputs), int(n_outputs)


def mode_costs(n_inputs: int = 8, n_outputs: int = 1, *, fig: Figure | None = None) -> View:
    """The Jacobian of ``f: R^n → R^m`` with one JVP column and one VJP row marked, and
    the passes forward and reverse mode need for all of it."""
    forward, reverse = passes_for_jacobian(n_inputs, n_outputs)
    grid = np.full((n_outputs, n_inputs), _PALE)
    grid[:, 0] = _COLUMN
    grid[0, :] = _ROW
    grid[0, 0] = _BOTH

    fig, axes = fresh_figure(fig, 1, 2, figsize=(9.5, 3.8))
    ax_jac, ax_cost = axes[0]
    edge = 0.5 if max(n_inputs, n_outputs) <= 32 else 0.0
    ax_jac.pcolormesh(np.arange(n_inputs + 1) + 0.5, np.arange(n_outputs + 1) + 0.5, grid,
                      cmap=_CMAP, vmin=0, vmax=3, edgecolors="white", linewidth=edge)
    ax_jac.set_xlim(0.5, n_inputs + 0.5)
    ax_jac.set_ylim(n_outputs + 0.5, 0.5)  # row 1 at the top, as in a matrix
    label_axes(ax_jac, f"Jacobian, {n_outputs} × {n_inputs}: blue column = 1 forward pass,\n"
               "red row = 1 reverse pass", "input j (column)", "output i (row)")
    ax_jac.set_xticks(sorted({1, n_inputs}))
    ax_jac.set_yticks(sorted({1, n_outputs}))
    ax_jac.grid(False)

    bars = ax_cost.bar(["forward mode", "reverse mode"], [forward, reverse],
                       color=[COLORS["function"], COLORS["tangent"]])
    ax_cost.bar_label(bars, labels=[f"{forward}", f"{reverse}"])
    ax_cost.set_ylim(0, 70)
    label_axes(ax_cost, "Passes for the whole Jacobian", "mode", "number of passes")

    if forward == reverse:
        verdict = "both modes need the same number of passes"
    elif reverse < forward:
        verdict = f"reverse mode is cheaper, {forward / reverse:.3g}× fewer passes"
    else:
        verdict = f"forward mode is cheaper, {reverse / forward:.3g}× fewer passes"
    text = "\n".join([
        f"f: R^{n_inputs} → R^{n_outputs}, Jacobian {n_outputs} × {n_inputs}",
        f"forward mode: {forward} pass(es), one column each (JVPs with v = e_j)",
        f"reverse mode: {reverse} pass(es), one row each (VJPs with u = e_i)",
        f"verdict: {verdict}",
        "(the purple entry J[1, 1] lies in both the first column and the first row)",
    ])
    return View(fig, text)


MODES = Explorer(mode_costs, {"n_inputs": IntRange(1, 64), "n_outputs": IntRange(1, 64)})
