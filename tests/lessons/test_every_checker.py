"""Every exercise checker of every lesson, fed any Python value (issue #15, "Done means").

Whatever the learner writes, a checker prints exactly one line (✓ or ✗ with a hint),
returns a bool and raises nothing. A learner's function that never returns is stopped
with a hint, not left to hang the notebook.
"""

from __future__ import annotations

import inspect
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bp_helpers.autograd import Value
from bp_helpers.dual import Dual
from bp_helpers.lessons import lesson_modules
from bp_helpers.lessons.l02_computational_graphs import check_softplus, check_topological_order
from bp_helpers.lessons.l06_activations_and_gradient_flow import check_clip
from bp_helpers.lessons.l07_forward_and_reverse_mode import check_dual_sin


def _checkers() -> list[tuple[str, Any]]:
    """``(lesson.check_x, checker)`` for every checker that takes the answer alone."""
    found = []
    for module in lesson_modules():
        short = module.__name__.rsplit(".", 1)[-1]
        for name, func in vars(module).items():
            if not (name.startswith("check_") and inspect.isfunction(func)):
                continue
            if func.__module__ != module.__name__:
                continue  # a re-exported ui checker, tested in tests/ui/test_checks.py
            required = [p for p in inspect.signature(func).parameters.values()
                        if p.default is inspect.Parameter.empty]
            if len(required) == 1:
                found.append((f"{short}.{name}", func))
    return found


CHECKERS = _checkers()


def test_every_lesson_has_its_checkers_found() -> None:
    lessons = {name.split(".")[0] for name, _ in CHECKERS}
    assert len(CHECKERS) >= 30
    assert {"l00_start_here", "l01_chain_rule", "l05_vectorized_mlp_xor",
            "l08_backprop_playground"} <= lessons


class Raises:
    """An object every conversion of which raises."""

    def __float__(self) -> float:
        raise RuntimeError("no float")

    def __array__(self, *args: Any, **kwargs: Any) -> np.ndarray:
        raise RuntimeError("no array")

    def __iter__(self):
        raise RuntimeError("no iter")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no eq")

    __hash__ = object.__hash__


x = sp.Symbol("x")
WEIRD = [..., None, True, 0, -1, 10**400, math.nan, math.inf, 1e308, 2.5 + 1j, "1.0", b"2",
         Fraction(1, 3), Decimal("0.1"), [], [1.0, "a"], {"W1": 1}, np.array([]),
         np.full((2, 2), np.nan), np.zeros((3, 3), dtype=complex), Raises(), sp.nan, sp.zoo,
         x, sp.Symbol("y") ** 2, sp.Heaviside(x), sp.Matrix([[1, 2]]), Value(1.0),
         Dual(1.0, 1.0), lambda *a: None, lambda *a: 1 / 0, lambda *a: ..., len, object]
ANSWERS = st.one_of(
    st.sampled_from(range(len(WEIRD))).map(lambda i: WEIRD[i]),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=3),
    st.lists(st.floats(-10, 10), max_size=4),
    st.sampled_from(range(len(WEIRD))).map(lambda i: (lambda *args, v=WEIRD[i]: v)),
)


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.endswith("\n"), f"expected one line, got {out!r}"
    return out


@pytest.mark.parametrize(("name", "checker"), CHECKERS, ids=[n for n, _ in CHECKERS])
@pytest.mark.parametrize("answer", WEIRD, ids=lambda a: type(a).__name__)
def test_a_strange_answer_gets_one_line_and_a_bool(name, checker, answer, capsys) -> None:
    result = checker(answer)
    assert type(result) is bool
    line = _one_line(capsys)
    assert line.startswith(("✓ ", "✗ "))


@pytest.mark.parametrize(("name", "checker"), CHECKERS, ids=[n for n, _ in CHECKERS])
def test_any_python_value_gets_one_line_and_a_bool(name, checker, capsys) -> None:
    @settings(max_examples=15, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(answer=ANSWERS)
    def feed(answer: Any) -> None:
        capsys.readouterr()
        assert type(checker(answer)) is bool
        assert _one_line(capsys).startswith(("✓ ", "✗ "))

    feed()


def _forever(*args: Any) -> None:
    while True:
        pass


@pytest.mark.parametrize("checker", [check_softplus, check_topological_order, check_dual_sin,
                                     check_clip])
def test_a_function_that_never_returns_is_stopped_with_a_hint(checker, capsys) -> None:
    assert checker(_forever) is False
    line = _one_line(capsys)
    assert line.startswith("✗ ") and "did not finish" in line
