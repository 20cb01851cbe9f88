"""The course style, figure helper and View."""

from __future__ import annotations

import matplotlib as mpl

from bp_helpers.ui.style import STYLE, View, fresh_figure, label_axes, use_course_style


def test_use_course_style_sets_rcparams() -> None:
    with mpl.rc_context():
        mpl.rcParams["axes.grid"] = False
        use_course_style()
        assert mpl.rcParams["axes.grid"] is True
        assert mpl.rcParams["figure.dpi"] == STYLE["figure.dpi"]


def test_label_axes_sets_title_and_labels() -> None:
    _, axes = fresh_figure()
    label_axes(axes[0, 0], "Loss against step", "step", "loss")
    ax = axes[0, 0]
    assert ax.get_title() == "Loss against step"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("step", "loss")


def test_view_displays_text_then_figure(capsys, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig, _ = fresh_figure()
    View(fig, "hello")._ipython_display_()
    assert capsys.readouterr().out == "hello\n"
    assert len(shown) == 1 and shown[0].data == View(fig, "hello").png()


def test_png_is_deterministic() -> None:
    fig, axes = fresh_figure()
    axes[0, 0].plot([0, 1], [1, 0])
    view = View(fig, "")
    assert view.png() == view.png()
