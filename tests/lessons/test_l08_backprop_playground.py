"""Lesson 08: the checkers.
"""

from __future__ import annotations

import numpy as np
import pytest
from languages import CJK, in_language

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


# ----------------------------------------------------------------------- Chinese edition
def test_hints_case_labels_and_sentences_in_chinese(capsys: pytest.CaptureFixture) -> None:
    import sympy as sp

    from bp_helpers.messages import t_in

    english = l08.composition_checked(10, 20)
    examples = [Playground().step(1).grads]
    with in_language("zh"):
        capsys.readouterr()
        assert not l08.check_updated_weight(0.8 + 0.3 * (-0.5))
        trap = capsys.readouterr().out
        assert not l08.check_sigmoid_factor_bound(0.5)
        hint = capsys.readouterr().out
        assert not l08.check_layer_grad_norms(lambda g: np.zeros(9), examples)
        case = capsys.readouterr().out
        sentences = [l08.composition_checked(10, 20), l08.signs_checked(88),
                     l08.gradient_check_passed(6),
                     l08.saturation_report("learning rate 10", 100.0, 1.7e-05),
                     l08.flat_boundary_report("learning rate 10", 7.8e-06, 1.4e-03),
                     l08.edge_ratio_report(40), l08.critical_point_report([0], "✓"),
                     l08.sigmoid_bound_report(sp.Rational(1, 256)),
                     l08.vanishing_markdown(0.009, 1000, 0.505)]
    assert t_in("zh", "l08.updated_weight_wrong_sign") in trap
    assert t_in("zh", "l08.factor_bound_hint") in hint
    assert "示例 1" in case
    assert all(CJK.search(s) for s in sentences), sentences
    assert "1/256" in sentences[7] and "06_activations" in sentences[-1]
    assert sentences[0] != english == l08.composition_checked(10, 20)


def test_sentence_functions_reject_bad_input() -> None:
    with pytest.raises(TypeError, match="first must be an integer"):
        l08.composition_checked(10.0, 20)
    with pytest.raises(TypeError, match="label must be a str"):
        l08.saturation_report(0.3, 0.0, 0.64)
    with pytest.raises(ValueError, match="lowest must be finite"):
        l08.flat_boundary_report("learning rate 10", np.nan, 1e-3)
    with pytest.raises(ValueError, match="bound must be in"):
        l08.sigmoid_bound_report(0)
    with pytest.raises(ValueError, match="accuracy must be from 0 to 1"):
        l08.vanishing_markdown(0.009, 1000, 50.5)
