"""FieldImage: the smooth colour image of the decision boundaries, drawn in NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bp_helpers.ui.field_image import FieldImage
from bp_helpers.ui.palette import class_cmap

EXTENT = (-1.5, 2.0, -1.0, 1.5)


def _field() -> np.ndarray:
    gx, gy = np.linspace(-1.5, 2.0, 60), np.linspace(-1.0, 1.5, 40)
    G0, G1 = np.meshgrid(gx, gy)
    return 1 / (1 + np.exp(-(3 * G0 - 2 * G1**2 + np.sin(4 * G0))))


def _render(kind: str, *, height: float, dpi: float,
            limits: tuple = EXTENT) -> tuple[np.ndarray, np.ndarray]:
    """The pixels inside the axes, one pixel in from its edges, as (rows, cols, 3), and
    a mask of those away from the image's own edges (matplotlib 3.10 and 3.11 place an
    image's edge inside the axes a pixel apart)."""
    fig = Figure(figsize=(4.5, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    Z = _field()
    if kind == "imshow":
        ax.imshow(Z, origin="lower", cmap=class_cmap(), vmin=0, vmax=1, aspect="auto",
                  interpolation="bilinear", extent=EXTENT)
    else:
        FieldImage(ax, Z, EXTENT, cmap=class_cmap())
    ax.set_xlim(*limits[:2])
    ax.set_ylim(*limits[2:])
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)
    box = ax.bbox
    rows = slice(round(fig.bbox.height - box.y1) + 1, round(fig.bbox.height - box.y0) - 1)
    columns = slice(round(box.x0) + 1, round(box.x1) - 1)
    (left, bottom), (right, top) = ax.transData.transform([EXTENT[::2], EXTENT[1::2]])
    x = np.arange(pixels.shape[1]) + 0.5
    y = fig.bbox.height - (np.arange(pixels.shape[0]) + 0.5)  # display y of each row
    near_x = (np.abs(x - left) < 1.5) | (np.abs(x - right) < 1.5)
    near_y = (np.abs(y - bottom) < 1.5) | (np.abs(y - top) < 1.5)
    away = ~(near_y[:, None] | near_x[None, :])
    return pixels[rows, columns], away[rows, columns]


@pytest.mark.parametrize("height", [3.3, 3.3047], ids=["whole", "fractional"])
@pytest.mark.parametrize("dpi", [120, 144])
@pytest.mark.parametrize("limits", [EXTENT, (-1.0, 2.5, -1.5, 1.0)], ids=["fits", "shifted"])
def test_it_looks_like_the_imshow_it_replaces(height, dpi, limits) -> None:
    """Bilinear between cell centres, the colour map's own colours, the same placement:
    within 8 levels of 255 everywhere inside the axes but at the image's own edges
    (including an extent that only partly covers the axes, and a figure a fraction of a
    pixel high)."""
    expected, away = _render("imshow", height=height, dpi=dpi, limits=limits)
    got, _ = _render("field", height=height, dpi=dpi, limits=limits)
    assert got.shape == expected.shape
    assert away.mean() > 0.95
    assert np.abs(got - expected)[away].max() <= 8


def test_new_values_and_extent_redraw_and_colour_bar() -> None:
    fig = Figure(figsize=(4, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    field = FieldImage(ax, np.zeros((5, 5)), (0, 1, 0, 1), cmap=class_cmap())
    fig.colorbar(field.mappable, ax=ax)  # the mappable a colour bar needs
    fig.canvas.draw()
    before = np.asarray(fig.canvas.buffer_rgba()).copy()
    field.set_data(np.ones((5, 5)))
    assert field.stale
    fig.canvas.draw()
    after = np.asarray(fig.canvas.buffer_rgba()).copy()
    assert not np.array_equal(before, after)
    assert np.array_equal(field.get_array(), np.ones((5, 5)))
    field.set_extent((2, 3, 2, 3))  # outside the axes: nothing drawn
    fig.canvas.draw()
    outside = np.asarray(fig.canvas.buffer_rgba()).copy()
    field.set_visible(False)
    fig.canvas.draw()
    assert np.array_equal(outside, np.asarray(fig.canvas.buffer_rgba()))
    assert field.get_extent() == (2.0, 3.0, 2.0, 3.0)


def test_bad_input_is_refused_clearly() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    cmap = class_cmap()
    with pytest.raises(TypeError, match="Axes"):
        FieldImage(fig, np.zeros((3, 3)), (0, 1, 0, 1), cmap=cmap)
    with pytest.raises(TypeError, match="Colormap"):
        FieldImage(ax, np.zeros((3, 3)), (0, 1, 0, 1), cmap="viridis")
    with pytest.raises(ValueError, match="vmin < vmax"):
        FieldImage(ax, np.zeros((3, 3)), (0, 1, 0, 1), cmap=cmap, vmin=1.0, vmax=1.0)
    with pytest.raises(ValueError, match="2 dimension"):
        FieldImage(ax, np.zeros(9), (0, 1, 0, 1), cmap=cmap)
    with pytest.raises(ValueError, match="at least 2 rows"):
        FieldImage(ax, np.zeros((1, 9)), (0, 1, 0, 1), cmap=cmap)
    with pytest.raises(ValueError, match="finite"):
        FieldImage(ax, np.full((3, 3), np.nan), (0, 1, 0, 1), cmap=cmap)
    with pytest.raises(ValueError, match="x0 < x1"):
        FieldImage(ax, np.zeros((3, 3)), (1, 0, 0, 1), cmap=cmap)
    with pytest.raises(ValueError, match="x0 < x1"):
        FieldImage(ax, np.zeros((3, 3)), (0, 1, 0), cmap=cmap)
