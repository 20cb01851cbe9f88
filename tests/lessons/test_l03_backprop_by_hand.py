"""Lesson 03: gradient bars and the checkers.
"""

from __future__ import annotations

import math

import pytest
from languages import CJK, in_language

from bp_helpers import network_2321 as net
from bp_helpers.lessons import l03_backprop_by_hand as l03
from bp_helpers.lessons import l04_why_backprop_is_fast as l04


def test_pretty_names() -> None:
    assert l03.pretty("w_12^(1)") == "w₁₂⁽¹⁾"
    assert l03.pretty("b^(3)") == "b⁽³⁾"
    assert l03.pretty("x_2") == "x₂"


def test_gradient_bars_rejects_unknown_name_and_reports_the_chosen_gradient() -> None:
    with pytest.raises(ValueError, match="name must be one of"):
        l03.gradient_bars("w_44^(1)", 0.0)
    view = l03.gradient_bars("v_2", -1.5)  # the reference value: the reference point
    grads = net.gradients(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    assert f"∂L/∂v_2 = {grads['v_2']:+.4f}" in view.text


def _reference_answers() -> dict:
    import sympy as sp

    f = net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    s = net.build_symbolic().symbols
    d1, d2 = sp.symbols("delta_1^(2) delta_2^(2)")
    P = 784 * 128 + 128 + 128 * 10 + 10

    def loss_x1(value: float) -> float:
        return net.forward(net.REFERENCE_PARAMS, (value, net.REFERENCE_X[1]), 0.0).L

    h = 1e-6
    dx1 = (loss_x1(net.REFERENCE_X[0] + h) - loss_x1(net.REFERENCE_X[0] - h)) / (2 * h)
    return {
        l03.check_output_error: (f.y - f.t) * f.y * (1 - f.y),
        l03.check_hidden_sum: d1 * s["w_13^(2)"] + d2 * s["w_23^(2)"],
        l03.check_input_gradient: dx1,
        l03.check_two_layer_grads: l03.two_layer_gradients(),
        l04.check_parameter_count: P,
        l04.check_numerical_passes: 2 * P,
        l04.check_dense_flops: lambda n_in, n_out, N: (2 * n_in * n_out * N, 4 * n_in * n_out * N),
    }


def test_checkers_accept_the_right_answer(capsys: pytest.CaptureFixture) -> None:
    for checker, answer in _reference_answers().items():
        assert checker(answer), checker.__name__
    assert "✗" not in capsys.readouterr().out


@pytest.mark.parametrize("junk", [..., None, "abc", 1e9, math.nan, [1, 2], len])
def test_checkers_reject_junk_without_raising(junk: object, capsys) -> None:
    for checker in _reference_answers():
        assert checker(junk) is False, checker.__name__
    assert capsys.readouterr().out.count("✗") == len(_reference_answers())


def test_checkers_give_targeted_hints(capsys: pytest.CaptureFixture) -> None:
    import sympy as sp

    f = net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    assert not l03.check_output_error(f.y - f.t)
    assert "∂L/∂y" in capsys.readouterr().out
    d1 = sp.Symbol("delta_1^(2)")
    assert not l03.check_hidden_sum(d1 * net.build_symbolic().symbols["w_13^(2)"])
    assert "one path only" in capsys.readouterr().out
    assert not l04.check_parameter_count(784 * 128 + 128 * 10)
    assert "bias" in capsys.readouterr().out
    assert not l04.check_numerical_passes(784 * 128 + 128 + 128 * 10 + 10)
    assert "central" in capsys.readouterr().out


# --- the backward pass, step by step ---------------------------------------------------

def test_backward_steps_are_the_twenty_gradients_of_net_backward() -> None:
    for seed in range(4):
        params, x, t = net.random_point(seed)
        steps = l03.backward_steps(params, x, t)
        grads = net.backward(params, net.forward(params, x, t))
        assert len(steps) == l03.N_STEPS == 20
        assert [s.number for s in steps] == list(range(1, 21))
        assert sorted(s.parameter for s in steps) == sorted(net.PARAMETER_NAMES)
        for step in steps:
            assert step.value == grads[step.parameter], step.parameter


def test_backward_steps_go_output_first_and_read_only_known_errors() -> None:
    steps = l03.backward_steps()
    assert steps[0].target == "y" and steps[0].kind == "node"
    computed: set[str] = set()
    for step in steps:
        units = [n for n in step.reads if n in l03.NODE_NAMES]
        if step.kind == "edge":  # ∂L/∂w = δ (of the unit it feeds, known) · forward value
            assert units[0] in computed, (step.number, units)
        else:  # δ of a unit = the δs of the units above it (known) · its own slope
            assert all(n in computed for n in units if n != step.target), step.number
            computed.add(step.target)
    assert len(computed) == 6


def test_each_step_formula_numbers_give_its_value() -> None:
    # the substituted numbers (4 significant digits) reproduce the value to that precision
    for step in l03.backward_steps():
        expression = (step.numbers.replace("−", "-").replace("·", "*"))
        assert math.isclose(eval(expression), step.value, rel_tol=2e-3, abs_tol=1e-5), step


def test_backward_pass_static_is_midway_and_rejects_bad_steps() -> None:
    view = l03.BACKWARD_PASS.static()
    assert 0 < l03.MIDWAY_STEP < l03.N_STEPS
    assert view.text.startswith(f"step {l03.MIDWAY_STEP} of 20")
    step = l03.backward_steps()[l03.MIDWAY_STEP - 1]
    assert step.kind == "node" and "two paths meet" in view.text
    assert f"{step.value:.4g}" in view.text
    # the active unit is vermillion, earlier units grey, later ones still black
    from matplotlib.colors import to_hex
    from matplotlib.patches import Circle

    from bp_helpers.ui.palette import COLORS
    ax = view.figure.axes[0]
    where = {pos: name for name, pos in l03.node_positions().items()}
    circles = {where[tuple(c.center)]: c for c in ax.patches if isinstance(c, Circle)}
    assert set(circles) == set(l03.NODE_NAMES)
    assert to_hex(circles[step.target].get_edgecolor()) == COLORS["backward"].lower()
    assert to_hex(circles["y"].get_edgecolor()) == COLORS["neutral"].lower()
    assert to_hex(circles["h_3^(1)"].get_edgecolor()) == COLORS["ink"].lower()
    for bad in (-1, 21):
        with pytest.raises(ValueError, match="step must be"):
            l03.backward_pass(bad)
    for bad in (1.5, "3", True, None):
        with pytest.raises(TypeError, match="step must be an integer"):
            l03.backward_pass(bad)
    with pytest.raises(ValueError, match="params"):
        l03.backward_steps({"w_11^(1)": 1.0})


def test_backward_pass_labels_only_the_weights_of_the_step() -> None:
    def weight_labels(view) -> list[str]:  # texts like "v₁ = 2" on the edges
        return sorted(t.get_text() for t in view.figure.axes[0].texts
                      if t.get_text()[:1] in "wv" and " = " in t.get_text())

    view = l03.backward_pass(0)
    assert weight_labels(view) == []
    assert weight_labels(l03.backward_pass(2, fig=view.figure)) == ["v₁ = 2"]  # ∂L/∂v_1
    # δ_3^(1) reads two weights, each labelled
    assert weight_labels(l03.backward_pass(14, fig=view.figure)) == ["w₁₃⁽²⁾ = 1.5",
                                                                      "w₂₃⁽²⁾ = 0.5"]


# --- note 000's two-layer network -------------------------------------------------------

def _two_layer_by_hand() -> dict:
    import numpy as np

    ex = l03.two_layer_example()
    a = 1 / (1 + np.exp(-(ex["W1"] @ ex["x"] + ex["b1"])))
    y_hat = ex["W2"] @ a + ex["b2"]
    d_out = y_hat - ex["y"]
    delta = (ex["W2"].T @ d_out) * a * (1 - a)
    return {"dW2": d_out @ a.T, "db2": d_out, "dW1": delta @ ex["x"].T, "db1": delta}


def test_two_layer_reference_equals_hand_formula_and_central_differences() -> None:
    import numpy as np

    from bp_helpers.calculus import numerical_gradient

    ref, hand = l03.two_layer_gradients(), _two_layer_by_hand()
    ex = l03.two_layer_example()

    def loss(**params) -> float:
        p = {**ex, **params}
        a = 1 / (1 + np.exp(-(p["W1"] @ p["x"] + p["b1"])))
        return float(0.5 * ((p["y"] - (p["W2"] @ a + p["b2"])) ** 2).sum())

    for key in ("W2", "b2", "W1", "b1"):
        assert np.allclose(ref[f"d{key}"], hand[f"d{key}"], rtol=1e-12, atol=1e-15)
        numeric = numerical_gradient(lambda v, key=key: loss(**{key: v}), ex[key])
        assert np.allclose(ref[f"d{key}"], numeric, rtol=1e-6, atol=1e-9)


def test_two_layer_checker_traps(capsys: pytest.CaptureFixture) -> None:
    import numpy as np

    ref = l03.two_layer_gradients()
    assert l03.check_two_layer_grads(_two_layer_by_hand())
    assert l03.check_two_layer_grads({k: v.tolist() for k, v in ref.items()})  # lists too
    assert l03.check_two_layer_grads({k: np.round(v, 6) for k, v in ref.items()})
    capsys.readouterr()
    assert not l03.check_two_layer_grads({k: 2 * v for k, v in ref.items()})
    assert "½" in capsys.readouterr().out
    assert not l03.check_two_layer_grads({k: -v for k, v in ref.items()})
    assert "sign" in capsys.readouterr().out
    # a σ' at the linear output
    ex = l03.two_layer_example()
    a = 1 / (1 + np.exp(-(ex["W1"] @ ex["x"] + ex["b1"])))
    y_hat = float((ex["W2"] @ a + ex["b2"])[0, 0])
    assert not l03.check_two_layer_grads({k: v * y_hat * (1 - y_hat) for k, v in ref.items()})
    assert "linear" in capsys.readouterr().out
    # a missing transpose
    assert not l03.check_two_layer_grads({**ref, "dW1": ref["dW1"].T})
    assert "transpose" in capsys.readouterr().out
    assert not l03.check_two_layer_grads({**ref, "dW2": ref["dW2"].T})
    assert "transpose" in capsys.readouterr().out
    # one wrong entry, a missing key, junk
    wrong = {k: v.copy() for k, v in ref.items()}
    wrong["db1"][0, 0] += 0.01
    assert not l03.check_two_layer_grads(wrong)
    assert "db1" in capsys.readouterr().out
    for junk in (..., None, {"dW2": 1}, [1, 2], {k: "x" for k in ref},
                 {k: v * np.nan for k, v in ref.items()}, {k: v + 0j for k, v in ref.items()}):
        assert l03.check_two_layer_grads(junk) is False
    assert capsys.readouterr().out.count("✗") == 7


def test_fast_png_matches_a_full_render() -> None:
    # the explorers mark what moves as dynamic; the fast PNG must equal a full render
    import io

    import numpy as np
    from PIL import Image

    def pixels(data: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=int)

    for explorer, moves in ((l03.BACKWARD_PASS, [{"step": 3}, {"step": 17}]),
                            (l03.GRADIENT_BARS, [{"name": "v_2", "value": -2.0},
                                                 {"name": "x_1", "value": 3.0}])):
        view = explorer.static()
        view.png()  # keeps the static background
        for values in moves:
            moved = explorer.func(**values, fig=view.figure)
            fast = pixels(moved.png())
            buffer = io.BytesIO()
            moved.figure.savefig(buffer, format="png")  # everything drawn again
            full = pixels(buffer.getvalue())
            assert fast.shape == full.shape
            differ = np.any(np.abs(fast - full) > 40, axis=-1).mean()
            assert differ < 0.0005, (explorer.name, values, differ)


# --- the Chinese edition ------------------------------------------------------------------

def _figure_texts(view) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in view.figure.findobj(Text) if t.get_text()]


def test_explore_text_hints_and_sentences_in_chinese(capsys: pytest.CaptureFixture) -> None:
    import warnings

    from bp_helpers.messages import t_in
    from bp_helpers.ui.style import cjk_font

    f = net.forward(net.REFERENCE_PARAMS, net.REFERENCE_X, net.REFERENCE_T)
    english = [l03.backward_pass(0).text, l03.BACKWARD_PASS.static().text,
               l03.GRADIENT_BARS.static().text, l03.gradient_bars("x_1", 1.0).text]
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no missing glyph, no other warning
            views = [l03.backward_pass(0), l03.BACKWARD_PASS.static(),
                     l03.GRADIENT_BARS.static(), l03.gradient_bars("x_1", 1.0)]
            for view in views:
                view.png()
        capsys.readouterr()
        assert not l03.check_output_error(f.y - f.t)
        trap = capsys.readouterr().out
        ref = l03.two_layer_gradients()
        assert not l03.check_two_layer_grads({**ref, "dW1": ref["dW1"].T})
        transpose = capsys.readouterr().out
        sentences = [l03.backward_by_hand_checked(5), l03.steps_checked(20),
                     l03.random_points_checked(5), l03.multiplication_counts(210, 34),
                     l03.descent_step_report(0.5, 0.35, 0.33, -0.016, 0.83, 0.81, 0.0),
                     l03.low_bias_report(0.25),
                     l03.layer_bars_markdown(largest_weight=2.0, shrink_2=0.35, shrink_1=0.64,
                                             paths=[-0.07, -0.08], x_1=1.0,
                                             largest_grad_2=0.03, largest_grad_1=0.026,
                                             small_out_sum=1.0, small_shrink_2=0.12,
                                             small_shrink_1=0.22)]
    for view, text in zip(views, english, strict=True):
        assert CJK.search(view.text) and view.text != text, view.text
    assert "两条路径在这里汇合" in views[1].text  # step 12: the two paths meet
    assert "第 1 层" in views[2].text and "黑边" in views[2].text
    assert t_in("zh", "l03.output_error_trap") in trap
    assert "转置" in transpose
    assert all(CJK.search(s) for s in sentences), sentences
    assert "$h^{(1)}_2$" in sentences[-1] and "06_activations" in sentences[-1]
    if cjk_font() is not None:  # the figure text too: titles, legends, column names
        for view in views:
            assert any(CJK.search(s) for s in _figure_texts(view)), _figure_texts(view)
    assert l03.backward_pass(0).text == english[0]  # English again after the reset


def test_sentence_functions_reject_bad_input() -> None:
    with pytest.raises(TypeError, match="points must be an integer"):
        l03.backward_by_hand_checked(5.0)
    with pytest.raises(ValueError, match="naive must be >= 1"):
        l03.multiplication_counts(0, 34)
    with pytest.raises(ValueError, match="eta must be finite"):
        l03.descent_step_report(math.nan, 0.35, 0.33, -0.016, 0.83, 0.81, 0.0)
    with pytest.raises(TypeError, match="largest_slope must be a real number"):
        l03.low_bias_report("0.25")
    with pytest.raises(ValueError, match="two paths"):
        l03.layer_bars_markdown(largest_weight=2.0, shrink_2=0.35, shrink_1=0.64, paths=[0.1],
                                x_1=1.0, largest_grad_2=0.03, largest_grad_1=0.026,
                                small_out_sum=1.0, small_shrink_2=0.12, small_shrink_1=0.22)
