"""Lesson 04: FLOP counts and the checkers.
"""

from __future__ import annotations

import pytest
from languages import CJK, in_language

from bp_helpers.lessons import l04_why_backprop_is_fast as l04


def test_mlp_flops() -> None:
    cost = l04.mlp_flops([3, 4, 1], N=5)
    assert cost["P"] == 3 * 4 + 4 + 4 * 1 + 1
    assert cost["forward"] == 2 * (12 + 4) * 5
    # dW in both layers, dA only in layer 2 (layer 1's input is the data)
    assert cost["backward"] == 2 * (12 + 4) * 5 + 2 * 4 * 5
    assert cost["step"] == cost["forward"] + cost["backward"]
    assert cost["numerical"] == 2 * cost["P"] * cost["forward"]
    with pytest.raises(ValueError, match="input and an output width"):
        l04.mlp_flops([3], 5)
    with pytest.raises(ValueError, match="N must be >= 1"):
        l04.mlp_flops([3, 1], 0)
    with pytest.raises(TypeError, match="N must be an integer"):
        l04.mlp_flops([3, 1], 1.5)
    assert all(isinstance(v, int) for v in cost.values())  # exact counts


def test_counts_are_exact_integers(capsys: pytest.CaptureFixture) -> None:
    import numpy as np

    P = 784 * 128 + 128 + 128 * 10 + 10
    assert l04.mlp_flops(l04.MNIST_WIDTHS, 1)["P"] == P
    assert l04.check_parameter_count(P) and l04.check_parameter_count(np.int64(P))
    assert l04.check_numerical_passes(2 * P)
    capsys.readouterr()
    for wrong in (P + 0.4, P - 0.4, P + 1, True, "101770"):
        assert not l04.check_parameter_count(wrong), wrong
    assert not l04.check_numerical_passes(2 * P + 0.49)
    assert not l04.check_numerical_passes(P + 1)
    assert "central" in capsys.readouterr().out.splitlines()[-1]


def test_dense_flops_checker_runs_labelled_cases(capsys: pytest.CaptureFixture) -> None:
    assert l04.dense_flops(3, 2, 1) == (12, 24)
    assert l04.check_dense_flops(l04.dense_flops)
    assert not l04.check_dense_flops(lambda n_in, n_out, N: (2 * n_in * n_out * N,) * 2)
    assert "3 → 2 layer" in capsys.readouterr().out  # the hint names the failing case
    assert not l04.check_dense_flops(lambda n_in, n_out, N: (2.4 * n_in * n_out * N, 0))


def test_loglog_slope() -> None:
    import numpy as np

    P = np.array([10.0, 100.0, 1000.0])
    assert l04.loglog_slope(P, 3 * P**2) == pytest.approx(2.0)
    assert l04.loglog_slope(P, [5.0, 5.0, 5.0]) == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ValueError, match="positive"):
        l04.loglog_slope([1.0, 2.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="same length"):
        l04.loglog_slope([1.0, 2.0, 3.0], [1.0, 2.0])


def test_cost_bars_axis_is_fixed_and_holds_every_setting() -> None:
    low, high = l04.cost_limits()
    view = l04.cost_bars()
    ax = view.figure.axes[0]
    for width, depth, N in ((4, 1, 1), (1024, 8, 256), (4, 8, 1), (1024, 1, 256)):
        l04.cost_bars(width, depth, N, fig=view.figure)
        assert ax.get_ylim() == pytest.approx((low, high))
        cost = l04.mlp_flops([10, *[width] * depth, 1], N)
        assert low < min(cost[k] for k in ("forward", "backward")) and cost["numerical"] < high


def test_timing_and_ratio_figures_describe_what_they_show() -> None:
    P = [31, 69, 169]
    view = l04.timing_figure(P, [1e-3, 4e-3, 2e-2], [5e-5, 5e-5, 6e-5], [2e-5, 2e-5, 3e-5])
    assert "numerical" in view.text and "slope" in view.text
    ratio = l04.ratio_figure({16: (5.0, 2.67), 384: (3.9, 2.67)})
    assert "width 384: measured 3.90, FLOP prediction 2.67" in ratio.text


def test_notebook_sentences_come_from_the_lesson() -> None:
    assert l04.pass_count_summary(40, 20, 0.34521).splitlines() == [
        "numerical gradient: 40 forward passes (2P = 40)",
        "backprop          : 1 forward + 1 backward pass",
        "L = 0.3452; all 20 gradients agree with notebook 03's hand backward pass and with "
        "central differences"]
    assert l04.loop_flops_text(3, 4, 5, 120) == (
        "3x4 layer on N = 5 samples: 120 FLOPs = 2·P·N with P = 12")
    assert l04.backward_sympy_verdict(12).endswith("all 12 entries")
    assert l04.backward_central_verdict() == "✓ central differences: dense_backward's dW and dA"
    assert l04.timing_verdicts(4929).startswith("✓ at P = 4929, backprop is more than 10x")
    assert len(l04.timing_verdicts(4929).splitlines()) == 4
    assert l04.ratio_verdict({16: 2.67}).endswith("(step / forward): {16: 2.67}")
    with pytest.raises(ValueError):
        l04.pass_count_summary(40, 0, 0.3)
    with pytest.raises(TypeError):
        l04.loop_flops_text(3, 4, 5, 120.0)
    with pytest.raises(TypeError):
        l04.ratio_verdict([2.67])


def test_explore_text_figures_and_hints_are_chinese_after_set_language(
    capsys: pytest.CaptureFixture,
) -> None:
    from bp_helpers.ui.style import cjk_font

    english = l04.cost_bars().text
    with in_language("zh"):
        view = l04.cost_bars()
        assert "批量大小 N = 32" in view.text and "数值梯度" in view.text
        assert view.text.count("\n") == english.count("\n")
        timing = l04.timing_figure([31, 69, 169], [1e-3, 4e-3, 2e-2], [5e-5, 5e-5, 6e-5],
                                   [2e-5, 2e-5, 3e-5])
        assert "拟合的双对数斜率" in timing.text and "一次前向传播" in timing.text
        assert "宽度 384：实测 3.90" in l04.ratio_figure({16: (5.0, 2.67), 384: (3.9, 2.67)}).text
        if cjk_font() is not None:  # figure text is Chinese only where a CJK font is installed
            assert CJK.search(view.figure.axes[0].get_title())
            assert CJK.search(timing.figure.legends[0].get_texts()[0].get_text())
        assert not l04.check_numerical_passes(101_771)
        assert "中心差分" in capsys.readouterr().out
        assert not l04.check_dense_flops(lambda n_in, n_out, N: (2 * n_in * n_out * N,) * 2)
        assert "1 个样本上的 3 → 2 层" in capsys.readouterr().out
        assert "中心差分" in l04.pass_count_summary(40, 20, 0.3)
    assert l04.cost_bars().text == english
