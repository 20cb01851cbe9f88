"""Every figure a learner sees has text of at least 9 pt at the size it is shown (#14.2).

A figure ``w`` inches wide, rendered at ``dpi``, is shown ``w × 96`` CSS pixels wide
(:func:`bp_helpers.ui.style.shown_width_px`): ``css_px_per_pixel = 96 / dpi``. Every
explorer of every lesson, the ui drawings and the playground must pass.
"""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from bp_helpers import data, nn
from bp_helpers.autograd import Value
from bp_helpers.lessons import all_explorers
from bp_helpers.playground import Playground
from bp_helpers.ui import drawings
from bp_helpers.ui.legibility import MIN_FONT_PT, min_font_size_pt, shown_size_pt
from bp_helpers.ui.playground_views import draw
from bp_helpers.ui.style import DPI, FAST_DPI, fresh_figure, shown_width_px


def smallest_shown_pt(fig: Figure) -> float:
    """The smallest text of ``fig`` as it looks on screen, shown ``shown_width_px`` wide
    (96 CSS px per inch of figure: ``96 / dpi`` CSS px per image pixel)."""
    assert abs(shown_width_px(fig) - 96 * fig.get_figwidth()) <= 0.5
    return shown_size_pt(min_font_size_pt(fig), fig.dpi, 96 / fig.dpi)


@pytest.mark.parametrize("explorer", [pytest.param(e, id=name) for name, e in all_explorers()])
def test_every_explorer_is_legible(explorer) -> None:
    fig = explorer.static().figure
    assert smallest_shown_pt(fig) >= MIN_FONT_PT


def test_the_playground_is_legible_at_its_fast_dpi() -> None:
    # Run redraws the playground ten times a second: it renders at FAST_DPI (fewer
    # pixels), shown as wide as at DPI, so its text is as large.
    state = Playground(hidden_layers=3, width=16)
    fig = draw(state.step(30)).figure
    assert fig.dpi == FAST_DPI < DPI
    assert smallest_shown_pt(fig) >= MIN_FONT_PT


def test_the_ui_drawings_are_legible() -> None:
    x, w = Value(3.0, "x"), Value(-2.0, "w")
    loss = ((w * x).tanh() - 1.0) ** 2
    loss.backward()
    assert smallest_shown_pt(drawings.draw_graph(loss).figure) >= MIN_FONT_PT
    X, Y = data.xor()
    mlp = nn.MLP((2, 4, 1), seed=0)
    fig, axes = fresh_figure(None, 1, 3, figsize=(12.0, 3.9))
    drawings.loss_curve(axes[0, 0], [0.7, 0.5, 0.3])
    drawings.decision_boundary(axes[0, 1], mlp, X, Y, show_colorbar=True)
    drawings.gradient_norms(axes[0, 2], {"W1": [0.1, 0.05], "W2": [0.2, 0.1]})
    assert smallest_shown_pt(fig) >= MIN_FONT_PT


def test_small_text_is_caught() -> None:
    fig, axes = fresh_figure()
    axes[0, 0].set_title("tiny", fontsize=7)
    assert smallest_shown_pt(fig) == pytest.approx(7)
