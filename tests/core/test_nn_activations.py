"""bp_helpers.nn.activations: values, derivatives, stability, names."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bp_helpers import nn
from bp_helpers.calculus import central_difference

ZS = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])


@pytest.mark.parametrize("name", nn.ACTIVATIONS)
def test_derivative_matches_central_differences(name: str) -> None:
    f, f_prime = nn.activation(name)
    for z in ZS:
        numeric = central_difference(lambda t, f=f: float(f(np.array(t))), float(z))
        assert float(f_prime(np.array(z))) == pytest.approx(numeric, rel=1e-7, abs=1e-9)


@pytest.mark.parametrize("name", nn.ACTIVATIONS)
def test_shape_is_preserved(name: str) -> None:
    f, f_prime = nn.activation(name)
    z = np.linspace(-2, 2, 12).reshape(3, 4)
    assert f(z).shape == (3, 4) and f_prime(z).shape == (3, 4)


def test_known_values() -> None:
    assert float(nn.sigmoid(0.0)) == 0.5
    assert float(nn.sigmoid(2.0)) == pytest.approx(1 / (1 + math.exp(-2)), rel=1e-15)
    assert float(nn.sigmoid(-2.0)) == pytest.approx(1 / (1 + math.exp(2)), rel=1e-15)
    assert float(nn.relu(-1.0)) == 0.0 and float(nn.relu(3.0)) == 3.0
    assert float(nn.leaky_relu(-2.0)) == pytest.approx(-0.02)
    assert float(nn.leaky_relu_prime(-2.0)) == 0.01
    # exact GELU: z Φ(z), Φ(1) = 0.8413447460685429
    assert float(nn.gelu(1.0)) == pytest.approx(0.8413447460685429, rel=1e-14)
    assert float(nn.gelu(-1.0)) == pytest.approx(-0.15865525393145707, rel=1e-14)
    assert float(nn.normal_pdf(0.0)) == pytest.approx(1 / math.sqrt(2 * math.pi))


def test_relu_kink_derivative_is_zero() -> None:
    assert float(nn.relu_prime(0.0)) == 0.0
    assert float(nn.leaky_relu_prime(0.0)) == 0.01


@pytest.mark.parametrize("name", nn.ACTIVATIONS)
def test_extreme_inputs_are_finite_without_warnings(name: str) -> None:
    f, f_prime = nn.activation(name)
    z = np.array([-1000.0, -745.0, -40.0, 0.0, 40.0, 745.0, 1000.0])
    with np.errstate(all="raise"):
        a, da = f(z), f_prime(z)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(da))


def test_sigmoid_saturates_to_exact_limits() -> None:
    with np.errstate(all="raise"):
        s = nn.sigmoid(np.array([-1000.0, 1000.0]))
        ds = nn.sigmoid_prime(np.array([-1000.0, 1000.0]))
    assert s.tolist() == [0.0, 1.0]
    assert ds.tolist() == [0.0, 0.0]
    assert float(nn.sigmoid(-30.0)) == pytest.approx(math.exp(-30) / (1 + math.exp(-30)))


def test_activation_lookup_and_bad_names() -> None:
    assert nn.activation("tanh") == (nn.tanh, nn.tanh_prime)
    with pytest.raises(ValueError, match="expected one of"):
        nn.activation("softplus")
    with pytest.raises(TypeError, match="string"):
        nn.activation(3)  # type: ignore[arg-type]


def test_the_shared_constants_are_read_only_zero_and_one() -> None:
    from bp_helpers.nn.activations import ONE, ZERO
    assert ZERO.shape == ONE.shape == () and float(ZERO) == 0.0 and float(ONE) == 1.0
    for constant in (ZERO, ONE):
        with pytest.raises(ValueError, match="read-only"):
            constant[...] = 2.0
