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


    # ---- l00 (keys l00.*): 00 Start here


    # ---- l01 (keys l01.*): 01 The chain rule


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
