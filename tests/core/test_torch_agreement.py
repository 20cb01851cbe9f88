"""bp_helpers against torch.autograd in float64: the MLP, the deep nets, Value and Dual,
BatchNorm (training and eval mode, running statistics) and Hessian-vector products.

Skipped when PyTorch is not installed; CI installs the CPU build (torch==2.13.0). Every
comparison asks for agreement better than 1e-10 (relative, normwise per array).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

torch = pytest.importorskip(
    "torch",
    reason="PyTorch is not installed; CI installs it (pip install torch==2.13.0, CPU build) "
    "to compare bp_helpers' gradients with torch.autograd",
)
import torch.nn.functional as F  # noqa: E402

from bp_helpers import nn  # noqa: E402
from bp_helpers.autograd import Value  # noqa: E402
from bp_helpers.deep import deep_loss_and_grads  # noqa: E402
from bp_helpers.dual import jacobian, jvp  # noqa: E402
from bp_helpers.hvp import grad_and_hvp, hessian  # noqa: E402
from bp_helpers.nn.batchnorm import (  # noqa: E402
    RunningStats,
    batchnorm_backward,
    batchnorm_forward,
)
from bp_helpers.nn.bn_mlp import bn_net_loss_and_grads, init_bn_params  # noqa: E402

TOL = 1e-10

TORCH_ACTIVATIONS = {
    "identity": lambda z: z,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, negative_slope=0.01),
    "gelu": lambda z: F.gelu(z, approximate="none"),  # exact, with Φ
}


def _t(array: np.ndarray, grad: bool = False):
    return torch.tensor(array, dtype=torch.float64, requires_grad=grad)


def _gap(ours: np.ndarray, theirs) -> float:
    theirs = theirs.detach().numpy() if hasattr(theirs, "detach") else np.asarray(theirs)
    return nn.relative_norm_error(np.asarray(ours, dtype=float), theirs)


def test_activation_table_covers_every_activation() -> None:
    assert set(TORCH_ACTIVATIONS) == set(nn.ACTIVATIONS)


# --- the vectorized MLP -------------------------------------------------------------------
def _torch_mlp_loss(mlp: nn.MLP, params, X: np.ndarray, Y: np.ndarray, loss: str):
    A = _t(X)
    for k in range(1, mlp.n_layers + 1):
        Z = params[f"W{k}"] @ A + params[f"b{k}"]
        name = mlp.activation if k < mlp.n_layers else mlp.output_activation
        A = TORCH_ACTIVATIONS[name](Z)
    N = X.shape[1]
    if loss == "mse":
        return 0.5 * ((A - _t(Y)) ** 2).sum() / N
    return F.binary_cross_entropy_with_logits(A, _t(Y), reduction="sum") / N


@pytest.mark.parametrize("seed", range(24))
def test_mlp_gradients_match_torch(seed: int) -> None:
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 5))
    widths = tuple(int(w) for w in rng.integers(1, 7, size=depth + 1))
    activation = nn.ACTIVATIONS[seed % len(nn.ACTIVATIONS)]
    loss = "bce" if seed % 2 else "mse"
    output = "identity" if loss == "bce" else str(rng.choice(["identity", "tanh", "sigmoid"]))
    mlp = nn.MLP(widths, activation=activation, output_activation=output,
                 init=str(rng.choice(["xavier", "he"])), seed=seed)
    N = int(rng.integers(1, 9))
    X = rng.standard_normal((widths[0], N))
    Y = rng.integers(0, 2, size=(widths[-1], N)).astype(float) if loss == "bce" else (
        rng.standard_normal((widths[-1], N)))

    L, grads = mlp.loss_and_grads(X, Y, loss=loss)
    params = {key: _t(value, grad=True) for key, value in mlp.params.items()}
    L_torch = _torch_mlp_loss(mlp, params, X, Y, loss)
    L_torch.backward()

    assert abs(L - L_torch.item()) <= TOL * max(1.0, abs(L_torch.item()))
    for key, value in params.items():
        assert _gap(grads[key], value.grad) < TOL, (key, widths, activation, loss)


# --- the deep plain and residual nets of notebook 06 ------------------------------------
@pytest.mark.parametrize("residual", [False, True])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "gelu"])
def test_deep_net_gradients_match_torch(activation: str, residual: bool) -> None:
    rng = np.random.default_rng(3)
    widths = (4, 5, 5, 5, 5, 2)
    params = nn.init_params(widths, "he", rng)
    X, Y = rng.standard_normal((4, 6)), rng.standard_normal((2, 6))
    beta = 0.4
    L, grads = deep_loss_and_grads(params, X, Y, activation, residual, beta)

    tparams = {key: _t(value, grad=True) for key, value in params.items()}
    A = _t(X)
    n_layers = len(widths) - 1
    for k in range(1, n_layers + 1):
        W = tparams[f"W{k}"]
        Z = W @ A + tparams[f"b{k}"]
        if k == n_layers:
            A = Z
        elif residual and W.shape[0] == W.shape[1]:
            A = A + beta * TORCH_ACTIVATIONS[activation](Z)
        else:
            A = TORCH_ACTIVATIONS[activation](Z)
    L_torch = 0.5 * ((A - _t(Y)) ** 2).sum() / X.shape[1]
    L_torch.backward()

    assert abs(L - L_torch.item()) <= TOL * max(1.0, abs(L_torch.item()))
    for key, value in tparams.items():
        assert _gap(grads[key], value.grad) < TOL, key


# --- the scalar engine --------------------------------------------------------------------
def _random_program(rng: np.random.Generator, n_leaves: int, n_ops: int) -> list[tuple]:
    """A list of operations on a growing pool of nodes; every operation is safe (no log of
    a non-positive number, no division by 0) for any values."""
    kinds = sorted(OPERATIONS)
    program = []
    for step in range(n_ops):
        size = n_leaves + step
        i, j = (int(k) for k in rng.integers(0, size, size=2))
        c = float(np.round(rng.uniform(-2, 2), 2))
        program.append((str(rng.choice(kinds)), i, j, c))
    return program


#: Every operation of Value, each made safe for any inputs: (a, b, constant c) -> node.
OPERATIONS = {
    "add": lambda a, b, c: a + b,
    "sub": lambda a, b, c: a - b,
    "mul": lambda a, b, c: a * b,
    "div": lambda a, b, c: a / (b * b + 1.0),
    "pow": lambda a, b, c: (a * a + 0.5) ** (c if c != 0 else 2.0),
    "exp": lambda a, b, c: a.tanh().exp(),
    "log": lambda a, b, c: (a * a + 1.0).log(),
    "tanh": lambda a, b, c: a.tanh(),
    "sigmoid": lambda a, b, c: (c * a).sigmoid(),
    "relu": lambda a, b, c: (a + c).relu(),
    "radd": lambda a, b, c: c + a,
    "rmul": lambda a, b, c: c * a,
    "rdiv": lambda a, b, c: c / (a * a + 1.0),
}


def _run(program: list[tuple], leaves: list):
    """Apply the program to Values or 0-d tensors; the output mixes the last three nodes."""
    nodes = list(leaves)
    for kind, i, j, c in program:
        nodes.append(OPERATIONS[kind](nodes[i], nodes[j], c))
    return nodes[-1] + nodes[-2] * nodes[-3]


@pytest.mark.parametrize("seed", range(40))
def test_value_engine_matches_torch_on_random_expressions(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    n_leaves = int(rng.integers(1, 5))
    program = _random_program(rng, n_leaves, n_ops=int(rng.integers(3, 15)))
    start = rng.uniform(-1.5, 1.5, size=n_leaves)

    ours = [Value(float(v)) for v in start]
    out = _run(program, ours)
    out.backward()
    theirs = [_t(float(v), grad=True) for v in start]
    out_torch = _run(program, theirs)
    out_torch.backward()

    assert abs(out.data - out_torch.item()) <= TOL * max(1.0, abs(out_torch.item()))
    for leaf, tleaf in zip(ours, theirs, strict=True):
        expected = 0.0 if tleaf.grad is None else tleaf.grad.item()
        assert abs(leaf.grad - expected) <= TOL * max(1.0, abs(expected)), program


def test_one_neuron_example_matches_torch() -> None:
    w, b = Value(2.0), Value(-1.0)
    loss = (w * 3.0 + b - 10) ** 2
    loss.backward()
    tw, tb = _t(2.0, grad=True), _t(-1.0, grad=True)
    tloss = (tw * 3.0 + tb - 10) ** 2
    tloss.backward()
    assert (w.grad, b.grad) == (tw.grad.item(), tb.grad.item()) == (-30.0, -10.0)


def test_gradient_accumulation_matches_torch() -> None:
    # two backward passes without zeroing add up, in both engines
    w = Value(2.0)
    tw = _t(2.0, grad=True)
    for engine_w in (w, tw):
        ((engine_w * 3.0 - 1.0) ** 2).backward()
        ((engine_w * -1.0 + 4.0) ** 2).backward()
    assert w.grad == tw.grad.item() == 26.0


# --- forward mode -------------------------------------------------------------------------
def _layer(x, W: np.ndarray):
    """R^n → R^m written with scalar operations only (works on Duals and 0-d tensors)."""
    m, n = W.shape
    outputs = []
    for i in range(m):
        s = 0.0
        for j in range(n):
            s = s + float(W[i, j]) * x[j]
        outputs.append(s.tanh() * x[i % n].sigmoid() + (x[(i + 1) % n] * x[i % n]).exp())
    return outputs


@pytest.mark.parametrize("seed", range(6))
def test_dual_jvp_matches_torch_forward_mode(seed: int) -> None:
    rng = np.random.default_rng(200 + seed)
    m, n = (int(k) for k in rng.integers(1, 5, size=2))
    W = rng.standard_normal((m, n))
    x, v = rng.uniform(-1, 1, size=n), rng.standard_normal(n)

    y, Jv = jvp(lambda xs: _layer(xs, W), x, v)
    with warnings.catch_warnings():
        # torch's forward-mode AD scripts its decompositions with the deprecated
        # torch.jit.script on first use; that warning is torch's, not ours
        warnings.filterwarnings("ignore", message=".torch.jit.script. is deprecated",
                                category=DeprecationWarning)
        y_torch, Jv_torch = torch.func.jvp(lambda t: torch.stack(_layer(t, W)), (_t(x),), (_t(v),))
    assert _gap(y, y_torch) < TOL
    assert _gap(Jv, Jv_torch) < TOL

    J_torch = torch.autograd.functional.jacobian(lambda t: torch.stack(_layer(t, W)), _t(x))
    assert _gap(jacobian(lambda xs: _layer(xs, W), x), J_torch) < TOL


# --- batch normalization (nn.batchnorm, nn.bn_mlp) ----------------------------------------
def _torch_batchnorm(X: np.ndarray, gamma, beta, running, training: bool, **kw):
    """torch's batch_norm in OUR layout: X (n, N) -> torch's (N, C) and back."""
    mean = _t(running.mean.ravel()) if running is not None else None
    var = _t(running.var.ravel()) if running is not None else None
    Y = F.batch_norm(X.T if isinstance(X, torch.Tensor) else _t(X.T), mean, var,
                     gamma.reshape(-1), beta.reshape(-1), training=training, **kw)
    return Y.T, mean, var


@pytest.mark.parametrize("seed", range(8))
def test_batchnorm_training_mode_matches_torch(seed: int) -> None:
    rng = np.random.default_rng(300 + seed)
    n, N = int(rng.integers(1, 6)), int(rng.integers(2, 9))
    X = rng.standard_normal((n, N)) * 3.0 + rng.standard_normal((n, 1))
    gamma, beta = rng.uniform(0.5, 2.0, (n, 1)), rng.standard_normal((n, 1))
    G = rng.standard_normal((n, N))
    eps, momentum = float(rng.choice([1e-5, 1e-3, 0.1])), float(rng.uniform(0.05, 0.9))
    start = (rng.standard_normal((n, 1)), rng.uniform(0.5, 2.0, (n, 1)))
    running = RunningStats(*start)

    Y, cache = batchnorm_forward(X, gamma, beta, eps=eps, running=running, momentum=momentum)
    dX, dgamma, dbeta = batchnorm_backward(G, cache)

    tX, tgamma, tbeta = _t(X, grad=True), _t(gamma, grad=True), _t(beta, grad=True)
    Y_torch, mean_torch, var_torch = _torch_batchnorm(
        tX, tgamma, tbeta, RunningStats(*start), training=True, momentum=momentum, eps=eps)
    (Y_torch * _t(G)).sum().backward()

    assert _gap(Y, Y_torch) < TOL
    assert _gap(dX, tX.grad) < TOL
    assert _gap(dgamma, tgamma.grad) < TOL
    assert _gap(dbeta, tbeta.grad) < TOL
    # running statistics updated the same way (torch: in place, unbiased variance)
    assert _gap(running.mean.ravel(), mean_torch) < TOL
    assert _gap(running.var.ravel(), var_torch) < TOL


@pytest.mark.parametrize("seed", range(4))
def test_batchnorm_eval_mode_matches_torch(seed: int) -> None:
    rng = np.random.default_rng(400 + seed)
    n, N = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    X = rng.standard_normal((n, N))
    gamma, beta = rng.uniform(0.5, 2.0, (n, 1)), rng.standard_normal((n, 1))
    G = rng.standard_normal((n, N))
    start = (rng.standard_normal((n, 1)), rng.uniform(0.5, 2.0, (n, 1)))
    running = RunningStats(*start)

    Y, cache = batchnorm_forward(X, gamma, beta, training=False, running=running, eps=1e-3)
    dX, dgamma, dbeta = batchnorm_backward(G, cache)

    tX, tgamma, tbeta = _t(X, grad=True), _t(gamma, grad=True), _t(beta, grad=True)
    Y_torch, mean_torch, var_torch = _torch_batchnorm(
        tX, tgamma, tbeta, RunningStats(*start), training=False, eps=1e-3)
    (Y_torch * _t(G)).sum().backward()

    assert _gap(Y, Y_torch) < TOL
    assert _gap(dX, tX.grad) < TOL
    assert _gap(dgamma, tgamma.grad) < TOL
    assert _gap(dbeta, tbeta.grad) < TOL
    # neither changes the running statistics in eval mode
    assert np.array_equal(running.mean, start[0]) and np.array_equal(running.var, start[1])
    assert _gap(start[0].ravel(), mean_torch) == 0.0 and _gap(start[1].ravel(), var_torch) == 0.0


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_batchnorm_deep_net_gradients_match_torch(activation: str) -> None:
    rng = np.random.default_rng(5)
    widths = (3, 5, 5, 4, 2)
    params = init_bn_params(widths, "he", rng)
    for k in (1, 2, 3):
        params[f"gamma{k}"] += 0.2 * rng.standard_normal(params[f"gamma{k}"].shape)
        params[f"beta{k}"] += 0.2 * rng.standard_normal(params[f"beta{k}"].shape)
    X, Y = rng.standard_normal((3, 7)), rng.standard_normal((2, 7))
    L, grads = bn_net_loss_and_grads(params, X, Y, activation)

    tparams = {key: _t(value, grad=True) for key, value in params.items()}
    A = _t(X)
    for k in range(1, len(widths)):
        Z = tparams[f"W{k}"] @ A + tparams[f"b{k}"]
        if k < len(widths) - 1:
            Z = F.batch_norm(Z.T, None, None, tparams[f"gamma{k}"].reshape(-1),
                             tparams[f"beta{k}"].reshape(-1), training=True).T
            A = TORCH_ACTIVATIONS[activation](Z)
        else:
            A = Z
    L_torch = 0.5 * ((A - _t(Y)) ** 2).sum() / X.shape[1]
    L_torch.backward()

    assert abs(L - L_torch.item()) <= TOL * max(1.0, abs(L_torch.item()))
    for key, value in tparams.items():
        if key in ("b1", "b2", "b3"):  # hidden biases: both ≈ 0 (BN removes the mean)
            assert np.abs(grads[key]).max() < 1e-14 and value.grad.abs().max() < 1e-14
        else:
            assert _gap(grads[key], value.grad) < TOL, key


# --- Hessian-vector products (hvp) --------------------------------------------------------
@pytest.mark.parametrize("seed", range(20))
def test_hvp_matches_torch_on_random_expressions(seed: int) -> None:
    rng = np.random.default_rng(500 + seed)
    n_leaves = int(rng.integers(1, 5))
    program = _random_program(rng, n_leaves, n_ops=int(rng.integers(3, 15)))
    x, v = rng.uniform(-1.5, 1.5, size=n_leaves), rng.standard_normal(n_leaves)

    def f(xs):
        return _run(program, list(xs))

    g, Hv = grad_and_hvp(f, x, v)
    out_torch, Hv_torch = torch.autograd.functional.hvp(lambda t: f(t.unbind()), _t(x), _t(v))
    g_torch = torch.autograd.functional.jacobian(lambda t: f(t.unbind()), _t(x))

    assert _gap(g, g_torch) < TOL, program
    assert _gap(Hv, Hv_torch) < TOL, program
    H_torch = torch.autograd.functional.hessian(lambda t: f(t.unbind()), _t(x))
    assert _gap(hessian(f, x), H_torch) < TOL, program
