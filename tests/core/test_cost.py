"""Parameter counts and FLOP counts of dense MLPs (bp_helpers.nn.cost)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_helpers import nn
from bp_helpers.nn.cost import (
    MAX_PARAMETERS,
    check_widths,
    dense_backward_flops,
    dense_forward_flops,
    layer_parameter_counts,
    parameter_count,
)


def test_known_counts() -> None:
    assert parameter_count((2, 3, 2, 1)) == 20  # the network of notebook 03
    assert layer_parameter_counts((2, 3, 2, 1)) == [9, 8, 3]
    assert parameter_count((2, 4, 1)) == 17
    assert parameter_count((784, 256, 256, 10)) == 784 * 256 + 256 + 256 * 256 + 256 + 2570


@given(st.lists(st.integers(1, 9), min_size=2, max_size=5))
def test_counts_match_the_arrays_init_params_makes(widths) -> None:
    params = nn.init_params(widths)
    assert parameter_count(widths) == sum(p.size for p in params.values())
    per_layer = [params[f"W{k}"].size + params[f"b{k}"].size for k in range(1, len(widths))]
    assert layer_parameter_counts(widths) == per_layer


def test_flops_of_a_dense_layer() -> None:
    assert dense_forward_flops(3, 2, 5) == 2 * 2 * 3 * 5
    assert dense_backward_flops(3, 2, 5) == 4 * 2 * 3 * 5
    assert dense_backward_flops(3, 2, 5, need_dA_prev=False) == 2 * 2 * 3 * 5


@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6))
def test_forward_flops_count_the_multiply_adds_of_w_at_a(n_in, n_out, N) -> None:
    # each of the n_out·N entries of W @ A is n_in multiplications and n_in additions
    assert dense_forward_flops(n_in, n_out, N) == n_out * N * 2 * n_in


def test_huge_widths_are_counted_without_allocating() -> None:
    assert parameter_count((10**9, 10**9)) == 10**18 + 10**9
    with pytest.raises(ValueError, match="parameters"):
        nn.init_params((10**9, 2))
    with pytest.raises(ValueError, match="parameters"):
        nn.MLP((2, 10**9, 1))
    assert MAX_PARAMETERS >= parameter_count((784, 256, 256, 10))


@pytest.mark.parametrize(
    ("widths", "error"),
    [("23", TypeError), ((2,), ValueError), ((2, 0, 1), ValueError), ((2, 1.5), TypeError),
     ((2, None), TypeError), (None, TypeError), ((True, 2), TypeError), ([2, -1], ValueError)],
)
def test_bad_widths(widths, error) -> None:
    with pytest.raises(error):
        check_widths(widths)
    with pytest.raises(error):
        parameter_count(widths)


@pytest.mark.parametrize("bad", [0, -1, 1.5, None, "3", True])
def test_bad_flop_arguments(bad) -> None:
    with pytest.raises((TypeError, ValueError)):
        dense_forward_flops(bad, 2, 3)
    with pytest.raises((TypeError, ValueError)):
        dense_backward_flops(2, 2, bad)
    with pytest.raises(TypeError, match="True or False"):
        dense_backward_flops(2, 2, 2, need_dA_prev="no")


def test_numpy_integers_are_accepted() -> None:
    assert parameter_count(np.array([2, 3, 1]).tolist()) == 13
    assert dense_forward_flops(np.int64(2), 3, 4) == 48
