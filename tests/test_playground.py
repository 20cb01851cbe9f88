"""The playground: its training state, its four views and its widget, without a browser."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from bp_helpers.nn import ACTIVATIONS
from bp_helpers.playground import (
    DATASETS,
    LIMITS,
    Playground,
    Settings,
    make_dataset,
    noisy_xor,
)
from bp_helpers.plotting import COLORS, View
from bp_helpers.plotting.playground import describe, draw, node_positions


# ----------------------------------------------------------------------------- settings
def test_settings_defaults_and_widths() -> None:
    s = Settings()
    assert s.widths == (2, 8, 8, 1)
    assert Settings(hidden_layers=0).widths == (2, 1)
    assert Settings(hidden_layers=4, width=16).widths == (2, 16, 16, 16, 16, 1)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"dataset": "mnist"}, ValueError),
        ({"activation": "softmax"}, ValueError),
        ({"hidden_layers": 5}, ValueError),
        ({"hidden_layers": -1}, ValueError),
        ({"width": 0}, ValueError),
        ({"width": 17}, ValueError),
        ({"learning_rate": 0.0}, ValueError),
        ({"learning_rate": 11.0}, ValueError),
        ({"learning_rate": float("nan")}, ValueError),
        ({"noise": -0.1}, ValueError),
        ({"batch_size": 0}, ValueError),
        ({"width": 2.5}, TypeError),
        ({"seed": "0"}, TypeError),
        ({"hidden_layers": True}, TypeError),
        ({"learning_rate": "fast"}, TypeError),
    ],
)
def test_bad_settings_are_rejected(changes: dict, error: type) -> None:
    with pytest.raises(error, match=next(iter(changes))):
        Settings(**changes)


def test_unknown_setting_names_are_listed() -> None:
    with pytest.raises(ValueError, match="unknown setting.*'lr'.*learning_rate"):
        Playground(lr=0.1)
    with pytest.raises(TypeError, match="Settings"):
        Playground(settings={"width": 3})


# ----------------------------------------------------------------------------- data
def test_noisy_xor_labels_each_corner_by_xor() -> None:
    X, Y = noisy_xor(n=8, noise=0.0, seed=0)
    assert X.shape == (2, 8) and Y.shape == (1, 8)
    expected = np.logical_xor(X[0] > 0.5, X[1] > 0.5).astype(float)
    np.testing.assert_array_equal(Y[0], expected)
    assert Y.sum() == 4  # balanced
    Xn, Yn = noisy_xor(n=200, noise=0.1, seed=0)
    agree = np.mean(np.logical_xor(Xn[0] > 0.5, Xn[1] > 0.5) == (Yn[0] == 1))
    assert agree > 0.95  # noise 0.1 moves few points across the middle lines
    np.testing.assert_array_equal(Xn, noisy_xor(n=200, noise=0.1, seed=0)[0])


@pytest.mark.parametrize("dataset", DATASETS)
def test_make_dataset_shapes(dataset: str) -> None:
    X, Y = make_dataset(Settings(dataset=dataset, n_samples=50))
    assert X.shape == (2, 50) and Y.shape == (1, 50)
    assert set(np.unique(Y)) == {0.0, 1.0}


# ----------------------------------------------------------------------------- state
def test_step_records_loss_gradients_and_norms() -> None:
    state = Playground(dataset="moons")
    assert state.steps == 0 and state.grads is None and state.grad_norms.shape == (0, 3)
    state.step(4)
    assert state.steps == 4 and len(state.losses) == 5
    assert state.grad_norms.shape == (4, 3)
    assert state.grads.keys() == state.mlp.params.keys()
    for key, grad in state.grads.items():
        assert grad.shape == state.mlp.params[key].shape
    last = [np.linalg.norm(state.grads[f"W{k}"]) for k in (1, 2, 3)]
    np.testing.assert_allclose(state.grad_norms[-1], last)
    assert state.losses[-1] == pytest.approx(state.full_loss())
    assert state.epoch == pytest.approx(4 * 20 / 200)


def test_the_last_gradient_is_the_minibatch_gradient_before_the_update() -> None:
    state = Playground(dataset="circles", batch_size=200)  # full batch: no sampling
    before = {k: v.copy() for k, v in state.mlp.params.items()}
    _, expected = state.mlp.loss_and_grads(state.X, state.Y, loss="bce")
    state.step()
    for key, grad in expected.items():
        np.testing.assert_allclose(state.grads[key], grad)
        np.testing.assert_allclose(state.mlp.params[key], before[key] - 0.3 * grad)


def test_training_lowers_the_loss_and_reaches_high_accuracy() -> None:
    state = Playground(dataset="moons").step(800)
    assert state.losses[-1] < 0.5 * state.losses[0]
    assert state.accuracy() >= 0.95


def test_steps_compose_and_runs_are_deterministic() -> None:
    one = Playground(dataset="spirals").step(3).step(2)
    other = Playground(dataset="spirals").step(5)
    assert one.steps == other.steps == 5
    np.testing.assert_array_equal(one.losses, other.losses)
    np.testing.assert_array_equal(one.grad_norms, other.grad_norms)


def test_reset_starts_again_exactly() -> None:
    fresh = Playground(dataset="moons", seed=4)
    state = Playground(dataset="moons", seed=4).step(25)
    state.reset()
    assert state.steps == 0 and state.grads is None and state.diverged is None
    assert state.losses == fresh.losses
    for key, value in fresh.mlp.params.items():
        np.testing.assert_array_equal(state.mlp.params[key], value)
    assert state.step(5).losses == fresh.step(5).losses


def test_reset_with_changes_and_configure() -> None:
    state = Playground().step(10)
    state.configure(learning_rate=0.05, batch_size=50)  # optimiser settings: keep going
    assert state.steps == 10 and state.settings.learning_rate == 0.05
    state.step(2)
    assert state.steps == 12
    state.configure(width=3)  # a new network: start again
    assert state.steps == 0 and state.settings.widths == (2, 3, 3, 1)
    assert state.settings.learning_rate == 0.05
    state.reset(dataset="circles", seed=2)
    assert state.settings.dataset == "circles" and state.settings.width == 3


@pytest.mark.parametrize("n", [-1, 1.5, True, "3"])
def test_step_rejects_bad_counts(n: object) -> None:
    with pytest.raises(ValueError, match="n must be an integer"):
        Playground().step(n)


def test_step_zero_changes_nothing() -> None:
    state = Playground()
    assert state.step(0).steps == 0


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


def test_a_too_large_learning_rate_ends_with_a_message_not_nans() -> None:
    state = Playground(dataset="moons", hidden_layers=4, width=16, activation="relu",
                       learning_rate=10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        state.step(100)
    assert state.diverged is not None
    assert state.diverged.startswith(f"training diverged at step {state.steps + 1}")
    assert "Lower the learning rate (10)" in state.diverged
    kept = {k: v.copy() for k, v in state.mlp.params.items()}
    steps = state.steps
    state.step(10)  # stays stopped, keeps the last finite parameters
    assert state.steps == steps
    for key, value in kept.items():
        np.testing.assert_array_equal(state.mlp.params[key], value)
    assert max(state.losses) <= 100 * max(state.losses[0], 1.0)
    state.reset(learning_rate=0.1)
    assert state.diverged is None and state.step(5).steps == 5


# ----------------------------------------------------------------------------- views
def test_draw_shows_four_titled_and_labelled_views() -> None:
    state = Playground().step(5)
    view = draw(state)
    assert isinstance(view, View) and isinstance(view.figure, Figure)
    axes = view.figure.axes
    assert len(axes) == 4
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
    red, blue = to_rgba(COLORS["positive"])[:3], to_rgba(COLORS["negative"])[:3]
    for color, grad in zip(colors, grads, strict=True):
        assert tuple(color[:3]) == (red if grad > 0 else blue)
    widths = edges.get_linewidths()
    assert np.argmax(widths) == np.argmax(np.abs(weights))
    assert np.argmin(widths) == np.argmin(np.abs(weights))


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
    assert len(rebuilt.figure.axes) == 4
    assert "2-5-5-5-1" in rebuilt.text


# ----------------------------------------------------------------------------- widget
def test_widget_buttons_step_run_and_reset() -> None:
    from bp_helpers.explore_playground import PlaygroundWidget, playground_widget

    ui = PlaygroundWidget(updates_per_frame=3)
    text, image = ui.text.value, ui.image.value
    ui.step_button.click()
    assert ui.state.steps == 1
    assert ui.text.value != text and ui.image.value != image
    ui.play.value += 1  # one Run tick, as the front end sends it
    assert ui.state.steps == 4
    ui.play.value += 1
    assert ui.state.steps == 7
    ui.play.value = 0  # Play's stop button rewinds: no update
    assert ui.state.steps == 7
    ui.play.playing = True
    ui.reset_button.click()
    assert ui.state.steps == 0 and not ui.play.playing
    assert "press Step" in ui.text.value
    box = playground_widget()
    controls, html_text, png = box.children
    assert png.value[:4] == b"\x89PNG" and "step 0" in html_text.value


@pytest.mark.parametrize("name", ["dataset", "noise", "hidden_layers", "width", "activation",
                                  "learning_rate", "batch_size", "seed"])
def test_every_control_changes_text_and_image(name: str) -> None:
    from bp_helpers.explore_playground import PlaygroundWidget

    ui = PlaygroundWidget()
    control = ui.controls[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for end in ("max", "min"):
            text, image = ui.text.value, ui.image.value
            options = getattr(control, "options", None)
            if options:
                option = options[-1] if end == "max" else options[0]
                value = option[1] if isinstance(option, tuple) else option  # (label, value)
            else:
                value = getattr(control, end)
            if control.value == value:
                continue
            control.value = value
            assert ui.text.value != text, f"{name} -> {value}: text did not change"
            assert ui.image.value != image, f"{name} -> {value}: image did not change"
            assert getattr(ui.state.settings, name) == control.value
            ui.step_button.click()


def test_run_stops_when_training_diverges() -> None:
    from bp_helpers.explore_playground import PlaygroundWidget

    state = Playground(hidden_layers=4, width=16, activation="relu", learning_rate=10.0)
    ui = PlaygroundWidget(state, updates_per_frame=20)
    ui.play.playing = True
    for _ in range(5):
        ui.play.value += 1
    assert state.diverged is not None and not ui.play.playing
    assert "diverged" in ui.text.value


def test_widget_rejects_bad_arguments() -> None:
    from bp_helpers.explore_playground import PlaygroundWidget

    with pytest.raises(TypeError, match="Playground"):
        PlaygroundWidget(Settings())
    with pytest.raises(ValueError, match="updates_per_frame"):
        PlaygroundWidget(updates_per_frame=0)


def test_playground_view_png_is_a_png_of_the_same_figure() -> None:
    from bp_helpers.plotting.playground import PlaygroundView

    view = draw(Playground())
    assert isinstance(view, PlaygroundView)
    fast, plain = view.png(), View.png(view)
    assert fast[:8] == plain[:8] == b"\x89PNG\r\n\x1a\n"
    from io import BytesIO

    from PIL import Image

    a, b = Image.open(BytesIO(fast)), Image.open(BytesIO(plain))
    assert a.size == b.size
    assert np.array_equal(np.asarray(a), np.asarray(b))  # same pixels, lighter compression


# ----------------------------------------------------------------------------- exercises
def test_exercise_checkers_accept_right_and_hint_at_wrong(capsys: pytest.CaptureFixture) -> None:
    from bp_helpers.exercises import playground as ex

    def n_weights(widths):
        return sum(a * b for a, b in zip(widths[:-1], widths[1:], strict=False))

    def layer_norms(grads):
        return np.array([np.linalg.norm(grads[f"W{k}"]) for k in range(1, len(grads) // 2 + 1)])

    examples = [Playground().step(1).grads]
    assert ex.check_n_weights(n_weights)
    assert ex.check_updated_weight(0.95)
    assert ex.check_sigmoid_factor_bound(1 / 256)
    assert ex.check_layer_grad_norms(layer_norms, examples)
    assert capsys.readouterr().out.count("✓") == 4

    def n_params(widths):  # counts the biases too
        return n_weights(widths) + sum(widths[1:])

    def stub(widths):
        ...

    def broken(grads):
        raise KeyError("W9")

    assert not ex.check_n_weights(n_params)
    assert "biases are not edges" in capsys.readouterr().out
    assert not ex.check_n_weights(stub)
    assert "returned None" in capsys.readouterr().out
    assert not ex.check_n_weights(...)
    assert "not answered yet" in capsys.readouterr().out
    assert not ex.check_n_weights(3)
    assert "expected a function" in capsys.readouterr().out
    assert not ex.check_updated_weight(0.8 + 0.3 * (-0.5))
    assert "w ← w − η·∂L/∂w" in capsys.readouterr().out
    assert not ex.check_sigmoid_factor_bound(0.25)
    assert not ex.check_layer_grad_norms(broken, examples)
    out = capsys.readouterr().out
    assert "raised KeyError" in out and "example 1" in out
    assert not ex.check_layer_grad_norms(lambda g: np.zeros(2), examples)
    assert "shape (2,)" in capsys.readouterr().out
    assert not ex.check_layer_grad_norms(lambda g: 2 * layer_norms(g), examples)
    assert "wrong result for example 1" in capsys.readouterr().out


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
