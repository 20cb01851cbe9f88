"""A small vectorized NumPy network: activations, losses, layers, an MLP and its training.

Batch convention (the package's, see ``bp_helpers``): one sample per column, ``X``:
(n_features, N), ``Y``: (n_outputs, N), ``W_l``: (n_l, n_{l−1}), ``b_l``: (n_l, 1).
"""

from bp_helpers.nn.activations import (
    ACTIVATIONS,
    activation,
    exp_neg,
    gelu,
    gelu_prime,
    identity,
    identity_prime,
    leaky_relu,
    leaky_relu_prime,
    normal_cdf,
    normal_pdf,
    relu,
    relu_prime,
    scalar_sigmoid,
    sigmoid,
    sigmoid_prime,
    tanh,
    tanh_prime,
)
from bp_helpers.nn.cost import (
    dense_backward_flops,
    dense_forward_flops,
    layer_parameter_counts,
    parameter_count,
)
from bp_helpers.nn.layers import (
    activation_backward,
    activation_forward,
    dense_backward,
    dense_forward,
)
from bp_helpers.nn.losses import LOSSES, bce, bce_with_logits, mse
from bp_helpers.nn.mlp import (
    INITS,
    MLP,
    TrainingDiverged,
    backward_pass,
    gradient_check,
    init_params,
    relative_norm_error,
    sgd_step,
    train,
)

__all__ = [
    "ACTIVATIONS",
    "INITS",
    "LOSSES",
    "MLP",
    "TrainingDiverged",
    "activation",
    "activation_backward",
    "activation_forward",
    "bce",
    "backward_pass",
    "bce_with_logits",
    "dense_backward",
    "dense_backward_flops",
    "dense_forward",
    "dense_forward_flops",
    "exp_neg",
    "gelu",
    "gelu_prime",
    "gradient_check",
    "identity",
    "identity_prime",
    "init_params",
    "layer_parameter_counts",
    "leaky_relu",
    "leaky_relu_prime",
    "mse",
    "normal_cdf",
    "normal_pdf",
    "parameter_count",
    "relative_norm_error",
    "relu",
    "relu_prime",
    "scalar_sigmoid",
    "sgd_step",
    "sigmoid",
    "sigmoid_prime",
    "tanh",
    "tanh_prime",
    "train",
]
