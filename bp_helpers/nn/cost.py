"""What a dense MLP costs: its parameter count and the FLOPs of its layers.

With widths ``(n_0, n_1, …, n_L)`` layer ``l`` has ``W_l``: (n_l, n_{l−1}) and
``b_l``: (n_l, 1), so ``n_l·n_{l−1} + n_l`` parameters. FLOPs count the matrix products
only (a multiply-add is 2 FLOPs; the bias, activation and loss are ignored), for a batch
of ``N`` samples (one per column):

- forward ``Z = W A``: ``2·n_out·n_in·N``;
- backward ``dW = dZ Aᵀ`` and ``dA = Wᵀ dZ``: ``2·n_out·n_in·N`` each, so
  ``4·n_out·n_in·N``, or ``2·n_out·n_in·N`` when the input gradient is skipped
  (the first layer, whose input is the data).
"""

from __future__ import annotations

from collections.abc import Sequence

from bp_helpers._validate import bounded_int

#: The most parameters :func:`bp_helpers.nn.init_params` allocates (400 MB of float64).
MAX_PARAMETERS = 50_000_000


def check_widths(widths: Sequence[int]) -> tuple[int, ...]:
    """``widths`` as a tuple of integers ``>= 1``, at least an input and an output width."""
    if isinstance(widths, (str, bytes)) or not isinstance(widths, Sequence):
        raise TypeError(f"widths must be a sequence of integers like (2, 4, 1), got {widths!r:.60}")
    if len(widths) < 2:
        raise ValueError(f"widths needs an input and an output width, got {tuple(widths)}")
    return tuple(bounded_int(n, "every width", 1) for n in widths)


def layer_parameter_counts(widths: Sequence[int]) -> list[int]:
    """``[n_1·n_0 + n_1, …, n_L·n_{L−1} + n_L]``: weights plus biases of each layer.

    Example: ``layer_parameter_counts((2, 3, 2, 1)) == [9, 8, 3]``.
    """
    widths = check_widths(widths)
    return [n_out * n_in + n_out for n_in, n_out in zip(widths[:-1], widths[1:], strict=False)]


def parameter_count(widths: Sequence[int]) -> int:
    """Weights plus biases of a dense MLP; ``parameter_count((2, 3, 2, 1)) == 20``."""
    return sum(layer_parameter_counts(widths))


def _layer_size(n_in: int, n_out: int, N: int) -> int:
    return (bounded_int(n_in, "n_in", 1) * bounded_int(n_out, "n_out", 1)
            * bounded_int(N, "N", 1))


def dense_forward_flops(n_in: int, n_out: int, N: int) -> int:
    """FLOPs of ``Z = W @ A + b`` for ``W``: (n_out, n_in), ``A``: (n_in, N): ``2·n_out·n_in·N``."""
    return 2 * _layer_size(n_in, n_out, N)


def dense_backward_flops(n_in: int, n_out: int, N: int, need_dA_prev: bool = True) -> int:
    """FLOPs of a dense layer's backward pass: ``dW = dZ Aᵀ`` and, if ``need_dA_prev``,
    ``dA_prev = Wᵀ dZ``; ``4·n_out·n_in·N``, or ``2·n_out·n_in·N`` without ``dA_prev``."""
    if not isinstance(need_dA_prev, bool):
        raise TypeError(f"need_dA_prev must be True or False, got {need_dA_prev!r:.60}")
    return (4 if need_dA_prev else 2) * _layer_size(n_in, n_out, N)
