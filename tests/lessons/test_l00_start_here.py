"""Lesson 00: the toy fit, gradient descent and its explorer, the checkers.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from languages import CJK, in_language

from bp_helpers.calculus import central_difference
from bp_helpers.lessons import l00_start_here as l00


def test_fit_gradient_matches_central_difference() -> None:
    for w in (-1.0, 0.0, 1.0, 2.5):
        numeric = central_difference(l00.fit_loss, w)
        assert math.isclose(l00.fit_gradient(w), numeric, rel_tol=1e-7, abs_tol=1e-9)


def test_fit_loss_is_vectorized_and_minimal_at_least_squares_w() -> None:
    w = np.array([[0.0, 1.0], [2.0, 3.0]])
    losses = l00.fit_loss(w)
    assert losses.shape == (2, 2)
    assert losses[0, 1] == pytest.approx(l00.fit_loss(1.0))
    w_star = float(l00.FIT_X @ l00.FIT_Y / (l00.FIT_X @ l00.FIT_X))
    assert l00.fit_gradient(w_star) == pytest.approx(0.0, abs=1e-12)
    assert l00.fit_loss(w_star) < min(l00.fit_loss(w_star - 0.01), l00.fit_loss(w_star + 0.01))


def test_gradient_descent_path_converges_for_small_rate_and_diverges_for_large() -> None:
    w_star = float(l00.FIT_X @ l00.FIT_Y / (l00.FIT_X @ l00.FIT_X))
    eta_max = 1.0 / float(np.mean(l00.FIT_X**2))  # 2 / L''
    small = l00.gradient_descent_path(0.0, 0.9 * eta_max, 200)
    large = l00.gradient_descent_path(0.0, 1.1 * eta_max, 200)
    assert small.shape == (201,) and small[0] == 0.0
    assert abs(small[-1] - w_star) < 1e-6
    assert abs(large[-1] - w_star) > 1e3
    assert l00.gradient_descent_path(1.5, 0.1, 0).tolist() == [1.5]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"w0": float("nan"), "eta": 0.1, "steps": 3}, ValueError),
        ({"w0": 0.0, "eta": 0.0, "steps": 3}, ValueError),
        ({"w0": 0.0, "eta": -0.1, "steps": 3}, ValueError),
        ({"w0": 0.0, "eta": 0.1, "steps": -1}, ValueError),
        ({"w0": 0.0, "eta": 0.1, "steps": 2.5}, ValueError),
        ({"w0": "0", "eta": 0.1, "steps": 3}, TypeError),
    ],
)
def test_gradient_descent_path_rejects_bad_input(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        l00.gradient_descent_path(**kwargs)


def test_gradient_descent_view_reports_convergence_and_divergence() -> None:
    assert "converges" in l00.gradient_descent(eta=0.05).text
    assert "diverges" in l00.gradient_descent(eta=0.25).text
    assert "after 0 steps w = 0" in l00.gradient_descent(steps=0).text


def test_one_step_uphill_gets_a_specific_hint(capsys) -> None:
    uphill = 1.0 + 0.05 * l00.fit_gradient(1.0)
    assert l00.check_one_step(uphill) is False
    assert "uphill" in capsys.readouterr().out


def test_gradient_descent_axes_stay_fixed_across_slider_moves() -> None:
    view = l00.gradient_descent()
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in view.figure.axes]
    for values in ({"eta": 0.25, "steps": 30, "w0": 5.0}, {"eta": 0.01, "steps": 0, "w0": -2.0}):
        again = l00.gradient_descent(**values, fig=view.figure)
        assert [(ax.get_xlim(), ax.get_ylim()) for ax in again.figure.axes] == limits
    # the worst divergent setting still fits the loss panel
    worst = l00.fit_loss(l00.gradient_descent_path(5.0, 0.25, 30)).max()
    assert worst < view.figure.axes[1].get_ylim()[1]


def test_gradient_descent_text_counts_iterates_beyond_the_window() -> None:
    assert "beyond the drawn w-range" in l00.gradient_descent(eta=0.25, steps=30).text
    assert "beyond" not in l00.gradient_descent(eta=0.05).text


def test_too_small_rate_ends_higher_than_a_good_one_and_lower_than_a_large_one() -> None:
    losses = l00.rate_comparison_losses()
    final = {name: values[-1] for name, values in losses.items()}
    assert final["good"] < final["too small"] < losses["too small"][0] < final["too large"]
    assert all(v.shape == (l00.COMPARISON_STEPS + 1,) for v in losses.values())
    text = l00.learning_rate_comparison().text
    assert f"{final['too small']:.3g}" in text


def test_checkers_accept_right_answers_and_name_the_traps(capsys) -> None:
    g = l00.fit_gradient(1.0)
    assert l00.check_fit_gradient(g)
    assert not l00.check_fit_gradient(3 * g)
    assert "sum" in capsys.readouterr().out
    assert l00.check_largest_rate(2 / l00.CURVATURE)
    assert not l00.check_largest_rate(1 / l00.CURVATURE)
    assert "lands exactly on w*" in capsys.readouterr().out
    assert not l00.check_largest_rate(2 / float(np.mean(l00.FIT_X**2)))
    assert "drop the 2" in capsys.readouterr().out


def test_verify_prints_nothing_of_the_answer(capsys) -> None:
    l00.verify(l00.check_largest_rate, 2 / l00.CURVATURE)
    assert capsys.readouterr().out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l00.verify(l00.check_largest_rate, 0.5)
    capsys.readouterr()


def test_number_policy_is_one_sentence() -> None:
    text = l00.number_policy()
    assert isinstance(text, str) and text.strip() and "\n" not in text


def test_step_axes_have_integer_ticks_and_text_is_legible() -> None:
    from bp_helpers.ui.legibility import min_font_size_pt

    for view, ax_index in ((l00.gradient_descent(), 1), (l00.learning_rate_comparison(), 0)):
        view.png()
        ticks = view.figure.axes[ax_index].get_xticks()
        assert len(ticks) >= 3 and np.all(ticks == np.round(ticks))
        assert min_font_size_pt(view.figure) >= 9


def test_notebook_sentences_come_from_the_lesson(capsys) -> None:
    assert l00.central_difference_verdict((-1.0, 0.5, 3.0)) == (
        "✓ dL/dw: matches central differences at w = -1, 0.5, 3 (relative error < 1e-7)")
    w = l00.gradient_descent_path(0.0, 0.05, 10)[-1]
    assert l00.descent_summary(w, l00.W_STAR, 10).splitlines() == [
        f"w* = {l00.W_STAR:.4f}; after 10 steps w = {w:.4f}, |w - w*| = {abs(w - l00.W_STAR):.4f}",
        "✓ the loss fell at every step"]
    final = {name: v[-1] for name, v in l00.rate_comparison_losses().items()}
    summary = l00.rate_comparison_summary()
    assert f"only from {l00.fit_loss(0.0):.3g} to {final['too small']:.3g}" in summary
    assert f"raised it to {final['too large']:.3g}" in summary
    assert l00.numerical_gradient_cost(101_770).splitlines()[1] == (
        "central differences need 2P = 203,540 forward passes for ONE gradient")
    with pytest.raises(ValueError):
        l00.central_difference_verdict(())
    with pytest.raises(TypeError):
        l00.descent_summary(2.0, l00.W_STAR, 1.5)
    with pytest.raises(ValueError):
        l00.numerical_gradient_cost(0)


def test_explore_text_figures_and_hints_are_chinese_after_set_language(capsys) -> None:
    from bp_helpers.ui.style import cjk_font

    english = l00.gradient_descent(eta=0.25, steps=30).text
    with in_language("zh"):
        view = l00.gradient_descent(eta=0.25, steps=30)
        assert "梯度下降发散" in view.text and "之外" in view.text
        assert view.text.count("\n") == english.count("\n")  # notebook 00 picks line 2
        assert "梯度下降收敛" in l00.gradient_descent().text
        comparison = l00.learning_rate_comparison()
        assert "（太小）" in comparison.text and "仍在下降" in comparison.text
        if cjk_font() is not None:  # figure text is Chinese only where a CJK font is installed
            assert CJK.search(view.figure.axes[0].get_title())
            assert CJK.search(comparison.figure.axes[0].get_legend().get_texts()[0].get_text())
        assert not l00.check_one_step(1.0 + 0.05 * l00.fit_gradient(1.0))
        assert "上坡" in capsys.readouterr().out
        assert not l00.check_largest_rate(1 / l00.CURVATURE)
        assert "恰好落在 w* 上" in capsys.readouterr().out
        assert "中心差分" in l00.central_difference_verdict((1.0,))
        assert "倍" in l00.rate_comparison_summary()
    assert l00.gradient_descent(eta=0.25, steps=30).text == english


# ---- the loss curve with two tangents (notebook 00, section 1) -----------------------------
def _tangent_inputs() -> tuple[np.ndarray, np.ndarray, dict[float, tuple[float, float]]]:
    ws = np.linspace(-0.5, 4.5, 200)
    tangents = {w: (l00.fit_loss(w), l00.fit_gradient(w)) for w in (0.0, 3.0)}
    return ws, l00.fit_loss(ws), tangents


def test_loss_tangents_draw_the_curve_and_a_tangent_per_point_coloured_by_sign() -> None:
    import warnings

    from bp_helpers.ui.legibility import min_font_size_pt

    ws, curve, tangents = _tangent_inputs()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view = l00.plot_loss_tangents(ws, curve, tangents)
        assert view.png()[:4] == b"\x89PNG"
    ax = view.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() == "parameter w" and ax.get_ylabel() == "loss L(w)"
    curve_line, falling, rising = ax.get_lines()
    np.testing.assert_allclose(curve_line.get_ydata(), curve)
    # each segment is the tangent: through (w, L(w)) with slope dL/dw
    for line, w in ((falling, 0.0), (rising, 3.0)):
        x, y = line.get_data()
        assert np.mean(x) == pytest.approx(w)
        assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx(l00.fit_gradient(w))
    assert falling.get_color() == l00.COLORS["negative"] and falling.get_linestyle() == "-"
    assert rising.get_color() == l00.COLORS["positive"] and rising.get_linestyle() == "--"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend[1:] == ["tangent at w = 0, slope dL/dw = -19",
                          "tangent at w = 3, slope dL/dw = 9"]
    assert min_font_size_pt(view.figure) >= 9
    assert "at w = 0 the slope is dL/dw = -19 (negative" in view.text
    assert "at w = 3 the slope is dL/dw = 9 (positive" in view.text
    lowest = int(np.argmin(curve))
    assert f"L = {curve[lowest]:.4f}, at w = {ws[lowest]:.2f}" in view.text


def test_loss_tangents_in_chinese(chinese) -> None:
    import warnings

    from bp_helpers.ui.style import cjk_font

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would warn
        view = l00.plot_loss_tangents(*_tangent_inputs())
        view.png()
    assert "为负，实线" in view.text and "为正，虚线" in view.text
    ax = view.figure.axes[0]
    labels = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
              ax.get_legend().get_texts()[1].get_text()]
    assert all(bool(CJK.search(label)) == (cjk_font() is not None) for label in labels)


@pytest.mark.parametrize(
    ("ws", "curve", "tangents", "error"),
    [
        ([0.0, 1.0], [1.0], {0.0: (1.0, -1.0)}, ValueError),  # shapes differ
        ([0.0], [1.0], {0.0: (1.0, -1.0)}, ValueError),  # one point is no curve
        ([0.0, float("nan")], [1.0, 2.0], {0.0: (1.0, -1.0)}, ValueError),
        ([0.0, 1.0], [1.0, 2.0], {}, ValueError),  # no tangent
        ([0.0, 1.0], [1.0, 2.0], [(0.0, 1.0, -1.0)], TypeError),  # not a mapping
        ([0.0, 1.0], [1.0, 2.0], {0.0: -1.0}, TypeError),  # not a pair (L, slope)
        ([0.0, 1.0], [1.0, 2.0], {0.0: (1.0, "steep")}, TypeError),
        (["a", "b"], [1.0, 2.0], {0.0: (1.0, -1.0)}, TypeError),
    ],
)
def test_loss_tangents_reject_bad_input(ws, curve, tangents, error: type) -> None:
    with pytest.raises(error):
        l00.plot_loss_tangents(ws, curve, tangents)
