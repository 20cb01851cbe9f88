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
    "l03.layer_1": "layer 1",
    "l03.layer_2": "layer 2",
    "l03.output": "output",
    "l03.bars_title": "All 20 gradients from one backward pass",
    "l03.bars_ylabel": "parameter θ",
    "l03.bars_legend_title": "bar colour: the parameter's layer",
    "l03.tangent": "tangent",
    "l03.current_value": "current value",
    "l03.loss_title": "Loss as {name} slides",
    "l03.loss_xlabel": "value of the chosen variable",
    "l03.which_parameter": "∂L/∂{name} = {value:+.4f} (the bar with the black edge)",
    "l03.which_input": "∂L/∂{name} = {value:+.4f} (an input: no bar; slope by central differences)",
    "l03.separator": ", ",
    "l03.bars_summary": (
        "{name} = {value:.2f}, everything else at the reference point\n"
        "y = {y:.4f}, t = {t:.0f}, L = {L:.4f}\n"
        "{which}\nlargest |gradient|: {top} = {top_value:+.4f}; by group: {groups}"
    ),
    "l03.output_error_trap": "that is ∂L/∂y. Multiply by ∂y/∂z⁽³⁾ = y(1 − y).",
    "l03.output_error_hint": "δ⁽³⁾ = (y − t)·y·(1 − y), with y and t from the forward pass above.",
    "l03.hidden_sum_one_path": (
        "that is one path only. "
        "h₃⁽¹⁾ feeds both units of layer 2: add both."
    ),
    "l03.hidden_sum_hint": "h₃⁽¹⁾ feeds both units of layer 2: add δᵢ⁽²⁾·wᵢ₃⁽²⁾ over i = 1, 2.",
    "l03.hidden_sum_wrong_layer": (
        "use the layer-2 weights: wᵢⱼ⁽²⁾ joins h_j⁽¹⁾ to unit i of layer 2."
    ),
    "l03.input_gradient_hint": (
        "∂L/∂x₁ = Σⱼ δⱼ⁽¹⁾·wⱼ₁⁽¹⁾, summed over all three units of layer 1 "
        "(δⱼ⁽¹⁾ equals ∂L/∂bⱼ⁽¹⁾)."
    ),
    "l03.column_inputs": "inputs x",
    "l03.column_layer_1": "layer 1 (σ)",
    "l03.column_layer_2": "layer 2 (σ)",
    "l03.column_output": "output (σ)",
    "l03.legend_active": "computed in this step",
    "l03.legend_read": "read by this step",
    "l03.legend_done": "done (grey)",
    "l03.legend_todo": "still to do",
    "l03.legend_forward": "forward value",
    "l03.pass_title_initial": "Backward pass, step 0 of {n}",
    "l03.pass_title": "Backward pass, step {step} of {n}: {result}",
    "l03.pass_step": "step {step} of {n}: {formula}",
    "l03.pass_uses": "uses {uses}; {done} gradients done (grey), {todo} still to do",
    "l03.pass_two_paths": "two paths meet here: the two products in the bracket add",
    "l03.pass_title_forward": (
        "The 2-3-2-1 network after the forward pass (backward pass: step 0 of {n})"
    ),
    "l03.pass_formula_forward": (
        "every unit: z = Σ w·(input) + b, then h = σ(z); the blue numbers are the forward "
        "values\nthe backward pass has not started (step 0); steps 1 to {n} compute the {n} "
        "gradients one at a time"
    ),
    "l03.pass_forward_only": (
        "step 0 of {n}: the forward pass only, at the reference point: y = {y:.4g}, "
        "L = {L:.4g}; no gradient computed yet"
    ),
    "l03.two_layer_no_sigma": (
        "the output is linear, ŷ = W2 a + b2: ∂ŷ/∂(W2 a + b2) = 1, so there is no σ' at the "
        "output. Start from ∂L/∂ŷ = ŷ − y."
    ),
    "l03.two_layer_twice": (
        "every gradient is twice too large: the ½ in L = ½(y − ŷ)² cancels the 2 from the "
        "square, so ∂L/∂ŷ = ŷ − y."
    ),
    "l03.two_layer_half": (
        "every gradient is half the right size: d/dŷ of ½(y − ŷ)² is (ŷ − y), the 2 of the "
        "square cancels the ½."
    ),
    "l03.two_layer_sign": (
        "every sign is flipped: ∂L/∂ŷ = ŷ − y, not y − ŷ (the inner derivative of (y − ŷ) "
        "is −1)."
    ),
    "l03.two_layer_name": "note 000's gradients",
    "l03.two_layer_hint": (
        "δ_out = ŷ − y (linear output); dW2 = δ_out aᵀ, db2 = δ_out; "
        "δ = (W2ᵀ δ_out) ⊙ a(1 − a); dW1 = δ xᵀ, db1 = δ."
    ),
    "l03.two_layer_unreadable": "could not read this answer ({error}). {hint}",
    "l03.two_layer_keys": "expected a dict with the keys {keys}. {hint}",
    "l03.two_layer_not_real": "{key} must be an array of real numbers. {hint}",
    "l03.two_layer_not_finite": "{key} has nan or inf in it. {hint}",
    "l03.two_layer_transpose": (
        "{key} has shape {shape}: a missing transpose. A gradient has its parameter's shape "
        "{expected}; use the transpose (e.g. δ xᵀ, not x δᵀ)."
    ),
    "l03.two_layer_shape": (
        "{key} has shape {shape}, expected {expected} (the shape of its parameter). {hint}"
    ),
    "l03.two_layer_wrong": "{key} is not right (the keys before it are). {hint}",
    "l03.by_hand_checked": (
        "backward_by_hand = net.backward at {points} random points, and = the step-by-step "
        "values"
    ),
    "l03.steps_checked": (
        "✓ {n} steps, each one gradient: the values of net.backward, equal to the "
        "step-by-step values above"
    ),
    "l03.random_points_checked": (
        "{points} random points × {n} parameters:\n"
        "  |backprop − sympy.diff|         < 1e-12 for every gradient  ✓\n"
        "  |backprop − central difference| < 1e-8  for every gradient  ✓"
    ),
    "l03.multiplication_counts": (
        "multiplications for all {n} gradients, given the forward pass:\n"
        "  each parameter on its own: {naive}\n"
        "  backprop (reuse)         : {backprop}\n"
        "  ratio                    : {ratio:.1f}x"
    ),
    "l03.descent_step": (
        "η = {eta}: L {before:.6f} → {after:.6f}  (change {change:+.6f}, first-order "
        "prediction {predicted:+.6f})\n"
        "y moved from {y_before:.4f} to {y_after:.4f}, towards t = {target:.0f}"
    ),
    "l03.low_bias": (
        "b^(3) = −4: every |gradient| is smaller; largest sigmoid slope here: {slope:.3f}"
    ),
    "l03.layer_bars_markdown": (
        "**Why the layer-1 bars are not smaller.** From one layer down to the next the error "
        "is multiplied by a sigmoid slope $h(1-h) \\le \\tfrac14$ **and by the weights, summed "
        "over the paths**: $|\\delta^{{(2)}}_i| \\le \\tfrac14 |v_i|\\,|\\delta^{{(3)}}|$ and "
        "$|\\delta^{{(1)}}_j| \\le \\tfrac14 \\sum_i |w^{{(2)}}_{{ij}}|\\,|\\delta^{{(2)}}_i|$ "
        "(both asserted for every unit). Here the weights are as large as {largest_weight:g}, "
        "so the largest error shrinks only by a factor {shrink_2:.2f} from the output to "
        "layer 2 and {shrink_1:.2f} from layer 2 to layer 1, not by ¼. The two paths into "
        "$h^{{(1)}}_2$ carry {path_1:+.4f} and {path_2:+.4f}: the same sign, so they add up. "
        "And a layer-1 weight gradient is $\\delta^{{(1)}}_j x_k$ with $|x_1| = {x_1:g}$, "
        "where a layer-2 one is $\\delta^{{(2)}}_i h^{{(1)}}_j$ with $h < 1$. Result: the "
        "largest $|\\partial L/\\partial w|$ is {grad_2:.4f} in layer 2 and {grad_1:.4f} in "
        "layer 1.\n\n"
        "The bound does shrink the errors when the weights are small. Divide every weight by "
        "4 (then the sizes of the weights out of each hidden unit add up to at most "
        "{out_sum:g}): the largest error shrinks by {small_2:.2f} and then {small_1:.2f} per "
        "layer, at most ¼ each time (asserted). Deep sigmoid networks with small weights lose "
        "their gradient this way: [06](06_activations_and_gradient_flow.ipynb) measures it."
    ),


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground
    "l08.case_widths": "widths {widths}",
    "l08.n_weights_hint": (
        "layer l has a weight for every pair (unit in layer l−1, unit in layer l): "
        "n_{{l−1}}·n_l edges; add them over the layers (biases are not edges)"
    ),
    "l08.updated_weight_wrong_sign": "that is w + η·∂L/∂w: the step goes against the gradient",
    "l08.updated_weight_change_only": "that is the change Δw alone; add it to the old weight 0.8",
    "l08.updated_weight_hint": (
        "the update is w ← w − η·∂L/∂w; a negative gradient makes the weight grow"
    ),
    "l08.factor_bound_one_factor": "that is one factor; the product has four of them",
    "l08.factor_bound_one": "σ'(z) never reaches 1: σ(1 − σ) is largest at σ = ½",
    "l08.factor_bound_hint": "each factor σ'(z) = σ(z)(1 − σ(z)) is at most its value at z = 0",
    "l08.case_example": "example {i} (a network with {layers} layers)",
    "l08.layer_norms_hint": (
        "for each layer take the square root of the sum of squares of every entry of "
        "grads['W1'], grads['W2'], … in order (np.linalg.norm does this); skip the biases"
    ),
    "l08.composition_checked": (
        "✓ {first} + {second} steps = {total} steps, and Reset returns to the first state"
    ),
    "l08.signs_checked": "✓ all {n} weights moved against the sign of their gradient",
    "l08.gradient_check_passed": (
        "✓ all {n} parameter arrays match central differences (relative error below 1e-7)"
    ),
    "l08.saturation": (
        "{label:<17}: {percent:.0f} % of layer-2 units have |z| > 3, "
        "mean tanh'(z) = {slope:.1e}"
    ),
    "l08.flat_boundary": (
        "{label:<17}: P(class 1) over the plane between {low:.1e} and {high:.1e}: "
        "class 0 everywhere"
    ),
    "l08.edge_ratio": "the wide network has {ratio} times as many edges",
    "l08.critical_point": "σ' has its only critical point at z = {critical}; {peak}",
    "l08.sigmoid_bound": (
        "four factors σ'(z) ≤ 1/4 multiply to at most (1/4)⁴ = {bound}: "
        "the gradient shrinks at least {factor}-fold"
    ),
    "l08.vanishing_markdown": (
        "In the sigmoid network the first layer's gradient is about {inverse:.0f} times "
        "smaller than the last layer's (the median ratio printed above is {ratio:.3f}), so "
        "its first layers barely learn and after {steps} steps it still guesses "
        "({percent:.1f} % training accuracy). This is the vanishing-gradient problem of "
        "[06 Activations, vanishing and exploding gradients]"
        "(06_activations_and_gradient_flow.ipynb), seen live; ReLU, careful initialisation "
        "and residual connections are the fixes."
    ),


}
