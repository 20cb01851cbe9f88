"""How big a figure's text is, and how big it looks on screen.

A font of ``s`` pt rendered at ``dpi`` D is ``s * D / 72`` image pixels tall. The View's
PNG is shown at ``css_px_per_pixel`` CSS pixels per image pixel (1 when shown 1:1; 0.5
when a 2x render is shown at half width), and a CSS pixel is 1/96 in, so on screen the
font looks like ``s * D / 96 * css_px_per_pixel`` CSS points (:func:`shown_size_pt`).
At dpi 80 shown 1:1 a 9 pt font looks like 7.5 pt; the course renders at dpi 144 and shows
the PNG at 96/144 of its pixel width, so 9 pt looks like 9 pt (``ui.style.STYLE``).
"""

from __future__ import annotations

import math
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: The smallest text a learner should have to read, in points at the size shown.
MIN_FONT_PT = 9.0



def shown_size_pt(size_pt: float, dpi: float, css_px_per_pixel: float = 1.0) -> float:
    """How large a ``size_pt`` font drawn at ``dpi`` looks on screen, in CSS points.

    ``css_px_per_pixel``: CSS pixels per image pixel the page shows the PNG at.
    """
    for value, name in ((size_pt, "size_pt"), (dpi, "dpi"), (css_px_per_pixel, "css_px_per_pixel")):
        if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return size_pt * dpi / 96.0 * css_px_per_pixel


class _TextSizeRecorder:
    """Wraps a renderer and records the size of every text it is asked to draw."""

    def __init__(self, renderer: Any) -> None:
        self._renderer = renderer
        self.sizes: list[float] = []

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: ANN001
        if str(s).strip():
            self.sizes.append(float(prop.get_size_in_points()))
        return self._renderer.draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    def draw_tex(self, gc, x, y, s, prop, angle, *, mtext=None):  # noqa: ANN001
        if str(s).strip():
            self.sizes.append(float(prop.get_size_in_points()))
        return self._renderer.draw_tex(gc, x, y, s, prop, angle, mtext=mtext)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._renderer, name)


def text_sizes_pt(fig: Figure) -> list[float]:
    """Font size (pt) of every non-empty text the figure draws: titles, labels, tick
    labels, legend entries, annotations, dynamic (animated) texts. Hidden texts (and
    those of hidden axes) are not drawn, so not counted."""
    if not isinstance(fig, Figure):
        raise TypeError(f"expected a matplotlib Figure, got {type(fig).__name__}")
    original = fig.canvas
    canvas = original if isinstance(original, FigureCanvasAgg) else FigureCanvasAgg(fig)
    try:
        recorder = _TextSizeRecorder(canvas.get_renderer())
        fig.draw(recorder)
        # Dynamic (animated) artists are left out of a normal draw: draw them too.
        for artist in fig.findobj(lambda a: a.get_animated() and a.get_visible()):
            axes = getattr(artist, "axes", None)
            if axes is None or axes.get_visible():
                artist.draw(recorder)
    finally:
        fig.set_canvas(original)
    return recorder.sizes


def min_font_size_pt(fig: Figure) -> float:
    """The smallest font size (pt) among the texts ``fig`` draws; ``inf`` if it draws none."""
    return min(text_sizes_pt(fig), default=math.inf)
