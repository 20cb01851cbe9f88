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


    # ---- l06 (keys l06.*): 06 Activations and gradient flow
    "l06.verdict_exploding": "exploding: norms above 1e6",
    "l06.verdict_vanishing_everywhere": "vanishing everywhere: every norm below 1e-6",
    "l06.verdict_vanishing": (
        "vanishing: layer 1 gets less than 1/100 of the last layer's gradient"
    ),
    "l06.verdict_exploding_input": (
        "exploding toward the input: layer 1 gets over 100x the last layer's"
    ),
    "l06.verdict_healthy": "healthy: layer 1 and the last layer within a factor 100",
    "l06.grad_title": "Backward: gradient norm per layer",
    "l06.grad_xlabel": "layer l (1 = next to the input)",
    "l06.grad_ylabel": "‖∂L/∂W_l‖ (log scale)",
    "l06.std_title": "Forward: spread of each layer's output",
    "l06.std_xlabel": "hidden layer l",
    "l06.std_ylabel": "std(A_l) (log scale)",
    "l06.legend_grad": "‖∂L/∂W_l‖ (left)",
    "l06.legend_std": "std(A_l) (right)",
    "l06.legend_floor": "below {floor:.0e}, drawn at the floor",
    "l06.plain": "plain",
    "l06.residual": "residual",
    "l06.setting_title": (
        "{architecture} net, {depth} layers, {activation}, {init} init × "
        "{scale:.3g}"
    ),
    "l06.flow_setting": (
        "{architecture} net, {depth} layers of width 32, {activation}, {init} "
        "init × {scale:.3g}"
    ),
    "l06.flow_left": (
        "left, ‖∂L/∂W‖: layer 1 = {first:.2e}, layer {depth} = {last:.2e}, "
        "ratio = {ratio:.2e}"
    ),
    "l06.flow_right": "right, std(A): layer 1 = {first:.2e}, layer {layer} = {last:.2e}",
    "l06.flow_verdict": "verdict: {verdict}",
    "l06.flow_residual_note": (
        "(the last layer is outside the residual branches: its gradient has no "
        "factor β·f'(Z), so it stands above the others; see section 4.6)"
    ),
    "l06.flow_axes_note": (
        "(the axes stay fixed for every slider setting and span {decades:.0f} "
        "decades, so a factor 100 is a small step; values below {floor:.0e} "
        "are drawn at that floor: a log axis cannot show 0)"
    ),
    "l06.sigmoid_chain_name": "ten sigmoid layers",
    "l06.sigmoid_chain_hint": (
        "Each layer contributes a factor σ'(z) ≤ 1/4; the chain rule "
        "multiplies ten of them."
    ),
    "l06.sigmoid_chain_trap_sum": (
        "the factors multiply, they do not add: use a power, not a product by "
        "10."
    ),
    "l06.sigmoid_chain_trap_one": "that is one layer's factor; ten layers multiply ten of them.",
    "l06.sigmoid_chain_trap_nine": "count again: ten layers give ten factors of 1/4.",
    "l06.he_name": "He std",
    "l06.he_hint": "He initialisation draws W with variance 2/n_in; take the square root.",
    "l06.he_trap_variance": "2/n_in is the variance; the standard deviation is its square root.",
    "l06.he_trap_xavier": "that is √(1/n_in); He doubles the variance for ReLU.",
    "l06.residual_name": "residual backward",
    "l06.residual_hint": (
        "Two paths lead back to A_prev: the skip (gradient dA) and the branch "
        "(Wᵀ (dA ⊙ tanh'(Z)), with tanh' = 1 − tanh²). Add them."
    ),
    "l06.residual_trap_branch": (
        "that is the branch alone: the skip connection adds dA itself as well."
    ),
    "l06.residual_trap_tanh": (
        "the branch goes through tanh: multiply dA by tanh'(Z) = 1 − tanh²(Z) "
        "before Wᵀ."
    ),
    "l06.residual_trap_transpose": "going back through Z = W A_prev uses Wᵀ, not W.",
    "l06.clip_name": "gradient clipping",
    "l06.clip_hint": (
        "Compute ONE norm over all arrays, ‖g‖ = √(Σ every entry²), then "
        "multiply every array by min(1, max_norm/‖g‖)."
    ),
    "l06.clip_raised": "calling it raised {error}: {message}. {hint}",
    "l06.clip_none": "your function returns None: {not_answered}",
    "l06.clip_keys": "return a dict with the same keys {keys}.",
    "l06.clip_per_array": (
        "you clipped each array on its own; clip them together so the update "
        "keeps its direction."
    ),
    "l06.clip_wrong": "wrong result for max_norm = {max_norm}. {hint}",
    "l06.bn_output_name": "BatchNorm output",
    "l06.bn_output_hint": (
        "Per feature (row): μ = mean over the batch, σ² = (1/N) Σ (x − μ)², x̂ "
        "= (x − μ)/√(σ² + ε), Y = γ x̂ + β."
    ),
    "l06.bn_output_trap_unbiased": (
        "normalization uses the biased variance (1/N, numpy's default ddof=0), "
        "not the unbiased 1/(N − 1)."
    ),
    "l06.bn_output_trap_x_hat": "that is x̂: scale it by γ and shift it by β.",
    "l06.bn_output_trap_std": "divide by the standard deviation √(σ² + ε) as well.",
    "l06.bn_output_trap_axis": (
        "normalize each feature (row) over the batch (axis=1), not each sample "
        "(column)."
    ),
    "l06.bn_dx_name": "BatchNorm dX",
    "l06.bn_dx_hint": (
        "Three paths lead from X to L: directly through x̂, through the mean μ "
        "and through the variance σ². Together: dX = (γ/(N·√(σ² + ε))) (N·dY − "
        "Σ dY − x̂ Σ (dY ⊙ x̂)), sums over the batch (axis=1)."
    ),
    "l06.bn_dx_trap_constants": (
        "that treats μ and σ² as constants: they depend on every sample, so "
        "the gradient also flows through the mean and the variance."
    ),
    "l06.bn_dx_trap_no_variance": (
        "you have the direct path and the mean's path; the path through the "
        "variance (the term with x̂ Σ dY ⊙ x̂) is missing."
    ),
    "l06.bn_dx_trap_no_mean": (
        "you have the direct path and the variance's path; the path through "
        "the mean (the − Σ dY/N term) is missing."
    ),
    "l06.bn_dx_trap_unbiased": "normalization uses the biased variance (1/N), not 1/(N − 1).",


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
