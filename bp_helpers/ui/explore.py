"""The explore pattern: a pure function draws, sliders drive it.

An :class:`Explorer` pairs a pure function ``func(**values, fig=None) -> View`` with the
controls of its parameters. The function's keyword defaults are the sliders' starting
values. In a notebook::

    explorer.static()   # the function called once with the defaults: the static figure
    explorer.widget()   # sliders wired to the same function (needs a live kernel)

Only :meth:`Explorer.widget` imports ipywidgets. Tests call :meth:`Explorer.extremes` to
run the function at every slider's minimum and maximum without a browser.

The widget keeps up with the hand: slider values that arrive while a figure is being
drawn are coalesced (:class:`Coalescer`), so a fast drag draws the latest value instead
of working through a queue; and building it moves the objects alive then out of Python's
later full collections (:func:`collect_and_freeze`), whose pauses would land in frames.
Its text form, shown before the notebook runs and on GitHub, is a friendly line (message
``explore.run_to_use``, :func:`live_box`), not ``VBox(children=(…``.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from bp_helpers.messages import t
from bp_helpers.ui.style import View, image_layout


@dataclass(frozen=True)
class FloatRange:
    """A float slider from ``min`` to ``max`` in steps of ``step``."""

    min: float
    max: float
    step: float

    def __post_init__(self) -> None:
        if not (self.min < self.max and self.step > 0):
            raise ValueError(f"need min < max and step > 0, got {self}")

    @property
    def ends(self) -> tuple[float, float]:
        return (self.min, self.max)

    def make(self, description: str, value: Any) -> Any:
        import ipywidgets as w

        return w.FloatSlider(
            value=value, min=self.min, max=self.max, step=self.step,
            description=description, continuous_update=True, readout_format=".3g",
        )


@dataclass(frozen=True)
class LogRange:
    """A slider over ``10**min_exp … 10**max_exp``, moving in steps of the exponent."""

    min_exp: float
    max_exp: float
    step: float = 0.1

    def __post_init__(self) -> None:
        if not (self.min_exp < self.max_exp and self.step > 0):
            raise ValueError(f"need min_exp < max_exp and step > 0, got {self}")

    @property
    def ends(self) -> tuple[float, float]:
        return (10.0**self.min_exp, 10.0**self.max_exp)

    def make(self, description: str, value: Any) -> Any:
        import ipywidgets as w

        return w.FloatLogSlider(
            value=value, base=10, min=self.min_exp, max=self.max_exp, step=self.step,
            description=description, continuous_update=True, readout_format=".3g",
        )


@dataclass(frozen=True)
class IntRange:
    """An integer slider from ``min`` to ``max``."""

    min: int
    max: int
    step: int = 1

    def __post_init__(self) -> None:
        if not (self.min < self.max and self.step > 0):
            raise ValueError(f"need min < max and step > 0, got {self}")

    @property
    def ends(self) -> tuple[int, int]:
        return (self.min, self.max)

    def make(self, description: str, value: Any) -> Any:
        import ipywidgets as w

        return w.IntSlider(
            value=value, min=self.min, max=self.max, step=self.step,
            description=description, continuous_update=True,
        )


@dataclass(frozen=True)
class Choice:
    """A drop-down over a fixed tuple of options."""

    options: tuple[Any, ...]

    def __post_init__(self) -> None:
        if len(self.options) < 2:
            raise ValueError(f"a Choice needs at least two options, got {self.options}")

    @property
    def ends(self) -> tuple[Any, Any]:
        return (self.options[0], self.options[-1])

    def make(self, description: str, value: Any) -> Any:
        import ipywidgets as w

        return w.Dropdown(options=list(self.options), value=value, description=description)


Control = FloatRange | LogRange | IntRange | Choice


@dataclass(frozen=True)
class Explorer:
    """A pure compute-and-draw function and the controls of its keyword parameters."""

    func: Callable[..., View]
    controls: Mapping[str, Control] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not callable(self.func):
            raise TypeError(f"func must be a function, got {type(self.func).__name__}")
        params = inspect.signature(self.func).parameters
        if "fig" not in params:
            raise TypeError(f"{self.func.__name__} must accept a fig= keyword to redraw into")
        for name in self.controls:
            if name not in params or params[name].default is inspect.Parameter.empty:
                raise ValueError(f"{self.func.__name__} has no parameter {name!r} with a default")

    @property
    def name(self) -> str:
        return self.func.__name__

    def defaults(self) -> dict[str, Any]:
        """The starting value of every control: the function's keyword defaults."""
        params = inspect.signature(self.func).parameters
        return {name: params[name].default for name in self.controls}

    def extremes(self) -> Iterator[dict[str, Any]]:
        """Keyword sets with one control at its minimum or maximum, the rest at defaults."""
        for name, control in self.controls.items():
            for end in control.ends:
                yield {**self.defaults(), name: end}

    def static(self) -> View:
        """The function called once with the defaults: the figure shown without a kernel."""
        return self.func()

    def widget(self, description_width: str = "110px") -> Any:
        """Sliders wired to the function: controls, text, figure; returns a :func:`live_box`.

        Slider moves are coalesced (:class:`Coalescer`): values that arrive while a
        figure is being drawn are not drawn one by one; the latest is drawn next.
        """
        import ipywidgets as w

        style = {"description_width": description_width}
        layout = w.Layout(width="460px")
        sliders = {}
        for name, control in self.controls.items():
            slider = control.make(name, self.defaults()[name])
            slider.style = style
            slider.layout = layout
            sliders[name] = slider
        view = self.func(**self.defaults())
        text = w.HTML(value=as_html(view.text))
        image = w.Image(value=view.png(), format="png", layout=image_layout(view.figure))
        state = {"fig": view.figure}

        def redraw() -> None:
            values = {name: slider.value for name, slider in sliders.items()}
            try:
                new = self.func(**values, fig=state["fig"])
                png = new.png()
            except Exception as error:
                # In a kernel the draw runs from the event loop, where an exception would
                # reach no cell: show it in the widget. Without a loop, raise as usual.
                text.value = as_html(f"⚠ {type(error).__name__}: {error}")
                if not _event_loop_running():
                    raise
                return
            state["fig"] = new.figure
            image.value = png
            text.value = as_html(new.text)

        coalescer = Coalescer(redraw)
        for slider in sliders.values():
            slider.observe(lambda _change: coalescer.request(), names="value")
        controls_box = w.VBox(list(sliders.values()))
        box = live_box([controls_box, text, image])
        collect_and_freeze()
        box.coalescer = coalescer  # for tests: how many draws a burst of moves cost
        return box


def _event_loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


#: How long (s) a redraw asked for right after another draw waits, so that values
#: queued during that draw are taken in and only the latest is drawn. The widgets' front
#: end sends a control's next value only once the kernel has taken in the last one, so
#: at most one value per control waits behind a draw; taking one in is about a
#: millisecond. A longer wait would cost every Run frame as much.
COALESCE_DELAY_S = 0.004


class Coalescer:
    """Runs ``draw()`` once for every burst of :meth:`request` calls.

    In a kernel, the kernel's event loop runs between comm messages (ipykernel >= 6):
    :meth:`request` schedules one ``draw``, unless one is already scheduled; the draw
    reads the controls' latest values. A request after a quiet spell (no draw in the
    last ``delay`` seconds) draws on the loop's next turn: a single slider step waits
    for nothing. A request right after a draw waits ``delay`` (:data:`COALESCE_DELAY_S`):
    slider values that arrived while that figure was drawn wait in the kernel's queue,
    and they are all taken in before the next draw, which draws only the last. Without
    a running event loop (a test, a script) every request draws at once.
    """

    def __init__(self, draw: Callable[[], None], delay: float = COALESCE_DELAY_S) -> None:
        if not callable(draw):
            raise TypeError(f"draw must be a function, got {type(draw).__name__}")
        if not isinstance(delay, (int, float)) or not delay >= 0:
            raise ValueError(f"delay must be a number of seconds >= 0, got {delay!r}")
        self._draw = draw
        self.delay = float(delay)
        self._scheduled: asyncio.TimerHandle | asyncio.Handle | None = None
        self._last_draw_end = -float("inf")  # the event loop's clock
        self.requests = 0
        self.draws = 0

    @property
    def pending(self) -> bool:
        """True while a draw is scheduled and has not run yet."""
        return self._scheduled is not None

    def request(self) -> None:
        """Ask for a draw of the latest values (now, or soon if an event loop runs)."""
        self.requests += 1
        if not _event_loop_running():
            self._run()
            return
        if self._scheduled is None:
            loop = asyncio.get_running_loop()
            if loop.time() - self._last_draw_end >= self.delay:
                self._scheduled = loop.call_soon(self._run)
            else:
                self._scheduled = loop.call_later(self.delay, self._run)

    def _run(self) -> None:
        self._scheduled = None
        self.draws += 1
        try:
            self._draw()
        finally:
            if _event_loop_running():
                self._last_draw_end = asyncio.get_running_loop().time()


def collect_and_freeze() -> None:
    """Collect the garbage now, then leave every object alive out of later full
    collections (:func:`gc.freeze`). Called when a live widget is built.

    A full (generation-2) collection scans every object in the process: about 200,000
    in notebook 08's kernel (modules, sympy, figures), some 50 ms. Python starts one
    whenever enough objects have outlived the younger collections, so now and then one
    lands inside a frame, which then takes 50 ms longer. The objects alive when a widget
    is built (modules, the notebook's figures, the widget's own) mostly live as long as
    the kernel; frozen, they are no longer scanned, and a full collection scans only what
    came later. Unfreezing first lets this collection free what was frozen before and
    has since become garbage (an earlier widget of a cell run again): the garbage kept
    is never more than what the objects frozen at the last build have dropped since.
    The widget's cell pays for the one collection, when a pause is not felt.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@functools.cache
def _live_box_class() -> type:
    import ipywidgets as w

    class LiveBox(w.VBox):
        """A VBox whose text form says how to bring it to life (not ``VBox(children=…``)."""

        message = ""

        def __repr__(self) -> str:
            return self.message

    return LiveBox


def live_box(children: list[Any], message: str | None = None) -> Any:
    """An ``ipywidgets.VBox`` of ``children`` whose text/plain form is ``message``
    (by default: run the notebook to use the sliders, in the notebook's language).

    A notebook saves a widget's output as the widget view plus a text form; the text is
    what shows before the notebook runs (and on GitHub), so it says how to use it.
    """
    box = _live_box_class()(children)
    box.message = t("explore.run_to_use") if message is None else message
    return box


def as_html(text: str) -> str:
    """``text`` as HTML that keeps its lines and spacing (a ``<pre>`` block)."""
    import html

    return f"<pre style='margin:0;line-height:1.3'>{html.escape(text)}</pre>"
