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
    assert "against the gradient" in capsys.readouterr().out
    assert not l08.check_updated_weight(0.7)
    assert "w ← w − η·∂L/∂w" in capsys.readouterr().out
    assert not l08.check_sigmoid_factor_bound(0.25)
    assert "four of them" in capsys.readouterr().out
    assert not l08.check_layer_grad_norms(broken, examples)
    out = capsys.readouterr().out
    assert "raised KeyError" in out and "example 1" in out
    assert not l08.check_layer_grad_norms(lambda g: np.zeros(2), examples)
    assert "shape (2,)" in capsys.readouterr().out
    assert not l08.check_layer_grad_norms(lambda g: 2 * layer_norms(g), examples)
    assert "wrong result for example 1" in capsys.readouterr().out


def test_layer_grad_norms_checker_computes_references_first_and_passes_copies(
    capsys: pytest.CaptureFixture,
) -> None:
    examples = [Playground().step(3).grads, Playground(hidden_layers=4, width=5).step(1).grads]
    kept = [{k: v.copy() for k, v in g.items()} for g in examples]

    def wipe(grads):  # zeroes its input and returns the norms of what is left: zeros
        for value in grads.values():
            value[...] = 0.0
        return np.zeros(sum(k.startswith("W") for k in grads))

    assert not l08.check_layer_grad_norms(wipe, examples)
    assert "wrong result for example 1" in capsys.readouterr().out
    for g, k in zip(examples, kept, strict=True):  # the notebook's data is untouched
        for key in g:
            np.testing.assert_array_equal(g[key], k[key])


def test_layer_grad_norms_checker_refuses_an_empty_example_list() -> None:
    with pytest.raises(ValueError, match="at least one"):
        l08.check_layer_grad_norms(lambda g: np.zeros(3), [])


def test_n_weights_needs_exact_whole_numbers(capsys: pytest.CaptureFixture) -> None:
    def count(widths):
        return sum(a * b for a, b in zip(widths[:-1], widths[1:], strict=False))

    assert l08.check_n_weights(lambda w: float(count(w)))  # 88.0 is a whole number
    assert not l08.check_n_weights(lambda w: count(w) + 0.4)
    assert not l08.check_n_weights(lambda w: [count(w)])
    assert not l08.check_n_weights(lambda w: True)
    assert not l08.check_n_weights(lambda w: "88")
    assert capsys.readouterr().out.count("✗") == 4


def test_verify_prints_only_a_neutral_line(capsys: pytest.CaptureFixture) -> None:
    l08.verify(l08.check_updated_weight, 0.95)
    assert capsys.readouterr().out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l08.verify(l08.check_updated_weight, 0.65)
    assert "0.65" not in capsys.readouterr().out
