"""The playground widget: controls and buttons wired to one :class:`Playground`.

Every callback changes the one training state and redraws the four views with
:func:`bp_helpers.ui.playground_views.draw`, so Step, Run and Reset compose:

- **Step** makes one update (one mini-batch);
- **Run/Pause** is an ``ipywidgets.Play`` whose every tick (every ``interval_ms``, 60 ms)
  makes ``updates_per_frame`` updates and redraws once (redrawing after every single
  update would make Run slow). The browser starts each tick's timer only after the last
  tick, so ticks come a little slower than that: 80 ms gave 11 frames a second in
  JupyterLab, 60 ms 13 (the kernel's frame time sets the rate when it is longer);
- **Reset** starts again with the current settings;
- moving a data or network control (dataset, noise, layers, width, activation, seed)
  resets, since the old weights no longer fit; the learning rate and the batch size
  apply from the next update on, so they can be changed during a run.

Redraws are coalesced (:class:`~bp_helpers.ui.explore.Coalescer`): ticks and clicks that
arrive while a frame is drawn still train, but only the latest state is drawn. Building
the widget freezes the objects alive then (:func:`~bp_helpers.ui.explore.collect_and_freeze`),
so that Python's full collections, which would scan them all, stay short. The
controls sit beside the figure, so the whole playground fits a 1400 × 1000 window.

ipywidgets is imported inside the functions only, so the module imports without it.
"""

from __future__ import annotations

from typing import Any

from bp_helpers.messages import t
from bp_helpers.nn import ACTIVATIONS
from bp_helpers.playground import DATASETS, Playground
from bp_helpers.ui.explore import Coalescer, as_html, collect_and_freeze, live_box
from bp_helpers.ui.playground_views import SEEDS, draw
from bp_helpers.ui.style import image_layout

BATCH_SIZES = (1, 2, 5, 10, 20, 50, 100, 200)


LEARNING_RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


class PlaygroundWidget:
    """A :class:`Playground` with its controls, buttons, text and figure.

    Attributes: ``state`` (the Playground), ``controls`` (setting name -> widget),
    ``step_button``, ``play`` (the ``ipywidgets.Play`` behind Run/Pause),
    ``reset_button``, ``text`` (HTML), ``image`` (the figure as PNG), ``coalescer``
    (the :class:`~bp_helpers.ui.explore.Coalescer` of its redraws) and ``box``
    (everything, as shown in the notebook).
    """

    def __init__(
        self, state: Playground | None = None, *, updates_per_frame: int = 5,
        interval_ms: int = 60,
    ) -> None:
        import ipywidgets as w

        if state is None:
            state = Playground()
        if not isinstance(state, Playground):
            raise TypeError(f"state must be a Playground, got {type(state).__name__}")
        for name, value in (("updates_per_frame", updates_per_frame), ("interval_ms", interval_ms)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
        self.state = state
        self.updates_per_frame = updates_per_frame
        s = state.settings
        style = {"description_width": "95px"}
        layout = w.Layout(width="300px")
        batch_options = sorted({*BATCH_SIZES, s.batch_size})
        rate_options = sorted({*LEARNING_RATES, s.learning_rate})
        self.controls: dict[str, Any] = {
            "dataset": w.Dropdown(options=list(DATASETS), value=s.dataset,
                                  description=t("playground.dataset")),
            "noise": w.FloatSlider(value=s.noise, min=0.0, max=0.5, step=0.05,
                                   description=t("playground.noise"), readout_format=".2f"),
            "hidden_layers": w.IntSlider(value=s.hidden_layers, min=0, max=4,
                                         description=t("playground.hidden_layers")),
            "width": w.IntSlider(value=s.width, min=1, max=16, description=t("playground.width")),
            "activation": w.Dropdown(options=list(ACTIVATIONS), value=s.activation,
                                     description=t("playground.activation")),
            "learning_rate": w.SelectionSlider(options=[(f"{r:g}", r) for r in rate_options],
                                               value=s.learning_rate,
                                               description=t("playground.learning_rate")),
            "batch_size": w.SelectionSlider(options=batch_options, value=s.batch_size,
                                            description=t("playground.batch_size")),
            "seed": w.IntSlider(value=s.seed, min=SEEDS.start, max=SEEDS.stop - 1,
                                description=t("playground.seed")),
        }
        for name, control in self.controls.items():
            control.style = style
            control.layout = layout
            control.observe(self._on_setting(name), names="value")
        self.step_button = w.Button(description=t("playground.step"),
                                    tooltip=t("playground.step_tooltip"), icon="step-forward")
        self.play = w.Play(value=0, min=0, max=10**6, step=1, interval=interval_ms,
                           description=t("playground.run"), show_repeat=False,
                           tooltip=t("playground.run_tooltip", n=updates_per_frame))
        self.reset_button = w.Button(description=t("playground.reset"),
                                     tooltip=t("playground.reset_tooltip"), icon="undo")
        self.step_button.on_click(lambda _button: self.step())
        self.reset_button.on_click(lambda _button: self.reset())
        self.play.observe(self._on_tick, names="value")

        view = draw(state, ahead=True)  # a switch of dataset then redraws no static image
        self._figure = view.figure
        self.text = w.HTML(value=as_html(view.text))
        self.image = w.Image(value=view.png(), format="png", layout=image_layout(view.figure))
        self.coalescer = Coalescer(self._draw_now)
        buttons = w.HBox([self.step_button, self.reset_button],
                         layout=w.Layout(width="300px"))
        run = w.HBox([self.play, w.Label(t("playground.run_label", n=updates_per_frame))],
                     layout=w.Layout(width="300px"))
        column = w.VBox([*self.controls.values(), buttons, run],
                        layout=w.Layout(width="310px", flex="0 0 auto"))
        self.box = live_box([w.HBox([column, self.image]), self.text],
                            t("playground.run_to_play"))
        collect_and_freeze()  # no full collection's pause in a frame (see there)

    # ------------------------------------------------------------------ actions
    def step(self) -> None:
        """One update, then redraw (the Step button)."""
        self.state.step(1)
        self.redraw()

    def reset(self) -> None:
        """Stop running, start again with the current settings, redraw (Reset)."""
        self.play.playing = False
        self.state.reset()
        self.redraw()

    def redraw(self) -> None:
        """Draw the state (now, or as soon as the kernel is free: coalesced)."""
        self.coalescer.request()

    def _draw_now(self) -> None:
        """Draw the state into the same figure and show its text and PNG."""
        view = draw(self.state, self._figure)
        self._figure = view.figure
        self.image.value = view.png()  # the figure first: the text arrives with it
        self.text.value = as_html(view.text)

    # ------------------------------------------------------------------ callbacks
    def _on_setting(self, name: str):
        def handler(change: dict) -> None:
            self.state.configure(**{name: change["new"]})
            self.redraw()

        return handler

    def _on_tick(self, change: dict) -> None:
        if change["new"] <= change["old"]:  # Play's stop button rewinds: nothing to do
            return
        self.state.step(self.updates_per_frame)
        if self.state.diverged is not None:
            self.play.playing = False
        self.redraw()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.box._repr_mimebundle_(**kwargs)


def playground_widget(state: Playground | None = None, **options: Any) -> Any:
    """The playground as one ``ipywidgets.VBox``: controls and buttons beside the
    figure, text below; its text form (before the notebook runs) is the message
    ``playground.run_to_play`` (run the notebook to use the playground).

    ``options`` go to :class:`PlaygroundWidget` (``updates_per_frame``, ``interval_ms``).
    """
    return PlaygroundWidget(state, **options).box
