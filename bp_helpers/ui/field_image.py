"""A value on a grid over the plane, shown as a smooth colour image that redraws fast.

``ax.imshow(Z, interpolation="bilinear")`` redraws a 60 × 60 grid in 10-17 ms: matplotlib
resamples it to the screen through a general affine resampler. The decision boundaries
of notebooks 05 and 08 redraw theirs on every slider move and every Run frame, always
over the same axes, so :class:`FieldImage` does the same in NumPy: bilinear interpolation
from the grid to the screen's pixels is two small matrix products (``Ay @ Z @ Ax.T``; the
matrices are kept while the image's pixel box stays), the colours one table lookup, and
the image is pasted: 1-3 ms. It looks like the ``imshow`` it replaces, to within a few
levels of 255 (tests/ui/test_field_image.py).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Colormap, Normalize

from bp_helpers._validate import finite_array


class FieldImage(Artist):
    """Values ``Z`` on a grid over ``extent = (x0, x1, y0, y1)``, coloured by ``cmap``
    over ``[vmin, vmax]``: row 0 of ``Z`` at the bottom (``y0``), column 0 at the left,
    each value at the centre of its cell, bilinear between them (as ``imshow`` with
    ``origin="lower", interpolation="bilinear"`` shows it).

    Its colour bar: ``colorbar(ax, field.mappable, label)``.
    """

    zorder = 0  # under lines and points, as an image is

    def __init__(self, ax: Axes, Z: np.ndarray, extent: tuple[float, float, float, float],
                 *, cmap: Colormap, vmin: float = 0.0, vmax: float = 1.0) -> None:
        if not isinstance(ax, Axes):
            raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")
        if not isinstance(cmap, Colormap):
            raise TypeError(f"cmap must be a matplotlib Colormap, got {type(cmap).__name__}")
        if not (math.isfinite(vmin) and math.isfinite(vmax) and vmin < vmax):
            raise ValueError(f"need finite vmin < vmax, got vmin={vmin}, vmax={vmax}")
        super().__init__()
        self.norm = Normalize(vmin, vmax)
        #: What a colour bar needs: the colour map over [vmin, vmax].
        self.mappable = ScalarMappable(norm=self.norm, cmap=cmap)
        self.mappable.set_array([vmin, vmax])
        # the map's own colours, each RGBA as one 32-bit word: a lookup moves 4 bytes at once
        self._lut = cmap(np.arange(cmap.N), bytes=True).view(np.uint32)[:, 0]
        self._weights: tuple[Any, np.ndarray, np.ndarray] | None = None
        self.set_data(Z)
        self.set_extent(extent)
        ax.add_artist(self)

    def set_data(self, Z: np.ndarray) -> None:
        """New values: ``Z``, (rows, columns) with at least 2 of each, finite."""
        Z = finite_array(Z, "Z", ndim=2)
        if min(Z.shape) < 2:
            raise ValueError(f"Z needs at least 2 rows and 2 columns, got shape {Z.shape}")
        self._Z = Z
        self.stale = True

    def get_array(self) -> np.ndarray:
        """The values shown, (rows, columns)."""
        return self._Z

    def set_extent(self, extent: tuple[float, float, float, float]) -> None:
        """The rectangle ``(x0, x1, y0, y1)`` (data coordinates) the grid covers."""
        extent = tuple(finite_array(extent, "extent", ndim=1))
        if len(extent) != 4 or not (extent[0] < extent[1] and extent[2] < extent[3]):
            raise ValueError(f"extent must be (x0, x1, y0, y1) with x0 < x1 and y0 < y1, "
                             f"got {extent}")
        self._extent = extent
        self.stale = True

    def get_extent(self) -> tuple[float, float, float, float]:
        """``(x0, x1, y0, y1)``: the rectangle the grid covers."""
        return self._extent

    def draw(self, renderer: Any) -> None:
        """Interpolate to the pixels the extent covers (within the axes), colour, paste."""
        if not self.get_visible():
            return
        x0, x1, y0, y1 = self._extent
        (left, bottom), (right, top) = self.axes.transData.transform([(x0, y0), (x1, y1)])
        box = self.axes.bbox
        columns = np.arange(round(max(left, box.x0)), round(min(right, box.x1)))
        rows = np.arange(round(max(bottom, box.y0)), round(min(top, box.y1)))
        if columns.size == 0 or rows.size == 0:
            return
        key = (self._Z.shape, left, right, bottom, top, columns[0], columns.size, rows[0],
               rows.size)
        if self._weights is None or self._weights[0] != key:
            self._weights = (key, _interpolation_matrix(rows + 0.5, bottom, top,
                                                        self._Z.shape[0]),
                             _interpolation_matrix(columns + 0.5, left, right,
                                                   self._Z.shape[1]))
        _, Ay, Ax = self._weights
        values = Ay @ self._Z @ Ax.T  # (rows, columns), bottom row first
        # the colour map's own lookup: entry ⌊x·N⌋ for x = (value − vmin)/(vmax − vmin)
        n = len(self._lut)
        scaled = (values - self.norm.vmin) * (n / (self.norm.vmax - self.norm.vmin))
        index = np.clip(scaled, 0, n - 1).astype(np.intp)
        rgba = self._lut[index].view(np.uint8).reshape(*index.shape, 4)  # rows bottom up,
        # as draw_image takes them
        gc = renderer.new_gc()
        gc.set_clip_rectangle(box)  # the pixel box is inside the axes already
        gc.set_alpha(self.get_alpha())
        renderer.draw_image(gc, int(columns[0]), int(rows[0]), rgba)
        gc.restore()
        self.stale = False


def _interpolation_matrix(centres: np.ndarray, start: float, stop: float,
                          n: int) -> np.ndarray:
    """``(len(centres), n)``: row ``i`` holds the linear-interpolation weights of the
    ``n`` cell values at pixel centre ``centres[i]``, the ``n`` cells spanning
    [``start``, ``stop``] (pixels) with a value at each cell's centre; beyond the first
    and last centres the edge value holds."""
    position = np.clip((centres - start) / (stop - start) * n - 0.5, 0.0, n - 1.0)
    low = np.minimum(np.floor(position).astype(np.intp), n - 2)
    high_weight = position - low
    weights = np.zeros((centres.size, n))
    at = np.arange(centres.size)
    weights[at, low] = 1.0 - high_weight
    weights[at, low + 1] = high_weight
    return weights
