"""Lesson 06: the figures the notebook draws from its numbers (both languages)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from languages import CJK
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from bp_helpers import nn
from bp_helpers.lessons import l06_activations_and_gradient_flow as l06
from bp_helpers.ui.legibility import MIN_FONT_PT, min_font_size_pt
from bp_helpers.ui.palette import COLORS
from bp_helpers.ui.style import View, cjk_font

DEPTH = 6


def _norms(first: float, last: float, depth: int = DEPTH) -> np.ndarray:
    """Norms falling or rising geometrically from layer 1 to layer ``depth``."""
    return np.geomspace(first, last, depth)


def _activations() -> View:
    z = np.linspace(-5, 5, 401)
    curves = {name: tuple(g(z) for g in nn.activation(name)) for name in l06.FLOW_ACTIVATIONS}
    return l06.plot_activations(z, curves)


def _perceptron() -> View:
    runs = {name: l06.train_perceptron(name, epochs=20) for name in ("step", "sigmoid")}
    moved = {name: np.linalg.norm(run.params - run.params[0], axis=1) for name, run in runs.items()}
    return l06.plot_perceptron_runs(runs, moved)


def _vanishing() -> View:
    return l06.plot_vanishing(_norms(1e-6, 0.3), _norms(3e-7, 0.1))


def _scales() -> View:
    return l06.plot_weight_scales({1.0: _norms(0.3, 0.3), 3.0: _norms(400, 6),
                                   10.0: _norms(2e7, 20)})


def _clipping() -> View:
    return l06.plot_clipping([1.7e3, 1.8e24], np.geomspace(1.7e3, 12.0, 30))


def _fixes() -> View:
    vanishing = {"sigmoid_xavier": _norms(1e-12, 0.3), "batchnorm": _norms(0.5, 0.45),
                 "residual": _norms(0.1, 3.0), "relu_he": _norms(6, 40),
                 "tanh_xavier": _norms(0.25, 0.26)}
    exploding = {"tanh_xavier_10": _norms(2e7, 20), "clipped": _norms(1.0, 1e-6),
                 "batchnorm": _norms(50, 20)}
    return l06.plot_fixes(vanishing, exploding)


FIGURES: dict[str, Callable[[], View]] = {
    "activations": _activations, "perceptron": _perceptron, "vanishing": _vanishing,
    "scales": _scales, "clipping": _clipping, "fixes": _fixes,
}


def _figure_text(fig: Figure) -> str:
    texts = [text.get_text() for text in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return "\n".join(texts)


def _check_drawn(view: View) -> None:
    assert isinstance(view, View) and isinstance(view.figure, Figure)
    for ax in view.figure.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert view.png().startswith(b"\x89PNG")
    assert min_font_size_pt(view.figure) >= MIN_FONT_PT
    assert view.text.strip()


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_draws_with_titled_labelled_axes_in_english(name: str) -> None:
    view = FIGURES[name]()
    _check_drawn(view)
    assert not CJK.search(view.text) and not CJK.search(_figure_text(view.figure))


@pytest.mark.skipif(cjk_font() is None, reason="no font with Chinese glyphs installed")
@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_draws_in_chinese(chinese, name: str) -> None:
    view = FIGURES[name]()
    _check_drawn(view)
    assert CJK.search(view.text)
    assert CJK.search(view.figure.axes[0].get_title())


def _overlaps_axes(fig: Figure, legend) -> bool:  # noqa: ANN001
    renderer = fig.canvas.get_renderer()
    box = legend.get_window_extent(renderer)
    return any(box.overlaps(ax.get_window_extent(renderer)) for ax in fig.axes)


@pytest.mark.parametrize("name", FIGURES)
def test_legends_sit_off_the_data(name: str) -> None:
    fig = FIGURES[name]().figure
    fig.draw_without_rendering()
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
    assert name == "clipping" or legends
    assert not any(_overlaps_axes(fig, legend) for legend in legends)


def test_relu_stays_visible_under_leaky_relu() -> None:
    fig = _activations().figure
    for ax in fig.axes:
        relu, leaky = (ax.lines[l06.FLOW_ACTIVATIONS.index(n)] for n in ("relu", "leaky_relu"))
        assert relu.get_linewidth() >= 2 * leaky.get_linewidth()
        assert relu.get_alpha() < 1 and relu.get_linestyle() == "-"
        assert leaky.get_linestyle() == "--"
        assert ax.lines.index(leaky) > ax.lines.index(relu)  # drawn on top
    labels = [text.get_text() for text in fig.legends[0].texts]
    assert labels == [*l06.FLOW_ACTIVATIONS, "1/4"]


def test_activation_text_gives_the_slope_ranges() -> None:
    text = _activations().text
    assert "sigmoid: from 0.007 to 0.250" in text
    assert "gelu: from -0.129 to 1.129" in text
    assert "Never above the dotted 1/4: sigmoid." in text
    assert "coincide for z > 0" in text


@pytest.mark.parametrize("name", ["perceptron", "vanishing", "scales", "clipping", "fixes"])
def test_epoch_step_and_layer_ticks_are_integers(name: str) -> None:
    fig = FIGURES[name]().figure
    fig.draw_without_rendering()
    for ax in fig.axes:
        low, high = ax.get_xlim()
        ticks = [x for x in ax.get_xticks() if low <= x <= high]
        assert ticks and all(float(x).is_integer() for x in ticks)


def test_perceptron_figure_shows_the_step_unit_standing_still() -> None:
    view = _perceptron()
    ax_loss, ax_move = view.figure.axes
    step_moved = ax_move.lines[0].get_ydata()
    assert np.all(step_moved == 0.0) and ax_move.lines[1].get_ydata()[-1] > 0
    assert to_hex(ax_loss.lines[0].get_color()) == to_hex(COLORS["tangent"])
    assert to_hex(ax_loss.lines[1].get_color()) == to_hex(COLORS["function"])
    assert "step unit: loss 0.500 → 0.5000 over 20 epochs; the weights ended 0.00" in view.text


def test_vanishing_text_gives_the_geometric_factor() -> None:
    view = l06.plot_vanishing(_norms(1e-5, 1.0), _norms(1e-5, 1.0))
    assert "multiplies ‖δ_l‖ by 0.100 on average" in view.text
    assert "layer 1 gets 1.0e-05 of layer 6's" in view.text
    assert view.figure.axes[0].get_yscale() == "log"


def test_scales_text_and_order() -> None:
    view = _scales()
    assert [line.get_label() for line in view.figure.axes[0].lines] == [
        "Xavier × 1", "Xavier × 3", "Xavier × 10"]
    assert "Xavier × 10: layer 1 = 2.00e+07, layer 6 = 2.00e+01, ratio 1.00e+06" in view.text
    assert "The larger the scale" in view.text
    flat = l06.plot_weight_scales({1.0: _norms(1, 1), 3.0: _norms(1, 1)})
    assert "The larger the scale" not in flat.text


def test_clipping_gets_two_log_panels_of_their_own() -> None:
    view = _clipping()
    ax_plain, ax_clip = view.figure.axes
    assert ax_plain.get_yscale() == ax_clip.get_yscale() == "log"
    assert ax_clip.get_ylim()[1] < 1e5 < ax_plain.get_ylim()[1]  # 1e24 is not on the right
    assert ax_plain.get_xlim() == (-0.5, 1.5)
    assert "to 1.8e+24 at step 1" in view.text and "to 12 at step 29" in view.text


def test_fixes_keep_each_panels_batchnorm_ratio() -> None:
    view = _fixes()
    left, right = view.text.split("Right, exploding")
    assert "+ batch normalization: 1.1e+00" in left  # 0.5 / 0.45
    assert "+ batch normalization: 2.5e+00" in right  # 50 / 20
    assert "+ clipping at c = 1: 1.0e+06" in right
    ax_left, ax_right = view.figure.axes
    assert len(ax_left.lines) == 5 and len(ax_right.lines) == 3
    colours = {to_hex(line.get_color()) for line in ax_left.lines}
    assert colours <= {to_hex(c) for c in COLORS.values()}


def test_figures_reject_bad_input() -> None:
    z = np.linspace(-1, 1, 5)
    pair = (z, np.ones_like(z))
    with pytest.raises(ValueError, match="unknown activation"):
        l06.plot_activations(z, {"swish": pair})
    with pytest.raises(ValueError, match="shape of z"):
        l06.plot_activations(z, {"relu": (z, np.ones(7))})
    with pytest.raises(ValueError, match="increasing"):
        l06.plot_activations(z[::-1], {"relu": pair})
    with pytest.raises(TypeError, match="dict"):
        l06.plot_activations(z, [pair])
    with pytest.raises(TypeError, match="pair"):
        l06.plot_activations(z, {"relu": z})
    run = l06.train_perceptron("step", epochs=3)
    with pytest.raises(ValueError, match="keys"):
        l06.plot_perceptron_runs({"relu": run}, {"relu": np.zeros(4)})
    with pytest.raises(ValueError, match="keys of runs"):
        l06.plot_perceptron_runs({"step": run}, {"sigmoid": np.zeros(4)})
    with pytest.raises(ValueError, match="one entry per loss"):
        l06.plot_perceptron_runs({"step": run}, {"step": np.zeros(3)})
    with pytest.raises(TypeError, match="PerceptronRun"):
        l06.plot_perceptron_runs({"step": [0.5]}, {"step": np.zeros(1)})
    with pytest.raises(ValueError, match="positive"):
        l06.plot_vanishing(np.array([1.0, 0.0]), np.array([1.0, 1.0]))
    with pytest.raises(ValueError, match="shape"):
        l06.plot_vanishing(np.ones(3), np.ones(4))
    with pytest.raises(ValueError, match="finite"):
        l06.plot_vanishing(np.array([1.0, np.nan]), np.ones(2))
    with pytest.raises(TypeError, match="numbers"):
        l06.plot_vanishing(["a", "b"], np.ones(2))
    with pytest.raises(ValueError, match="at most 3"):
        l06.plot_weight_scales({s: np.ones(3) for s in (1.0, 2.0, 3.0, 4.0)})
    with pytest.raises(ValueError, match="same number of layers"):
        l06.plot_weight_scales({1.0: np.ones(3), 2.0: np.ones(4)})
    with pytest.raises(ValueError, match="empty"):
        l06.plot_weight_scales({})
    with pytest.raises(ValueError, match="at least 2"):
        l06.plot_clipping([1.0], [1.0, 0.5])
    with pytest.raises(ValueError, match="max_norm"):
        l06.plot_clipping([1.0, 2.0], [1.0, 0.5], max_norm=0.0)
    vanishing = {key: np.ones(3) for key in l06.VANISHING_SETUPS}
    exploding = {key: np.ones(3) for key in l06.EXPLODING_SETUPS}
    with pytest.raises(ValueError, match="vanishing must have the keys"):
        l06.plot_fixes({**vanishing, "extra": np.ones(3)}, exploding)
    with pytest.raises(ValueError, match="exploding must have the keys"):
        l06.plot_fixes(vanishing, {"clipped": np.ones(3)})
    with pytest.raises(ValueError, match="same number of layers"):
        l06.plot_fixes(vanishing, {**exploding, "clipped": np.ones(4)})
    with pytest.raises(ValueError, match="max_norm"):
        l06.plot_fixes(vanishing, exploding, max_norm=float("inf"))
