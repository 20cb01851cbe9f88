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


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


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


    # ---- l08 (keys l08.*): 08 Backprop playground


}
