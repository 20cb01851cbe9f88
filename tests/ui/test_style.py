"""The course style, figure helper and View."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

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


def test_integer_ticks_colorbar_and_legend_outside() -> None:
    import pytest

    from bp_helpers.ui.style import colorbar, integer_ticks, legend_outside

    fig, axes = fresh_figure()
    ax = axes[0, 0]
    ax.plot([0, 7], [0, 1], label="line")
    ax.set_xlim(0, 7)
    integer_ticks(ax.xaxis)
    ticks = ax.get_xticks()
    assert np.all(ticks == np.round(ticks))
    image = ax.imshow([[0, 1], [1, 0]])
    bar = colorbar(ax, image, "value")
    assert bar.ax.get_ylabel() == "value"
    with pytest.raises(ValueError, match="label"):
        colorbar(ax, image, " ")
    legend = legend_outside(ax)
    fig.canvas.draw()
    assert not legend.get_window_extent().overlaps(ax.get_window_extent())
    with pytest.raises(ValueError, match="where"):
        legend_outside(ax, where="inside")


def test_figure_state_builds_once_and_dynamic_artists_reuse_the_background() -> None:
    from bp_helpers.ui.style import dynamic, figure_state, render_png

    builds = []

    def build(fig):
        builds.append(1)
        ax = fig.subplots()
        label_axes(ax, "t", "x", "y")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        return {"ax": ax, "line": dynamic(ax.plot([], [])[0])}

    fig, art = figure_state(None, build, figsize=(4, 3))
    art["line"].set_data([0, 1], [0, 1])
    first = render_png(fig)
    again, art2 = figure_state(fig, build)
    assert again is fig and art2 is art and len(builds) == 1
    art["line"].set_data([0, 1], [1, 0])
    assert not fig.stale, "changing a dynamic artist leaves the static image valid"
    second = render_png(fig)
    assert second != first
    art["line"].set_data([0, 1], [0, 1])
    assert render_png(fig) == first, "restored background + line = the same picture"
    art["ax"].set_xlim(0, 2)  # a static change: the background is drawn again
    assert fig.stale and render_png(fig) != first
    figure_state(fig, build, key="another shape")
    assert len(builds) == 2


def test_a_dynamic_legend_can_change_its_texts_without_a_redraw() -> None:
    from bp_helpers.ui.style import dynamic, figure_state, render_png

    def build(fig):
        ax = fig.subplots()
        ax.plot([0, 1], [0, 1], label="slope 0.000")
        return {"legend": dynamic(ax.legend())}

    fig, art = figure_state(None, build, figsize=(3, 2))
    first = render_png(fig)
    art["legend"].get_texts()[0].set_text("slope 1.000")
    assert not fig.stale, "a part of a dynamic artist is dynamic too"
    assert render_png(fig) != first


def test_static_setting_keeps_one_background_per_setting() -> None:
    import io

    import pytest
    from PIL import Image

    from bp_helpers.ui.style import dynamic, figure_state, render, render_png, static_setting

    def build(fig):
        ax = fig.subplots()
        return {"ax": ax, "curve": ax.plot([], [])[0], "dot": dynamic(ax.plot([], [], "o")[0])}

    def show(art, setting):
        shown.append(setting)
        top = {"small": 1.0, "large": 10.0}[setting]
        art["curve"].set_data([0, 1], [0, top])
        art["ax"].set_ylim(0, top)
        art["ax"].set_title(f"up to {top:g}")

    def frame(setting):
        static_setting(fig, setting, lambda s: show(art, s))
        art["dot"].set_data([0.5], [0.5])
        return render_png(fig)

    def full_render():
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return np.asarray(Image.open(buffer).convert("RGB"))

    def decoded(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    shown = []
    fig, art = figure_state(None, build, figsize=(4, 3), layout=False)
    small = frame("small")
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    large = frame("large")
    assert large != small and draws == [1], "a new setting is drawn once"
    assert frame("small") == small and frame("large") == large
    assert draws == [1], "a setting drawn before comes back from its kept image"
    assert frame("large") == large and shown == ["small", "large", "small", "large"]
    art["ax"].set_xlim(0, 2)  # another static change: every kept image is out of date
    moved = frame("small")
    assert draws == [1, 1]
    frame("large")
    assert draws == [1, 1, 1], "the large setting's old image was forgotten"
    render(fig)
    assert draws == [1, 1, 1]
    assert np.array_equal(decoded(frame("large")), full_render())
    assert np.array_equal(decoded(frame("small")), full_render())
    assert np.array_equal(decoded(moved), full_render())
    figure_state(fig, build, key="rebuilt")
    with pytest.raises(TypeError, match="unhashable"):
        static_setting(fig, ["a list"], lambda s: None)
    with pytest.raises(TypeError, match="show must be a function"):
        static_setting(fig, "small", None)


@pytest.mark.parametrize("figsize", [(4, 3), (4.01, 3.2)], ids=["whole", "fractional"])
def test_text_stamps_paste_what_drawing_the_text_draws(monkeypatch, figsize) -> None:
    """Each line of text is drawn once and pasted after that (TextStamps): the frame has
    the pixels of a plain draw (savefig), to within rounding, and clipping still cuts.
    Also where the figure is not a whole number of pixels high (460.8 rows at 144 dpi:
    the buffer has 460, and a paste placed from 460.8 lands a row too high)."""
    import io

    from PIL import Image

    from bp_helpers.ui import style
    from bp_helpers.ui.palette import TINTS
    from bp_helpers.ui.style import dynamic, figure_state, render_png

    def build(fig):
        ax = fig.subplots()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_title("static title, 0.5")
        ax.fill_between([0, 1], 0, 0.3, color=style.COLORS["positive"])
        texts = [ax.text(0.05, 0.8, "plain 0.123", fontsize=11),
                 ax.text(0.05, 0.6, "two\nlines, $x^2$", color=style.COLORS["forward"]),
                 ax.text(0.05, 0.1, "over colour", alpha=0.6),
                 ax.text(0.5, 0.45, "boxed δ₁⁽²⁾", bbox={"facecolor": TINTS["paper"]}),
                 ax.text(0.9, 0.7, "clipped at the right edge", clip_on=True),
                 ax.text(0.6, 0.8, "rotated", rotation=30)]
        return {"texts": [dynamic(t) for t in texts]}

    def decoded(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)

    def plain_draw():
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return decoded(buffer.getvalue())

    fig, art = figure_state(None, build, figsize=figsize)
    first = decoded(render_png(fig))
    stamps = getattr(fig, style._TEXT_STAMPS)
    assert stamps.misses > 0 and stamps.hits == 0
    assert np.abs(first - plain_draw()).max() <= 4
    art["texts"][0].set_text("plain 0.456")
    second = decoded(render_png(fig))
    assert np.abs(second - plain_draw()).max() <= 4
    art["texts"][0].set_text("plain 0.123")
    misses = stamps.misses
    assert np.array_equal(decoded(render_png(fig)), first), "a string shown before: pasted"
    assert stamps.misses == misses and stamps.hits > 0
    # At most TEXT_STAMP_BYTES are kept: the least recently used stamps go.
    monkeypatch.setattr(style, "TEXT_STAMP_BYTES", 20_000)
    for k in range(30):
        art["texts"][0].set_text(f"string number {k}")
        render_png(fig)
        assert stamps._bytes <= 20_000 or len(stamps._stamps) == 1


def test_a_dynamic_axes_is_drawn_whole_and_rebuilt_without_a_redraw() -> None:
    import io

    from PIL import Image

    from bp_helpers.ui.style import FAST_DPI, dynamic, dynamic_changes, figure_state, render_png

    def build(fig):
        ax, diagram = fig.subplots(1, 2)
        ax.set_xlim(0, 1)
        return {"ax": ax, "diagram": dynamic(diagram), "line": dynamic(ax.plot([0, 1])[0])}

    def right_half(png):
        image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
        return image[:, image.shape[1] // 2:]

    fig, art = figure_state(None, build, figsize=(4, 2), dpi=FAST_DPI)
    assert fig.dpi == FAST_DPI and art["diagram"].get_animated()
    assert not any(a.get_animated() for a in art["diagram"].get_children())
    before = right_half(render_png(fig))
    art["diagram"].clear()  # a new diagram: the static image stays valid
    art["diagram"].plot([0, 1], [1, 0])
    art["diagram"].set_title("new")
    assert not fig.stale
    with dynamic_changes(fig):  # adding and removing dynamic artists, likewise
        art["line"].remove()
        art["line"] = dynamic(art["ax"].plot([1, 0])[0])
        dynamic(art["ax"].legend(handles=[art["line"]], labels=["line"]))
    assert not fig.stale
    after = right_half(render_png(fig))
    assert not np.array_equal(before, after), "the new diagram is drawn"
    assert np.array_equal(after, right_half(render_png(fig)))
    art["ax"].set_xlim(0, 2)
    with dynamic_changes(fig):
        pass
    assert fig.stale, "a static change inside stays a static change"


def test_only_the_last_kept_settings_keep_their_images(monkeypatch) -> None:
    from bp_helpers.ui import style
    from bp_helpers.ui.style import dynamic, figure_state, render_png, static_setting

    def build(fig):
        ax = fig.subplots()
        return {"ax": ax, "dot": dynamic(ax.plot([0.5], [0.5], "o")[0])}

    monkeypatch.setattr(style, "KEPT_SETTINGS", 2)
    fig, art = figure_state(None, build, figsize=(3, 2), layout=False)
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    for top in (1, 2, 1, 3, 1):  # 3 pushes out 2, the least recently used
        static_setting(fig, top, lambda t: art["ax"].set_ylim(0, t))
        render_png(fig)
    assert len(draws) == 3
    static_setting(fig, 2, lambda t: art["ax"].set_ylim(0, t))
    render_png(fig)
    assert len(draws) == 4


def test_settings_drawn_ahead_are_not_pushed_out_by_later_ones(monkeypatch) -> None:
    from bp_helpers.ui import style
    from bp_helpers.ui.style import dynamic, figure_state, render_png, static_setting

    def build(fig):
        ax = fig.subplots()
        return {"ax": ax, "dot": dynamic(ax.plot([0.5], [0.5], "o")[0])}

    def show(top):
        art["ax"].set_ylim(0, top)

    monkeypatch.setattr(style, "KEPT_SETTINGS", 2)
    fig, art = figure_state(None, build, figsize=(3, 2), layout=False)
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    static_setting(fig, 1, show, others=[10])  # 10 drawn ahead with the first image
    render_png(fig)
    assert len(draws) == 2
    for top in (2, 3, 4):  # three new settings: two kept at a time, the oldest pushed out
        static_setting(fig, top, show)
        render_png(fig)
    assert len(draws) == 5
    static_setting(fig, 10, show)  # still kept
    render_png(fig)
    assert len(draws) == 5
    static_setting(fig, 2, show)  # pushed out by 4
    render_png(fig)
    assert len(draws) == 6


def test_encode_png_round_trips() -> None:
    import io
    import zlib

    import pytest
    from PIL import Image

    from bp_helpers.ui.style import encode_png

    rgba = np.zeros((3, 5, 4), dtype=np.uint8)
    rgba[..., 0] = np.arange(5) * 50
    rgba[..., 3] = 255
    decoded = np.asarray(Image.open(io.BytesIO(encode_png(rgba))))
    assert decoded.shape == (3, 5, 3) and np.array_equal(decoded, rgba[..., :3])
    # A large image is deflated in two halves, joined into one zlib stream whose
    # Adler-32 zlib checks.
    large = np.random.default_rng(0).integers(0, 256, (301, 7, 4), dtype=np.uint8)
    png = encode_png(large)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png))), large[..., :3])
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    rows = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(301, 1 + 21)
    assert np.array_equal(rows[:, 1:].reshape(301, 7, 3), large[..., :3])
    with pytest.raises(ValueError, match="uint8"):
        encode_png(np.zeros((3, 5, 3)))


def test_view_is_shown_at_the_figure_width_times_96(monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    fig, _ = fresh_figure(figsize=(5.0, 3.0))
    View(fig, "")._ipython_display_()
    assert shown[0].width == 480
    assert fig.dpi == 144 and STYLE["font.size"] >= 9


def test_power_of_ten_labels_are_plain_text() -> None:
    from bp_helpers.ui.style import power_of_ten_label

    assert [power_of_ten_label(v) for v in (1e-3, 1.0, 10.0, 1e12)] == ["10⁻³", "10⁰", "10¹",
                                                                       "10¹²"]


def test_sparse_log_ticks_keep_few_decades_and_no_minor_ticks() -> None:
    from matplotlib.figure import Figure

    from bp_helpers.ui.style import sparse_log_ticks

    ax = Figure().add_subplot()
    ax.set_yscale("log")
    ax.set_ylim(1e-12, 1e12)
    sparse_log_ticks(ax.yaxis, 5)
    ticks = [t for t in ax.get_yticks() if 1e-12 <= t <= 1e12]
    assert 2 <= len(ticks) <= 6 and not len(ax.yaxis.get_minorticklocs())


def test_chinese_figure_text_needs_a_cjk_font_and_falls_back_to_english(monkeypatch) -> None:
    from bp_helpers import messages
    from bp_helpers.ui import style

    try:
        style.set_language("zh")
        if style.cjk_font() is not None:
            assert style.figure_language() == "zh"
            assert style.course_style()["font.family"] == ["DejaVu Sans", style.cjk_font()]
            fig, axes = style.fresh_figure(figsize=(4, 3))
            axes.flat[0].set_title(style.ft("explore.run_to_use"))
            style.render_png(fig)  # a missing glyph would warn, and warnings are errors
        monkeypatch.setattr(style, "cjk_font", lambda: None)
        assert messages.language() == "zh" and style.figure_language() == "en"
        assert style.course_style() is style.STYLE
        assert style.ft("explore.run_to_use") == messages.t_in("en", "explore.run_to_use")
    finally:
        style.set_language("en")
    assert style.figure_language() == "en" and style.course_style() is style.STYLE
    assert mpl.rcParams["font.family"] == mpl.rcParamsDefault["font.family"]


def test_static_setting_draws_the_other_settings_ahead() -> None:
    """``others``: the first frame draws every listed setting's static image, so the first
    switch to one of them costs no static drawing, and the frame is what a full draw
    gives."""
    import io

    from PIL import Image

    from bp_helpers.ui.style import KEPT_SETTINGS, dynamic, figure_state, render_png, static_setting

    tops = {"small": 1.0, "medium": 3.0, "large": 10.0}

    def build(fig):
        ax = fig.subplots()
        return {"ax": ax, "curve": ax.plot([], [])[0], "dot": dynamic(ax.plot([], [], "o")[0])}

    def show(setting):
        art["curve"].set_data([0, 1], [0, tops[setting]])
        art["ax"].set_ylim(0, tops[setting])

    def frame(setting):
        static_setting(fig, setting, show, others=[s for s in tops if s != setting])
        art["dot"].set_data([0.5], [0.5])
        return render_png(fig)

    def decoded(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    fig, art = figure_state(None, build, figsize=(4, 3), layout=False)
    draws = []
    fig.draw = lambda renderer: draws.append(1) or type(fig).draw(fig, renderer)
    first = frame("small")
    assert len(draws) == 3, "the first frame draws all three settings"
    frames = {setting: frame(setting) for setting in ("large", "medium", "small")}
    assert len(draws) == 3, "no switch drew a static image"
    assert frames["small"] == first
    for setting, png in frames.items():
        show(setting)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")  # a full draw
        assert np.array_equal(decoded(png), decoded(buffer.getvalue())), setting
    with pytest.raises(ValueError, match="at most"):
        static_setting(fig, 0, show, others=range(KEPT_SETTINGS))
    with pytest.raises(TypeError, match="unhashable"):
        static_setting(fig, "small", show, others=[["a list"]])


def test_a_steady_artist_is_drawn_once_until_dynamic_changes() -> None:
    """A steady dynamic artist (a legend beside the axes) is drawn into a kept layer: not
    again on later frames, again after a ``dynamic_changes`` block or a new static image;
    every frame has the pixels of a full draw."""
    import io

    from PIL import Image

    from bp_helpers.ui.style import dynamic, dynamic_changes, figure_state, render_png

    def build(fig):
        ax = fig.subplots()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        # clear of the spines (a dynamic artist is drawn over them; a full draw, under)
        line = dynamic(ax.plot([0.1, 0.9], [0.1, 0.9], label="line")[0])
        legend = dynamic(ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0)), steady=True)
        return {"ax": ax, "line": line, "legend": legend}

    def decoded(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)

    def full_draw(top):
        art["line"].set_ydata([0.1, top])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return decoded(buffer.getvalue())

    fig, art = figure_state(None, build, figsize=(5, 3))
    drawn = []
    legend_draw = art["legend"].draw
    art["legend"].draw = lambda renderer: drawn.append(1) or legend_draw(renderer)
    frames = {}
    for top in (0.9, 0.3, 0.5, 0.7):
        art["line"].set_ydata([0.1, top])
        frames[top] = render_png(fig)
    assert len(drawn) == 1, "the steady legend is drawn once"
    with dynamic_changes(fig):
        art["legend"].get_texts()[0].set_text("renamed")
    renamed = render_png(fig)
    assert len(drawn) == 2, "a dynamic_changes block draws the steady layer again"
    assert np.abs(decoded(renamed) - full_draw(0.7)).max() <= 4
    art["legend"].get_texts()[0].set_text("line")
    for top, png in frames.items():
        assert np.abs(decoded(png) - full_draw(top)).max() <= 4, top
    drawn.clear()
    art["ax"].set_xlim(0, 2)  # a static change: a new static image, a new steady layer
    render_png(fig)
    render_png(fig)
    assert len(drawn) == 1
    with pytest.raises(TypeError, match="steady"):
        dynamic(art["line"], steady="yes")


def test_in_course_style_sets_the_course_sizes_and_restores_the_rest() -> None:
    from bp_helpers.ui.style import course_style, in_course_style

    with mpl.rc_context({"font.size": 5.0, "axes.grid": False}):
        with in_course_style():
            for key, value in course_style().items():
                assert mpl.rcParams[key] == mpl.rcParams.validate[key](value), key
        assert mpl.rcParams["font.size"] == 5.0 and mpl.rcParams["axes.grid"] is False
