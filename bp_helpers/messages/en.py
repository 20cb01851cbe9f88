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
    "l00.central_agree": "✓ dL/dw: matches central differences at w = {points} "
                         "(relative error < 1e-7)",
    "l00.descent_summary": "w* = {w_star:.4f}; after {steps} steps w = {w:.4f}, "
                           "|w - w*| = {gap:.4f}\n✓ the loss fell at every step",
    "l00.iterates": "iterates",
    "l00.start": "start w₀",
    "l00.path_title": "the iterates on the loss curve",
    "l00.parameter_w": "parameter w",
    "l00.loss_w": "loss L(w)",
    "l00.loss_title": "loss after each step",
    "l00.step_t": "step t",
    "l00.loss_log": "loss L(w_t) (log scale)",
    "l00.converges": "converges",
    "l00.diverges": "diverges",
    "l00.beyond": " {outside} of the {total} iterates lie beyond the drawn w-range.",
    "l00.descent_text": (
        "η = {eta:.3g}, w₀ = {w0:.2f}: after {steps} steps w = {w:.4g} "
        "(best w* = {w_star:.4f}), L = {loss:.4g} (min {min_loss:.4f}).\n"
        "Each step multiplies w − w* by 1 − η·L'' = {rate:.3f}: gradient descent {verdict}."
        "{beyond}\nLeft: the iterates on the curve L(w); right: the loss after each step, "
        "on a log scale wide enough for the worst divergent setting."),
    "l00.at_minimum": "at the minimum",
    "l00.still_falling": "still falling",
    "l00.rising": "rising",
    "l00.too_small": "too small",
    "l00.good": "good",
    "l00.too_large": "too large",
    "l00.rate_label": "η = {eta:g} ({name})",
    "l00.comparison_title": "the same {steps} steps from w₀ = {w0:g} with three learning rates",
    "l00.rate_result": "η = {eta:g} ({name}): L = {loss:.3g}, {trend}",
    "l00.separator": "; ",
    "l00.comparison_text": "Loss after {steps} steps: {results}.",
    "l00.comparison_summary": (
        "After {steps} steps the too-small rate η = {small:g} has lowered the loss only from "
        "{start:.3g} to {small_loss:.3g}, {times:.0f} times the loss that η = {good:g} "
        "reaches ({good_loss:.3g}); η = {large:g} has raised it to {large_loss:.3g}. "
        "Too small wastes steps; too large never arrives."),
    "l00.numerical_cost": ("P = {P:,} parameters\ncentral differences need 2P = {passes:,} "
                           "forward passes for ONE gradient"),
    "l00.name_fit_gradient": "gradient at w = 1",
    "l00.trap_sum": "that is the sum over the points: L is a mean, divide by N = 3.",
    "l00.trap_no_2": "you dropped the 2 from the derivative of the square.",
    "l00.hint_fit_gradient": "Use dL/dw = (2/N)·Σ (w·x_i − y_i)·x_i with w = 1 and the three "
                             "data points.",
    "l00.name_one_step": "one step",
    "l00.trap_uphill": "you stepped uphill: subtract η·dL/dw, do not add it.",
    "l00.hint_one_step": "w_new = w − η·dL/dw, with w = 1, η = 0.05 and the gradient of the "
                         "first exercise.",
    "l00.name_largest_rate": "largest stable η",
    "l00.trap_lands_on_w_star": "at that η one step lands exactly on w* (1 − η·L'' = 0); "
                                "the limit is where 1 − η·L'' reaches −1.",
    "l00.trap_curvature_2": "L'' = 2·mean(x_i²): did you drop the 2?",
    "l00.hint_largest_rate": "Each step multiplies w − w* by (1 − η·L''), with "
                             "L'' = 2·mean(x_i²). For which η does |1 − η·L''| reach 1?",


    # ---- l01 (keys l01.*): 01 The chain rule


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast
    "l04.pass_counts": (
        "numerical gradient: {passes} forward passes (2P = {two_P})\n"
        "backprop          : 1 forward + 1 backward pass\n"
        "L = {L:.4f}; all {P} gradients agree with notebook 03's hand backward pass and with "
        "central differences"),
    "l04.loop_flops": "{n_out}x{n_in} layer on N = {N} samples: {flops} FLOPs = 2·P·N "
                      "with P = {P}",
    "l04.sympy_verdict": "✓ sympy: ∂L/∂W = G Aᵀ and ∂L/∂A = Wᵀ G, all {entries} entries",
    "l04.central_verdict": "✓ central differences: dense_backward's dW and dA",
    "l04.bar_forward": "forward",
    "l04.bar_backward": "backward",
    "l04.bar_step": "backprop\n(fwd + bwd)",
    "l04.bar_numerical": "numerical\n(2P forwards)",
    "l04.cost_title": "FLOPs for one gradient, P = {P:,.0f} parameters",
    "l04.computation": "computation",
    "l04.flops_axis": "FLOPs (log scale, fixed)",
    "l04.cost_text": (
        "widths {widths}, batch size N = {N}: P = {P:,.0f}\n"
        "forward {forward:.3g} FLOPs, backprop step {step:.3g} ({step_ratio:.2f}× forward)\n"
        "numerical gradient {numerical:.3g} FLOPs = {times:,.0f}× backprop\n"
        "(the log axis spans {low:.0e} to {high:.0e} FLOPs, every setting of the sliders)"),
    "l04.series_numerical": "numerical (2P forward passes)",
    "l04.series_backprop": "backprop (forward + backward)",
    "l04.series_forward": "one forward pass",
    "l04.numerical": "numerical",
    "l04.backprop": "backprop",
    "l04.forward": "one forward pass",
    "l04.slope_label": "{name}: slope {slope:.2f}",
    "l04.reference": "∝ {power} (reference)",
    "l04.timing_title": "Time for one gradient against the number of parameters",
    "l04.parameters_axis": "parameters P (log scale)",
    "l04.seconds_axis": "seconds (log scale)",
    "l04.comma": ", ",
    "l04.timing_text": "fitted log-log slopes (t ∝ P^k): {slopes}\n"
                       "at the largest P = {P:,.0f}: numerical / backprop = {ratio:,.0f}",
    "l04.timing_verdicts": (
        "✓ at P = {P}, backprop is more than 10x faster than the numerical gradient\n"
        "✓ the numerical curve is steeper than backprop's by more than 0.5 (log-log slope), "
        "and lies between the P and P² slopes (0.7–2.3)\n"
        "✓ backprop and one forward pass grow more slowly than P (slopes below 1)\n"
        "✓ each numerical gradient took between 0.3 and 20 times 2P forward passes"),
    "l04.measured": "measured",
    "l04.prediction": "FLOP-count prediction",
    "l04.width_tick": "width {width}",
    "l04.ratio_title": "A training step (forward + backward) in units of one forward pass",
    "l04.ratio_xlabel": "MLP (width, width, width, width, 1), batch N = 256",
    "l04.ratio_ylabel": "time of a step / time of a forward pass",
    "l04.semicolon": "; ",
    "l04.ratio_item": "width {width}: measured {measured:.2f}, FLOP prediction {predicted:.2f}",
    "l04.ratio_verdict": "✓ measured step / forward is between 1 and 25 at both widths\n"
                         "FLOP-count predictions (step / forward): {predicted}",
    "l04.trap_weights_only": "those are the weights; add one bias per unit of each layer.",
    "l04.hint_parameter_count": "each layer has n_in·n_out weights and n_out biases; add up "
                                "both layers.",
    "l04.trap_one_sided": "that counts one-sided differences; central differences evaluate "
                          "L(θ + h) and L(θ − h) for every parameter.",
    "l04.name_passes": "forward passes",
    "l04.hint_passes": "two forward passes per parameter.",
    "l04.case_small": "a 3 → 2 layer on 1 sample",
    "l04.case_mnist": "the 784 → 128 layer on 64 samples",
    "l04.case_batch": "a 1 → 1 layer on 1000 samples",
    "l04.hint_dense_flops": "W @ A is n_out·n_in·N multiply-adds (2 FLOPs each); the backward "
                            "pass makes two products of that size (dW = dZ @ A.T and "
                            "dA = W.T @ dZ).",


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
