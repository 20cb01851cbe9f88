"""Every Explorer of every lesson module at every slider's minimum and maximum.

An explore function must draw (no exception, no warning) at each extreme, give every
axes a title and axis labels, return deterministic text, and redraw into a reused
figure. The widget built from it must change its text and image when a slider moves.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from languages import CJK, in_language
from matplotlib.figure import Figure

from bp_helpers.lessons import all_explorers
from bp_helpers.ui.explore import Explorer
from bp_helpers.ui.style import View

EXPLORERS = list(all_explorers())
CASES = [
    pytest.param(explorer, values, id=f"{name}-{i}")
    for name, explorer in EXPLORERS
    for i, values in enumerate([explorer.defaults(), *explorer.extremes()])
]


def _check_view(view: View) -> None:
    assert isinstance(view, View)
    assert isinstance(view.figure, Figure)
    assert isinstance(view.text, str) and view.text.strip()
    assert view.figure.axes, "the figure has no axes"
    for ax in view.figure.axes:
        if not ax.get_visible() or ax.get_label() == "<colorbar>":
            continue
        assert ax.get_title(), "every axes needs a title"
        if ax.axison:
            assert ax.get_xlabel() and ax.get_ylabel(), f"axes {ax.get_title()!r} needs labels"


@pytest.mark.parametrize(("explorer", "values"), CASES)
def test_explorer_draws_at_every_extreme(explorer: Explorer, values: dict) -> None:
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        view = explorer.func(**values)
        _check_view(view)
        again = explorer.func(**values, fig=view.figure)
    assert again.figure is view.figure, "fig= must be reused, not replaced"
    assert again.text == view.text, "the same values must give the same text"
    assert view.png()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("name", "explorer"), EXPLORERS, ids=[n for n, _ in EXPLORERS])
def test_widget_moves_text_and_image(name: str, explorer: Explorer) -> None:
    box = explorer.widget()
    controls_box, text, image = box.children
    before_text, before_image = text.value, image.value
    changed = False
    for slider in controls_box.children:
        start = slider.value
        options = getattr(slider, "options", None)
        slider.value = options[-1] if options else slider.max
        if slider.value == start:
            slider.value = options[0] if options else slider.min
        if text.value != before_text and image.value != before_image:
            changed = True
            break
    assert changed, f"{name}: no slider changed both the text and the image"


def test_explorers_are_found() -> None:
    # An empty list would make the tests above vacuous.
    assert len(EXPLORERS) >= 1


@pytest.mark.parametrize(("name", "explorer"), EXPLORERS, ids=[n for n, _ in EXPLORERS])
def test_explorer_speaks_chinese_in_the_chinese_edition(name: str, explorer: Explorer) -> None:
    """In the Chinese edition the summary is Chinese, and so is the figure's text where a
    CJK font is installed; the figure draws without a missing-glyph warning."""
    import re

    from bp_helpers.ui.style import cjk_font

    english = explorer.func(**explorer.defaults())
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            view = explorer.func(**explorer.defaults())  # a fresh figure, in Chinese
            view.png()
    if re.search(r"[A-Za-z]{3,}", english.text):  # words to translate, not only maths
        assert CJK.search(view.text), f"{name}: no Chinese in {view.text[:120]!r}"
    titles = [ax.get_title() for ax in view.figure.axes if ax.get_title()]
    if cjk_font() is not None and titles:
        assert any(CJK.search(t) for t in titles), f"{name}: figure titles {titles}"
    assert english.text != view.text or not re.search(r"[A-Za-z]{3,}", english.text)
