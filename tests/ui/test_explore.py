"""The explore pattern's spec objects and widget builder, on a small function."""

from __future__ import annotations

import asyncio
import gc
import io
import weakref

import numpy as np
import pytest
from matplotlib.figure import Figure

from bp_helpers.messages import t
from bp_helpers.ui.explore import (
    Choice,
    Coalescer,
    Explorer,
    FloatRange,
    IntRange,
    LogRange,
    live_box,
)
from bp_helpers.ui.style import View, fresh_figure, label_axes


def parabola(a: float = 1.0, n: int = 3, kind: str = "up", *, fig: Figure | None = None) -> View:
    fig, axes = fresh_figure(fig)
    ax = axes[0, 0]
    t = np.linspace(-1, 1, 5 * n)
    sign = 1 if kind == "up" else -1
    ax.plot(t, sign * a * t**2)
    label_axes(ax, "parabola", "t", "a t²")
    return View(fig, f"a = {a:.2f}, n = {n}, {kind}")


EXPLORER = Explorer(
    parabola, {"a": LogRange(-1, 1), "n": IntRange(1, 9), "kind": Choice(("up", "down"))}
)


def test_defaults_and_extremes() -> None:
    assert EXPLORER.defaults() == {"a": 1.0, "n": 3, "kind": "up"}
    extremes = list(EXPLORER.extremes())
    assert len(extremes) == 6
    assert {"a": 0.1, "n": 3, "kind": "up"} in extremes
    assert {"a": 1.0, "n": 9, "kind": "up"} in extremes
    assert {"a": 1.0, "n": 3, "kind": "down"} in extremes


def test_static_is_the_default_call() -> None:
    view = EXPLORER.static()
    assert view.text == "a = 1.00, n = 3, up"
    assert view.png().startswith(b"\x89PNG")


def test_fresh_figure_reuses_and_clears() -> None:
    fig, axes = fresh_figure(nrows=1, ncols=2)
    assert axes.shape == (1, 2)
    again, axes2 = fresh_figure(fig)
    assert again is fig and len(fig.axes) == 1 and axes2.shape == (1, 1)


def test_fresh_figure_redraw_keeps_axes_and_frozen_layout() -> None:
    fig, axes = fresh_figure(nrows=1, ncols=2)
    axes[0, 0].plot([0, 1], [0, 1])
    fig.suptitle("first")
    fig.savefig(io.BytesIO(), format="png")  # the first draw runs the constrained layout
    position = axes[0, 1].get_position().bounds
    again, axes2 = fresh_figure(fig, 1, 2)
    assert again is fig and axes2[0, 0] is axes[0, 0] and axes2[0, 1] is axes[0, 1]
    assert not axes2[0, 0].lines, "a redraw starts from empty axes"
    assert fig.get_layout_engine() is None
    assert axes2[0, 1].get_position().bounds == position
    assert [t.get_text() for t in fig.texts] == [""], "the old suptitle is blanked"
    fig.text(0.5, 0.5, "note")
    fig.suptitle("second")
    fresh_figure(fig, 1, 2)
    fig.suptitle("third")
    assert [t.get_text() for t in fig.texts] == ["third"], "suptitle shows again, note is gone"


def test_widget_redraws_on_slider_move() -> None:
    box = EXPLORER.widget()
    controls, text, image = box.children
    sliders = {s.description: s for s in controls.children}
    assert set(sliders) == {"a", "n", "kind"}
    before = (text.value, image.value)
    sliders["n"].value = 9
    assert "n = 9" in text.value
    assert image.value != before[1]
    sliders["kind"].value = "down"
    assert "down" in text.value


def test_a_burst_of_slider_moves_draws_the_latest_values_only() -> None:
    calls: list[tuple] = []

    def counted(a: float = 1.0, n: int = 3, kind: str = "up", *,
                fig: Figure | None = None) -> View:
        calls.append((a, n, kind))
        return parabola(a, n, kind, fig=fig)

    explorer = Explorer(counted, {"n": IntRange(1, 9), "kind": Choice(("up", "down"))})

    async def burst() -> tuple:
        box = explorer.widget()
        controls, text, _image = box.children
        n, kind = controls.children
        calls.clear()
        values = [1 + (i % 9) for i in range(20)]  # 20 quick moves, as comm messages
        for i, value in enumerate(values):
            n.value = value
            if i % 5 == 4:  # a few arrive only after the kernel's loop has turned
                await asyncio.sleep(0)
        kind.value = "down"
        assert box.coalescer.pending, "the draw waits for the values behind it"
        await asyncio.sleep(0.2)
        return values[-1], text.value, box.coalescer

    last, text, coalescer = asyncio.run(burst())
    assert coalescer.requests == 21
    assert 1 <= len(calls) <= 3, f"{len(calls)} draws for 21 moves: no coalescing"
    assert calls[-1] == (1.0, last, "down"), "the last draw shows the final values"
    assert f"n = {last}, down" in text


def test_coalescer_draws_a_lone_request_at_once_and_waits_right_after_a_draw() -> None:
    async def run() -> tuple[list[float], float]:
        loop = asyncio.get_running_loop()
        drawn: list[float] = []
        coalescer = Coalescer(lambda: drawn.append(loop.time()), delay=0.5)
        start = loop.time()
        coalescer.request()  # after a quiet spell: drawn on the loop's next turn
        await asyncio.sleep(0)
        assert len(drawn) == 1 and not coalescer.pending
        coalescer.request()  # right after that draw: waits for values behind it
        coalescer.request()
        await asyncio.sleep(0.05)
        assert len(drawn) == 1 and coalescer.pending
        await asyncio.sleep(0.6)
        return drawn, start

    drawn, start = asyncio.run(run())
    assert len(drawn) == 2, "two requests right after a draw make one draw"
    assert drawn[0] - start < 0.25 <= drawn[1] - drawn[0]


def test_coalescer_draws_at_once_without_an_event_loop() -> None:
    drawn = []
    coalescer = Coalescer(lambda: drawn.append(1))
    coalescer.request()
    coalescer.request()
    assert drawn == [1, 1] and not coalescer.pending and coalescer.draws == 2
    with pytest.raises(TypeError, match="function"):
        Coalescer(42)
    with pytest.raises(ValueError, match="seconds"):
        Coalescer(lambda: None, delay=-1)


class _Cycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _build_explorer_widget() -> object:
    return EXPLORER.widget()


def _build_playground_widget() -> object:
    from bp_helpers.ui.playground import PlaygroundWidget

    return PlaygroundWidget()


@pytest.mark.parametrize("build", [_build_explorer_widget, _build_playground_widget])
def test_building_a_widget_frees_old_garbage_and_freezes_what_is_alive(build) -> None:
    # Full collections scan every object not frozen; the objects alive when a widget is
    # built are frozen, so no frame pays for scanning them (collect_and_freeze).
    garbage = _Cycle()
    gone = weakref.ref(garbage)
    gc.freeze()  # frozen at an earlier widget's build, then dropped (a cell run again)
    del garbage
    gc.collect()
    assert gone() is not None, "a frozen object is not collected"
    build()
    # Freed: the build unfroze before it collected; and what is alive is frozen again.
    assert gone() is None, "the build collects what was frozen before and is garbage now"
    assert gc.get_freeze_count() > 1000, "the objects alive at the build are frozen"


def test_live_widget_text_form_says_how_to_use_it() -> None:
    box = EXPLORER.widget()
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == t("explore.run_to_use")
    assert "Run All Cells" in t("explore.run_to_use")
    assert "application/vnd.jupyter.widget-view+json" in bundle
    other = live_box([], "Run the notebook to use the playground.")
    assert repr(other) == "Run the notebook to use the playground."
    assert repr(box) == t("explore.run_to_use")


def test_widget_image_is_shown_at_the_figure_width() -> None:
    box = EXPLORER.widget()
    image = box.children[2]
    figure = EXPLORER.static().figure
    assert image.layout.width == f"{round(figure.get_figwidth() * 96)}px"


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: FloatRange(1.0, 0.0, 0.1), ValueError, "min < max"),
        (lambda: FloatRange(0.0, 1.0, 0.0), ValueError, "step > 0"),
        (lambda: LogRange(0, -1), ValueError, "min_exp < max_exp"),
        (lambda: IntRange(3, 3), ValueError, "min < max"),
        (lambda: Choice(("only",)), ValueError, "at least two"),
        (lambda: Explorer(42), TypeError, "must be a function"),
        (lambda: Explorer(lambda a=1: None), TypeError, "fig= keyword"),
        (lambda: Explorer(parabola, {"b": FloatRange(0, 1, 0.1)}), ValueError, "'b'"),
    ],
)
def test_bad_specs_are_explained(make, error, message) -> None:
    with pytest.raises(error, match=message):
        make()


def test_an_error_in_a_redraw_is_shown_in_the_widget() -> None:
    def fragile(a: float = 1.0, *, fig: Figure | None = None) -> View:
        if a > 1.5:
            raise ValueError("a is too large")
        return parabola(a, fig=fig)

    box = Explorer(fragile, {"a": FloatRange(0.0, 2.0, 0.1)}).widget()
    controls, text, _image = box.children
    with pytest.raises(ValueError, match="too large"):  # no event loop: raised as usual
        controls.children[0].value = 2.0
    assert "a is too large" in text.value

    async def in_a_kernel() -> str:
        controls.children[0].value = 1.9
        await asyncio.sleep(0.1)
        return text.value

    assert "⚠ ValueError: a is too large" in asyncio.run(in_a_kernel())
