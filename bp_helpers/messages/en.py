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
    "l06.perceptron_summary": (
        "After {epochs} epochs the step unit has not moved at all: every "
        "gradient the engine returned was 0, its loss is still {step_loss:.3f} "
        "and it classifies {right_step} of the 4 points correctly. The sigmoid "
        "unit's loss fell from {sigmoid_first:.3f} to {sigmoid_last:.4f} and "
        "it classifies all 4. A unit that gradient descent can train needs a "
        "slope: ReLU's slope is 0 for $z < 0$ too, but 1 for $z > 0$, which is "
        "enough. (Rosenblatt's perceptron was trained by its own update rule, "
        "not by gradient descent, and that rule does not reach hidden layers: "
        "there is no gradient to pass back through a step.)"
    ),
    "l06.explosion_summary": (
        "With scale 1 the first and last layers' gradients are within a factor "
        "10 of each other (ratio {ratio_1:.2f}). With larger weights the "
        "gradient grows layer after layer on its way back: the first layer's "
        "gradient is {ratio_3:.0f} times the last one's at scale 3 and "
        "${ratio_10}$ times at scale 10, so a learning rate small enough for "
        "layer 1 is far too small for layer 20."
    ),
    "l06.bn_summary": (
        "With BN, layer 1 receives {bn_ratio:.2f} times the last layer's "
        "gradient, against ${plain_ratio}$ without. The slope bound $\\sigma' "
        "\\le \\tfrac14$ still holds; what changed is the factor $\\gamma / s = "
        "1/\\operatorname{{std}}(Z_l)$ of the backward pass through BN. The "
        "inputs of layers 2–19 are sigmoid outputs with a small spread, so "
        "$\\operatorname{{std}}(Z_l)$ is small and $1/s$ is about {inv_s:.1f} "
        "(geometric mean over layers 2–19). Without BN each layer passed back "
        "about {shrink:.2f} of its gradient (section 2); times {inv_s:.1f} "
        "that is about {product:.1f} per layer: neither vanishing nor "
        "exploding."
    ),
    "l06.fixes_summary": (
        "**Left.** The baseline's first layer gets ${baseline}$ of its last "
        "layer's gradient, the same number as in section 2 (it is the same "
        "network); with each of the four fixes the ratio is between "
        "{fix_min:.2f} and {fix_max:.2f}. The residual curve jumps at layer "
        "20, to {jump:.0f} times the median hidden layer: layer 20 is the "
        "linear output layer, outside the residual branches, so its gradient "
        "$\\delta_{{20}} A_{{19}}^\\top$ carries no branch factor, while every "
        "hidden layer's, $\\big(\\beta\\,\\partial L/\\partial A_l \\odot "
        "\\sigma'(Z_l)\\big) A_{{l-1}}^\\top$, carries $\\beta = 1/\\sqrt{{20}} = "
        "{branch_scale:.3f}$ and $\\sigma'(Z_l)$, on average {mean_slope:.3f}: "
        "together $1/{predicted_jump:.0f}$, the size of the jump.\n\n**Right.** "
        "Clipping multiplies every gradient by the same factor $1/\\lVert g "
        "\\rVert = {inv_norm}$, so on the log axis the curve moves down without "
        "changing shape: layer 1 still gets ${big_ratio}$ times the last "
        "layer's gradient. Clipping keeps one step from wrecking the weights "
        "(section 4.5) but does not even out the layers; batch normalization "
        "does (ratio {bn_ratio:.2f}), because it divides out the scale of the "
        "weights."
    ),
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
