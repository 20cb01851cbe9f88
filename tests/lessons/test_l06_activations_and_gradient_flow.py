"""Lesson 06: the gradient-flow explorer, the perceptron demo and the checkers.
"""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image

from bp_helpers.autograd import Value
from bp_helpers.deep import clip_grad_norm, flow_experiment
from bp_helpers.lessons import l06_activations_and_gradient_flow as l06
from bp_helpers.lessons.l06_activations_and_gradient_flow import (
    FLOOR,
    GRAD_LIMITS,
    GRADIENT_FLOW,
    STD_LIMITS,
    flow_verdict,
    gradient_flow,
)
from bp_helpers.nn.batchnorm import batchnorm_backward, batchnorm_forward
from bp_helpers.ui.palette import COLORS


# --- bad input --------------------------------------------------------------------------
def test_explorer_rejects_an_unknown_architecture() -> None:
    with pytest.raises(ValueError, match="architecture"):
        gradient_flow(architecture="dense")


def test_perceptron_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="activation"):
        l06.train_perceptron("relu")
    with pytest.raises(ValueError, match="epochs"):
        l06.train_perceptron("sigmoid", epochs=0)
    with pytest.raises(ValueError, match="lr"):
        l06.train_perceptron("sigmoid", lr=-1.0)


# --- the explorer -----------------------------------------------------------------------
def test_verdicts() -> None:
    assert flow_verdict(np.array([1e-12, 1.0])).startswith("vanishing:")
    assert flow_verdict(np.array([1e-9, 1e-8])).startswith("vanishing everywhere")
    assert flow_verdict(np.array([1e3, 1.0])).startswith("exploding toward")
    assert flow_verdict(np.array([1e8, 1e8])).startswith("exploding:")
    assert flow_verdict(np.array([0.5, 1.0])).startswith("healthy")
    with pytest.raises(ValueError, match="shape"):
        flow_verdict(np.array([1.0]))


def test_explorer_text_reports_the_floor_and_the_default_vanishes() -> None:
    view = gradient_flow()
    assert "verdict: vanishing" in view.text
    assert f"{FLOOR:.0e}" in view.text
    tiny = gradient_flow(depth=30, activation="sigmoid", scale=0.1)
    assert "1.08e-47" in tiny.text  # the true norm is reported, the plot is floored
    line = tiny.figure.axes[0].lines[0]
    assert min(line.get_ydata()) == FLOOR


def test_explorer_axes_stay_fixed_and_ticks_are_integers() -> None:
    view = gradient_flow()
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in view.figure.axes]
    for values in GRADIENT_FLOW.extremes():
        again = gradient_flow(**values, fig=view.figure)
        assert again.figure is view.figure
        assert [(ax.get_xlim(), ax.get_ylim()) for ax in again.figure.axes] == limits
    for ax in view.figure.axes:
        assert all(float(t).is_integer() for t in ax.get_xticks())


@pytest.mark.parametrize("depth", [2, 30])
def test_every_slider_setting_fits_the_fixed_axes(depth: int) -> None:
    for activation in l06.FLOW_ACTIVATIONS:
        for init in ("xavier", "he"):
            for scale in (0.1, 10.0):
                for residual in (False, True):
                    flow = flow_experiment(depth, activation, init, scale, residual)
                    assert flow.grad_norms.max() < GRAD_LIMITS[1]
                    assert flow.activation_stds.max() < STD_LIMITS[1]


def _full_draw(fig) -> np.ndarray:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")).astype(int)


def _decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_explorer_png_equals_a_full_draw() -> None:
    # The PNG redraws only the lines and the title on a cached background, with text
    # pasted from stamps (ui.style.TextStamps: the same pixels to within rounding): the
    # first PNG and a later one must show what a full draw of the same figure shows.
    view = gradient_flow()
    first = _decoded(view.png())
    assert first.shape == _full_draw(view.figure).shape
    assert np.abs(first - _full_draw(view.figure)).max() <= 4
    view = gradient_flow(depth=7, activation="relu", init="he", scale=3.0, fig=view.figure)
    later = _decoded(view.png())
    assert np.abs(later - _full_draw(view.figure)).max() <= 4
    assert np.abs(later - first).max() > 100  # and the lines did move
    assert not np.array_equal(first, later)


def test_explorer_caches_each_setting() -> None:
    first = l06.cached_flow(12, "tanh", "he", 2.0, False)
    assert l06.cached_flow(12, "tanh", "he", 2.0, False) is first
    assert np.array_equal(first.grad_norms, flow_experiment(12, "tanh", "he", 2.0).grad_norms)


def test_explorer_colours_come_from_the_palette() -> None:
    view = gradient_flow()
    colours = {line.get_color() for ax in view.figure.axes for line in ax.lines}
    assert colours <= set(COLORS.values())


# --- the perceptron ---------------------------------------------------------------------
def test_step_perceptron_never_moves_and_sigmoid_learns_and() -> None:
    step = l06.train_perceptron("step")
    assert np.all(step.grads == 0.0)
    assert np.all(step.params == step.params[0])
    assert np.all(step.losses == step.losses[0]) and step.losses[0] > 0
    sigmoid = l06.train_perceptron("sigmoid")
    assert sigmoid.losses[-1] < sigmoid.losses[0] / 10
    assert np.array_equal(sigmoid.predictions(), np.array(l06.AND_LABELS))
    assert not np.array_equal(step.predictions(), np.array(l06.AND_LABELS))


def test_perceptron_gradients_match_central_differences() -> None:
    h = 1e-6
    start = l06.PERCEPTRON_START
    run = l06.train_perceptron("sigmoid", epochs=1)
    for i in range(3):
        plus = [Value(v + (h if j == i else 0.0)) for j, v in enumerate(start)]
        minus = [Value(v - (h if j == i else 0.0)) for j, v in enumerate(start)]
        numeric = (l06.perceptron_loss(tuple(plus), "sigmoid").data
                   - l06.perceptron_loss(tuple(minus), "sigmoid").data) / (2 * h)
        assert math.isclose(run.grads[0, i], numeric, rel_tol=1e-6)


def test_step_at_zero_has_no_gradient() -> None:
    out = Value(0.0).step()
    with pytest.raises(ValueError, match="no derivative"):
        out.backward()


# --- exercise checkers ----------------------------------------------------------------
def _clip(grads, max_norm):
    return clip_grad_norm(grads, max_norm)[0]


def test_checkers_accept_reference_answers(capsys) -> None:
    W, Z, dA = l06.residual_exercise()
    Y, dX = l06._bn_reference()
    assert l06.check_sigmoid_chain(0.25**10)
    assert l06.check_sigmoid_chain(9.537e-07)  # four significant digits
    assert l06.check_he_std(math.sqrt(2 / 512))
    assert l06.check_he_std(0.0625)
    assert l06.check_residual_backward(dA + W.T @ (dA * (1 - np.tanh(Z) ** 2)))
    assert l06.check_clip(_clip)
    assert l06.check_bn_output(Y)
    assert l06.check_bn_output(np.round(Y, 4).tolist())
    assert l06.check_bn_dx(dX)
    assert capsys.readouterr().out.count("✓") == 9


def test_bn_reference_is_the_core_and_the_formula() -> None:
    X, gamma, beta, dY = l06.bn_exercise()
    Y, dX = l06._bn_reference()
    mu, var = X.mean(axis=1, keepdims=True), X.var(axis=1, keepdims=True)
    x_hat = (X - mu) / np.sqrt(var + l06.BN_EPS)
    assert np.allclose(Y, gamma * x_hat + beta)
    N = X.shape[1]
    formula = (gamma / (N * np.sqrt(var + l06.BN_EPS))) * (
        N * dY - dY.sum(axis=1, keepdims=True)
        - x_hat * (dY * x_hat).sum(axis=1, keepdims=True))
    assert np.allclose(dX, formula)
    _, cache = batchnorm_forward(X, gamma, beta)
    assert np.allclose(dX, batchnorm_backward(dY, cache)[0])


def test_checkers_give_hints_never_raise(capsys) -> None:
    W, Z, dA = l06.residual_exercise()
    for checker in (l06.check_sigmoid_chain, l06.check_he_std, l06.check_residual_backward,
                    l06.check_clip, l06.check_bn_output, l06.check_bn_dx):
        assert not checker(...)
        assert not checker("nonsense")
        assert not checker(np.array([1j, 2j]))
    capsys.readouterr()
    assert not l06.check_sigmoid_chain(2.5)
    assert "power" in capsys.readouterr().out
    assert not l06.check_sigmoid_chain(0.25**10 * 1.001)  # 0.1 % off: not four digits
    assert not l06.check_he_std(2 / 512)
    assert "square root" in capsys.readouterr().out
    assert not l06.check_residual_backward(W.T @ (dA * (1 - np.tanh(Z) ** 2)))
    assert "skip" in capsys.readouterr().out

    def per_array(grads, max_norm):
        return {k: g * min(1.0, max_norm / np.linalg.norm(g)) for k, g in grads.items()}

    assert not l06.check_clip(per_array)
    assert "together" in capsys.readouterr().out
    assert not l06.check_clip(lambda grads, max_norm: None)
    assert "returns None" in capsys.readouterr().out
    assert not l06.check_clip(lambda grads, max_norm: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not l06.check_clip(lambda grads, max_norm: grads)
    assert "wrong result" in capsys.readouterr().out


def test_clip_checker_is_not_fooled_by_a_function_that_zeroes_its_input(capsys) -> None:
    def vandal(grads, max_norm):
        for g in grads.values():
            g[...] = 0.0
        return {k: np.zeros_like(g) for k, g in grads.items()}

    assert not l06.check_clip(vandal)
    assert l06.check_clip(_clip)  # the cases are intact afterwards


def test_bn_checkers_name_the_usual_mistakes(capsys) -> None:
    X, gamma, beta, dY = l06.bn_exercise()
    N = X.shape[1]
    mu = X.mean(axis=1, keepdims=True)
    unbiased = X.var(axis=1, ddof=1, keepdims=True)
    assert not l06.check_bn_output(gamma * (X - mu) / np.sqrt(unbiased + l06.BN_EPS) + beta)
    assert "biased variance" in capsys.readouterr().out
    inv_std = 1 / np.sqrt(X.var(axis=1, keepdims=True) + l06.BN_EPS)
    assert not l06.check_bn_dx(gamma * inv_std * dY)
    assert "constants" in capsys.readouterr().out
    assert not l06.check_bn_dx(gamma * inv_std * (dY - dY.sum(axis=1, keepdims=True) / N))
    assert "variance" in capsys.readouterr().out
    x_hat = (X - mu) * inv_std
    no_mean = gamma * inv_std * (dY - x_hat * (dY * x_hat).sum(axis=1, keepdims=True) / N)
    assert not l06.check_bn_dx(no_mean)
    assert "mean" in capsys.readouterr().out
    _, dX = l06._bn_reference()
    assert not l06.check_bn_dx(dX.T)


def test_verify_hides_the_answer(capsys) -> None:
    l06.verify(l06.check_he_std, math.sqrt(2 / 512))
    out = capsys.readouterr().out
    assert out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l06.verify(l06.check_he_std, 1.0)
    assert capsys.readouterr().out == ""


def test_latex_sci_formats_and_rejects_bad_input() -> None:
    assert l06.latex_sci(1.06e6) == "1.1 \\times 10^{6}"
    assert l06.latex_sci(2.44e-12, 2) == "2.44 \\times 10^{-12}"
    for bad in (0.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="finite non-zero"):
            l06.latex_sci(bad)
