"""Lesson 04: FLOP counts and the checkers.
"""

from __future__ import annotations

import pytest

from bp_helpers.lessons import l04_why_backprop_is_fast as l04


def test_mlp_flops() -> None:
    cost = l04.mlp_flops([3, 4, 1], batch=5)
    assert cost["P"] == 3 * 4 + 4 + 4 * 1 + 1
    assert cost["forward"] == 2 * (12 + 4) * 5
    # dW in both layers, dA only in layer 2 (layer 1's input is the data)
    assert cost["backward"] == 2 * (12 + 4) * 5 + 2 * 4 * 5
    assert cost["step"] == cost["forward"] + cost["backward"]
    assert cost["numerical"] == 2 * cost["P"] * cost["forward"]
    with pytest.raises(ValueError, match="at least two"):
        l04.mlp_flops([3], 5)
    with pytest.raises(ValueError, match="batch"):
        l04.mlp_flops([3, 1], 0)
