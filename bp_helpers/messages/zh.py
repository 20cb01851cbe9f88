"""The 中文 (Chinese) message table: key → :meth:`str.format` template.

Keys are grouped by the module that prints them, in the same order in both tables;
``tests/core/test_messages.py`` checks that both tables have the same keys and fields.
"""

MESSAGES: dict[str, str] = {
    # ---- ui.checks (keys checks.*): verdicts, hints, number policy


    # ---- ui.explore (keys explore.*): widgets
    "explore.run_to_use": "运行本笔记本（Run → Run All Cells）后即可拖动滑块。",


    # ---- ui.drawings (keys drawings.*): graph, boundary, loss curve, norms


    # ---- ui.playground (keys playground.*): controls, views, messages


    # ---- l00 (keys l00.*): 00 Start here


    # ---- l01 (keys l01.*): 01 The chain rule
    # tangent_and_secants (TANGENT): figure text, then the summary
    "l01.tangent_slope": "切线，斜率 {slope:.3f}",
    "l01.forward_secant_slope": "前向割线，斜率 {slope:.3f}",
    "l01.central_secant_slope": "中心割线，斜率 {slope:.3f}",
    "l01.tangent_title": "sin 在 x 处的切线与两条割线",
    "l01.forward_difference": "前向差分",
    "l01.central_difference": "中心差分",
    "l01.current_h": "当前的 h",
    "l01.error_title": "斜率估计的误差",
    "l01.step_h": "步长 h",
    "l01.error_label": "|估计值 − f'(x)|",
    "l01.tangent_text": (
        "x = {x:.2f}，h = {h:.3g}：f'(x) = cos x = {slope:.6f}\n"
        "前向差分 {forward:.6f}（误差 {forward_error:.1e}），"
        "中心差分 {central:.6f}（误差 {central_error:.1e}）\n"
        "左图：sin 及其切线（宽而浅的色带）和两条割线（虚线为前向，点划线为中心）；"
        "{central_secant}"
        "右图：在这个 x 处两种误差随 h 的变化（双对数坐标），点线标出当前的 h。"
    ),
    "l01.central_on_tangent": "在这个尺度下，中心割线与切线重合。",
    "l01.central_off_tangent": "中心割线明显偏离切线。",
    # chain_factors (CHAIN)
    "l01.slope_layout": "斜率 -0.000 × -0.000",
    "l01.inner_title": "内层函数：{inner}",
    "l01.outer_title": "外层函数：{outer}",
    "l01.composition_title": "复合函数：y = {composition}",
    "l01.slope_du_dx": "斜率 du/dx = {du_dx:.3f}",
    "l01.slope_dy_du": "斜率 dy/du = {dy_du:.3f}",
    "l01.slope_product": "斜率 {du_dx:.3f} × {dy_du:.3f} = {dy_dx:.3f}",
    "l01.chain_text": (
        "x = {x:.2f}：{inner} = {u:.4f}，du/dx = {du_dx:.4f}；"
        "dy/du = {outer_slope} = {dy_du:.4f}\n"
        "dy/dx = du/dx · dy/du = {du_dx:.4f} × {dy_du:.4f} = {dy_dx:.4f}"
        "（中心差分 {numeric:.4f}）\n"
        "三幅图依次是：内层函数及其在 x 处的切线，外层函数及其在 u 处的切线，"
        "以及复合函数，它的切线斜率正是两者之积。"
    ),
    # two_paths (TWO_PATHS)
    "l01.graph_title": "每条边标出局部导数；每条路径一个乘积",
    "l01.z_title": "z(x)：切线斜率是各条路径之和",
    "l01.two_paths_text": (
        "x = {x:.2f}：经 u 的路径 ∂z/∂u·du/dx = {dz_du:.4f} × {du_dx:.4f} = {path_u:.4f}；"
        "经 v 的路径 ∂z/∂v·dv/dx = {dz_dv:.4f} × {dv_dx:.4f} = {path_v:.4f}\n"
        "dz/dx = {path_u:.4f} + {path_v:.4f} = {dz_dx:.4f}\n"
        "左图：计算图 x → u, v → z，每条边标出它的局部导数（经 u 的路径为实线，经 v 的为虚线）；"
        "右图：z(x) 及其切线，切线斜率就是两条路径之和。"
    ),
    # the checkers: names, traps, hints
    "l01.softplus_name": "ln(1 + e^(3x)) 的 dy/dx",
    "l01.softplus_no_inner": "漏掉了内层导数：结果还要乘以 d(3x)/dx = 3。",
    "l01.softplus_outer_only": "这只是 1/u：还要乘以内层导数 du/dx = 3·e^(3x)。",
    "l01.softplus_hint": (
        "外层：d/du ln(u) = 1/u，其中 u = 1 + e^(3x)；内层：du/dx = 3·e^(3x)。两者相乘。"
    ),
    "l01.two_path_name": "用两条路径求 dz/dx",
    "l01.two_path_both": "x 经过 u 和 v 两条路径影响 z：要把两个乘积相加。",
    "l01.two_path_only_u": "这只是经过 u 的那条路径。{both}",
    "l01.two_path_only_v": "这只是经过 v 的那条路径。{both}",
    "l01.two_path_hint": "dz/dx = ∂z/∂u·du/dx + ∂z/∂v·dv/dx，其中 ∂z/∂u = v，∂z/∂v = u + 2v。",
    "l01.jacobian_name": "雅可比矩阵",
    "l01.jacobian_transpose": (
        "这是转置：第 i 行应是输出 f_i 的各个导数，第 j 列应是对 x_j 的导数。"
    ),
    "l01.jacobian_hint": "J[i, j] = ∂f_i/∂x_j：3 个输出对应 3 行，2 个输入对应 2 列。",
    "l01.sigmoid_case_range": "z = −6 … 6（步长 1）",
    "l01.sigmoid_case_2x2": "含 z = 30 的 2×2 数组",
    "l01.sigmoid_case_negative": "很大的负数 z = −50",
    "l01.sigmoid_returns_none": "你的函数返回了 None：把函数体里的 ... 换成返回 σ'(z) 的代码。",
    "l01.sigmoid_hint": "先算 s = σ(z) = 1/(1 + exp(−z))，再返回 s·(1 − s)；函数必须能处理数组。",
    "l01.quadratic_2ax": (
        "只有 A 对称时梯度才是 2Ax，而这个 A 不对称：x 在 xᵀAx 中出现两次，A 的两侧各一次。"
    ),
    "l01.quadratic_2atx": "只有 A 对称时梯度才是 2Aᵀx：应把 Ax 和 Aᵀx 两项相加。",
    "l01.quadratic_ax": "Ax 只是两项中的一项：x 出现在 A 的两侧。",
    "l01.quadratic_atx": "Aᵀx 只是两项中的一项：x 出现在 A 的两侧。",
    "l01.quadratic_hint": (
        "把 xᵀAx 写成 Σ_ij x_i A_ij x_j，再对 x_k 求导：梯度是 (A + Aᵀ)x，形状与 x 相同，为 (3,)。"
    ),
    # prose(): the sentences notebook 01's own code prints or shows
    "l01.nb_forward": "前向差分",
    "l01.nb_central": "中心差分",
    "l01.nb_halving": (
        "h 从 0.01 减半：前向差分的误差除以 {forward:.2f}，中心差分的误差除以 {central:.2f}"
    ),
    "l01.nb_matches_central": (
        "{mark} {label}：在 {var} = {points} 处与中心差分吻合（相对误差 < 1e-7）"
    ),
    "l01.nb_entries_jacobian": "{mark} {label}：全部 {count} 个元素都与 sympy 的 .jacobian 相等",
    "l01.nb_jacobian_numeric": (
        "✓ J_g 在 (r, θ) = (1.5, 0.6) 处与 numerical_jacobian 吻合（相对误差 < 1e-7）"
    ),
    "l01.nb_chain_numeric": (
        "✓ J_h(g)·J_g 在 (1.5, 0.6) 处与 h∘g 的 numerical_jacobian 吻合（相对误差 < 1e-7）"
    ),
    "l01.nb_overflow": (
        "t > {largest:.2f} 时 exp(t) 超出 float64 的范围：z < {smallest:.2f} 时 e^(-z) 溢出"
    ),
    "l01.nb_sigmoid_prime_matches": (
        "✓ sigmoid_prime 在 z = -4, 0.5, 3 处与中心差分吻合（相对误差 < 1e-7）"
    ),
    "l01.nb_sigmoid_peak": "在 z = {critical} 处 σ'' = 0；σ'(0) = {peak}",
    "l01.nb_sigmoid_jacobian": "σ 在 z = {z} 处的数值雅可比矩阵，形状为 {shape}：",
    "l01.nb_sigmoid_diagonal": "✓ 它就是 diag(σ'(z))（相对误差 < 1e-7）",
    "l01.nb_entries_derivatives": "{mark} {label}：全部 {count} 个元素都与 sympy 求出的导数相等",
    "l01.nb_symmetric_only": "✓ 对一般的 A，2Ax 不等于梯度；对对称的 A，两者相等",
    "l01.nb_identities_match": "✓ 在一个随机点上，两个恒等式都与中心差分吻合（相对误差 < 1e-7）",
    "l01.nb_outer_sympy": "✓ sympy（MatrixSymbol）：∂(δᵀWx)/∂W = δ xᵀ，形状为 {shape}",
    "l01.nb_dense_match": (
        "✓ δ xᵀ 和 Wᵀδ 与中心差分及 dense_backward 的结果一致（相对误差 < 1e-7）"
    ),
    "l01.nb_batch_shapes": "Δ {delta} @ Xᵀ {xt} -> {product}，正是 W 的形状 {w}",
    "l01.nb_batch_sum": (
        "✓ ΔXᵀ = 对 N = {n} 个样本求和的 Σ_s δ_s x_sᵀ = dense_backward 的 dW = 中心差分的结果"
    ),
    "l01.nb_grid_minimum": (
        "✓ {difference}：网格搜索的最小值在 h = {h_grid:.2e}，公式给出 h* = {h_star:.2e}，"
        "预测误差 E(h*) = {error:.1e}"
    ),
    "l01.nb_predicted_ratio": "预测的最佳前向差分误差 / 最佳中心差分误差 = {ratio:.0f}",
    "l01.nb_best_steps": (
        "于是，对 $x = 1$ 处的 $\\sin$，模型预测：前向差分的最佳步长约为 ${h_forward}$，"
        "误差约为 ${error_forward}$；中心差分的最佳步长约为 ${h_central}$，"
        "误差约为 ${error_central}$。各取最佳步长时，中心差分要精确约 {ratio:.0f} 倍。"
        "下面来实测：让 $h$ 从 $10^{{-15}}$ 扫到 $1$，算出实际误差。"
    ),
    "l01.nb_measured_near": (
        "✓ {difference}：h* 附近 10 倍范围内的实测误差，与模型的 E(h*) 相差不到 10 倍"
    ),
    "l01.nb_best_ratio": "✓ 中心差分的最佳误差比前向差分的最佳误差小 100 倍以上",
    "l01.nb_consequences": (
        "实测误差最小处在 $h = {bottom_forward}$（前向差分）和 "
        "$h = {bottom_central}$（中心差分），与预测的 $h^*$ 相差不超过 {off:.0f} 倍。\n\n"
        "本课程后面会用到两个结论：\n"
        "- `bp_helpers.calculus` 用中心差分，默认步长为 `DEFAULT_H`（下面会检验），"
        "接近函数值和各阶导数都在 1 量级的函数的中心差分 $h^*$。\n"
        "- 取最佳步长时，中心差分大约有 {digits:.0f} 位有效数字是对的（这是模型的 $E(h^*)$ "
        "相对于 $f'$ 而言；碰巧选到的 $h$ 还能稍好一点），所以我们用相对误差比较梯度，"
        "低于约 $10^{{-7}}$（也就是上文用的阈值）就认为两者相等。"
    ),
    "l01.nb_default_h": "DEFAULT_H = {default_h:g}，sin 在 x = 1 处的中心差分 h*：{h_star:.1e}",


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
