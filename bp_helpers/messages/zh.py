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


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
