"""bp_helpers.ui.playground_views: the four views of the playground.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from languages import CJK, in_language
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from bp_helpers.nn import ACTIVATIONS
from bp_helpers.playground import (
    DATASETS,
    LIMITS,
    Playground,
    Settings,
)
from bp_helpers.ui.playground_views import describe, draw, node_positions
from bp_helpers.ui.style import COLORS, View


# ----------------------------------------------------------------------------- views
def test_draw_shows_four_titled_and_labelled_views() -> None:
    state = Playground().step(5)
    view = draw(state)
    assert isinstance(view, View) and isinstance(view.figure, Figure)
    axes = [ax for ax in view.figure.axes if ax.get_label() != "<colorbar>"]
    assert len(axes) == 4
    assert len(view.figure.axes) == 5, "P(class 1) has its colour bar"
    for ax in axes:
        assert ax.get_title()
        if ax.axison:
            assert ax.get_xlabel() and ax.get_ylabel()
    assert view.png()[:4] == b"\x89PNG"
    assert view.text == describe(state) == draw(state).text
    assert "step 5 (epoch 0.5)" in view.text and "training accuracy" in view.text
    assert "press Step" in draw(Playground()).text


def test_draw_rejects_other_states() -> None:
    with pytest.raises(TypeError, match="Playground"):
        draw(Settings())


def test_edges_show_weight_size_and_gradient_sign() -> None:
    state = Playground(hidden_layers=1, width=3).step(1)
    view = draw(state)
    from matplotlib.collections import LineCollection

    (edges,) = [c for ax in view.figure.axes for c in ax.collections
                if isinstance(c, LineCollection) and len(c.get_segments()) == 2 * 3 + 3]
    grads = np.concatenate([state.grads["W1"].ravel(), state.grads["W2"].ravel()])
    weights = np.concatenate([state.mlp.params["W1"].ravel(), state.mlp.params["W2"].ravel()])
    colors = edges.get_colors()
    green, purple = to_rgba(COLORS["positive"])[:3], to_rgba(COLORS["negative"])[:3]
    for color, grad in zip(colors, grads, strict=True):
        assert tuple(color[:3]) == (green if grad > 0 else purple)
    widths = edges.get_linewidths()
    assert np.argmax(widths) == np.argmax(np.abs(weights))
    assert np.argmin(widths) == np.argmin(np.abs(weights))
    alphas = colors[:, 3]  # small weights fade: opacity grows with |w|
    assert np.argmax(alphas) == np.argmax(np.abs(weights))
    assert np.argmin(alphas) == np.argmin(np.abs(weights)) and alphas.min() < 0.5


def test_text_says_what_each_view_shows() -> None:
    fresh = describe(Playground())
    assert "untrained network" in fresh and "no gradient yet" in fresh
    trained = Playground().step(30)
    text = describe(trained)
    assert "after 30 updates" in text and "green" in text and "purple" in text
    assert "smoothed over the last 20 updates" in text and "W3" in text
    assert "(last step)" not in text


@pytest.mark.parametrize(("activation", "reason"), [
    ("relu", "inactive"), ("tanh", "saturated tanh"), ("sigmoid", "saturated sigmoid")])
def test_grey_edges_are_explained_for_the_activation(activation: str, reason: str) -> None:
    from bp_helpers.ui.playground_views import _grey_reason

    assert reason in _grey_reason(activation)
    # ReLU units that are off for a whole mini-batch give exact zeros: grey edges
    state = Playground(activation="relu", hidden_layers=3, width=16, batch_size=1).step(5)
    if "exactly 0 on 0 " not in describe(state):
        assert "inactive" in describe(state)


def test_boundary_before_training_says_what_it_is_and_norms_are_smoothed() -> None:
    state = Playground()
    view = draw(state)
    boundary = view.figure.axes[0]
    assert "before training" in boundary.get_title()
    state.step(60)
    draw(state, view.figure)
    assert boundary.get_title() == "P(class 1) after 60 updates"
    norm_ax = view.figure.axes[3] if view.figure.axes[3].get_yscale() == "log" else [
        ax for ax in view.figure.axes if ax.get_yscale() == "log"][0]
    assert "last step" not in norm_ax.get_ylabel()
    lines = norm_ax.get_lines()
    raw = [line for line in lines if line.get_alpha() is not None and line.get_alpha() < 0.5]
    smooth = [line for line in lines if line.get_label().startswith("W")]
    assert len(raw) == len(smooth) == 3
    raw_y, smooth_y = raw[0].get_ydata(), smooth[0].get_ydata()
    assert np.std(np.diff(np.log10(smooth_y))) < np.std(np.diff(np.log10(raw_y)))
    styles = {(line.get_linestyle(), line.get_marker()) for line in smooth}
    assert len(styles) == 3, "each layer's line differs in style and marker"


def test_node_positions_first_unit_on_top_and_centred() -> None:
    ys = node_positions((2, 4, 1))
    np.testing.assert_allclose(ys[1], [1.5, 0.5, -0.5, -1.5])
    np.testing.assert_allclose(ys[2], [0.0])
    assert ys[0][0] > 0 > ys[0][1] and ys[0][0] == -ys[0][1]


def test_redraw_reuses_the_figure_and_rebuilds_for_a_new_shape() -> None:
    state = Playground()
    view = draw(state)
    first = view.png()
    state.step(3)
    again = draw(state, view.figure)
    assert again.figure is view.figure and again.png() != first
    state.reset(hidden_layers=3, width=5)
    rebuilt = draw(state, view.figure)
    assert rebuilt.figure is view.figure
    assert len(rebuilt.figure.axes) == 5
    norm_ax = [ax for ax in rebuilt.figure.axes if ax.get_yscale() == "log"][0]
    legend = [t.get_text() for t in norm_ax.get_legend().get_texts()]
    assert legend == ["W1", "W2", "W3", "W4"]
    assert len(norm_ax.get_lines()) == 8, "the old shape's lines are gone"
    assert "2-5-5-5-1" in rebuilt.text


def test_a_reused_figure_shows_what_a_new_one_shows() -> None:
    """Shapes, datasets and steps change; the figure is reused (its static image kept
    where it can be): every frame has the pixels of a figure drawn anew for that state."""
    state = Playground()
    view = draw(state)
    for changes in ({"hidden_layers": 3, "width": 12}, {"dataset": "moons"},
                    {"hidden_layers": 1, "width": 4}, {"dataset": "xor"},
                    {"hidden_layers": 1, "width": 4, "seed": 3}):
        state.reset(**changes)
        for steps in (7, 5):  # the second passes 10 updates: new axis ranges
            state.step(steps)
            view = draw(state, view.figure)
            assert view.png() == draw(state).png(), changes


def test_playground_view_png_is_a_png_of_the_same_figure() -> None:
    from bp_helpers.ui.playground_views import PlaygroundView

    view = draw(Playground())
    assert isinstance(view, PlaygroundView)
    fast, plain = view.png(), View.png(view)
    assert fast[:8] == plain[:8] == b"\x89PNG\r\n\x1a\n"
    from io import BytesIO

    from PIL import Image

    a, b = Image.open(BytesIO(fast)), Image.open(BytesIO(plain))
    assert a.size == b.size
    assert np.array_equal(np.asarray(a), np.asarray(b))  # same pixels, lighter compression


def test_a_dropped_figure_is_freed() -> None:
    import gc
    import weakref

    state = Playground()
    view = draw(state)
    draw(state.step(2), view.figure).png()
    ref = weakref.ref(view.figure)
    del view
    gc.collect()
    assert ref() is None, "the figure's artists must not keep it alive"


def _extreme_cases() -> list:
    cases = []
    for name, (low, high) in LIMITS.items():
        if name == "n_samples":
            continue
        high = {"batch_size": 200, "seed": 20}.get(name, high)
        cases += [pytest.param({name: low}, id=f"{name}-min"),
                  pytest.param({name: high}, id=f"{name}-max")]
    cases += [pytest.param({"activation": a}, id=a) for a in ACTIVATIONS]
    cases += [pytest.param({"dataset": d}, id=d) for d in DATASETS]
    cases += [
        pytest.param({"hidden_layers": 4, "width": 16, "learning_rate": 10.0,
                      "activation": a}, id=f"deep-wide-lr10-{a}") for a in ACTIVATIONS
    ]
    cases.append(pytest.param({"hidden_layers": 0, "width": 1, "batch_size": 1}, id="tiny"))
    return cases


@pytest.mark.parametrize("changes", _extreme_cases())
def test_every_control_at_its_extremes(changes: dict) -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        state = Playground(**changes)
        state.step(40)
        view = draw(state)
        state.step(3)
        again = draw(state, view.figure)
    assert again.figure is view.figure
    assert np.all(np.isfinite(state.losses))
    assert np.all(np.isfinite(state.grad_norms))
    for value in state.mlp.params.values():
        assert np.all(np.isfinite(value))
    assert len(state.losses) == state.steps + 1
    if state.diverged is not None:
        assert "diverged" in state.diverged and "learning rate" in state.diverged
        assert "diverged" in again.text


# ----------------------------------------------------------------------------- languages
def test_views_render_in_chinese_without_warnings() -> None:
    import re

    from bp_helpers.ui import style

    with in_language("zh"):
        state = Playground(activation="relu", hidden_layers=3, width=16, batch_size=1)
        view = draw(state)
        assert view.png()[:4] == b"\x89PNG"  # a missing glyph would warn: an error here
        state.step(5)
        view = draw(state, view.figure)
        view.png()
        assert all(CJK.search(line) for line in view.text.splitlines()), view.text
        if style.cjk_font() is not None:
            texts = [view.figure._suptitle.get_text()]
            for ax in view.figure.axes:
                texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            texts = [text for text in texts if re.search("[A-Za-z]{4,}", text)]
            assert all(CJK.search(text) for text in texts), texts
        diverging = Playground(activation="identity", learning_rate=10.0).step(20)
        assert CJK.search(diverging.diverged) and "发散" in describe(diverging)
    assert describe(state).startswith("xor, noise")


def test_the_boundary_view_shows_every_point_of_a_seed_beyond_the_slider() -> None:
    from bp_helpers.ui.playground_views import SEEDS, draw

    state = Playground(dataset="moons", noise=0.5, seed=SEEDS.stop + 1000)
    ax = draw(state).figure.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    X = state.X
    assert x0 < X[0].min() and X[0].max() < x1 and y0 < X[1].min() and X[1].max() < y1
