"""Lesson 05: the stacked trainer, the XOR explorer, note 004's network and the checkers."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy as sp
from languages import CJK, in_language

from bp_helpers import data, nn
from bp_helpers.lessons import l05_vectorized_mlp_xor as l05


def test_train_recording_norms_records_every_step() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 3, 3, 1), seed=0)
    history, norms, error = l05.train_recording_norms(mlp, X, Y, loss="bce", lr=0.5, epochs=25)
    assert error is None
    assert len(history) == 25 and list(norms) == ["W1", "W2", "W3"]
    assert all(len(v) == 25 for v in norms.values())
    fresh = nn.MLP((2, 3, 3, 1), seed=0)
    L0, grads = fresh.loss_and_grads(X, Y)
    assert history[0] == L0
    assert norms["W2"][0] == pytest.approx(np.linalg.norm(grads["W2"]))


def test_train_recording_norms_reports_divergence() -> None:
    X, Y = data.xor()
    mlp = nn.MLP((2, 8, 8, 1), activation="relu", seed=0)
    history, norms, error = l05.train_recording_norms(mlp, X, Y, loss="mse", lr=1e8, epochs=500)
    assert error is not None and "diverged" in error
    assert 0 < len(history) < 500
    assert len(norms["W1"]) == len(history)


# ------------------------------------------------------------------ train_stacked
@pytest.mark.parametrize(("activation", "hidden", "lr"),
                         [("tanh", 4, 0.5), ("sigmoid", 4, 0.5), ("tanh", 1, 3.0),
                          ("sigmoid", 7, 0.05)])
def test_train_stacked_equals_nn_train_for_each_network(activation: str, hidden: int,
                                                         lr: float) -> None:
    X, Y = data.xor()
    seeds = (0, 3, 11)
    starts = [nn.MLP((2, hidden, 1), activation=activation, seed=s).params for s in seeds]
    copies = [{k: v.copy() for k, v in p.items()} for p in starts]
    run = l05.train_stacked(starts, X, Y, activation=activation, lr=lr, epochs=300)
    assert run.error is None and run.losses.shape == (3, 300) and run.norms.shape == (3, 2, 300)
    for i, seed in enumerate(seeds):
        assert all(np.array_equal(starts[i][k], copies[i][k]) for k in copies[i])  # not changed
        mlp = nn.MLP((2, hidden, 1), activation=activation, seed=seed)
        history, norms, _ = l05.train_recording_norms(mlp, X, Y, loss="bce", lr=lr, epochs=300)
        assert np.allclose(run.losses[i], history, rtol=0, atol=1e-12)
        assert np.allclose(run.norms[i, 0], norms["W1"], rtol=0, atol=1e-12)
        assert np.allclose(run.norms[i, 1], norms["W2"], rtol=0, atol=1e-12)
        for key in ("W1", "b1", "W2", "b2"):
            assert np.allclose(run.params[i][key], mlp.params[key], rtol=0, atol=1e-12)


def test_train_stacked_keeps_every_epochs_parameters() -> None:
    X, Y = data.xor()
    start = nn.MLP((2, 3, 1), seed=2).params
    run = l05.train_stacked([start], X, Y, lr=0.5, epochs=40, keep_params=True)
    assert run.snapshots is not None and run.snapshots["W1"].shape == (41, 1, 3, 2)
    assert np.array_equal(run.snapshots["W1"][0, 0], start["W1"])
    assert np.array_equal(run.snapshots["b2"][40, 0], run.params[0]["b2"])
    short = l05.train_stacked([start], X, Y, lr=0.5, epochs=17)
    assert np.allclose(run.snapshots["W2"][17, 0], short.params[0]["W2"], rtol=0, atol=1e-15)


def test_train_stacked_reports_divergence_like_nn_train() -> None:
    X, Y = data.xor()
    run = l05.train_stacked([nn.MLP((2, 8, 1), seed=0).params], X, Y, lr=1e5, epochs=300)
    mlp = nn.MLP((2, 8, 1), seed=0)
    history, _, error = l05.train_recording_norms(mlp, X, Y, loss="bce", lr=1e5, epochs=300)
    assert error is not None and run.error is not None and "diverged" in run.error
    assert run.losses.shape[1] == len(history)


@pytest.mark.parametrize(("args", "kwargs", "error"), [
    (([],), {}, TypeError),
    (({"W1": np.zeros((2, 2))},), {}, TypeError),
    (([{"W1": np.zeros((3, 2))}],), {}, ValueError),
    (([{"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)), "W2": np.zeros((1, 2)),
        "b2": np.zeros((1, 1))}],), {}, ValueError),
    (([nn.MLP((2, 3, 1)).params],), {"activation": "relu"}, ValueError),
    (([nn.MLP((2, 3, 1)).params],), {"epochs": 0}, ValueError),
    (([nn.MLP((2, 3, 1)).params],), {"lr": -1.0}, ValueError),
    (([nn.MLP((3, 3, 1)).params],), {}, ValueError),
])
def test_train_stacked_rejects_bad_input(args: tuple, kwargs: dict, error: type) -> None:
    X, Y = data.xor()
    with pytest.raises(error):
        l05.train_stacked(*args, X, Y, **kwargs)


# ------------------------------------------------------------------ the explorer
def test_xor_training_text_reports_the_run() -> None:
    view = l05.xor_training(lr=0.5, hidden=4, seed=0, epochs=300)
    assert "accuracy 100%" in view.text and "log axis" in view.text
    one_unit = l05.xor_training(lr=0.5, hidden=1, seed=0, epochs=300)
    assert "hidden width = 1" in one_unit.text and "accuracy 100%" not in one_unit.text


def test_xor_training_shows_a_prefix_of_one_cached_run() -> None:
    run = l05.xor_run(0.5, 4, 0)
    assert l05.xor_run(0.5, 4, 0) is run
    view = l05.xor_training(epochs=120)
    loss_ax = view.figure.axes[0]
    x, y = loss_ax.lines[0].get_data()
    assert len(x) == 120 and np.allclose(y, run.losses[0, :120])
    view_long = l05.xor_training(epochs=600, fig=view.figure)
    assert view_long.figure is view.figure
    assert len(loss_ax.lines[0].get_xdata()) == 600


def test_xor_training_keeps_its_axes_and_artists_while_sliding() -> None:
    view = l05.xor_training()
    fig = view.figure
    artists = [list(ax.get_children()) for ax in fig.axes]
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in fig.axes]
    for values in ({"lr": 10.0}, {"hidden": 16}, {"seed": 19}, {"epochs": 20}, {"lr": 0.01}):
        again = l05.xor_training(**values, fig=fig)
        assert again.figure is fig
        assert [(ax.get_xlim(), ax.get_ylim()) for ax in fig.axes] == limits
    lines_before = [a for a in artists[0] if a.__class__.__name__ == "Line2D"]
    assert all(line in fig.axes[0].get_children() for line in lines_before)
    assert fig.axes[0].get_yscale() == "log" and fig.axes[2].get_yscale() == "log"


def test_xor_training_names_values_outside_its_axes() -> None:
    # lr = 10, width 16: the loss stays inside (it ends near 3); the explorer says nothing
    inside = l05.xor_training(lr=10.0, hidden=16)
    assert "leaves" not in inside.text
    run = l05.xor_run(10.0, 4, 0)
    assert run.norms.min() < l05.NORM_LIMITS[0]
    outside = l05.xor_training(lr=10.0, epochs=600)
    assert "gradient norm leaves its axis" in outside.text


# ------------------------------------------------------------------ note 004
def test_note_params_draws_like_the_note() -> None:
    legacy = l05.note_params(42, legacy=True)
    saved = np.random.get_state()  # noqa: NPY002
    try:  # the note's own code, on NumPy's global generator
        np.random.seed(42)  # noqa: NPY002
        W1 = np.random.randn(4, 2) * np.sqrt(2 / 2)  # noqa: NPY002
        W2 = np.random.randn(1, 4) * np.sqrt(2 / 4)  # noqa: NPY002
    finally:
        np.random.set_state(saved)  # noqa: NPY002
    assert np.array_equal(legacy["W1"], W1) and np.array_equal(legacy["W2"], W2)
    assert not legacy["b1"].any() and legacy["b2"].shape == (1, 1)
    course = l05.note_params(3)
    mlp = nn.MLP((2, 4, 1), activation="sigmoid", init="he", seed=3)
    assert all(np.array_equal(course[k], mlp.params[k]) for k in mlp.params)
    with pytest.raises(ValueError):
        l05.note_params(-1)


def test_draw_seed_spread_text_and_input() -> None:
    view = l05.draw_seed_spread([0.001, 0.002, 0.003, 0.004], reported=0.0025,
                                note_seed_loss=0.0017)
    assert "median 0.0025" in view.text and "2 of 4 runs end below 0.0025" in view.text
    assert "0.0017" in view.text
    for bad in ([0.1], [[0.1, 0.2]], [0.1, float("nan")]):
        with pytest.raises(ValueError):
            l05.draw_seed_spread(bad, reported=0.1)


# ------------------------------------------------------------------ checkers
def test_verify_prints_a_neutral_line(capsys: pytest.CaptureFixture[str]) -> None:
    l05.verify(l05.check_param_count, 105)
    assert capsys.readouterr().out == "reference solution checked\n"
    with pytest.raises(AssertionError):
        l05.verify(l05.check_param_count, 104)


def test_param_count(capsys: pytest.CaptureFixture[str]) -> None:
    for right in (105, 105.0, np.int64(105), sp.Integer(105)):
        assert l05.check_param_count(right)
    # the checker agrees with the network itself
    assert sum(p.size for p in nn.MLP(l05.PARAM_COUNT_WIDTHS).params.values()) == 105
    assert not l05.check_param_count(88)  # weights only, biases forgotten
    assert not l05.check_param_count(107)  # a bias for each input too
    for wrong in (96, 104.6, 105.4, True, 105 + 0j, "many", [105, 1], ...):
        assert not l05.check_param_count(wrong)
    out = capsys.readouterr().out
    assert "✓ parameter count" in out and "add the biases" in out and "not answered yet" in out
    assert "the inputs have no biases" in out


def test_bce_grad(capsys: pytest.CaptureFixture[str]) -> None:
    _, dZ = nn.bce_with_logits(l05.BCE_Z, l05.BCE_Y)
    assert l05.check_bce_grad(dZ)
    assert l05.check_bce_grad(dZ.tolist())
    assert l05.check_bce_grad(np.array([[-0.02980, 0.06723, -0.1250, 0.2381]]))  # 4 digits
    assert l05.check_bce_grad(sp.Matrix(dZ))
    assert not l05.check_bce_grad(dZ * l05.BCE_Z.shape[1])  # forgot the 1/N
    assert not l05.check_bce_grad(dZ.ravel())  # wrong shape
    assert not l05.check_bce_grad(dZ + 0j)  # complex
    assert not l05.check_bce_grad(np.round(dZ, 2))  # two digits are not enough
    assert not l05.check_bce_grad("0.1")
    out = capsys.readouterr().out
    assert "divide by N" in out and "divided by N" in out


def test_dense_backward(capsys: pytest.CaptureFixture[str]) -> None:
    def right(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)

    def flat_db(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1)

    def mean_dW(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T / dZ.shape[1], dZ.sum(axis=1, keepdims=True)

    def crashes(dZ, A_prev, W):
        return dZ @ W

    def vandal(dZ, A_prev, W):  # wipes its inputs and returns zeros of the right shapes
        shapes = (A_prev.shape, W.shape, (W.shape[0], 1))
        dZ[...] = 0.0
        A_prev[...] = 0.0
        return tuple(np.zeros(s) for s in shapes)

    def complex_dW(dZ, A_prev, W):
        return W.T @ dZ, dZ @ A_prev.T + 0j, dZ.sum(axis=1, keepdims=True)

    assert l05.check_dense_backward(right)
    # the library's layer passes too
    assert l05.check_dense_backward(
        lambda dZ, A, W: nn.dense_backward(dZ, nn.dense_forward(A, W, np.zeros((W.shape[0], 1)))[1])
    )
    assert not l05.check_dense_backward(vandal)
    assert l05.check_dense_backward(right)  # the vandal changed no reference
    for wrong in (flat_db, mean_dW, crashes, complex_dW, lambda dZ, A, W: (1, 2), 42,
                  lambda dZ, A, W: ..., lambda dZ, A, W: 3.0):
        assert not l05.check_dense_backward(wrong)
    out = capsys.readouterr().out
    assert "shape" in out and "raised" in out and "replace ... in its body" in out
    assert "dW = dZ @ A_prevᵀ" in out


def test_one_unit_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    for right in (0.75, 3 / 4, sp.Rational(3, 4), np.float64(0.75), 0.7500):
        assert l05.check_one_unit_accuracy(right)
    for wrong in (1.0, 0.5, 75, 0.7, 0.75j, "0.75?"):
        assert not l05.check_one_unit_accuracy(wrong)
    out = capsys.readouterr().out
    assert "percentage" in out and "cannot separate" in out


def test_xor_training_png_redraws_only_the_data_and_matches_a_full_render() -> None:
    import io

    from PIL import Image

    view = l05.xor_training()
    first = view.png()
    moved = l05.xor_training(lr=10.0, hidden=3, epochs=500, fig=view.figure)
    fast = np.asarray(Image.open(io.BytesIO(moved.png())).convert("RGB")).astype(int)
    buffer = io.BytesIO()
    moved.figure.savefig(buffer, format="png", dpi=moved.figure.dpi)  # all drawn again
    full = np.asarray(Image.open(buffer).convert("RGB")).astype(int)
    assert fast.shape == full.shape
    assert np.mean(np.abs(fast - full).max(axis=2) > 40) < 0.002  # antialiasing only
    back = l05.xor_training(fig=view.figure)
    assert back.png() == first  # the restored background leaves nothing behind


# ------------------------------------------------------------------ the Chinese edition
def test_texts_hints_and_explorer_are_chinese_after_set_language_zh(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bp_helpers.ui.style import cjk_font

    english = l05.xor_training(lr=10.0, epochs=600).text
    X, Y = data.xor()
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for values in (l05.XOR_TRAINING.defaults(), *l05.XOR_TRAINING.extremes()):
                view = l05.XOR_TRAINING.func(**values)
                view.png()
            outside = l05.xor_training(lr=10.0, epochs=600)
            mlp = nn.MLP((2, 4, 1), seed=0)
            training = l05.draw_training(nn.train(mlp, X, Y, loss="bce", lr=0.5, epochs=50),
                                         mlp, X, Y, lr=0.5)
            training.png()
            spread = l05.draw_seed_spread([0.001, 0.002, 0.003], reported=0.0025,
                                          note_seed_loss=0.0017)
            spread.png()
        assert "轮次" in outside.text and "梯度范数超出" in outside.text
        assert outside.text != english and "accuracy" not in outside.text
        assert CJK.search(training.text) and CJK.search(spread.text)
        titles = [ax.get_title() for ax in (*outside.figure.axes, *spread.figure.axes)]
        if cjk_font() is not None:  # figure text is Chinese only where a CJK font exists
            assert "各层的梯度范数" in titles and "训练后的决策边界" in [
                ax.get_title() for ax in training.figure.axes]
        else:
            assert "Gradient norm per layer" in titles
        assert CJK.search(l05.sentence("claims_hold"))
        assert CJK.search(l05.seed_success_text({2: 13, 3: 19, 4: 20}, lr=0.5, epochs=1000))
        assert "典型" in l05.note_run_text([0.001, 0.002, 0.003, 0.004], own_final=0.002,
                                          own_first=0.7, implied=0.016)
        assert not l05.check_param_count(88)
        assert not l05.check_bce_grad(np.zeros((1, 4)))
        assert not l05.check_dense_backward(lambda dZ, A, W: (1, 2))
        assert not l05.check_one_unit_accuracy(75)
        out = capsys.readouterr().out
        assert "还要加上偏置" in out and "除以 N" in out and "百分数" in out
        assert "dA_prev = Wᵀ @ dZ" in out and "个输入" in out
    assert l05.xor_training(lr=10.0, epochs=600).text == english


def test_notebook_sentences_and_paragraphs_in_english() -> None:
    assert l05.sentence("width_one", accuracy=0.75) == "hidden width 1: accuracy 75%"
    assert l05.sentence("product_shape", name="A δ", shape=(5, 3)) == "A δ   : shape (5, 3) "
    three = l05.seed_success_text({2: 13, 3: 19, 4: 20}, lr=0.5, epochs=1000)
    assert three.startswith("With the default settings (4 hidden units, $\\eta = 0.5$, 1000 ")
    assert "every one of the 20 seeds" in three and "7 of the 20 seeds get stuck" in three
    assert "With 3, 1 seed gets stuck. Extra" in three
    some = l05.seed_success_text({2: 13, 3: 17, 4: 19}, lr=0.5, epochs=1000)
    assert "19 of the 20 seeds solves" in some and "With 3, 3 seeds get stuck." in some
    high = l05.note_run_text([0.001] * 19 + [0.003], own_final=0.002, own_first=0.7,
                             implied=0.016)
    assert "0.0023 is a possible outcome but not a typical one: it lies above 19 of the 20" in high
    outside = l05.note_run_text([0.01, 0.02], own_final=0.002, own_first=0.7, implied=0.016)
    assert "lies outside the spread of all 2 runs" in outside
    with pytest.raises(ValueError, match="no sentence"):
        l05.sentence("no_such_sentence")
    with pytest.raises(TypeError):
        l05.sentence(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="widths 2, 3 and 4"):
        l05.seed_success_text({4: 20}, lr=0.5, epochs=1000)
    with pytest.raises(ValueError):
        l05.note_run_text([0.1], own_final=0.1, own_first=0.7, implied=0.016)


# ------------------------------------------------------------------ the XOR points (section 1)
def test_xor_points_draw_each_class_with_its_marker_and_say_where_they_are() -> None:
    from bp_helpers.ui.legibility import min_font_size_pt

    X, Y = data.xor()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view = l05.plot_xor_points(X, Y)
        assert view.png()[:4] == b"\x89PNG"
    ax = view.figure.axes[0]
    assert ax.get_title() == "XOR: the 1s sit on one diagonal"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x₁", "x₂")
    zeros, ones = ax.collections
    assert sorted(map(tuple, zeros.get_offsets().tolist())) == [(0, 0), (1, 1)]
    assert sorted(map(tuple, ones.get_offsets().tolist())) == [(0, 1), (1, 0)]
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["y = 0", "y = 1"]
    assert ax.get_xlim() == ax.get_ylim() == (-0.5, 1.5)
    assert min_font_size_pt(view.figure) >= 9
    assert view.text == ("4 points: circles (y = 0) at (0, 0) and (1, 1), squares (y = 1) at "
                         "(0, 1) and (1, 0). The 1s sit on one diagonal, the 0s on the other.")
    # not XOR: the points are listed, and nothing is said about diagonals
    other = l05.plot_xor_points(np.array([[0, 1, 2], [0, 0, 0]]), np.array([[0, 1, 1]]))
    assert other.text == ("3 points: circles (y = 0) at (0, 0), squares (y = 1) at (1, 0) "
                          "and (2, 0).")


def test_xor_points_in_chinese_and_bad_input() -> None:
    from bp_helpers.ui.style import cjk_font

    X, Y = data.xor()
    with in_language("zh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing glyph would warn
            view = l05.plot_xor_points(X, Y)
            view.png()
        assert view.text.startswith("4 个点：圆点（y = 0）位于 (0, 0) 和 (1, 1)")
        assert "另一条对角线" in view.text
        title = view.figure.axes[0].get_title()
        assert bool(CJK.search(title)) == (cjk_font() is not None)
    for bad_X, bad_Y, error in [(X.T, Y, ValueError), (X, Y.ravel(), ValueError),
                                (X, 2 * Y, ValueError), (X, np.zeros((1, 4)), ValueError),
                                (X[:, :3], Y, ValueError), (np.full((2, 4), np.nan), Y, ValueError),
                                ("X", Y, TypeError)]:
        with pytest.raises(error):
            l05.plot_xor_points(bad_X, bad_Y)
