"""Text sizes of a figure, and how large they look on screen."""

from __future__ import annotations

import math

import matplotlib as mpl
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bp_helpers.ui.legibility import (
    MIN_FONT_PT,
    min_font_size_pt,
    shown_size_pt,
    text_sizes_pt,
)
from bp_helpers.ui.style import STYLE


def two_axes() -> tuple[Figure, object, object]:
    fig = Figure(figsize=(7, 4), dpi=80)
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot([0, 1], [0, 1], label="line")
    ax1.set_title("title", fontsize=14)
    ax1.tick_params(labelsize=10)
    ax2.tick_params(labelsize=10)
    ax1.xaxis.label.set_size(10)
    ax1.set_xlabel("x")
    return fig, ax1, ax2


def test_tick_labels_legend_and_titles_are_counted() -> None:
    fig, ax1, ax2 = two_axes()
    assert min_font_size_pt(fig) == 10
    ax2.tick_params(axis="y", labelsize=7.5)
    assert min_font_size_pt(fig) == 7.5
    ax1.legend(fontsize=6)
    assert min_font_size_pt(fig) == 6
    assert 14 in text_sizes_pt(fig)


def test_hidden_and_empty_texts_are_not_counted() -> None:
    fig, ax1, ax2 = two_axes()
    ax2.tick_params(labelsize=5)
    ax2.set_axis_off()
    ax1.text(0.5, 0.5, "", fontsize=4)
    hidden = ax1.text(0.5, 0.5, "hidden", fontsize=4)
    hidden.set_visible(False)
    assert min_font_size_pt(fig) == 10


def test_a_figure_without_text_and_the_canvas_is_kept() -> None:
    fig = Figure()
    canvas = fig.canvas
    assert min_font_size_pt(fig) == math.inf
    assert fig.canvas is canvas
    with pytest.raises(TypeError, match="Figure"):
        min_font_size_pt("not a figure")


def test_shown_size_follows_dpi_and_display_scale() -> None:
    assert shown_size_pt(9, 96) == pytest.approx(9)
    assert shown_size_pt(9, 80) == pytest.approx(7.5)
    assert shown_size_pt(9, 144, css_px_per_pixel=96 / 144) == pytest.approx(9)
    with pytest.raises(ValueError, match="dpi"):
        shown_size_pt(9, 0)


def test_the_course_style_keeps_every_text_at_least_9_pt() -> None:
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(7, 4))
        FigureCanvasAgg(fig)
        ax1, ax2 = fig.subplots(1, 2)
        ax1.plot([0, 1], [0, 1], label="line")
        ax1.legend()
        ax1.set_title("title")
        ax2.set_xlabel("x")
        assert min_font_size_pt(fig) >= MIN_FONT_PT
        dpi = fig.dpi
    assert shown_size_pt(MIN_FONT_PT, dpi, css_px_per_pixel=96 / dpi) == pytest.approx(9)
