"""Lesson 01: difference errors, the chain-rule explorers, the checkers (with 00's).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from languages import CJK, in_language

from bp_helpers.calculus import central_difference
from bp_helpers.lessons import l00_start_here as l00
from bp_helpers.lessons import l01_chain_rule as l01


def test_difference_errors_have_orders_one_and_two() -> None:
    forward, central = l01.difference_errors(1.0, np.array([1e-2, 1e-3]))
    assert forward[0] / forward[1] == pytest.approx(10, rel=0.01)  # O(h)
    assert central[0] / central[1] == pytest.approx(100, rel=0.01)  # O(h²)
    # leading terms of the Taylor argument: (h/2)|f''| and (h²/6)|f'''|
    assert forward[1] == pytest.approx(1e-3 / 2 * math.sin(1.0), rel=1e-2)
    assert central[1] == pytest.approx(1e-6 / 6 * math.cos(1.0), rel=1e-2)


@pytest.mark.parametrize(
    ("x", "h", "error"),
    [(1.0, [1e-3, 0.0], ValueError), (1.0, [np.nan], ValueError), (np.inf, 1e-3, ValueError),
     (1.0, "tiny", TypeError), ("1", 1e-3, TypeError)],
)
def test_difference_errors_rejects_bad_input(x, h, error: type) -> None:
    with pytest.raises(error):
        l01.difference_errors(x, h)


def test_tangent_view_text_gives_the_estimates() -> None:
    text = l01.tangent_and_secants(x=1.0, h=0.5).text
    forward = (math.sin(1.5) - math.sin(1.0)) / 0.5
    central = (math.sin(1.5) - math.sin(0.5)) / 1.0
    assert f"{math.cos(1.0):.6f}" in text
    assert f"{forward:.6f}" in text and f"{central:.6f}" in text


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"x": float("inf")}, ValueError),
        ({"h": 0.0}, ValueError),
        ({"h": -1e-3}, ValueError),
        ({"x": None}, TypeError),
        ({"h": "small"}, TypeError),
    ],
)
def test_tangent_view_rejects_bad_input(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        l01.tangent_and_secants(**kwargs)


@pytest.mark.parametrize("name", list(l01.COMPOSITIONS))
def test_compositions_have_correct_derivatives(name: str) -> None:
    c = l01.COMPOSITIONS[name]
    for x in (-1.3, 0.0, 0.4, 1.7):
        xs = np.array(x)
        assert float(c.dg(xs)) == pytest.approx(
            central_difference(lambda t: float(c.g(np.array(t))), x), rel=1e-6, abs=1e-9)
        u = float(c.g(xs))
        assert float(c.df(np.array(u))) == pytest.approx(
            central_difference(lambda t: float(c.f(np.array(t))), u), rel=1e-6, abs=1e-9)


def test_chain_view_multiplies_the_factors() -> None:
    text = l01.chain_factors(x=0.8, composition="sin(x²)").text
    expected = math.cos(0.64) * 1.6
    assert f"= {expected:.4f} (central difference {expected:.4f})" in text


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"composition": "tan(x)"}, ValueError),
        ({"x": float("nan")}, ValueError),
        ({"x": [0.5]}, TypeError),
    ],
)
def test_chain_view_rejects_bad_input(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        l01.chain_factors(**kwargs)


def test_two_paths_view_sums_the_paths() -> None:
    x = 0.7
    expected = 2 * x * math.sin(x) + x * x * math.cos(x)
    assert f"dz/dx = 0.9019 + 0.3748 = {expected:.4f}" in l01.two_paths(x=x).text
    assert "∂z/∂u·du/dx" in l01.two_paths(x=x).text
    with pytest.raises(ValueError):
        l01.two_paths(x=float("-inf"))
    with pytest.raises(TypeError):
        l01.two_paths(x="0.7")


def _x() -> sp.Symbol:
    return sp.Symbol("x")


ANSWERS = {
    l00.check_fit_gradient: 2 * np.mean((1.0 * np.array([1, 2, 3]) - [2.1, 3.9, 6.2]) * [1, 2, 3]),
    l00.check_one_step: 1.0 - 0.05 * (2 / 3) * ((1 - 2.1) * 1 + (2 - 3.9) * 2 + (3 - 6.2) * 3),
    l00.check_largest_rate: 3 / 14,
    l01.check_two_path_derivative: math.sin(0.7) * 1.4
    + (0.49 + 2 * math.sin(0.7)) * math.cos(0.7),
    l01.check_jacobian: [[0.5, 2.0], [4.0, 0.0], [0.0, math.cos(0.5)]],
    l01.check_quadratic_form_gradient: (l01.QUADRATIC_A + l01.QUADRATIC_A.T) @ l01.QUADRATIC_X,
}

#: Hand-rounded to 4 significant digits: the number policy accepts them.
ROUNDED = {
    l00.check_fit_gradient: -9.667,
    l00.check_one_step: 1.483,
    l00.check_largest_rate: 0.2143,
    l01.check_two_path_derivative: 2.262,
}


@pytest.mark.parametrize("checker", list(ROUNDED), ids=lambda c: c.__name__)
def test_number_checkers_accept_four_significant_digits(checker, capsys) -> None:
    assert checker(ROUNDED[checker]) is True
    assert not checker(ROUNDED[checker] * 1.002)
    capsys.readouterr()


@pytest.mark.parametrize("checker", list(ANSWERS), ids=lambda c: c.__name__)
def test_number_checkers_accept_the_right_answer(checker, capsys) -> None:
    assert checker(ANSWERS[checker]) is True
    assert capsys.readouterr().out.startswith("✓")


BAD_ANSWERS = [..., None, "a string", float("nan"), [1.0, 2.0], {"a": 1}, 123456.0]


@pytest.mark.parametrize("checker", [*ANSWERS, l01.check_softplus_derivative,
                                     l01.check_sigmoid_prime], ids=lambda c: c.__name__)
@pytest.mark.parametrize("bad", BAD_ANSWERS, ids=repr)
def test_checkers_reject_bad_answers_without_raising(checker, bad, capsys) -> None:
    assert checker(bad) is False
    out = capsys.readouterr().out
    assert out.startswith("✗") and out.count("\n") == 1


def test_unanswered_says_so(capsys) -> None:
    l01.check_jacobian(...)
    assert "not answered yet" in capsys.readouterr().out


def test_two_path_single_path_gets_a_specific_hint(capsys) -> None:
    only_u = math.sin(0.7) * 1.4
    assert l01.check_two_path_derivative(only_u) is False
    assert "only the path through u" in capsys.readouterr().out


def test_jacobian_transpose_gets_a_specific_hint(capsys) -> None:
    transposed = np.array(ANSWERS[l01.check_jacobian]).T
    assert l01.check_jacobian(transposed) is False
    assert "transpose" in capsys.readouterr().out


def test_softplus_derivative_accepts_equivalent_forms_and_any_x(capsys) -> None:
    x = _x()
    right = 3 * sp.exp(3 * x) / (1 + sp.exp(3 * x))
    assert l01.check_softplus_derivative(right)
    assert l01.check_softplus_derivative(3 / (1 + sp.exp(-3 * x)))  # 3σ(3x)
    assert l01.check_softplus_derivative(3 - 3 / (1 + sp.exp(3 * x)))
    assert l01.check_softplus_derivative(sp.Lambda(x, right))
    x_real = sp.Symbol("x", real=True)
    assert l01.check_softplus_derivative(sp.diff(sp.log(1 + sp.exp(3 * x_real)), x_real))
    capsys.readouterr()
    assert not l01.check_softplus_derivative(sp.exp(3 * x) / (1 + sp.exp(3 * x)))  # no inner 3
    assert "inner derivative" in capsys.readouterr().out
    assert not l01.check_softplus_derivative(3 * sp.exp(3 * sp.Symbol("t")))
    assert "t" in capsys.readouterr().out


@pytest.mark.parametrize("wrong", [
    lambda x, r: r + sp.Max(0, x - 2),
    lambda x, r: r + sp.Heaviside(x - 3),
    lambda x, r: r + sp.Float(1e-10),
    lambda x, r: r + sp.Symbol("a") - sp.Symbol("a") * 1.0001,
    lambda x, r: r * (1 + sp.exp(-50 * x**2) / 100),
], ids=["Max", "Heaviside", "1e-10", "stray symbol", "bump at 0"])
def test_softplus_derivative_rejects_nearly_right_expressions(wrong, capsys) -> None:
    x = _x()
    right = 3 * sp.exp(3 * x) / (1 + sp.exp(3 * x))
    assert l01.check_softplus_derivative(wrong(x, right)) is False
    assert capsys.readouterr().out.startswith("✗")


def test_quadratic_form_gradient_is_checked_three_ways() -> None:
    A, x0 = l01.QUADRATIC_A, l01.QUADRATIC_X
    assert not np.allclose(A, A.T), "the exercise needs a non-symmetric A"
    numeric = np.array([central_difference(
        lambda t, k=k: float((x0 + t * np.eye(3)[k]) @ A @ (x0 + t * np.eye(3)[k])), 0.0)
        for k in range(3)])
    assert np.allclose(l01.quadratic_form_gradient(A, x0), numeric, rtol=1e-7)
    xs = sp.Matrix(sp.symbols("x0:3"))
    form = (xs.T * sp.Matrix(A) * xs)[0, 0]
    symbolic = [float(form.diff(s).subs(dict(zip(xs, x0, strict=True)))) for s in xs]
    assert np.allclose(l01.quadratic_form_gradient(A, x0), symbolic)
    with pytest.raises(ValueError):
        l01.quadratic_form_gradient(np.eye(2), x0)


def test_quadratic_form_checker_traps_the_symmetric_mistake(capsys) -> None:
    A, x0 = l01.QUADRATIC_A, l01.QUADRATIC_X
    right = (A + A.T) @ x0
    assert l01.check_quadratic_form_gradient(right)
    assert l01.check_quadratic_form_gradient(np.round(right, 4).tolist())
    capsys.readouterr()
    for wrong, words in ((2 * A @ x0, "symmetric"), (A @ x0, "one of the two"),
                         (right.reshape(1, 3), "shape"), (right + 0.01, "")):
        assert l01.check_quadratic_form_gradient(wrong) is False
        out = capsys.readouterr().out
        assert out.startswith("✗") and words in out


def test_verify_prints_nothing_of_the_answer(capsys) -> None:
    l01.verify(l01.check_jacobian, ANSWERS[l01.check_jacobian])
    assert capsys.readouterr().out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l01.verify(l01.check_jacobian, [[0.0, 0.0]])


@pytest.mark.parametrize(("explorer", "moves"), [
    (l01.TANGENT, [{"x": -3.0, "h": 1e-12}, {"x": 3.0, "h": 1.0}]),
    (l01.CHAIN, [{"x": -2.0}, {"x": 2.0}]),
    (l01.TWO_PATHS, [{"x": -3.0}, {"x": 3.0}]),
], ids=["TANGENT", "CHAIN", "TWO_PATHS"])
def test_explorer_axes_stay_fixed_while_sliding(explorer, moves) -> None:
    view = explorer.static()
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in view.figure.axes]
    for values in moves:
        again = explorer.func(**{**explorer.defaults(), **values}, fig=view.figure)
        assert again.figure is view.figure
        assert [(ax.get_xlim(), ax.get_ylim()) for ax in again.figure.axes] == limits


def test_explorer_figures_use_text_of_at_least_9_pt() -> None:
    from bp_helpers.ui.legibility import min_font_size_pt

    for explorer in (l01.TANGENT, l01.CHAIN, l01.TWO_PATHS):
        assert min_font_size_pt(explorer.static().figure) >= 9


def test_two_paths_edges_use_the_texts_notation() -> None:
    view = l01.two_paths(x=0.7)
    texts = [t.get_text() for t in view.figure.axes[0].texts]
    assert any(t.startswith("du/dx = 2x") for t in texts)
    assert not any("∂u/∂x" in t or "∂v/∂x" in t for t in texts)


def test_tangent_text_says_when_the_central_secant_lies_on_the_tangent() -> None:
    assert "lies on the tangent" in l01.tangent_and_secants(x=1.0, h=1e-3).text
    assert "visibly off" in l01.tangent_and_secants(x=1.0, h=1.0).text


def test_sigmoid_prime_checker(capsys) -> None:
    def good(z):
        s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
        return s * (1 - s)

    def forgets_one_minus(z):
        return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))

    def raises(z):
        raise RuntimeError("boom")

    def unfinished(z):
        ...

    assert l01.check_sigmoid_prime(good)
    assert not l01.check_sigmoid_prime(unfinished)
    assert "returns None" in capsys.readouterr().out
    assert not l01.check_sigmoid_prime(forgets_one_minus)
    assert not l01.check_sigmoid_prime(raises)
    assert "RuntimeError" in capsys.readouterr().out.splitlines()[-1]


def _pixels(png: bytes) -> np.ndarray:
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.mark.parametrize(("explorer", "moves"), [
    (l00.GRADIENT_DESCENT, [{"eta": 0.25, "steps": 30}, {"w0": 4.0}]),
    (l01.TANGENT, [{"x": -2.0, "h": 1e-3}, {"x": 2.5, "h": 1.0}]),
    (l01.CHAIN, [{"x": -1.0}, {"x": 1.2, "composition": "exp(sin x)"},
                 {"x": 0.3, "composition": "sin(x²)"}]),
    (l01.TWO_PATHS, [{"x": -2.0}, {"x": 2.9}]),
], ids=["GRADIENT_DESCENT", "TANGENT", "CHAIN", "TWO_PATHS"])
def test_fast_png_matches_a_full_render(explorer, moves) -> None:
    import io

    view = explorer.static()
    for values in [None, *moves]:  # the first PNG (it keeps the background), then moves
        if values is not None:
            view = explorer.func(**{**explorer.defaults(), **values}, fig=view.figure)
        fast = _pixels(view.png())
        buffer = io.BytesIO()
        view.figure.savefig(buffer, format="png")
        full = _pixels(buffer.getvalue())
        assert fast.shape == full.shape
        assert np.mean(np.abs(fast - full).max(axis=-1) > 40) < 1e-3


def test_lesson_speaks_chinese_after_set_language_zh(capsys) -> None:
    import warnings

    from bp_helpers.ui.style import cjk_font

    english = l01.tangent_and_secants(x=1.0, h=1e-3).text
    with in_language("zh"):
        texts = [l01.tangent_and_secants(x=1.0, h=1e-3).text,
                 l01.tangent_and_secants(x=1.0, h=1.0).text,
                 l01.chain_factors(x=0.8, composition="σ(3x − 1)").text,
                 l01.two_paths(x=0.7).text]
        assert all(CJK.search(text) for text in texts)
        assert texts[0] != english and "中心割线与切线重合" in texts[0]
        assert texts[3].splitlines()[1] == "dz/dx = 0.9019 + 0.3748 = 1.2767"  # notebook 01
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            views = [explorer.static() for explorer in (l01.TANGENT, l01.CHAIN, l01.TWO_PATHS)]
            for view in views:
                view.png()
        if cjk_font() is not None:
            for view in views:
                titles = [ax.get_title() for ax in view.figure.axes]
                assert all(CJK.search(title) for title in titles), titles

        assert l01.check_two_path_derivative(math.sin(0.7) * 1.4) is False
        assert "只是经过 u 的那条路径" in capsys.readouterr().out
        assert l01.check_jacobian(np.array(ANSWERS[l01.check_jacobian]).T) is False
        assert "转置" in capsys.readouterr().out
        assert l01.check_softplus_derivative(sp.exp(3 * _x()) / (1 + sp.exp(3 * _x()))) is False
        assert "内层导数" in capsys.readouterr().out
        assert l01.check_quadratic_form_gradient(2 * l01.QUADRATIC_A @ l01.QUADRATIC_X) is False
        assert "不对称" in capsys.readouterr().out
        assert l01.check_sigmoid_prime(lambda z: None) is False
        assert "返回了 None" in capsys.readouterr().out
        assert l01.check_sigmoid_prime(lambda z: 1 / (1 + np.exp(-np.asarray(z)))) is False
        assert "s·(1 − s)；" in capsys.readouterr().out
    assert l01.tangent_and_secants(x=1.0, h=1e-3).text == english


def test_prose_fills_in_the_notebooks_sentences_in_its_language() -> None:
    line = l01.prose("grid_minimum", difference="central", h_grid=1e-5, h_star=1e-5, error=3e-11)
    assert line == ("✓ central: grid minimum at h = 1.00e-05, formula h* = 1.00e-05, "
                    "predicted error E(h*) = 3.0e-11")
    assert l01.prose("halving", forward=2.0, central=4.0).endswith("central error / 4.00")
    with in_language("zh"):
        assert l01.prose("measured_near", difference="forward").startswith("✓ 前向差分：")
        assert "$10^{-15}$" in l01.prose("best_steps", h_forward="1", error_forward="2",
                                         h_central="3", error_central="4", ratio=641.0)
    with pytest.raises(ValueError, match="one of"):
        l01.prose("no such sentence")
    with pytest.raises(ValueError, match="forward"):
        l01.prose("measured_near", difference="backward")


# ---- the figures of notebook 01's own cells (sections 1, 5 and 8)
def _sweep_data(x: float = 1.0):
    """The notebook's section-8 numbers: steps, {difference: (measured, truncation, h*)},
    round-off term."""
    eps = float(np.finfo(float).eps)
    hs = np.logspace(-15, 0, 301)
    forward, central = l01.difference_errors(x, hs)
    models = {
        "forward": (forward, hs / 2 * abs(math.sin(x)), math.sqrt(2 * eps)),
        "central": (central, hs**2 / 6 * abs(math.cos(x)),
                    (3 * eps * abs(math.tan(x))) ** (1 / 3)),
    }
    return hs, models, eps * abs(math.sin(x)) / hs


def _notebook_figures():
    from bp_helpers.nn.activations import sigmoid, sigmoid_prime

    z = np.linspace(-8, 8, 400)
    return [l01.plot_zoom_windows(1.0, (1.0, 0.1, 0.01)),
            l01.plot_sigmoid(z, sigmoid(z), sigmoid_prime(z)),
            l01.plot_error_sweep(*_sweep_data(), x=1.0)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_notebook_figures_draw_titled_legible_axes_in_both_languages(language: str) -> None:
    import warnings

    from bp_helpers.ui.legibility import min_font_size_pt
    from bp_helpers.ui.style import View, cjk_font

    with in_language(language):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph warns
            views = _notebook_figures()
            for view in views:
                assert isinstance(view, View)
                assert view.png().startswith(b"\x89PNG")
        for view in views:
            assert min_font_size_pt(view.figure) >= 9
            for ax in view.figure.axes:
                assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
            assert bool(CJK.search(view.text)) == (language == "zh"), view.text
            if language == "zh" and cjk_font() is not None:
                assert all(CJK.search(ax.get_title()) for ax in view.figure.axes)


def test_zoom_windows_text_gives_the_gaps_shrinking_like_the_width_squared() -> None:
    view = l01.plot_zoom_windows(1.0, (1.0, 0.1, 0.01))
    assert [ax.get_title() for ax in view.figure.axes] == [
        "window x = 1 ± 1", "window x = 1 ± 0.1", "window x = 1 ± 0.01"]
    gap = max(abs(math.sin(t) - math.sin(1) - math.cos(1) * (t - 1))
              for t in np.linspace(0.99, 1.01, 200))
    assert f"{gap:.2g}" in view.text  # ≈ sin(1)/2 · 0.01²
    assert "power 2.0" in view.text and "slope cos 1 = 0.5403" in view.text


def test_sigmoid_figure_text_gives_the_peak_of_one_quarter() -> None:
    z = np.linspace(-8, 8, 400)
    s = 1 / (1 + np.exp(-z))
    text = l01.plot_sigmoid(z, s, s * (1 - s)).text
    assert "largest, 0.2500, at z = 0.0" in text  # the grid misses 0: no "-0.0"
    assert "from 0.0003 at z = -8 to 0.9997 at z = 8" in text


def test_error_sweep_fits_slopes_one_and_two_and_finds_the_bottoms() -> None:
    hs, models, roundoff = _sweep_data()
    view = l01.plot_error_sweep(hs, models, roundoff, x=1.0)
    assert "fitted slopes 1.00 (forward) and 2.00 (central)" in view.text
    bottom = hs[np.argmin(models["central"][0])]
    assert f"at h = {bottom:.1e}; the vertical lines" in view.text
    assert 1e-7 < bottom < 1e-4  # near h*_cen ≈ 1e-5
    legend = [text.get_text() for text in view.figure.axes[0].get_legend().get_texts()]
    assert legend == ["forward (measured)", "central (measured)", "truncation (h/2)|f''|",
                      "truncation (h²/6)|f'''|", "round-off ε|f|/h"]


def test_error_sweep_draws_an_exact_zero_at_the_floor() -> None:
    hs, models, roundoff = _sweep_data()
    measured = models["central"][0].copy()
    measured[150] = 0.0
    view = l01.plot_error_sweep(hs, {**models, "central": (measured, *models["central"][1:])},
                                roundoff)
    drawn = view.figure.axes[0].get_lines()[1].get_ydata()
    assert drawn[150] == l01.ERROR_FLOOR
    assert "central 0.0e+00 at h =" in view.text


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"x": "1"}, TypeError), ({"x": math.nan}, ValueError), ({"widths": 0.1}, TypeError),
     ({"widths": (1.0,)}, ValueError), ({"widths": (1.0, 1.0)}, ValueError),
     ({"widths": (1.0, -0.1)}, ValueError), ({"widths": "abc"}, TypeError)],
)
def test_zoom_windows_rejects_bad_input(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        l01.plot_zoom_windows(**kwargs)


@pytest.mark.parametrize(
    ("args", "error"),
    [((np.linspace(1, 0, 5), np.zeros(5), np.zeros(5)), ValueError),
     ((np.linspace(0, 1, 5), np.zeros(4), np.zeros(5)), ValueError),
     ((np.linspace(0, 1, 5), np.zeros(5), np.full(5, np.nan)), ValueError),
     ((np.zeros((2, 2)), np.zeros(4), np.zeros(4)), ValueError),
     ((None, np.zeros(5), np.zeros(5)), TypeError)],
)
def test_sigmoid_figure_rejects_bad_input(args: tuple, error: type) -> None:
    with pytest.raises(error):
        l01.plot_sigmoid(*args)


def _broken_sweeps():
    hs, models, roundoff = _sweep_data()
    forward = models["forward"]
    return [
        ((hs[::-1], models, roundoff), ValueError, "increasing"),
        ((hs, {"forward": forward}, roundoff), ValueError, "keys"),
        ((hs, [forward], roundoff), TypeError, "map"),
        ((hs, {**models, "forward": forward[:2]}, roundoff), TypeError, "tuple"),
        ((hs, {**models, "forward": (forward[0][:9], *forward[1:])}, roundoff), ValueError,
         "shape"),
        ((hs, {**models, "forward": (-forward[0], *forward[1:])}, roundoff), ValueError, ">= 0"),
        ((hs, {**models, "forward": (*forward[:2], 0.5)}, roundoff), ValueError, "10 h"),
        ((hs, models, roundoff[:3]), ValueError, "roundoff"),
    ]


@pytest.mark.parametrize(("args", "error", "match"), _broken_sweeps())
def test_error_sweep_rejects_bad_input(args: tuple, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        l01.plot_error_sweep(*args)
