"""Lesson 08: the checkers.
"""

from __future__ import annotations

import numpy as np
import pytest

from bp_helpers.lessons import l08_backprop_playground as l08
from bp_helpers.playground import (
    Playground,
)


# ----------------------------------------------------------------------------- exercises
def test_exercise_checkers_accept_right_and_hint_at_wrong(capsys: pytest.CaptureFixture) -> None:

    def n_weights(widths):
        return sum(a * b for a, b in zip(widths[:-1], widths[1:], strict=False))

    def layer_norms(grads):
        return np.array([np.linalg.norm(grads[f"W{k}"]) for k in range(1, len(grads) // 2 + 1)])

    examples = [Playground().step(1).grads]
    assert l08.check_n_weights(n_weights)
    assert l08.check_updated_weight(0.95)
    assert l08.check_sigmoid_factor_bound(1 / 256)
    assert l08.check_layer_grad_norms(layer_norms, examples)
    assert capsys.readouterr().out.count("✓") == 4

    def n_params(widths):  # counts the biases too
        return n_weights(widths) + sum(widths[1:])

    def stub(widths):
        ...

    def broken(grads):
        raise KeyError("W9")

    assert not l08.check_n_weights(n_params)
    assert "biases are not edges" in capsys.readouterr().out
    assert not l08.check_n_weights(stub)
    assert "returned None" in capsys.readouterr().out
    assert not l08.check_n_weights(...)
    assert "not answered yet" in capsys.readouterr().out
    assert not l08.check_n_weights(3)
    assert "expected a function" in capsys.readouterr().out
    assert not l08.check_updated_weight(0.8 + 0.3 * (-0.5))
    assert "w ← w − η·∂L/∂w" in capsys.readouterr().out
    assert not l08.check_sigmoid_factor_bound(0.25)
    assert not l08.check_layer_grad_norms(broken, examples)
    out = capsys.readouterr().out
    assert "raised KeyError" in out and "example 1" in out
    assert not l08.check_layer_grad_norms(lambda g: np.zeros(2), examples)
    assert "shape (2,)" in capsys.readouterr().out
    assert not l08.check_layer_grad_norms(lambda g: 2 * layer_norms(g), examples)
    assert "wrong result for example 1" in capsys.readouterr().out
