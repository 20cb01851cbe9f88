"""The English message table: key → :meth:`str.format` template.

Keys are grouped by the module that prints them, in the same order in both tables;
``tests/core/test_messages.py`` checks that both tables have the same keys and fields.
"""

MESSAGES: dict[str, str] = {
    # ---- ui.checks (keys checks.*): verdicts, hints, number policy


    # ---- ui.explore (keys explore.*): widgets
    "explore.run_to_use": "Run the notebook (Run → Run All Cells) to use the sliders.",


    # ---- ui.drawings (keys drawings.*): graph, boundary, loss curve, norms


    # ---- ui.playground (keys playground.*): controls, views, messages


    # ---- l00 (keys l00.*): 00 Start here


    # ---- l01 (keys l01.*): 01 The chain rule


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR
    "l05.diverged_float": "training diverged at epoch {epoch}: a floating-point error ({error})",
    "l05.diverged_loss": (
        "training diverged at epoch {epoch}: loss {loss:.3g}; the learning rate {lr:g} is "
        "probably too large"
    ),
    "l05.fig_loss_title": "Training loss (BCE)",
    "l05.fig_epoch": "epoch",
    "l05.fig_loss_axis": "loss (log axis)",
    "l05.fig_boundary_title": "Decision boundary: P(y = 1)",
    "l05.fig_norms_title": "Gradient norm per layer",
    "l05.fig_norm_axis": "Frobenius norm (log axis)",
    "l05.loss_outside": "the loss leaves the loss axis (drawn at its edge)",
    "l05.norm_outside": "a gradient norm leaves its axis (drawn at its edge)",
    "l05.xor_settings": "lr = {lr:.3g}, hidden width = {hidden}, seed = {seed}, epochs = {epochs}",
    "l05.xor_loss": (
        "loss: {first:.4f} at the start -> {last:.4f} at the last step; accuracy {accuracy:.0%}"
    ),
    "l05.xor_predictions": "P(y = 1) for (0,0), (0,1), (1,0), (1,1): {P}",
    "l05.xor_panels": (
        "Left: the loss of each epoch on a log axis (epochs 0 to {epochs_max} fixed; the first "
        "{shown} drawn). Middle: P(y = 1) over the plane, sky blue near 0, white at 0.5, gold "
        "near 1 (colour bar), the black line where P = 0.5; circles are the points with y = 0, "
        "squares y = 1. Right: ‖∂L/∂W1‖ (solid, circles) and ‖∂L/∂W2‖ (dashed, squares) per "
        "epoch on a log axis, ending at {norm1:.2g} and {norm2:.2g}."
    ),
    "l05.list_separator": "; ",
    "l05.xor_note": "Note: {items}.",
    "l05.xor_stopped": "stopped: {error}",
    "l05.fig_training_loss": "Training loss (binary cross-entropy), lr = {lr:g}",
    "l05.fig_boundary_after": "Decision boundary after training",
    "l05.training_text": (
        "Left: the loss of each of the {epochs} epochs on a log axis, from {first:.4f} to "
        "{last:.4f}. Right: P(y = 1) over the plane, sky blue near 0, white at 0.5, gold near 1 "
        "(colour bar); the black line is P = 0.5; circles are the points with y = 0, squares "
        "y = 1. P(y = 1) at (0,0), (0,1), (1,0), (1,1): {P}."
    ),
    "l05.fig_one_seed": "one seed ({n} seeds)",
    "l05.fig_note_value": "the note's {reported:g}",
    "l05.fig_note_own_seed": "the note's code, its own seed {seed}",
    "l05.fig_spread_title": "Loss at epoch {epoch:,} of note 004's XOR network, one point per seed",
    "l05.fig_bce": "binary cross-entropy",
    "l05.fig_seeds": "seeds",
    "l05.spread_star": "; the star is the note's own code and seed, {loss:.4f}",
    "l05.spread_text": (
        "{n} seeds: median {median:.4f}, range {low:.4f} to {high:.4f}; {below} of {n} runs end "
        "below {reported:g} and {above} at or above it. The box spans the middle half of the "
        "values, the line in it is the median, the whiskers reach the smallest and largest; "
        "each dot is one seed; the dashed line is the note's value{star}."
    ),
    "l05.xor_points": (
        "Four points: circles (y = 0) at (0, 0) and (1, 1), squares (y = 1) at (0, 1) and (1, 0)."
    ),
    "l05.checked_all": "checked all {n} parameters",
    "l05.not_defined": "{name:6s}: {left} times {right} is not defined",
    "l05.product_shape": "{name:6s}: shape {shape} ",
    "l05.product_fits": "{name:6s}: shape {shape} = the shape of W",
    "l05.only_product": "✓ the only product with the shape of W ({rows}, {cols}) is {product}",
    "l05.bp_matches": "✓ BP1–BP4 give MLP.backward's gradients (to 1e-10)",
    "l05.deltas_checked": "✓ every δ(l) = ∂L/∂Z(l), by central differences",
    "l05.per_sample_same": "✓ per-sample δ with 1/N in BP3 and BP4 gives the same gradients",
    "l05.sympy_entries": "{mark} ∂L/∂{name}: all {n} entries equal sympy.diff",
    "l05.width_success": "hidden width {hidden}: {count:2d} of 20 seeds reach 100 % accuracy",
    "l05.seeds_all_solve": (
        "With the default settings ({hidden} hidden units, $\\eta = {lr}$, {epochs} epochs) "
        "every one of the {seeds} seeds solves XOR."
    ),
    "l05.seeds_some_solve": (
        "With the default settings ({hidden} hidden units, $\\eta = {lr}$, {epochs} epochs) "
        "{count} of the {seeds} seeds solves XOR."
    ),
    "l05.seeds_two_stuck": (
        "With 2 hidden units, the fewest that can represent XOR, {stuck} of the {seeds} seeds "
        "get stuck: gradient descent stalls in a poor region before it finds a solution."
    ),
    "l05.seeds_three_one": "With 3, {stuck} seed gets stuck.",
    "l05.seeds_three_many": "With 3, {stuck} seeds get stuck.",
    "l05.seeds_width": (
        "Extra width costs little and makes training more reliable, a pattern that holds for "
        "much larger networks too."
    ),
    "l05.sentence_gap": " ",
    "l05.note_setup": (
        "widths {widths}, {activation} layers, lr {lr}, {epochs:,} epochs, loss printed at "
        "epoch {epoch:,}"
    ),
    "l05.note_losses": "loss at epoch {epoch:,}, seeds 0-19: {values}",
    "l05.note_own": (
        "the note's code with its own seed {seed}: first loss {first:.4f} (the note prints "
        "{reported_first}), loss at epoch {epoch:,} {final:.4f} (the note prints {reported})"
    ),
    "l05.note_after": (
        "after all {epochs:,} epochs: {low:.4f} to {high:.4f}, each at most {gap:.1e} below its "
        "value at epoch {epoch:,}"
    ),
    "l05.note_epsilon": (
        "loss with the note's 1e-8 inside the logs minus the exact loss: {difference:.1e}"
    ),
    "l05.note_implied": "the loss of the note's printed predictions: {loss:.4f}",
    "l05.trained_together": (
        "{n} networks × {epochs:,} epochs, trained together: {seconds:.2f} s on this machine"
    ),
    "l05.verdict_typical": "is a typical value: it sits in the middle part of the spread",
    "l05.verdict_above": (
        "is a possible outcome but not a typical one: it lies above {count} of the {n} runs"
    ),
    "l05.verdict_below": (
        "is a possible outcome but not a typical one: it lies below {count} of the {n} runs"
    ),
    "l05.verdict_outside": "lies outside the spread of all {n} runs",
    "l05.note_run": (
        "Over {n} seeds the loss at epoch {epoch:,} ranges from {low:.4f} to {high:.4f}, median "
        "{median:.4f}, and all {n} networks classify the four points correctly. The note's "
        "{reported} {verdict}; a typical run ends near {median:.4f}. Every run reaches a small "
        "loss, so the note's point (this network learns XOR) stands; its number is just one "
        "draw, on the high side. Its own code and seed give {own_final:.4f} and a first loss of "
        "{own_first:.4f}, not the printed {reported} and {reported_first}, and its printed "
        "predictions correspond to a loss of {implied:.4f}, not {reported}: the output shown in "
        "the note did not come from the code shown with it."
    ),
    "l05.lr_small": "lr = 0.01: the loss goes from {start:.4f} to {end:.4f} in 300 epochs",
    "l05.lr_large": (
        "lr = 10: the loss rises in {rises} of 299 steps; ‖∂L/∂W1‖ falls from its largest, "
        "{peak:.2g}, to {end:.2g}"
    ),
    "l05.saturated": (
        "lr = 10: {share:.0%} of the hidden activations (4 units × 4 samples) have |tanh| > 0.99 "
        "at epoch 300"
    ),
    "l05.width_one": "hidden width 1: accuracy {accuracy:.0%}",
    "l05.width_two_stuck": (
        "hidden width 2, seeds 0-19: {stuck} runs below 100 % accuracy after 300 epochs"
    ),
    "l05.default_norms": (
        "default settings: ‖∂L/∂W1‖, ‖∂L/∂W2‖ peak at {peak1:.3f}, {peak2:.3f} and end at "
        "{end1:.3f}, {end2:.3f}"
    ),
    "l05.claims_hold": "✓ each claim of the list above holds",
    "l05.param_count_name": "parameter count",
    "l05.param_count_hint": (
        "layer l has a weight matrix of shape (n_l, n_{{l-1}}) and a bias of shape (n_l, 1); add "
        "n_l·n_{{l-1}} + n_l over the three layers"
    ),
    "l05.param_count_weights_only": (
        "that counts the weights only: add the biases, one per unit of each layer after the input"
    ),
    "l05.param_count_input_biases": (
        "the inputs have no biases: only the layers after the input have them"
    ),
    "l05.bce_grad_name": "BCE gradient",
    "l05.bce_grad_hint": "each column is (σ(z) − y) divided by N, the number of samples (columns)",
    "l05.bce_grad_per_sample": (
        "these are the per-sample values σ(z) − y: the loss is the mean over the N samples, so "
        "divide by N"
    ),
    "l05.dense_case": "a layer with {n_in} inputs, {n_out} outputs and N = {N} samples",
    "l05.dense_name": "dense backward",
    "l05.dense_hint": (
        "return (dA_prev, dW, db) with dA_prev = Wᵀ @ dZ, dW = dZ @ A_prevᵀ (it sums over the "
        "samples), db = dZ summed over the samples (axis=1, keepdims=True); a gradient has the "
        "shape of what it is the gradient of"
    ),
    "l05.one_unit_name": "one hidden unit",
    "l05.one_unit_hint": (
        "with one hidden unit the output is a monotone function of one line w·x + b, so the "
        "boundary is a straight line: how many of the 4 XOR points can one line get right? "
        "(give a fraction between 0 and 1)"
    ),
    "l05.one_unit_all": (
        "a single line cannot separate XOR's diagonals: one point at least stays on the wrong side"
    ),
    "l05.one_unit_half": (
        "one line can do better than half: try putting three points on their correct sides"
    ),
    "l05.one_unit_percent": "as a fraction between 0 and 1, please, not a percentage",


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
