"""bp_helpers.ui.playground: the playground widget (buttons, Play, controls).
"""

from __future__ import annotations

import warnings

import pytest
from languages import CJK, in_language

from bp_helpers.playground import (
    Playground,
    Settings,
)


# ----------------------------------------------------------------------------- widget
def test_widget_buttons_step_run_and_reset() -> None:
    from bp_helpers.ui.playground import PlaygroundWidget, playground_widget

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
    top, html_text = box.children
    controls, png = top.children
    assert png.value[:4] == b"\x89PNG" and "step 0" in html_text.value


def test_widget_layout_run_speed_and_text_form() -> None:
    from bp_helpers.messages import t
    from bp_helpers.ui.playground import PlaygroundWidget

    ui = PlaygroundWidget()
    assert ui.play.interval <= 100, "Run shows at least 10 frames a second"
    run_to_play = t("playground.run_to_play")
    assert repr(ui.box) == run_to_play == ui.box._repr_mimebundle_()["text/plain"]
    assert "playground" in run_to_play and "Run All Cells" in run_to_play
    top, _text = ui.box.children
    column, image = top.children  # the controls beside the figure, not above it
    assert ui.step_button in column.children[-2].children
    assert image is ui.image and image.layout.width == f"{round(9.0 * 96)}px"


def test_ticks_during_a_draw_train_but_draw_once() -> None:
    import asyncio

    from bp_helpers.ui.playground import PlaygroundWidget

    async def run() -> tuple:
        ui = PlaygroundWidget(updates_per_frame=2)
        draws_before = ui.coalescer.draws
        for _ in range(10):  # ten ticks arrive while the kernel is busy
            ui.play.value += 1
        await asyncio.sleep(0.2)
        return ui, ui.coalescer.draws - draws_before

    ui, draws = asyncio.run(run())
    assert ui.state.steps == 20, "every tick trains"
    assert draws == 1, "but only the latest state is drawn"
    assert "step 20" in ui.text.value


@pytest.mark.parametrize("name", ["dataset", "noise", "hidden_layers", "width", "activation",
                                  "learning_rate", "batch_size", "seed"])
def test_every_control_changes_text_and_image(name: str) -> None:
    from bp_helpers.ui.playground import PlaygroundWidget

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
    from bp_helpers.ui.playground import PlaygroundWidget

    state = Playground(hidden_layers=4, width=16, activation="relu", learning_rate=10.0)
    ui = PlaygroundWidget(state, updates_per_frame=20)
    ui.play.playing = True
    for _ in range(5):
        ui.play.value += 1
    assert state.diverged is not None and not ui.play.playing
    assert "diverged" in ui.text.value


def test_widget_rejects_bad_arguments() -> None:
    from bp_helpers.ui.playground import PlaygroundWidget

    with pytest.raises(TypeError, match="Playground"):
        PlaygroundWidget(Settings())
    with pytest.raises(ValueError, match="updates_per_frame"):
        PlaygroundWidget(updates_per_frame=0)


def test_widget_speaks_the_notebook_language() -> None:
    from bp_helpers.ui.playground import PlaygroundWidget

    with in_language("zh"):
        ui = PlaygroundWidget(updates_per_frame=3)
        labels = [c.description for c in ui.controls.values()]
        labels += [ui.step_button.description, ui.reset_button.description,
                   ui.step_button.tooltip, ui.play.tooltip, repr(ui.box)]
        assert all(CJK.search(label) for label in labels), labels
        assert ui.step_button.description == "单步" and "请按“单步”" in ui.text.value
        ui.step_button.click()
        assert "第 1 步" in ui.text.value
    assert PlaygroundWidget().step_button.description == "Step"


def test_a_first_switch_of_dataset_redraws_no_static_image() -> None:
    """The widget's first draw draws ahead the static image of a fresh run on every other
    dataset; they stay kept through a run, so a switch shows the same pixels as a new
    figure without drawing the static parts again."""
    from bp_helpers.playground import DATASETS
    from bp_helpers.ui.playground import PlaygroundWidget
    from bp_helpers.ui.playground_views import draw

    ui = PlaygroundWidget()
    fig = ui._figure
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    for _ in range(12):  # a run through several step ranges: new static images
        ui.play.value += 1
    ui.reset()
    assert draws, "a run through new step ranges draws new static images"
    draws.clear()
    for name in DATASETS[1:]:
        ui.controls["dataset"].value = name
        fresh = draw(Playground(ui.state.settings)).png()
        assert ui.image.value == fresh, f"{name}: not the pixels of a new figure"
    assert not draws, f"{len(draws)} static images drawn on a first switch of dataset"


def test_moving_the_seed_keeps_the_boundary_axes() -> None:
    """The boundary view has room for the data of every seed the slider offers: moving
    the seed (a new run) neither moves its axes nor redraws the static image."""
    from bp_helpers.ui.playground import PlaygroundWidget
    from bp_helpers.ui.playground_views import SEEDS

    ui = PlaygroundWidget(Playground(noise=0.5))
    seed = ui.controls["seed"]
    assert (seed.min, seed.max) == (SEEDS.start, SEEDS.stop - 1)
    fig = ui._figure
    ax = fig.axes[0]
    limits = (ax.get_xlim(), ax.get_ylim())
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    for value in (7, 20, 3, 13):
        seed.value = value
        assert (ax.get_xlim(), ax.get_ylim()) == limits
        X = ui.state.X
        assert limits[0][0] < X[0].min() and X[0].max() < limits[0][1]
        assert limits[1][0] < X[1].min() and X[1].max() < limits[1][1]
    assert not draws, f"{len(draws)} static images drawn for moves of the seed"
