"""The course's look: style, the `View` every explore function returns, fresh figures.

Figures are built with :class:`matplotlib.figure.Figure` directly (not ``pyplot``), so a
widget that redraws leaves no figures behind in pyplot's global list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: Colours used across the course, by meaning.
COLORS = {
    "function": "#1f77b4",
    "tangent": "#d62728",
    "secant": "#2ca02c",
    "positive": "#d62728",
    "negative": "#1f77b4",
    "neutral": "#7f7f7f",
    "highlight": "#ff7f0e",
}


STYLE: dict[str, Any] = {
    "figure.dpi": 80,
    "savefig.dpi": 80,
    "figure.figsize": (7.0, 4.0),
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "image.cmap": "RdBu_r",
    "svg.hashsalt": "bp-course",
}


#: Padding (inches) around each axes in the first draw's layout; see :func:`fresh_figure`.
REDRAW_PAD_INCHES = 0.15


def use_course_style() -> None:
    """Apply the course style to matplotlib (call once, in a notebook's setup cell)."""
    mpl.rcParams.update(STYLE)


def fresh_figure(
    fig: Figure | None = None,
    nrows: int = 1,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
) -> tuple[Figure, np.ndarray]:
    """A figure with an ``(nrows, ncols)`` array of axes, in the course style.

    Pass the ``fig`` of an earlier call to reuse it (it is cleared): a widget redraws
    into one figure instead of making a new one each time.
    """
    with mpl.rc_context(STYLE):
        if fig is not None and _same_grid(fig, nrows, ncols):
            # A redraw: keep the axes and the positions the first draw's layout found,
            # and clear only what is drawn. New axes and a new layout on every slider
            # move cost more than the drawing itself.
            # matplotlib keeps its suptitle/supxlabel/supylabel and sets their text on
            # the next call: blank those, remove every other figure-level text/legend.
            sup_labels = [getattr(fig, n, None) for n in ("_suptitle", "_supxlabel", "_supylabel")]
            for artist in [*fig.texts, *fig.legends]:
                if any(artist is label for label in sup_labels):
                    artist.set_text("")
                else:
                    artist.remove()
            axes = np.array(fig.axes, dtype=object).reshape(nrows, ncols)
            for ax in axes.flat:
                ax.clear()
            fig.set_layout_engine(None)
            return fig, axes
        if fig is None:
            fig = Figure(figsize=figsize or STYLE["figure.figsize"])
        else:
            fig.clear()
        # Wider than default side padding: a redraw keeps this layout, and its tick
        # labels may come out a character or two wider than the first draw's.
        fig.set_layout_engine("constrained", w_pad=REDRAW_PAD_INCHES)
        axes = fig.subplots(nrows, ncols, squeeze=False)
    return fig, axes


def _same_grid(fig: Figure, nrows: int, ncols: int) -> bool:
    """True when ``fig`` holds exactly an ``(nrows, ncols)`` grid of subplots, in order."""
    if len(fig.axes) != nrows * ncols:
        return False
    for index, ax in enumerate(fig.axes):
        spec = ax.get_subplotspec()
        if spec is None or spec.get_geometry()[:2] != (nrows, ncols):
            return False
        if (spec.num1, spec.num2) != (index, index):
            return False
    return True


@dataclass
class View:
    """What an explore function returns: a figure and a one-paragraph text summary.

    In a notebook, a ``View`` as the last expression of a cell prints its text and shows
    its figure (the static fallback of a widget).
    """

    figure: Figure
    text: str

    def _ipython_display_(self) -> None:
        # The PNG itself, not the Figure: a Figure shows as an image only once pyplot's
        # inline backend is loaded, and these figures never touch pyplot.
        from IPython.display import Image, display

        print(self.text)
        display(Image(data=self.png(), format="png"))

    def png(self) -> bytes:
        """The figure rendered as PNG bytes (what a widget shows)."""
        import io

        buffer = io.BytesIO()
        # Light compression: a third of the encoding time, a slightly larger file.
        self.figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()


def label_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Every course figure has a title and labelled axes."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
