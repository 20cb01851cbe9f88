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


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
