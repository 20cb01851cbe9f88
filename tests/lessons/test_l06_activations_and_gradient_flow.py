"""Lesson 06: the gradient-flow explorer and the checkers.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers.deep import (
    clip_grad_norm,
)
from bp_helpers.lessons import l06_activations_and_gradient_flow as l06
from bp_helpers.lessons.l06_activations_and_gradient_flow import FLOOR, flow_verdict, gradient_flow


# --- bad input --------------------------------------------------------------------------
def test_explorer_rejects_an_unknown_architecture() -> None:
    with pytest.raises(ValueError, match="architecture"):
        gradient_flow(architecture="dense")


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


# --- exercise checkers ----------------------------------------------------------------
def test_checkers_accept_reference_answers(capsys) -> None:
    W, Z, dA = l06.residual_exercise()
    assert l06.check_sigmoid_chain(0.25**10)
    assert l06.check_he_std(math.sqrt(2 / 512))
    assert l06.check_residual_backward(dA + W.T @ (dA * (1 - np.tanh(Z) ** 2)))

    def clip(grads, max_norm):
        return clip_grad_norm(grads, max_norm)[0]

    assert l06.check_clip(clip)
    assert capsys.readouterr().out.count("✓") == 4


def test_checkers_give_hints_never_raise(capsys) -> None:
    W, Z, dA = l06.residual_exercise()
    for checker in (l06.check_sigmoid_chain, l06.check_he_std, l06.check_residual_backward,
                    l06.check_clip):
        assert not checker(...)
        assert not checker("nonsense")
    assert not l06.check_sigmoid_chain(2.5)
    assert "power" in capsys.readouterr().out
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
