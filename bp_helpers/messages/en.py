"""The English message table: key → :meth:`str.format` template.

Keys are grouped by the module that prints them, in the same order in both tables;
``tests/core/test_messages.py`` checks that both tables have the same keys and fields.
"""

MESSAGES: dict[str, str] = {
    # ---- ui.checks (keys checks.*): verdicts, hints, number policy
    "checks.not_answered": "not answered yet: replace ... with your answer and run the cell again",
    "checks.number_policy": (
        "A number counts as right when it agrees with the exact answer to {digits} significant "
        "digits (|yours − exact| ≤ {rtol:g}·|exact|), so a rounded 2.262 or −9.667 is fine; "
        "counts (parameters, passes, FLOPs) must be exact whole numbers, and sympy expressions "
        "must be exactly equal to the answer."
    ),
    "checks.verified": "reference solution checked",
    "checks.correct": "✓ {name}: correct",
    "checks.wrong": "✗ {name}: {message}",
    "checks.with_hint": "{reason}. {hint}",
    "checks.expected_function": "expected a function, got {type}",
    "checks.unreadable": "could not read this answer ({error})",
    "checks.very_large_whole": "a very large whole number",
    "checks.a_type": "a {type}",
    "checks.expected_number": "expected a number",
    "checks.still_ellipsis": "there is still a ... to replace with your answer",
    "checks.got_none": "expected a number, got None (is a return missing?)",
    "checks.bool_not_number": "{value} is a truth value (bool), not a number",
    "checks.complex_value": "{value} is a complex number; the answer is a real number",
    "checks.text_not_number": "you gave the text {value}, not a number",
    "checks.text_not_number_quoted": "you gave the text {value}, not a number: remove the quotes",
    "checks.one_number_got_item": "expected one number, got a {type} of {size} item",
    "checks.one_number_got_items": "expected one number, got a {type} of {size} items",
    "checks.expected_number_got": "expected a number, got a {type}",
    "checks.one_number_got_array": "expected one number, got an array of shape {shape}",
    "checks.complex": "that is a complex number; the answer is a real number",
    "checks.one_number_got_matrix": "expected one number, got a matrix of shape {shape}",
    "checks.expected_number_got_sympy": "expected a number, got a sympy {type}",
    "checks.still_symbols": "it still contains {names}: give a number (substitute with .subs)",
    "checks.not_finite": "{value} is not a finite number",
    "checks.sympy_timeout": "sympy could not evaluate it to a number in time",
    "checks.sympy_no_number": "sympy cannot evaluate it to a number",
    "checks.not_whole": "{value} is not a whole number; a count is exact",
    "checks.expected_array_got": "expected an array of numbers, got a {type}",
    "checks.expected_array_rows": "expected an array of numbers (rows of equal length)",
    "checks.array_bool": "your array holds truth values (bool), not numbers",
    "checks.array_complex": "your array is complex; the answer is real",
    "checks.expected_array_dtype": "expected an array of numbers, got one of {dtype}",
    "checks.array_too_large": "your array is far too large",
    "checks.entry_too_large": "an entry is far too large",
    "checks.number_too_large": "that number is far too large",
    "checks.wrong_sign": "{value} has the wrong sign",
    "checks.digits_agree": (
        "{value} agrees with the answer to {digits} significant digits; {needed} are needed"
    ),
    "checks.not_right": "{value} is not right",
    "checks.other_is_answer": (
        "the {other} of your {kind} is the answer, not its value: give its .{other}"
    ),
    "checks.value_of": "the value of your {kind}: {miss}",
    "checks.all_wrong_sign": "every entry has the wrong sign",
    "checks.entries_off_one": "the shape is right but {bad} of {size} entries is off{where}",
    "checks.entries_off_many": "the shape is right but {bad} of {size} entries are off{where}",
    "checks.at_entry": " (entry {index})",
    "checks.array_digits": "; it agrees to {digits} significant digits, {needed} are needed",
    "checks.shape_mismatch": "shape {shape}, expected {expected}",
    "checks.transpose": "that is the transpose of the answer: {text}",
    "checks.reshape": "the numbers are right but the shape is not: {text}",
    "checks.array_not_finite": "your array has nan or inf in it",
    "checks.entries_not_whole": "its entries should be whole numbers (counts are exact)",
    "checks.entries_wrong_one": "{bad} of {size} entries is not right{where}",
    "checks.entries_wrong_many": "{bad} of {size} entries are not right{where}",
    "checks.text_not_expression": (
        "you gave text; build the expression from sympy symbols, e.g. x = sp.Symbol('x')"
    ),
    "checks.bool_not_expression": "{value} is a truth value, not an expression",
    "checks.one_expression_got_matrix": "expected one expression, got a matrix of shape {shape}",
    "checks.lambda_arity_no_symbol": (
        "your Lambda takes {n} argument(s); the answer depends on no symbol"
    ),
    "checks.lambda_arity": "your Lambda takes {n} argument(s); the answer depends on {depends}",
    "checks.relation": "that is an equation or a comparison: give only the expression",
    "checks.expression_got_sympy": "expected a sympy expression, got a sympy {type}",
    "checks.expression_got_function": (
        "expected a sympy expression, got a function: call it on the symbol, e.g. f(x)"
    ),
    "checks.expression_got": "expected a sympy expression, got a {type}",
    "checks.expression_not_finite": "your expression is not finite (it has nan, zoo or oo in it)",
    "checks.use_only": "use only {names}",
    "checks.answer_no_symbol": "the answer has no symbol",
    "checks.stray_symbols": (
        "your expression contains {names}, which the answer does not use ({use})"
    ),
    "checks.unknown_function": (
        "your expression uses {names}, a function sympy does not know: write it out with sympy "
        "functions"
    ),
    "checks.imaginary": "your expression contains the imaginary unit I; the answer is real",
    "checks.undecided": (
        "sympy could not confirm that it equals the answer: try a simpler form of your "
        "expression"
    ),
    "checks.rounded_decimals": (
        "close to the answer but not equal; it has the decimals {decimals} in it: if they are "
        "rounded, write exact numbers such as sp.Rational(1, 3) or sp.sqrt(2)"
    ),
    "checks.differs_at": " (it differs at {point})",
    "checks.not_same_expression": "that is not the same expression{at}",
    "checks.too_slow": (
        "{what} did not finish within {seconds:g} s, so it was stopped (an endless loop?)"
    ),
    "checks.input_label": "input ({args})",
    "checks.return_tuple": "return a tuple of {n} values, got a {type}",
    "checks.returned_count": "it returned {got} values, expected {n}",
    "checks.value_i_of_n": "value {i} of {n}: {problem}",
    "checks.return_dict": "return a dict, got a {type}",
    "checks.return_dict_keys": "return a dict with the keys {keys}",
    "checks.under_key": "under the key {key}: {problem}",
    "checks.bool_expected": "{value} is not right (True or False is expected)",
    "checks.call_raised": "calling it on {label} raised {error}",
    "checks.call_too_slow": (
        "calling it on {label} did not finish within {seconds:g} s, so it was stopped (an "
        "endless loop?)"
    ),
    "checks.returned_placeholder": (
        "it returned {value} for {label}: replace ... in its body with code that returns the "
        "result (is a return missing?)"
    ),
    "checks.wrong_result": "wrong result for {label}: {problem}",


    # ---- ui.explore (keys explore.*): widgets
    "explore.run_to_use": "Run the notebook (Run → Run All Cells) to use the sliders.",


    # ---- ui.drawings (keys drawings.*): graph, boundary, loss curve, norms
    "drawings.summary_one_input": (
        "The graph of {root}: {nodes} nodes ({inputs} input, drawn left, {root} right). Each box "
        "shows a value and the gradient ∂{root}/∂(node) (green > 0, purple < 0){edges}."
    ),
    "drawings.summary_inputs": (
        "The graph of {root}: {nodes} nodes ({inputs} inputs, drawn left, {root} right). Each "
        "box shows a value and the gradient ∂{root}/∂(node) (green > 0, purple < 0){edges}."
    ),
    "drawings.summary_edges": "; each arrow's label is the local derivative ∂(node)/∂(input)",
    "drawings.col_node": "node",
    "drawings.col_op": "op",
    "drawings.col_value": "value",
    "drawings.col_grad": "∂{root}/∂node",
    "drawings.input": "input",
    "drawings.graph_title": "Graph of {root}: value and gradient ∂{root}/∂(node) at each node",
    "drawings.node_value": "value {value}",
    "drawings.node_grad": "grad {value}",
    "drawings.boundary_title": "Decision boundary",
    "drawings.p_class1": "P(class 1)",
    "drawings.loss_title": "Training loss",
    "drawings.epoch": "epoch",
    "drawings.loss_log": "loss (log scale)",
    "drawings.norms_title": "Gradient norm per layer",
    "drawings.norm_log": "Frobenius norm (log scale)",


    # ---- ui.playground (keys playground.*): controls, views, messages
    "playground.run_to_play": "Run the notebook (Run → Run All Cells) to use the playground.",
    "playground.dataset": "dataset",
    "playground.noise": "noise",
    "playground.hidden_layers": "hidden layers",
    "playground.width": "width",
    "playground.activation": "activation",
    "playground.learning_rate": "learning rate",
    "playground.batch_size": "batch size",
    "playground.seed": "seed",
    "playground.step": "Step",
    "playground.step_tooltip": "one update (one mini-batch)",
    "playground.run": "Run",
    "playground.run_tooltip": "Run/Pause: {n} updates per frame",
    "playground.reset": "Reset",
    "playground.reset_tooltip": "start again",
    "playground.run_label": "Run: {n} updates a frame",
    "playground.settings_line": (
        "{dataset}, noise {noise:.2f}, {points} points · network {net}, {activation} · learning "
        "rate {lr:.3g}, batch {batch} · seed {seed}"
    ),
    "playground.short_settings": (
        "{dataset} ({noise:.2f}) · {net} {activation} · η {lr:.3g} · batch {batch} · seed {seed}"
    ),
    "playground.progress": (
        "step {steps} (epoch {epoch:.1f}): loss {loss:.4f}, training accuracy {accuracy:.1f} %"
    ),
    "playground.no_update": "no update yet: press Step or Run",
    "playground.untrained": "the untrained network (random weights)",
    "playground.after_updates": "the network after {steps} updates",
    "playground.boundary_text": (
        "Boundary: shading = P(class 1) by {when}, sky blue near 0, white at 0.5, gold near 1; "
        "the black line is P = 0.5; class 0 circles, class 1 squares."
    ),
    "playground.grey_relu": (
        "each grey edge leads into or comes out of a ReLU unit that was inactive (z ≤ 0) for "
        "every sample of the mini-batch (∂L/∂w = δ·a is 0 when the unit's δ, or its input a, is "
        "0)"
    ),
    "playground.grey_saturated": (
        "each grey edge leads into a saturated {activation} unit (|z| so large that "
        "{activation}'(z) is 0 in floating point), so no gradient flows through it"
    ),
    "playground.grey_other": "no gradient reached those weights in the last mini-batch",
    "playground.grey_because": ": {reason}",
    "playground.network_no_gradient": (
        "Network: {weights} weights, line width and opacity ∝ |w|; all grey: no gradient yet "
        "(colour will be the sign of ∂L/∂w)."
    ),
    "playground.network_signs": (
        "Network: {weights} weights, line width and opacity ∝ |w|; ∂L/∂w > 0 on {positive} "
        "(green: the update lowers w), < 0 on {negative} (purple: raises w), exactly 0 on {zero} "
        "(grey){reason}."
    ),
    "playground.curves_none": "Loss: {loss:.3f} before any update. Gradient norms: none yet.",
    "playground.curves_spread": "; W1's norm is {ratio:.2g} × the output layer's",
    "playground.curves": (
        "Loss: from {first:.3f} to {last:.3f} over {steps} updates. Gradient norms (smoothed "
        "over the last {window} updates): {norms}{spread}."
    ),
    "playground.p_class1": "P(class 1)",
    "playground.class_k": "class {k}",
    "playground.p_after": "P(class 1) after {steps} updates",
    "playground.p_before": "P(class 1) before training (random weights)",
    "playground.loss_title": "loss on all the data",
    "playground.update_step": "update step",
    "playground.bce": "binary cross-entropy",
    "playground.norm_title": "gradient norm per layer",
    "playground.layer_input": "input",
    "playground.layer_hidden": "hidden {k}",
    "playground.layer_output": "output",
    "playground.network_title": (
        "network: line width and opacity ∝ |w|\n"
        "colour = sign of ∂L/∂w: green > 0, purple < 0, grey 0"
    ),


    # ---- core (keys core.*): symbolic verdicts, playground training messages
    "core.expressions": "expressions",
    "core.derivative_claim": "hand derivation equals sympy.diff",
    "core.identity_claim": "both sides are identical",
    "core.verdict_ok": "✓ {label}: {claim}",
    "core.verdict_wrong": "✗ {label}: the difference simplifies to {difference}, not 0",
    "core.non_finite": "a non-finite value",
    "core.loss_over": "{loss:.3g} (over {limit:.3g})",
    "core.playground_diverged": (
        "training diverged at step {step}: the loss became {what}. Lower the learning rate "
        "({lr:.3g}) and press Reset."
    ),
    "core.glossary_introduced_in": "introduced in",


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
    "l00.tangents_title": "the loss L(w) of the one-parameter fit and its slope at {count} points",
    "l00.tangent_label": "tangent at w = {w:g}, slope dL/dw = {slope:.3g}",
    "l00.slope_negative": "negative, solid line: going right lowers the loss",
    "l00.slope_positive": "positive, dashed line: going right raises the loss",
    "l00.slope_zero": "zero, dotted line: the curve is flat there",
    "l00.tangent_text": "at w = {w:g} the slope is dL/dw = {slope:.3g} ({words})",
    "l00.tangents_text": (
        "The loss L(w) of the one-parameter fit for w from {first:g} to {last:g}; its "
        "lowest drawn value is L = {loss:.4f}, at w = {w:.2f}. Short tangent lines: "
        "{tangents}."
    ),


    # ---- l01 (keys l01.*): 01 The chain rule
    # tangent_and_secants (TANGENT): figure text, then the summary
    "l01.tangent_slope": "tangent, slope {slope:.3f}",
    "l01.forward_secant_slope": "forward secant, slope {slope:.3f}",
    "l01.central_secant_slope": "central secant, slope {slope:.3f}",
    "l01.tangent_title": "sin, its tangent at x and two secants",
    "l01.forward_difference": "forward difference",
    "l01.central_difference": "central difference",
    "l01.current_h": "current h",
    "l01.error_title": "error of the slope estimate",
    "l01.step_h": "step h",
    "l01.error_label": "|estimate − f'(x)|",
    "l01.tangent_text": (
        "x = {x:.2f}, h = {h:.3g}: f'(x) = cos x = {slope:.6f}\n"
        "forward difference {forward:.6f} (error {forward_error:.1e}), "
        "central difference {central:.6f} (error {central_error:.1e})\n"
        "Left: sin with its tangent (wide, pale) and the two secants (dashed: forward, "
        "dash-dot: central); {central_secant} "
        "Right: both errors against h at this x (log-log), the current h dotted."
    ),
    "l01.central_on_tangent": "the central secant lies on the tangent at this scale.",
    "l01.central_off_tangent": "the central secant is visibly off the tangent.",
    # chain_factors (CHAIN)
    "l01.slope_layout": "slope -0.000 × -0.000",
    "l01.inner_title": "inner: {inner}",
    "l01.outer_title": "outer: {outer}",
    "l01.composition_title": "composition: y = {composition}",
    "l01.slope_du_dx": "slope du/dx = {du_dx:.3f}",
    "l01.slope_dy_du": "slope dy/du = {dy_du:.3f}",
    "l01.slope_product": "slope {du_dx:.3f} × {dy_du:.3f} = {dy_dx:.3f}",
    "l01.chain_text": (
        "x = {x:.2f}: {inner} = {u:.4f}, du/dx = {du_dx:.4f}; "
        "dy/du = {outer_slope} = {dy_du:.4f}\n"
        "dy/dx = du/dx · dy/du = {du_dx:.4f} × {dy_du:.4f} = {dy_dx:.4f} "
        "(central difference {numeric:.4f})\n"
        "Panels: the inner function with its tangent at x, the outer function with its "
        "tangent at u, and the composition, whose tangent's slope is the product."
    ),
    # two_paths (TWO_PATHS)
    "l01.graph_title": "each edge: its local derivative; one product per path",
    "l01.z_title": "z(x); the tangent's slope is the sum of the paths",
    "l01.two_paths_text": (
        "x = {x:.2f}: path via u: ∂z/∂u·du/dx = {dz_du:.4f} × {du_dx:.4f} = {path_u:.4f}; "
        "path via v: ∂z/∂v·dv/dx = {dz_dv:.4f} × {dv_dx:.4f} = {path_v:.4f}\n"
        "dz/dx = {path_u:.4f} + {path_v:.4f} = {dz_dx:.4f}\n"
        "Left: the graph x → u, v → z, each edge labelled with its local derivative (path via "
        "u solid, via v dashed); right: z(x) with its tangent, whose slope is the sum."
    ),
    # the checkers: names, traps, hints
    "l01.softplus_name": "dy/dx of ln(1 + e^(3x))",
    "l01.softplus_no_inner": (
        "you left out the inner derivative: d(3x)/dx = 3 multiplies the result."
    ),
    "l01.softplus_outer_only": (
        "that is 1/u alone: multiply by the inner derivative du/dx = 3·e^(3x)."
    ),
    "l01.softplus_hint": (
        "Outer: d/du ln(u) = 1/u with u = 1 + e^(3x); inner: du/dx = 3·e^(3x). Multiply."
    ),
    "l01.two_path_name": "dz/dx by two paths",
    "l01.two_path_both": "x reaches z through u and through v: add both products.",
    "l01.two_path_only_u": "that is only the path through u. {both}",
    "l01.two_path_only_v": "that is only the path through v. {both}",
    "l01.two_path_hint": (
        "dz/dx = ∂z/∂u·du/dx + ∂z/∂v·dv/dx, with ∂z/∂u = v and ∂z/∂v = u + 2v."
    ),
    "l01.jacobian_name": "Jacobian",
    "l01.jacobian_transpose": (
        "that is the transpose: row i holds the derivatives of output f_i, column j those "
        "with respect to x_j."
    ),
    "l01.jacobian_hint": "J[i, j] = ∂f_i/∂x_j: 3 outputs give 3 rows, 2 inputs give 2 columns.",
    "l01.sigmoid_case_range": "z = −6 … 6 in steps of 1",
    "l01.sigmoid_case_2x2": "a 2×2 array with z = 30",
    "l01.sigmoid_case_negative": "a large negative z = −50",
    "l01.sigmoid_returns_none": (
        "your function returns None: replace ... in its body with code that returns σ'(z)."
    ),
    "l01.sigmoid_hint": (
        "Compute s = σ(z) = 1/(1 + exp(−z)) and return s·(1 − s); it must work on arrays."
    ),
    "l01.quadratic_2ax": (
        "2Ax holds only for a symmetric A, and this A is not symmetric: x appears twice in "
        "xᵀAx, once on each side of A."
    ),
    "l01.quadratic_2atx": "2Aᵀx holds only for a symmetric A: add the two terms Ax and Aᵀx.",
    "l01.quadratic_ax": "Ax is only one of the two terms: x appears on both sides of A.",
    "l01.quadratic_atx": "Aᵀx is only one of the two terms: x appears on both sides of A.",
    "l01.quadratic_hint": (
        "Write xᵀAx = Σ_ij x_i A_ij x_j and differentiate by x_k: the gradient is "
        "(A + Aᵀ)x, shape (3,) like x."
    ),
    # prose(): the sentences notebook 01's own code prints or shows
    "l01.nb_forward": "forward",
    "l01.nb_central": "central",
    "l01.nb_halving": (
        "halving h from 0.01: forward error / {forward:.2f}, central error / {central:.2f}"
    ),
    "l01.nb_matches_central": (
        "{mark} {label}: matches central differences at {var} = {points} "
        "(relative error < 1e-7)"
    ),
    "l01.nb_entries_jacobian": "{mark} {label}: all {count} entries equal sympy's .jacobian",
    "l01.nb_jacobian_numeric": (
        "✓ J_g at (r, θ) = (1.5, 0.6): matches numerical_jacobian (relative error < 1e-7)"
    ),
    "l01.nb_chain_numeric": (
        "✓ J_h(g)·J_g at (1.5, 0.6): matches numerical_jacobian of h∘g (relative error < 1e-7)"
    ),
    "l01.nb_overflow": (
        "exp(t) overflows float64 for t > {largest:.2f}: e^(-z) overflows for z < {smallest:.2f}"
    ),
    "l01.nb_sigmoid_prime_matches": (
        "✓ sigmoid_prime matches central differences at z = -4, 0.5, 3 (relative error < 1e-7)"
    ),
    "l01.nb_sigmoid_peak": "σ'' = 0 at z = {critical}; σ'(0) = {peak}",
    "l01.nb_sigmoid_jacobian": "numerical Jacobian of σ at z = {z}, shape {shape}:",
    "l01.nb_sigmoid_diagonal": "✓ it is diag(σ'(z)) (relative error < 1e-7)",
    "l01.nb_entries_derivatives": "{mark} {label}: all {count} entries equal sympy's derivatives",
    "l01.nb_symmetric_only": (
        "✓ 2Ax differs from the gradient for a general A and equals it for a symmetric A"
    ),
    "l01.nb_identities_match": (
        "✓ both identities match central differences at a random point (relative error < 1e-7)"
    ),
    "l01.nb_outer_sympy": "✓ sympy (MatrixSymbol): ∂(δᵀWx)/∂W = δ xᵀ, shape {shape}",
    "l01.nb_dense_match": (
        "✓ δ xᵀ and Wᵀδ match central differences and dense_backward (relative error < 1e-7)"
    ),
    "l01.nb_batch_shapes": "Δ {delta} @ Xᵀ {xt} -> {product}, the shape of W {w}",
    "l01.nb_batch_sum": (
        "✓ ΔXᵀ = Σ_s δ_s x_sᵀ over N = {n} samples = dense_backward's dW = central differences"
    ),
    "l01.nb_grid_minimum": (
        "✓ {difference}: grid minimum at h = {h_grid:.2e}, formula h* = {h_star:.2e}, "
        "predicted error E(h*) = {error:.1e}"
    ),
    "l01.nb_predicted_ratio": (
        "predicted best forward error / best central error = {ratio:.0f}"
    ),
    "l01.nb_best_steps": (
        "So for $\\sin$ at $x = 1$ the model predicts the best forward step near "
        "${h_forward}$ with an error near ${error_forward}$, and the best "
        "central step near ${h_central}$ with an error near "
        "${error_central}$: at its best the central difference is about "
        "{ratio:.0f} times more accurate. "
        "Now measure: sweep $h$ from $10^{{-15}}$ to $1$ and compute the actual errors."
    ),
    "l01.nb_measured_near": (
        "✓ {difference}: measured errors within 10x of h* sit within 10x of the model's E(h*)"
    ),
    "l01.nb_best_ratio": (
        "✓ the best central error is more than 100x smaller than the best forward error"
    ),
    "l01.nb_consequences": (
        "the smallest measured error sits at $h = {bottom_forward}$ (forward) and "
        "$h = {bottom_central}$ (central), within a factor "
        "{off:.0f} of the predicted $h^*$.\n\n"
        "Two consequences used in the rest of the course:\n"
        "- `bp_helpers.calculus` uses central differences with default step `DEFAULT_H` (checked "
        "below), close to the central $h^*$ of a function whose values and derivatives are of "
        "order 1.\n"
        "- At its best step the central difference is right to about {digits:.0f} significant "
        "digits (the model's $E(h^*)$ relative to $f'$; a lucky $h$ can do a little better), so "
        "we compare gradients with the relative error and call them equal when it is below about "
        "$10^{{-7}}$, the threshold used above."
    ),
    "l01.nb_default_h": "DEFAULT_H = {default_h:g}, central h* for sin at x = 1: {h_star:.1e}",
    # the figures of notebook 01's own cells: plot_zoom_windows, plot_sigmoid, plot_error_sweep
    "l01.list_separator": ", ",
    "l01.window_title": "window x = {x:g} ± {width:g}",
    "l01.window_tangent": "tangent",
    "l01.windows_text": (
        "sin x (solid) and its tangent at x = {x:g} (dashed, slope cos {x:g} = {slope:.4f}) "
        "in windows of half-width {widths}. The largest gap between curve and tangent in "
        "each window: {gaps}, shrinking like the half-width to the power {power:.1f}; in the "
        "narrowest window it is only {share:.2%} of the height the window shows."
    ),
    "l01.sigmoid_title": "the sigmoid and its derivative",
    "l01.sigmoid_value": "value",
    "l01.sigmoid_quarter": "1/4, the largest slope",
    "l01.sigmoid_text": (
        "σ(z) (solid) rises from {s_first:.4f} at z = {z_first:g} to {s_last:.4f} at "
        "z = {z_last:g}. Its derivative σ'(z) = σ(z)(1 − σ(z)) (dashed) is a bump: largest, "
        "{peak:.4f}, at z = {z_peak:.1f} (the grey dashed line marks 1/4), and down to "
        "{tail:.1e} at the ends."
    ),
    "l01.sweep_title": "error of the slope of sin at x = {x:g}: truncation vs round-off",
    "l01.sweep_forward": "forward (measured)",
    "l01.sweep_central": "central (measured)",
    "l01.sweep_truncation": "truncation {term}",
    "l01.sweep_roundoff": "round-off {term}",
    "l01.sweep_text": (
        "Measured errors of the forward and central differences of sin at x = {x:g} for "
        "steps h from {h_min:.0e} to {h_max:g} (log-log), with the model's lines. For large "
        "h they follow the truncation lines: fitted slopes {slope_forward:.2f} (forward) and "
        "{slope_central:.2f} (central) for h ≥ 10 h*. For small h they climb back up "
        "parallel to the round-off line ε|f|/h, jagged. Smallest measured error: forward "
        "{min_forward:.1e} at h = {at_forward:.1e}, central {min_central:.1e} at "
        "h = {at_central:.1e}; the vertical lines mark the predicted best steps "
        "h*_fwd = {star_forward:.1e} and h*_cen = {star_central:.1e}."
    ),


    # ---- l02 (keys l02.*): 02 Computational graphs
    "l02.graph_title": "L = (w·x + b − 10)² = {loss}: each node's value and gradient ∂L/∂(node)",
    "l02.fanout_name": "gradient along two paths",
    "l02.fanout_one_path": (
        "{value:g} is only one of the two paths. a is used twice: add the path through a·b and "
        "the path where a is the last factor."
    ),
    "l02.fanout_hint": (
        "f = s·a with s = a·b + c. Sum ∂f/∂s·∂s/∂a (= a·b) and the direct ∂f/∂a (= s)."
    ),
    "l02.accumulated_name": "accumulated gradient",
    "l02.accumulated_second_only": (
        "{value:g} is ∂L2/∂w alone: backward() adds into w.grad, it does not overwrite it."
    ),
    "l02.accumulated_first_only": (
        "{value:g} is ∂L1/∂w alone: the second backward() adds ∂L2/∂w on top."
    ),
    "l02.accumulated_hint": (
        "Compute ∂L_i/∂w = 2(w·x_i + b − t_i)·x_i for each point; w.grad holds their sum."
    ),
    "l02.softplus_hint": "Chain the engine's operations: (1 + v.exp()).log().",
    "l02.softplus_not_a_value": "softplus(Value({x})) returned a {kind}, not a Value. {hint}",
    "l02.raised": "calling it raised {error}: {message}. {hint}",
    "l02.softplus_wrong_value": "softplus({x}) gave {value:.6g}, expected {want:.6g}. {hint}",
    "l02.softplus_wrong_gradient": (
        "the value is right but the gradient at {x} is {grad:.6g}, not σ({x}) = {sigma:.6g}: did "
        "you use .data somewhere, which cuts the graph?"
    ),
    "l02.graph_neuron": "the neuron",
    "l02.graph_chain": "a chain of {steps} operations",
    "l02.topo_name": "topological order",
    "l02.topo_hint": "Keep an explicit stack of (node, children_done) pairs, as in the text.",
    "l02.topo_recursion": (
        "on {what} it hit Python's recursion limit: replace the recursion by a loop over an "
        "explicit stack."
    ),
    "l02.topo_raised": "on {what} it raised {error}: {message}. {hint}",
    "l02.topo_twice": (
        "on {what} a node appears twice: remember which nodes you have already visited."
    ),
    "l02.topo_missing": "on {what} it returned {found} of the {total} nodes. {hint}",
    "l02.topo_child_after": (
        "on {what} a node comes before one of its children: add a node only after all of its "
        "children."
    ),
    "l02.topo_root_not_last": "on {what} the root is not last.",
    "l02.loop_count_name": "loop count",
    "l02.loop_count_early": (
        "{count} stops one multiplication early: the loop tests y < {limit:g} before each "
        "multiplication and runs again while it holds."
    ),
    "l02.loop_count_late": "{count} is one too many: once y ≥ {limit:g} the loop stops.",
    "l02.loop_count_hint": (
        "Follow y = 2.5, 6.25, … by hand and count the multiplications until y reaches {limit:g}."
    ),
    "l02.loop_gradient_name": "gradient through a loop",
    "l02.loop_y_itself": "{value:g} is y itself, not dy/dx.",
    "l02.loop_y_before_last": "{value:g} is y before the last multiplication, not a derivative.",
    "l02.loop_one_factor_short": (
        "{value:g} is the derivative of x^{power}: y = x·x·… has {factors} factors x ({count} "
        "multiplications)."
    ),
    "l02.loop_one_too_many": "that is the derivative of one multiplication too many.",
    "l02.loop_gradient_hint": (
        "Write the y the loop recorded as a power of x (count the factors x), then differentiate "
        "it: a small change of x does not change how often the loop runs."
    ),
    "l02.recursion_failed": (
        "RecursionError: the recursive topological sort cannot handle {steps:,} steps"
    ),
    "l02.engine_matches_hand": (
        "engine = hand exactly; largest relative error against central differences: {error:.0e}"
    ),
    "l02.loop_graph_checked": (
        "✓ x = {x:+}: the graph recorded y = {recorded}; engine {engine:.8f}, sympy {sympy:.8f}, "
        "central difference {numeric:.8f}"
    ),
    "l02.nodes_per_step": "{nodes:,} nodes in each step's graph",
    "l02.training_agrees": (
        "✓ at every step the losses and all gradients agree to better than 1e-10"
    ),
    "l02.timing": (
        "one forward + backward pass, N = {n}: network of Values {value_ms:.2f} ms, nn.MLP "
        "{vector_ms:.3f} ms ({ratio:.0f}× as long)"
    ),
    "l02.summary_header": (
        "| idea | in one line | where |\n"
        "| --- | --- | --- |\n"
    ),
    "l02.sum_graph": "computational graph",
    "l02.sum_graph_line": "the forward pass records one node per operation, with its inputs",
    "l02.sum_local": "local derivative",
    "l02.sum_local_line": (
        "each node knows $\\partial\\,\\text{{node}}/\\partial\\,\\text{{input}}$ from its own "
        "inputs alone"
    ),
    "l02.sum_step": "backward step",
    "l02.sum_step_line": "downstream = local × upstream, added into the input's `grad`",
    "l02.sum_seed": "seed",
    "l02.sum_fan_out": "fan-out",
    "l02.sum_fan_out_line": "a value used $k$ times gets the sum of $k$ contributions",
    "l02.sum_topo": "topological order",
    "l02.sum_topo_line": (
        "process nodes in reverse topological order, so each gradient is complete before it is "
        "passed on"
    ),
    "l02.sum_topo_where": "the naive push gave {naive:g} instead of {ordered:g}",
    "l02.sum_no_recursion": "no recursion",
    "l02.sum_no_recursion_line": "an explicit stack handles {operations:,} operations",
    "l02.sum_accumulation": "accumulation",
    "l02.sum_accumulation_line": "`backward()` adds into leaves; `zero_grad()` resets",
    "l02.sum_accumulation_where": "twice gives ${twice:g}$, not ${once:g}$",
    "l02.sum_check": "check",
    "l02.sum_check_line": "hand = engine = central differences for the neuron",
    "l02.sum_check_where": "${w:g}$, ${b:g}$, ${x:g}$ (note 003's 6 and 2 are wrong)",
    "l02.sum_dynamic": "dynamic graph",
    "l02.sum_dynamic_line": (
        "each forward pass builds a new graph, so an `if` and a data-dependent loop just work"
    ),
    "l02.sum_values": "a network of `Value`s",
    "l02.sum_values_line": (
        "the losses and gradients of `nn.MLP` to $10^{{-10}}$, and more than 5× slower"
    ),
    "l02.sum_values_where": "section 8",
    "l02.engines_title": "The same training run, two engines",
    "l02.engines_vectorized": "nn.MLP (vectorized)",
    "l02.engines_values": "network of Values",
    "l02.engines_step": "step",
    "l02.engines_loss": "loss (mean BCE)",
    "l02.engines_agree": (
        "at every step the two differ by less than {tolerance:.0e}, so the dots sit on "
        "the line"
    ),
    "l02.engines_differ": "the largest gap between them is {gap:.2g}",
    "l02.engines_text": (
        "The loss (mean BCE) at each of {steps} training steps: the network of Values "
        "(dots) goes from {first:.4f} to {last:.4f}, nn.MLP (dashed line) from "
        "{vector_first:.4f} to {vector_last:.4f}; {agree}."
    ),


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
    "l05.fig_xor_title": "XOR: the 1s sit on one diagonal",
    "l05.points_join": ", ",
    "l05.points_last": " and ",
    "l05.xor_diagonals": " The 1s sit on one diagonal, the 0s on the other.",
    "l05.xor_points": (
        "{count} points: circles (y = 0) at {zeros}, squares (y = 1) at {ones}.{diagonals}"
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
    "l06.act_title": "Activations f(z)",
    "l06.act_slope_title": "Derivatives f'(z)",
    "l06.act_text": (
        "Left, the activations f(z) for z from {low:g} to {high:g}; right, their derivatives "
        "f'(z), with a dotted line at 1/4. The slope f'(z) on this grid:"
    ),
    "l06.act_slope": "  {name}: from {low:.3f} to {high:.3f}",
    "l06.act_below_quarter": "Never above the dotted 1/4: {names}.",
    "l06.act_coincide": (
        "ReLU and leaky ReLU coincide for z > 0: ReLU is the thick pale line, leaky ReLU the thin "
        "dashed one on top."
    ),
    "l06.step_unit": "step unit",
    "l06.sigmoid_unit": "sigmoid unit",
    "l06.epoch": "epoch",
    "l06.mse": "mean squared error",
    "l06.perceptron_loss_title": "Loss on the AND data",
    "l06.perceptron_moved_title": "How far the weights moved",
    "l06.perceptron_moved_ylabel": "‖(w₁, w₂, b) − start‖",
    "l06.perceptron_fig_text": (
        "Left, the mean squared error on the AND data after each epoch; right, how far (w₁, w₂, b) "
        "has moved from its start ({w1:g}, {w2:g}, {b:g})."
    ),
    "l06.perceptron_fig_line": (
        "  {unit}: loss {first:.3f} → {last:.4f} over {epochs} epochs; the weights ended "
        "{moved:.2f} from the start"
    ),
    "l06.vanishing_title": "{depth}-layer sigmoid MLP: the gradient vanishes toward the input",
    "l06.norm_ylabel": "norm (log scale)",
    "l06.vanishing_text": (
        "Per layer, on a log axis: ‖∂L/∂W_l‖ falls from {last_w:.2e} at layer {depth} to "
        "{first_w:.2e} at layer 1, and ‖δ_l‖ from {last_d:.2e} to {first_d:.2e}. Both are nearly "
        "straight lines: each layer back multiplies ‖δ_l‖ by {factor:.3f} on average (geometric "
        "mean), so layer 1 gets {ratio:.1e} of layer {depth}'s weight gradient."
    ),
    "l06.scale_label": "Xavier × {scale:g}",
    "l06.scales_title": "{depth}-layer tanh MLP: large weights make gradients explode",
    "l06.scales_text": (
        "‖∂L/∂W_l‖ per layer (log axis) of the {depth}-layer tanh net, its Xavier weights "
        "multiplied by a scale:"
    ),
    "l06.scales_line": (
        "  Xavier × {scale:g}: layer 1 = {first:.2e}, layer {depth} = {last:.2e}, ratio {ratio:.2e}"
    ),
    "l06.scales_grows": (
        "The larger the scale, the more the gradient grows on its way back to layer 1."
    ),
    "l06.gd_step": "gradient-descent step",
    "l06.loss_ylabel": "loss (log scale)",
    "l06.clip_plain_title": "No clipping: one step ruins the net",
    "l06.clip_clipped_title": "Clipped at ‖g‖ ≤ {max_norm:g}: the loss falls",
    "l06.clip_plain_text": (
        "Left, without clipping: the loss goes from {first:.3g} at step 0 to {last:.2g} at step "
        "{end}, where the run stops."
    ),
    "l06.clip_clipped_text": (
        "Right, with the gradients clipped at ‖g‖ ≤ {max_norm:g}: the loss goes from {first:.3g} "
        "at step 0 to {last:.3g} at step {end}."
    ),
    "l06.clip_panels_note": (
        "(two panels, each with its own log axis: on one axis the unclipped {last:.2g} would "
        "flatten the clipped run)"
    ),
    "l06.fix_sigmoid_xavier": "sigmoid, Xavier (section 2)",
    "l06.fix_batchnorm": "+ batch normalization",
    "l06.fix_residual": "+ residual connections",
    "l06.fix_relu_he": "ReLU, He",
    "l06.fix_tanh_xavier": "tanh, Xavier",
    "l06.fix_tanh_xavier_10": "tanh, Xavier × 10 (section 3)",
    "l06.fix_clipped": "+ clipping at c = {max_norm:g}",
    "l06.fixes_vanishing_title": "Vanishing: {depth}-layer sigmoid net and four fixes",
    "l06.fixes_exploding_title": "Exploding: {depth}-layer tanh net, weights × 10",
    "l06.fixes_left": (
        "Left, vanishing: ‖∂L/∂W_1‖ / ‖∂L/∂W_{depth}‖ (layer 1's gradient over the last layer's) "
        "of the {depth}-layer sigmoid net and of each fix:"
    ),
    "l06.fixes_right": (
        "Right, exploding: the same ratio for the {depth}-layer tanh net with Xavier weights × 10, "
        "clipped, and with batch normalization:"
    ),
    "l06.fixes_line": "  {name}: {ratio:.1e}",


    # ---- l07 (keys l07.*): 07 Forward and reverse mode
    "l07.forward_panel": "1 forward pass: column 1",
    "l07.reverse_panel": "1 reverse pass: row 1",
    "l07.input_j": "input j",
    "l07.output_i": "output i",
    "l07.forward_mode": "forward mode",
    "l07.reverse_mode": "reverse mode",
    "l07.cost_title": "Passes for the whole Jacobian",
    "l07.cost_x": "mode",
    "l07.cost_y": "passes (log scale)",
    "l07.verdict_same": "both modes need the same number of passes",
    "l07.verdict_reverse": "reverse mode is cheaper, {ratio:.3g}× fewer passes",
    "l07.verdict_forward": "forward mode is cheaper, {ratio:.3g}× fewer passes",
    "l07.modes_shape": (
        "f: R^{n_inputs} → R^{n_outputs}, Jacobian {n_outputs} × {n_inputs} (drawn to scale in a "
        "{frame} × {frame} frame)"
    ),
    "l07.modes_forward": "forward mode: {passes} pass(es), one column each (JVPs with v = e_j)",
    "l07.modes_reverse": "reverse mode: {passes} pass(es), one row each (VJPs with u = e_i)",
    "l07.modes_verdict": "verdict: {verdict}",
    "l07.dual_product_name": "dual product",
    "l07.dual_product_trap": (
        "the ε part is not the product of the ε parts: expand (a + ȧε)(b + ḃε) and use ε² = 0."
    ),
    "l07.dual_product_hint": (
        "(a + ȧε)(b + ḃε) = ab + (a·ḃ + ȧ·b)ε: the product rule. Give (value, tangent)."
    ),
    "l07.passes_name": "passes",
    "l07.passes_swapped": (
        "swapped: forward mode gets one COLUMN (one input) per pass, reverse mode one ROW (one "
        "output) per pass."
    ),
    "l07.passes_hint": "The Jacobian is 10 × 1000. A JVP gives one column, a VJP one row.",
    "l07.vjp_trap": (
        "you left out tanh' = 1 − tanh²(Wx): the chain rule passes through the activation first."
    ),
    "l07.vjp_hint": "J = diag(1 − tanh²(Wx)) W, so uᵀJ = Wᵀ (u ⊙ (1 − tanh²(Wx))): shape (3,).",
    "l07.weights_name": "accumulation weights",
    "l07.weights_plain_average": (
        "a plain average is right only when the micro-batches have equal sizes; these do not."
    ),
    "l07.weights_sizes": "those are the sizes N_j; divide each by N = 100.",
    "l07.weights_hint": (
        "The full loss is (1/N) Σ over all samples; micro-batch j holds N_j of the N = 100 "
        "samples and its mean loss L_j, so L = Σ_j (N_j / N) L_j."
    ),
    "l07.dual_sin_name": "dual sin",
    "l07.dual_sin_hint": "sin(a + ȧε) = sin a + (cos a)·ȧ·ε: return Dual(math.sin(x.value), ...).",
    "l07.raised": "calling it raised {error}: {message}. {hint}",
    "l07.returns_none": "your function returns None: {not_answered}",
    "l07.not_a_dual": "return a Dual, got {kind}. {hint}",
    "l07.dual_sin_value": "the value at a = {a} should be sin(a). {hint}",
    "l07.dual_sin_seed": (
        "multiply cos(a) by the incoming tangent ȧ (the chain rule), so that seeds other than 1 "
        "work too."
    ),
    "l07.dual_sin_tangent": "wrong tangent for a = {a}, ȧ = {a_dot}. {hint}",
    "l07.hvp_name": "Hessian-vector product",
    "l07.hvp_gradient": (
        "that is the gradient ∇f = (2x₁x₂, x₁²), not H v: differentiate once more."
    ),
    "l07.hvp_other_column": "that is H times (0, 1): v = (1, 0) picks the first column of H.",
    "l07.hvp_diagonal": "only the diagonal of H: H v also needs ∂²f/∂x₂∂x₁ = 2x₁.",
    "l07.hvp_hint": (
        "H = [[∂²f/∂x₁², ∂²f/∂x₁∂x₂], [∂²f/∂x₂∂x₁, ∂²f/∂x₂²]] at (1, 2); then multiply by v."
    ),
    "l07.modes_agree": (
        "✓ both modes give the same gradient of ring and the same derivatives of chain"
    ),
    "l07.jacobian_entries_checked": (
        "✓ sympy: all {entries} entries of the Jacobian of tanh(Wx) equal diag(1 − tanh²(Wx)) W"
    ),
    "l07.products_checked": (
        "✓ JVP, VJP and both Jacobians match the formula and central differences"
    ),
    "l07.jacobian_size": (
        "Jacobian of the layer's output w.r.t. its input: {entries:.2e} entries, {gigabytes:.0f} "
        "GB in float64"
    ),
    "l07.vjp_size": "the VJP Wᵀu needs W ({w_entries:,} entries) and u ({u_entries:,} entries)",
    "l07.hvp_checked": (
        "✓ the gradient and H v match sympy; H v matches central differences of the gradient; "
        "hessian(f3, x) equals sympy's Hessian"
    ),
    "l07.accumulation_report": (
        "4 × 50, weights N_j/N:        largest relative gap < 1e-12 (rounding only)\n"
        "100 + 60 + 40, weights N_j/N: largest relative gap < 1e-12 (rounding only)\n"
        "100 + 60 + 40, plain average: largest relative gap {plain_gap:.2f}\n"
        "✓ accumulated micro-batch gradients equal the full-batch gradient"
    ),
    "l07.timing_in_title": "n inputs → 1 output: a gradient",
    "l07.timing_out_title": "1 input → m outputs: m derivatives",
    "l07.timing_in_x": "number of inputs n",
    "l07.timing_out_x": "number of outputs m",
    "l07.timing_y": "time (ms, log scale)",
    "l07.timing_forward": "forward mode (Dual)",
    "l07.timing_reverse": "reverse mode (Value)",
    "l07.timing_header": (
        "Measured times on this machine, on log-log axes (a straight line of slope p: "
        "the time grows like size^p)."
    ),
    "l07.timing_in_text": (
        "Left, n inputs → 1 output (a gradient): at n = {size} forward mode takes "
        "{forward:.3g} ms, reverse mode {reverse:.3g} ms (forward / reverse = "
        "{ratio:.1f}×); from n = {start} on, forward mode's time grows like "
        "n^{forward_power:.1f}, reverse mode's like n^{reverse_power:.1f}."
    ),
    "l07.timing_out_text": (
        "Right, 1 input → m outputs (m derivatives): at m = {size} reverse mode takes "
        "{reverse:.3g} ms, forward mode {forward:.3g} ms (reverse / forward = "
        "{ratio:.1f}×); from m = {start} on, reverse mode's time grows like "
        "m^{reverse_power:.1f}, forward mode's like m^{forward_power:.1f}."
    ),


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
