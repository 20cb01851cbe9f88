"""Lesson 07: the mode-cost explorer and the checkers.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from languages import CJK, in_language

from bp_helpers import messages
from bp_helpers.dual import Dual, jacobian
from bp_helpers.lessons import l07_forward_and_reverse_mode as l07
from bp_helpers.ui.style import cjk_font


# --- notebook 07: pass counts and exercise checkers ---------------------------------------
def test_passes_for_jacobian() -> None:
    from bp_helpers.lessons.l07_forward_and_reverse_mode import mode_costs, passes_for_jacobian

    assert passes_for_jacobian(1000, 10) == (1000, 10)
    assert "reverse mode is cheaper, 8× fewer" in mode_costs(8, 1).text
    assert "forward mode is cheaper" in mode_costs(1, 5).text
    assert "same number" in mode_costs(4, 4).text
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="integer >= 1"):
            passes_for_jacobian(bad, 1)


def test_modes_checkers_accept_reference_answers(capsys) -> None:

    W, x, u = l07.vjp_exercise()
    assert l07.check_dual_product((12, 5))
    assert l07.check_passes((1000, 10))
    assert l07.check_vjp(W.T @ (u * (1 - np.tanh(W @ x) ** 2)))
    assert l07.check_accumulation_weights([0.5, 0.3, 0.2])
    assert l07.check_dual_sin(lambda d: Dual(math.sin(d.value), math.cos(d.value) * d.tangent))
    assert capsys.readouterr().out.count("✓") == 5
    # the VJP answer agrees with forward mode: uᵀ(J e_j) for every j
    J = jacobian(lambda z: np.tanh(W @ z), x)
    np.testing.assert_allclose(u @ J, W.T @ (u * (1 - np.tanh(W @ x) ** 2)), rtol=1e-12)


def test_modes_checkers_give_hints_never_raise(capsys) -> None:

    W, x, u = l07.vjp_exercise()
    for checker in (l07.check_dual_product, l07.check_passes, l07.check_vjp,
                    l07.check_accumulation_weights, l07.check_dual_sin):
        assert not checker(...)
        assert not checker("nonsense")
    assert not l07.check_dual_product((12, -2))
    assert "ε parts" in capsys.readouterr().out
    assert not l07.check_passes((10, 1000))
    assert "swapped" in capsys.readouterr().out
    assert not l07.check_vjp(W.T @ u)
    assert "tanh'" in capsys.readouterr().out
    assert not l07.check_accumulation_weights([1 / 3] * 3)
    assert "equal sizes" in capsys.readouterr().out
    assert not l07.check_dual_sin(lambda d: Dual(math.sin(d.value), math.cos(d.value)))
    assert "incoming tangent" in capsys.readouterr().out
    assert not l07.check_dual_sin(lambda d: None)
    assert "returns None" in capsys.readouterr().out
    assert not l07.check_dual_sin(lambda d: math.sin(d))
    assert "TypeError" in capsys.readouterr().out
    assert not l07.check_dual_sin(lambda d: 0.5)
    assert "return a Dual" in capsys.readouterr().out


def test_passes_are_exact_whole_numbers_and_a_dual_is_a_pair(capsys) -> None:
    assert l07.check_passes((1000.0, 10.0)) and l07.check_passes(np.array([1000, 10]))
    assert l07.check_dual_product(Dual(12.0, 5.0))
    capsys.readouterr()
    for wrong in [(1000.4, 10), (999.6, 10.2), (True, 10), ("1000", "10"), (1000,), 1000]:
        assert not l07.check_passes(wrong)
    assert capsys.readouterr().out.count("✗") == 6
    assert not l07.check_dual_product(Dual(12.0, -2.0))
    assert "ε parts" in capsys.readouterr().out


def test_modes_explorer_keeps_fixed_axes_and_updates_in_place() -> None:
    view = l07.mode_costs(1, 1)
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in view.figure.axes]
    again = l07.mode_costs(l07.N_MAX, 7, fig=view.figure)
    assert again.figure is view.figure
    assert [(ax.get_xlim(), ax.get_ylim()) for ax in again.figure.axes] == limits
    assert "64 pass(es)" in again.text and "7 pass(es)" in again.text
    with pytest.raises(ValueError, match="at most"):
        l07.mode_costs(l07.N_MAX + 1, 1)


def test_verify_prints_only_a_neutral_line(capsys) -> None:
    l07.verify(l07.check_passes, (1000, 10))
    assert capsys.readouterr().out == "reference solution checked\n"


def test_accumulation_weights_trap_for_the_sizes(capsys) -> None:
    assert not l07.check_accumulation_weights([50, 30, 20])
    assert "divide each by N" in capsys.readouterr().out
    assert l07.check_accumulation_weights((0.5, 0.3, 0.2))


def test_check_hvp_accepts_the_product_and_traps_the_usual_mistakes(capsys) -> None:
    import sympy as sp

    x1, x2 = sp.symbols("x1 x2")
    H = sp.hessian(x1**2 * x2, (x1, x2)).subs({x1: 1, x2: 2})
    right = [float(e) for e in H * sp.Matrix([1, 0])]
    assert right == [4.0, 2.0]
    assert l07.check_hvp(right) and l07.check_hvp(np.array(right))
    capsys.readouterr()
    for wrong, words in [((4, 1), "gradient"), ((2, 0), "first column"), ((4, 0), "diagonal"),
                         ((4, 2, 0), "shape"), (..., "not answered")]:
        assert not l07.check_hvp(wrong)
        assert words in capsys.readouterr().out


# --- the Chinese edition -----------------------------------------------------------------
def test_in_chinese_the_explore_text_hints_and_figure_are_chinese(capsys) -> None:
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            for values in [l07.MODES.defaults(), *l07.MODES.extremes()]:
                view = l07.MODES.func(**values)
                assert view.png()[:4] == b"\x89PNG"
        text = l07.mode_costs(8, 1).text.splitlines()
        assert len(text) == 4 and all(CJK.search(line) for line in text)
        assert text[0].startswith("f: R^8 → R^1") and "1/8" in text[3]
        labels = [ax.get_title() for ax in view.figure.axes]
        labels += [tick.get_text() for tick in view.figure.axes[2].get_xticklabels()]
        assert all(bool(CJK.search(label)) == (cjk_font() is not None) for label in labels)
        W, x, u = l07.vjp_exercise()
        assert not l07.check_passes((10, 1000))
        assert not l07.check_vjp(W.T @ u)
        assert not l07.check_accumulation_weights([50, 30, 20])
        assert not l07.check_dual_sin(lambda d: Dual(math.sin(d.value), math.cos(d.value)))
        assert not l07.check_hvp((4, 1))
        lines = capsys.readouterr().out.splitlines()
        assert len(lines) == 5 and all(CJK.search(line) for line in lines), lines
        assert lines[0].startswith("✗ 传递次数") and "弄反了" in lines[0]
        assert "激活函数" in lines[1] and "切向量" in lines[3] and "再求一次导" in lines[4]
        report = l07.accumulation_report(0.3).splitlines()
        assert len(report) == 4 and all(CJK.search(line) for line in report)
        for sentence in (l07.modes_agree(), l07.jacobian_entries_checked(6),
                         l07.products_checked(), l07.jacobian_size(10**10),
                         l07.vjp_size(200_704, 65_536), l07.hvp_checked()):
            assert CJK.search(sentence), sentence
    assert messages.language() == "en"
    assert l07.jacobian_size((256 * 256) * (784 * 256)) == (
        "Jacobian of the layer's output w.r.t. its input: 1.32e+10 entries, 105 GB in float64")
    assert l07.accumulation_report(0.3).splitlines()[2] == (
        "100 + 60 + 40, plain average: largest relative gap 0.30")


# --- the timing figure (section 2) -------------------------------------------------------
SIZES = [2, 4, 8, 16, 32, 64, 128]


def _timings() -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Made-up timings with known growth: forward n², reverse n (left); the reverse (right)."""
    s = np.array(SIZES, dtype=float)
    return ({"forward": list(1e-6 * s**2), "reverse": list(1e-5 * s)},
            {"forward": list(1e-5 * s), "reverse": list(1e-6 * s**2)})


def test_mode_timings_draw_log_log_and_state_the_growth() -> None:
    from bp_helpers.ui.legibility import min_font_size_pt

    many_in, many_out = _timings()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view = l07.plot_mode_timings(SIZES, many_in, many_out)
        assert view.png()[:4] == b"\x89PNG"
    left, right = view.figure.axes
    assert left.get_title() == "n inputs → 1 output: a gradient"
    assert right.get_xlabel() == "number of outputs m"
    for ax in (left, right):
        assert ax.get_xscale() == ax.get_yscale() == "log"
        assert ax.get_ylabel() == "time (ms, log scale)"
        assert list(ax.get_xticks()) == SIZES
    forward, reverse = left.get_lines()
    np.testing.assert_allclose(forward.get_ydata(), np.array(many_in["forward"]) * 1e3)
    assert forward.get_marker() == "o" and reverse.get_marker() == "s"
    assert [text.get_text() for text in right.get_legend().get_texts()] == [
        "forward mode (Dual)", "reverse mode (Value)"]
    assert min_font_size_pt(view.figure) >= 9
    header, left_line, right_line = view.text.splitlines()
    assert "log-log" in header
    assert "at n = 128 forward mode takes 16.4 ms, reverse mode 1.28 ms" in left_line
    assert "(forward / reverse = 12.8×)" in left_line
    assert "grows like n^2.0, reverse mode's like n^1.0" in left_line
    assert "reverse mode's time grows like m^2.0, forward mode's like m^1.0" in right_line
    assert "from m = 16 on" in right_line


def test_mode_timings_in_chinese_and_bad_input() -> None:
    many_in, many_out = _timings()
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            view = l07.plot_mode_timings(SIZES, many_in, many_out)
            view.png()
        lines = view.text.splitlines()
        assert len(lines) == 3 and all(CJK.search(line) for line in lines)
        assert "双对数坐标" in lines[0] and lines[1].startswith("左图")
        labels = [text for ax in view.figure.axes
                  for text in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel())]
        labels += [text.get_text() for text in view.figure.axes[1].get_legend().get_texts()]
        assert all(bool(CJK.search(label)) == (cjk_font() is not None) for label in labels)
    bad = [
        ([2], {"forward": [1.0], "reverse": [1.0]}, ValueError),  # one size: no growth
        ([4, 2, 8, 16, 32, 64, 128], many_in, ValueError),  # not increasing
        ([2.5, 4, 8, 16, 32, 64, 128], many_in, ValueError),  # not integers
        (SIZES, {"forward": many_in["forward"]}, ValueError),  # a mode missing
        (SIZES, {"forward": many_in["forward"][:-1], "reverse": many_in["reverse"]}, ValueError),
        (SIZES, {"forward": [0.0] * 7, "reverse": many_in["reverse"]}, ValueError),  # log axis
        (SIZES, [many_in["forward"], many_in["reverse"]], TypeError),
        (SIZES, {"forward": ["fast"] * 7, "reverse": many_in["reverse"]}, TypeError),
    ]
    for sizes, timings, error in bad:
        with pytest.raises(error):
            l07.plot_mode_timings(sizes, timings, many_out if len(sizes) == 7 else timings)
