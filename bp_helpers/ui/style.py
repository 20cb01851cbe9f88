"""The course's look: style, the `View` every explore function returns, fast figures.

Figures are built with :class:`matplotlib.figure.Figure` directly (not ``pyplot``), so a
widget that redraws leaves no figures behind in pyplot's global list.

Sharp and legible. Figures render at :data:`DPI` = 144 and are shown
:func:`shown_width_px` = ``figure width (in) × 96`` CSS pixels wide, so a 9 pt font looks
9 pt on screen and the image has 1.5 pixels per CSS pixel (crisp on HiDPI screens).
Every text is at least 9 pt (:data:`STYLE`).

Fast. An explore update must take ≤ 50 ms (compute + draw + PNG). Drawing the axes, ticks
and labels is most of a frame, so a figure is built once and later calls change only
what moves (the explore pattern, see CONTRIBUTING.md)::

    def build(fig):                                # runs once per figure
        ax = fig.subplots()
        label_axes(ax, "f and its tangent", "x", "f(x)")
        ax.set_xlim(-3, 3); ax.set_ylim(-2, 2)     # fixed axes: the data moves, not the scale
        return {"ax": ax, "tangent": dynamic(ax.plot([], [])[0])}

    def explore(x0=1.0, *, fig=None):
        fig, art = figure_state(fig, build, figsize=(6, 4))
        art["tangent"].set_data(...)               # only the dynamic artists change
        return View(fig, "...")

Artists marked :func:`dynamic` are drawn over a cached image of everything else
(:func:`render_png`); that image is redrawn by itself whenever anything static changed
(an axis limit, a static artist). A figure whose static parts take one of a few settings
(a choice of function: other curves, limits, titles) keeps one such image per setting
(:func:`static_setting`). Text, which FreeType draws glyph by glyph, is drawn once per
string and pasted after that (:class:`TextStamps`).
"""

from __future__ import annotations

import functools
import math
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colorbar import Colorbar
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

from bp_helpers import messages
from bp_helpers.ui.palette import COLORS as COLORS  # re-exported: the palette is its home
from bp_helpers.ui.palette import DIVERGING_CMAP
from bp_helpers.ui.palette import SEQUENTIAL_CMAP as SEQUENTIAL_CMAP

#: Render resolution (pixels per inch of figure). 144 = 1.5 × 96: crisp on HiDPI screens
#: while every explore update stays within its 50 ms aim (benchmarks/RESULTS.md).
DPI = 144
#: The resolution of a figure redrawn many times a second (the playground's Run): 1.25
#: pixels per CSS pixel, 70 % of the pixels of :data:`DPI` to draw, encode and send.
FAST_DPI = 120
#: CSS pixels per inch: a figure ``w`` inches wide is shown ``w * 96`` CSS pixels wide.
CSS_PX_PER_INCH = 96

STYLE: dict[str, Any] = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.figsize": (7.0, 4.0),
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "figure.titlesize": 12,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "image.cmap": DIVERGING_CMAP,
    "svg.hashsalt": "bp-course",
}


#: Padding (inches) around each axes in the first draw's layout; see :func:`fresh_figure`.
REDRAW_PAD_INCHES = 0.15

#: PNG (zlib) compression level (0-9): 1 encodes in a third of the time of the default
#: 6, for files about 20 % larger.
PNG_COMPRESS_LEVEL = 1

#: Images at least this many rows tall are deflated in two halves at once (:func:`encode_png`).
PARALLEL_ROWS = 256

#: Images of the static parts a figure keeps, one per :func:`static_setting` (the last
#: ones used), besides those drawn ahead: an image is 4 bytes a pixel, 3.4 MB for the
#: playground.
KEPT_SETTINGS = 6

#: Bytes of text images (stamps) a figure keeps (:class:`TextStamps`).
TEXT_STAMP_BYTES = 8 * 2**20

_STATE = "_bp_figure_state"
_BACKGROUND = "_bp_background"
_SETTING = "_bp_static_setting"
_STEADY = "_bp_steady"
_STEADY_LAYER = "_bp_steady_layer"
_TEXT_STAMPS = "_bp_text_stamps"

A = TypeVar("A", bound=Artist)


#: Fonts with Chinese glyphs, looked for in this order (the first one installed is used):
#: Debian/Ubuntu's ``fonts-noto-cjk``, Adobe's Source Han Sans, WenQuanYi, and the system
#: fonts of Windows and macOS.
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)


@functools.cache
def cjk_font() -> str | None:
    """The name of the first installed font of :data:`CJK_FONTS`, or ``None``."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def figure_language() -> str:
    """The language of figure text: the notebook's, except ``"en"`` when the notebook is
    Chinese but no font of :data:`CJK_FONTS` is installed (English, never missing-glyph
    boxes)."""
    chosen = messages.language()
    return chosen if chosen == "en" or cjk_font() is not None else "en"


def ft(key: str, /, **fields: object) -> str:
    """Figure text: the message ``key`` in :func:`figure_language`."""
    return messages.t_in(figure_language(), key, **fields)


def course_style() -> dict[str, Any]:
    """:data:`STYLE`, plus a Chinese fallback font when figure text is Chinese.

    DejaVu Sans stays first, so Latin letters, digits and maths look the same in both
    editions; the CJK font is used only for the glyphs DejaVu Sans lacks.
    """
    if figure_language() == "en":
        return STYLE
    return {**STYLE, "font.family": ["DejaVu Sans", cjk_font()]}


@contextmanager
def in_course_style() -> Iterator[None]:
    """Within: figures and artists made now get the course's sizes and fonts
    (:func:`course_style`), whatever matplotlib's global settings are; they are restored
    after."""
    with mpl.rc_context(course_style()):
        yield


def use_course_style() -> None:
    """Apply the course style to matplotlib (call once, in a notebook's setup cell)."""
    style = course_style()
    mpl.rcParams.update(style)
    if "font.family" not in style:  # English (again): matplotlib's own font choice
        mpl.rcParams["font.family"] = mpl.rcParamsDefault["font.family"]


def set_language(language: str) -> None:
    """The notebook's language (``"en"`` or ``"zh"``) for everything the course prints and
    draws; call once, in a notebook's first cell. Figure text is Chinese only where a font
    of :data:`CJK_FONTS` is installed (see :func:`figure_language`)."""
    messages.set_language(language)
    use_course_style()


def shown_width_px(fig: Figure) -> int:
    """The CSS width (px) to show ``fig``'s PNG at: its width in inches × 96.

    At this width a font of ``s`` pt looks ``s`` pt on screen, whatever :data:`DPI` is.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"expected a matplotlib Figure, got {type(fig).__name__}")
    return round(fig.get_figwidth() * CSS_PX_PER_INCH)


def _agg_canvas(fig: Figure) -> FigureCanvasAgg:
    """``fig``'s Agg canvas, attached once: it keeps its renderer (and text caches)."""
    if isinstance(fig.canvas, FigureCanvasAgg):
        return fig.canvas
    return FigureCanvasAgg(fig)


def fresh_figure(
    fig: Figure | None = None,
    nrows: int = 1,
    ncols: int = 1,
    figsize: tuple[float, float] | None = None,
) -> tuple[Figure, np.ndarray]:
    """A figure with an ``(nrows, ncols)`` array of axes, in the course style.

    Pass the ``fig`` of an earlier call to reuse it (it is cleared): a widget redraws
    into one figure instead of making a new one each time. Simple, but every call draws
    everything again; :func:`figure_state` is the fast way.
    """
    with in_course_style():
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
        _agg_canvas(fig)
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


# --------------------------------------------------------------------------- fast figures
def dynamic(artist: A, *, steady: bool = False) -> A:
    """Mark ``artist`` as one that changes between calls; returns it.

    :func:`render_png` draws dynamic artists over a cached image of the rest, so
    changing them (``set_data``, ``set_text`` …) costs only their own drawing.

    A dynamic Axes is drawn whole on every frame, with everything in it: its contents
    may change freely (cleared and drawn anew: a network diagram for a new shape)
    without making the cached image out of date. Its artists are not marked.

    ``steady=True``: an artist that changes seldom, only inside :func:`dynamic_changes`,
    and overlaps no other dynamic artist (a legend beside the axes, rebuilt with a new
    network shape). It is drawn into a second kept image, over the static one and under
    the other dynamic artists, and drawn again only after a :func:`dynamic_changes`
    block, or when the static image is drawn anew.
    """
    if not isinstance(artist, Artist):
        raise TypeError(f"expected a matplotlib artist, got {type(artist).__name__}")
    if not isinstance(steady, bool):
        raise TypeError(f"steady must be True or False, got {steady!r}")
    setattr(artist, _STEADY, steady)
    if isinstance(artist, Axes):
        # Marked itself only: an Axes leaves its marked artists out when it draws.
        artist.set_animated(True)
        return artist
    # Its parts too: a changed part (a legend's text) would otherwise mark the axes, and
    # so the cached image, out of date.
    parts = [artist]
    while parts:
        part = parts.pop()
        part.set_animated(True)
        parts += part.get_children()
    return artist


def figure_state(
    fig: Figure | None,
    build: Callable[[Figure], dict[str, Any]],
    *,
    figsize: tuple[float, float] | None = None,
    key: Any = None,
    layout: bool = True,
    dpi: float | None = None,
) -> tuple[Figure, dict[str, Any]]:
    """``(fig, artists)``: ``build(fig)`` runs once per figure, later calls reuse its dict.

    ``build`` creates the axes and every artist (marking the moving ones with
    :func:`dynamic`) and returns them in a dict. It runs again, on a cleared figure, when
    ``fig`` is None or new, was built by another function, or was built with another
    ``key`` (e.g. a network shape: something that changes the layout). With ``layout``,
    the figure is laid out once (constrained layout) and the layout then frozen: a
    frame never pays for it again. ``dpi`` (default :data:`DPI`) renders a figure that
    is redrawn many times a second with fewer pixels (:data:`FAST_DPI`); it is shown
    just as wide (:func:`shown_width_px`), so its text is as large.
    """
    if not callable(build):
        raise TypeError(f"build must be a function, got {type(build).__name__}")
    ident = (getattr(build, "__module__", None), getattr(build, "__qualname__", repr(build)), key)
    stored = getattr(fig, _STATE, None) if fig is not None else None
    if stored is not None and stored[0] == ident:
        return fig, stored[1]
    with in_course_style():
        if fig is None:
            fig = Figure(figsize=figsize or STYLE["figure.figsize"])
        else:
            fig.clear()
            if figsize is not None:
                fig.set_size_inches(figsize)
        if dpi is not None:
            fig.set_dpi(dpi)
        _agg_canvas(fig)
        # Set before building: a colour bar made under constrained layout takes its
        # room from the layout instead of cutting it out of the axes.
        fig.set_layout_engine("constrained" if layout else None)
        artists = build(fig)
        if not isinstance(artists, dict):
            raise TypeError(f"{ident[1]} must return a dict of artists, got "
                            f"{type(artists).__name__}")
        if layout:
            freeze_layout(fig)
    setattr(fig, _STATE, (ident, artists))
    for attribute in (_BACKGROUND, _SETTING, _STEADY_LAYER):
        if hasattr(fig, attribute):
            delattr(fig, attribute)
    return fig, artists


def static_setting(fig: Figure, setting: Hashable, show: Callable[[Hashable], None], *,
                   others: Sequence[Hashable] = ()) -> None:
    """Show ``setting`` of ``fig``'s static parts: ``show(setting)`` sets them (curves,
    limits, titles), when ``setting`` is not the one shown already.

    :func:`render` keeps one image of the static parts per setting (of the last
    :data:`KEPT_SETTINGS` used), so coming back to a setting drawn before costs no
    redraw. ``show`` must depend on ``setting`` only; any other static change (before or
    after this call) still redraws, and forgets the images of the other settings.

    ``others``: settings to draw ahead, with the first image (a choice among a few
    functions, say; fewer than :data:`KEPT_SETTINGS`, which bounds the memory: each
    keeps an image of the whole figure). The first frame takes
    longer, and the first switch to any of them costs no redraw either. Their images
    are kept while the static parts stay as they are: settings used later do not push
    them out.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"expected a matplotlib Figure, got {type(fig).__name__}")
    if not callable(show):
        raise TypeError(f"show must be a function, got {type(show).__name__}")
    hash(setting)  # a TypeError for an unhashable setting, before anything changes
    others = tuple(others)
    if len(others) >= KEPT_SETTINGS:
        raise ValueError(f"at most {KEPT_SETTINGS - 1} other settings can be drawn ahead "
                         f"(each keeps a whole image of the figure), got {len(others)}")
    for other in others:
        hash(other)
    shown = getattr(fig, _SETTING, None)
    if shown is not None and shown[0] == setting:
        return
    clean = not fig.stale  # the kept images are up to date with everything but the setting
    show(setting)
    setattr(fig, _SETTING, (setting, show, others))
    if clean:
        # Only the setting changed: render picks its image (or draws it if new). A later
        # static change makes the figure stale again, and render then starts afresh.
        fig.stale = False


@contextmanager
def dynamic_changes(fig: Figure) -> Iterator[None]:
    """Within: change, add or remove only dynamic artists of ``fig`` (and the contents of
    a dynamic Axes); the kept image of the static parts stays valid.

    Adding or removing an artist (a legend, a line) marks its axes out of date even when
    the artist is dynamic, which would redraw the static image for nothing.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"expected a matplotlib Figure, got {type(fig).__name__}")
    clean = not fig.stale
    yield
    setattr(fig, _STEADY_LAYER, None)  # steady artists may have changed: draw them again
    if clean:
        fig.stale = False


def freeze_layout(fig: Figure, *, pad: float = 0.06) -> None:
    """Lay ``fig`` out once with constrained layout, then pin titles and axis labels.

    Constrained layout, and placing titles and axis labels around the tick labels,
    cost more on every frame than drawing the frame; the layout of the first frame fits
    the later ones when the axes keep their limits.
    """
    fig.set_layout_engine("constrained", h_pad=pad, w_pad=pad)
    fig.draw_without_rendering()
    fig.set_layout_engine(None)
    for ax in fig.axes:
        ax.set_title(ax.get_title(), y=ax.title.get_position()[1])
        if not ax.axison:
            continue
        to_axes = ax.transAxes.inverted()
        x, y_pixels = ax.xaxis.label.get_position()
        ax.xaxis.set_label_coords(x, to_axes.transform((0, y_pixels))[1])
        x_pixels, y = ax.yaxis.label.get_position()
        ax.yaxis.set_label_coords(to_axes.transform((x_pixels, 0))[0], y)


def _dynamic_artists(fig: Figure) -> list[tuple[Axes | Figure, Artist]]:
    """``(parent, artist)`` for every visible dynamic artist, in drawing order."""
    found: list[tuple[Axes | Figure, Artist]] = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        if ax.get_animated():  # a dynamic Axes: drawn whole
            found.append((fig, ax))
        moving = [a for a in ax.get_children() if a.get_animated() and a.get_visible()]
        found += [(ax, a) for a in sorted(moving, key=lambda a: a.get_zorder())]
    found += [(fig, a) for a in [*fig.texts, *fig.lines, *fig.patches, *fig.images]
              if a.get_animated() and a.get_visible()]
    return found


def render(fig: Figure) -> FigureCanvasAgg:
    """Draw ``fig`` on its Agg canvas (static parts from cache when only dynamic ones
    changed) and return the canvas, whose ``buffer_rgba()`` holds the image.

    Text comes from :class:`TextStamps` (drawn once per string and place)."""
    canvas = _agg_canvas(fig)
    moving = _dynamic_artists(fig)
    if not moving:
        _draw_static(fig, canvas)
        return canvas
    size = (canvas.get_width_height(physical=True), fig.dpi)
    kept = getattr(fig, _BACKGROUND, None)
    if kept is None or kept[0] != size or fig.stale:
        kept = (size, {}, set())  # something static changed: every kept image is out of date
        setattr(fig, _BACKGROUND, kept)
    images, ahead = kept[1], kept[2]
    shown = getattr(fig, _SETTING, None)  # (setting, show, others), or None: just one
    setting = None if shown is None else shown[0]
    if setting in images:
        images[setting] = images.pop(setting)  # the most recently used, last
    else:
        _draw_static(fig, canvas)  # everything but the dynamic artists
        images[setting] = canvas.copy_from_bbox(fig.bbox)
        if shown is not None and shown[2]:
            _draw_ahead(fig, canvas, images, *shown)
            ahead.update(shown[2])
        used = [key for key in images if key not in ahead]  # least recently used first
        for key in used[:max(len(used) - KEPT_SETTINGS, 0)]:
            del images[key]
    background = images[setting]
    renderer = _text_stamps(fig, canvas)
    steady = tuple(artist for _, artist in moving if getattr(artist, _STEADY, False))
    layer = getattr(fig, _STEADY_LAYER, None)
    if steady and (layer is None or layer[0] is not background or layer[1] != steady):
        canvas.restore_region(background)
        for artist in steady:
            artist.draw(renderer)
        setattr(fig, _STEADY_LAYER, (background, steady, canvas.copy_from_bbox(fig.bbox)))
    else:
        canvas.restore_region(layer[2] if steady else background)
    for _parent, artist in moving:
        if artist not in steady:
            artist.draw(renderer)  # what parent.draw_artist(artist) does, with text stamps
    return canvas


def _draw_ahead(fig: Figure, canvas: FigureCanvasAgg, images: dict, setting: Hashable,
                show: Callable[[Hashable], None], others: tuple) -> None:
    """Draw and keep the static image of each of ``others`` (see :func:`static_setting`),
    then show ``setting`` again."""
    for other in others:
        if other not in images:
            show(other)
            _draw_static(fig, canvas)
            images[other] = canvas.copy_from_bbox(fig.bbox)
    show(setting)
    images[setting] = images.pop(setting)  # the one shown: the most recently used
    fig.stale = False  # the settings' own changes: each has its image


def _draw_static(fig: Figure, canvas: FigureCanvasAgg) -> None:
    """What ``canvas.draw()`` does (everything but the dynamic artists), with text
    stamps: a static part drawn again (new limits, a new setting) pastes the tick labels
    and titles it drew before."""
    canvas.get_renderer().clear()
    fig.draw(_text_stamps(fig, canvas))


def _text_stamps(fig: Figure, canvas: FigureCanvasAgg) -> TextStamps:
    """``fig``'s :class:`TextStamps` over the canvas's current renderer (kept with the
    figure; new when the renderer is, i.e. when the size or dpi changed)."""
    renderer = canvas.get_renderer()
    stamps = getattr(fig, _TEXT_STAMPS, None)
    if stamps is None or stamps.renderer is not renderer:
        stamps = TextStamps(renderer)
        setattr(fig, _TEXT_STAMPS, stamps)
    return stamps


class TextStamps:
    """An Agg renderer that draws each line of text once and pastes its image after that.

    Text is most of a frame's drawing: FreeType renders it glyph by glyph, 10-20 times
    slower than pasting the finished image. So a line of horizontal text is drawn once
    into a small transparent image (a stamp), at the same fraction of a pixel as on the
    canvas, and the stamp is pasted, now and whenever the same string comes back at the
    same fraction of a pixel (a slider moved back, a label that stays). Pasting blends
    as drawing does: the pixels are the same, to within rounding (tests/ui/test_style.py).
    Rotated text, TeX, and text its clip box or path would cut are drawn as usual.

    Everything else is passed on to the wrapped ``renderer``. At most
    :data:`TEXT_STAMP_BYTES` of stamps are kept (the least recently used go first).
    """

    def __init__(self, renderer: Any) -> None:
        self.renderer = renderer
        self._stamps: OrderedDict[tuple, tuple[int, int, np.ndarray | None]] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.renderer, name)

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: ANN001
        """Paste the stamp of ``s`` at (``x``, ``y``) (pixels, y down), drawing it first
        if it is new; what ``RendererAgg.draw_text`` would draw."""
        direct = self.renderer.draw_text
        clip_path, _ = gc.get_clip_path()
        if angle % 360 or ismath == "TeX" or clip_path is not None:
            return direct(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        left, top = math.floor(x), math.floor(y)
        key = (s, _font_key(prop), ismath, round(64 * (x - left)), round(64 * (y - top)),
               tuple(gc.get_rgb()), gc.get_alpha(), gc.get_forced_alpha(),
               gc.get_antialiased(), _text_options(mtext), self.renderer.dpi)
        stamp = self._stamps.get(key)
        if stamp is None:
            self.misses += 1
            stamp = self._draw_stamp(gc, x - left, y - top, s, prop, ismath, mtext)
            if stamp is None:  # did not fit its scratch image: draw as usual
                return direct(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
            self._keep(key, stamp)
        else:
            self.hits += 1
            self._stamps.move_to_end(key)
        dx, dy, image = stamp
        if image is None:  # nothing to draw (blank glyphs)
            return None
        height, width = image.shape[:2]
        # The pixel buffer is int(height) rows; renderer.height may carry a fraction, which
        # draw_image would truncate (matplotlib 3.10) or round (3.11) differently.
        x0, bottom = left + dx, int(self.renderer.height) - (top + dy + height)
        box = gc.get_clip_rectangle()
        if box is not None and not (box.x0 <= x0 and x0 + width <= box.x1
                                    and box.y0 <= bottom and bottom + height <= box.y1):
            return direct(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        paste = self.renderer.new_gc()
        paste.copy_properties(gc)
        paste.set_alpha(None)  # the stamp's pixels carry the text's alpha already
        self.renderer.draw_image(paste, x0, bottom, image)
        paste.restore()
        return None

    def _draw_stamp(self, gc, fx, fy, s, prop, ismath, mtext):  # noqa: ANN001, ANN202
        """``(dx, dy, image)``: ``s`` drawn at (``fx``, ``fy``) of a scratch image, cropped
        to its ink; ``image`` (rows bottom up, as ``draw_image`` takes them) goes
        ``dx, dy`` pixels right of and below the pixel the text is placed in. None when
        the ink reaches the scratch image's edge."""
        em = math.ceil(prop.get_size_in_points() * self.renderer.dpi / 72)
        width, height = (len(s) + 4) * em + 2 * em, 6 * em  # more than any line of s needs
        origin_x, origin_y = 2 * em, 3 * em
        scratch = RendererAgg(width, height, self.renderer.dpi)
        scratch.mathtext_parser = self.renderer.mathtext_parser  # and its parse cache
        pen = scratch.new_gc()
        pen.copy_properties(gc)
        pen.set_clip_rectangle(None)
        pen.set_clip_path(None)
        scratch.draw_text(pen, origin_x + fx, origin_y + fy, s, prop, 0, ismath=ismath,
                          mtext=mtext)
        pen.restore()
        rgba = np.asarray(scratch.buffer_rgba())
        inked = rgba.view("<u4")[..., 0] > 0x00FFFFFF  # alpha (the top byte) above 0
        rows, cols = np.flatnonzero(inked.any(axis=1)), np.flatnonzero(inked.any(axis=0))
        if rows.size == 0:
            return (0, 0, None)
        if rows[0] == 0 or cols[0] == 0 or rows[-1] == height - 1 or cols[-1] == width - 1:
            return None
        image = rgba[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1][::-1].copy()
        return (int(cols[0]) - origin_x, int(rows[0]) - origin_y, image)

    def _keep(self, key: tuple, stamp: tuple[int, int, np.ndarray | None]) -> None:
        self._stamps[key] = stamp
        self._bytes += 0 if stamp[2] is None else stamp[2].nbytes
        while self._bytes > TEXT_STAMP_BYTES and len(self._stamps) > 1:
            _, (_, _, old) = self._stamps.popitem(last=False)
            self._bytes -= 0 if old is None else old.nbytes


def _font_key(prop: Any) -> tuple:
    """The properties of a ``FontProperties`` (mutable: not itself a key)."""
    return (tuple(prop.get_family()), prop.get_slant(), prop.get_variant(),
            prop.get_weight(), prop.get_stretch(), prop.get_size_in_points(),
            prop.get_file(), prop.get_math_fontfamily())


def _text_options(mtext: Any) -> Any:
    """What else shapes a line of ``mtext`` (font features, language), where matplotlib
    has them."""
    if mtext is None:
        return None
    return tuple(getattr(mtext, name)() if hasattr(mtext, name) else None
                 for name in ("get_fontfeatures", "get_language"))


def render_png(fig: Figure) -> bytes:
    """``fig`` as PNG bytes, fast: :func:`render`, then :func:`encode_png`."""
    canvas = render(fig)
    return encode_png(np.asarray(canvas.buffer_rgba()))


def encode_png(rgba: np.ndarray) -> bytes:
    """An RGB PNG of an ``(height, width, 4)`` uint8 image (alpha dropped: figures are
    opaque), rows unfiltered and deflated at :data:`PNG_COMPRESS_LEVEL`.

    Twice as fast as Pillow's encoder at its fastest level, and no larger on figures
    (large flat areas): row filters pay off on photographs, not on plots. A large image
    is deflated in two halves at once, on two threads (zlib lets go of the GIL): the
    halves are joined as one deflate stream, as pigz does.
    """
    rgba = np.asarray(rgba)
    if rgba.ndim != 3 or rgba.shape[2] != 4 or rgba.dtype != np.uint8:
        raise ValueError(f"expected an (height, width, 4) uint8 image, got {rgba.shape} "
                         f"{rgba.dtype}")
    height, width, _ = rgba.shape
    middle = height // 2 if height >= PARALLEL_ROWS else 0
    halves: list[tuple[bytes, int, int]] = []

    def deflate(start: int, stop: int, last: bool) -> tuple[bytes, int, int]:
        """Rows ``start:stop`` as raw deflate data, their Adler-32 and their length."""
        rows = np.empty((stop - start, 1 + 3 * width), dtype=np.uint8)
        rows[:, 0] = 0  # filter type 0 (none)
        rows[:, 1:].reshape(stop - start, width, 3)[...] = rgba[start:stop, :, :3]
        packer = zlib.compressobj(PNG_COMPRESS_LEVEL, zlib.DEFLATED, -15)  # raw deflate
        end = zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH  # the first half stays open
        return packer.compress(rows) + packer.flush(end), zlib.adler32(rows), rows.nbytes

    helper = threading.Thread(target=lambda: halves.append(deflate(0, middle, False)))
    if middle:
        helper.start()
    second = deflate(middle, height, True)
    if middle:
        helper.join()
    first = halves[0] if middle else (b"", 1, 0)  # 1: the Adler-32 of nothing
    checksum = _adler32_combine(first[1], second[1], second[2])
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    # zlib stream: header 78 01 (deflate, 32 KiB window), the data, Adler-32 (big-endian)
    idat = b"\x78\x01" + first[0] + second[0] + struct.pack(">I", checksum)
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", header),
        _png_chunk(b"IDAT", idat),
        _png_chunk(b"IEND", b""),
    ])


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of ``a + b`` from those of ``a`` and ``b`` (zlib's adler32_combine)."""
    base = 65521
    rem = second_length % base
    low = first & 0xFFFF
    sum1 = (low + (second & 0xFFFF) + base - 1) % base
    sum2 = (rem * low + (first >> 16) + (second >> 16) + base - rem) % base
    return (sum2 << 16) | sum1


def _png_chunk(tag: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(tag + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", crc)


# --------------------------------------------------------------------------- View
@dataclass
class View:
    """What an explore function returns: a figure and a one-paragraph text summary.

    In a notebook, a ``View`` as the last expression of a cell prints its text and shows
    its figure (the static fallback of a widget), :func:`shown_width_px` wide.
    """

    figure: Figure
    text: str

    def _ipython_display_(self) -> None:
        # The PNG itself, not the Figure: a Figure shows as an image only once pyplot's
        # inline backend is loaded, and these figures never touch pyplot.
        from IPython.display import Image, display

        print(self.text)
        display(Image(data=self.png(), format="png", width=shown_width_px(self.figure)))

    def png(self) -> bytes:
        """The figure rendered as PNG bytes (what a widget shows); see :func:`render_png`."""
        return render_png(self.figure)


def image_layout(fig: Figure) -> Any:
    """An ``ipywidgets.Layout`` that shows ``fig``'s PNG :func:`shown_width_px` wide
    (never wider than the page)."""
    import ipywidgets as w

    return w.Layout(width=f"{shown_width_px(fig)}px", max_width="100%", height="auto")


# --------------------------------------------------------------------------- helpers
def label_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Every course figure has a title and labelled axes."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def sparse_log_ticks(axis: Axis, numticks: int) -> None:
    """At most ``numticks`` labelled decades on a log ``axis`` and no minor ticks: quicker
    to lay out, and still readable."""
    axis.set_major_locator(LogLocator(base=10.0, numticks=numticks))
    axis.set_minor_locator(NullLocator())


_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten_label(value: float, _position: float | None = None) -> str:
    """A log-axis tick label in plain text, ``10⁻³`` for 0.001 (a ``FuncFormatter``):
    mathtext labels cost more to lay out than a whole explore frame."""
    exponent = round(float(np.log10(value)))
    return f"10{'⁻' if exponent < 0 else ''}{str(abs(exponent)).translate(_SUPERSCRIPTS)}"


def integer_ticks(axis: Axis | Axes, nbins: int | str = "auto") -> None:
    """Ticks at whole numbers only on ``axis`` (``ax.xaxis``; an Axes means its x-axis):
    layers, steps, epochs."""
    if isinstance(axis, Axes):
        axis = axis.xaxis
    if not isinstance(axis, Axis):
        raise TypeError(f"expected an Axis (ax.xaxis) or Axes, got {type(axis).__name__}")
    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, steps=[1, 2, 5, 10]))


def colorbar(ax: Axes, mappable: Any, label: str, **kwargs: Any) -> Colorbar:
    """A labelled colour bar for ``mappable`` (an image, contour set, scatter) beside
    ``ax``: every colour map that encodes a value gets one."""
    if not isinstance(label, str) or not label.strip():
        raise ValueError("a colour bar needs a label saying what the colours mean")
    fig = ax.get_figure()
    bar = fig.colorbar(mappable, ax=ax, **{"fraction": 0.05, "pad": 0.02, **kwargs})
    bar.set_label(label)
    return bar


def legend_outside(ax: Axes, handles: Sequence[Artist] | None = None, *,
                   where: str = "right", **kwargs: Any) -> Any:
    """A legend beside ``ax`` (``where="right"``) or under its x label (``"below"``), so
    it never covers data. Extra keywords go to ``ax.legend``."""
    places = {"right": {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0)},
              "below": {"loc": "upper center", "bbox_to_anchor": (0.5, -0.16), "ncols": 4}}
    if where not in places:
        raise ValueError(f"where must be one of {sorted(places)}, got {where!r}")
    options = {**places[where], "borderaxespad": 0.2, **kwargs}
    if handles is None:
        return ax.legend(**options)
    return ax.legend(handles=list(handles), **options)
