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
    "l00.central_agree": "✓ dL/dw：在 w = {points} 处与中心差分一致"
                         "（相对误差 < 1e-7）",
    "l00.descent_summary": "w* = {w_star:.4f}；{steps} 步之后 w = {w:.4f}，"
                           "|w - w*| = {gap:.4f}\n✓ 损失每一步都在下降",
    "l00.iterates": "迭代点",
    "l00.start": "起点 w₀",
    "l00.path_title": "损失曲线上的迭代点",
    "l00.parameter_w": "参数 w",
    "l00.loss_w": "损失 L(w)",
    "l00.loss_title": "每一步之后的损失",
    "l00.step_t": "步数 t",
    "l00.loss_log": "损失 L(w_t)（对数坐标）",
    "l00.converges": "收敛",
    "l00.diverges": "发散",
    "l00.beyond": "{total} 个迭代点中有 {outside} 个落在左图所画的 w 范围之外。",
    "l00.descent_text": (
        "η = {eta:.3g}，w₀ = {w0:.2f}：{steps} 步之后 w = {w:.4g}"
        "（最优值 w* = {w_star:.4f}），L = {loss:.4g}（最小值 {min_loss:.4f}）。\n"
        "每一步把 w − w* 乘以 1 − η·L'' = {rate:.3f}：梯度下降{verdict}。"
        "{beyond}\n左图：曲线 L(w) 上的迭代点；右图：每一步之后的损失，"
        "用对数坐标，范围大到足以容纳最糟的发散设置。"),
    "l00.at_minimum": "已到最小值",
    "l00.still_falling": "仍在下降",
    "l00.rising": "不降反升",
    "l00.too_small": "太小",
    "l00.good": "合适",
    "l00.too_large": "太大",
    "l00.rate_label": "η = {eta:g}（{name}）",
    "l00.comparison_title": "从 w₀ = {w0:g} 出发，三种学习率各走同样的 {steps} 步",
    "l00.rate_result": "η = {eta:g}（{name}）：L = {loss:.3g}，{trend}",
    "l00.separator": "；",
    "l00.comparison_text": "{steps} 步之后的损失：{results}。",
    "l00.comparison_summary": (
        "{steps} 步之后，过小的学习率 η = {small:g} 只把损失从 {start:.3g} 降到了 "
        "{small_loss:.3g}，是 η = {good:g} 所达到的损失（{good_loss:.3g}）的 {times:.0f} 倍；"
        "η = {large:g} 则把损失推高到了 {large_loss:.3g}。"
        "太小白白浪费步数，太大永远到不了终点。"),
    "l00.numerical_cost": "P = {P:,} 个参数\n"
                          "用中心差分光是求一次梯度就需要 2P = {passes:,} 次前向传播",
    "l00.name_fit_gradient": "w = 1 处的梯度",
    "l00.trap_sum": "这是对各数据点求和的结果：L 是平均值，还要除以 N = 3。",
    "l00.trap_no_2": "你漏掉了平方求导得到的因子 2。",
    "l00.hint_fit_gradient": "用 dL/dw = (2/N)·Σ (w·x_i − y_i)·x_i，代入 w = 1 和三个数据点。",
    "l00.name_one_step": "走一步之后的 w",
    "l00.trap_uphill": "你往上坡走了：应当减去 η·dL/dw，而不是加上。",
    "l00.hint_one_step": "w_new = w − η·dL/dw，其中 w = 1，η = 0.05，梯度取练习 1 的结果。",
    "l00.name_largest_rate": "最大的稳定 η",
    "l00.trap_lands_on_w_star": "取这个 η 时，一步恰好落在 w* 上（1 − η·L'' = 0）；"
                                "上限在 1 − η·L'' 达到 −1 的地方。",
    "l00.trap_curvature_2": "L'' = 2·mean(x_i²)：你是不是漏掉了因子 2？",
    "l00.hint_largest_rate": "每一步把 w − w* 乘以 (1 − η·L'')，其中 "
                             "L'' = 2·mean(x_i²)。η 多大时 |1 − η·L''| 达到 1？",


    # ---- l01 (keys l01.*): 01 The chain rule


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast
    "l04.pass_counts": (
        "数值梯度：{passes} 次前向传播（2P = {two_P}）\n"
        "反向传播：1 次前向传播 + 1 次反向传递\n"
        "L = {L:.4f}；全部 {P} 个梯度都与笔记本 03 手推的反向传递一致，"
        "也与中心差分一致"),
    "l04.loop_flops": "{n_out}x{n_in} 的层作用于 N = {N} 个样本：{flops} 次浮点运算 = 2·P·N，"
                      "其中 P = {P}",
    "l04.sympy_verdict": "✓ sympy：∂L/∂W = G Aᵀ 且 ∂L/∂A = Wᵀ G，全部 {entries} 个元素都对",
    "l04.central_verdict": "✓ 中心差分：dense_backward 算出的 dW 和 dA 都对",
    "l04.bar_forward": "前向",
    "l04.bar_backward": "反向",
    "l04.bar_step": "反向传播\n（前向 + 反向）",
    "l04.bar_numerical": "数值梯度\n（2P 次前向）",
    "l04.cost_title": "求一次梯度的浮点运算次数，P = {P:,.0f} 个参数",
    "l04.computation": "计算方式",
    "l04.flops_axis": "浮点运算次数（对数坐标，固定）",
    "l04.cost_text": (
        "各层宽度 {widths}，批量大小 N = {N}：P = {P:,.0f}\n"
        "前向 {forward:.3g} 次浮点运算，反向传播一步 {step:.3g}（前向的 {step_ratio:.2f} 倍）\n"
        "数值梯度 {numerical:.3g} 次浮点运算 = 反向传播的 {times:,.0f} 倍\n"
        "（对数坐标轴从 {low:.0e} 到 {high:.0e} 次浮点运算，滑块的任何设置都画得下）"),
    "l04.series_numerical": "数值梯度（2P 次前向传播）",
    "l04.series_backprop": "反向传播（前向 + 反向）",
    "l04.series_forward": "一次前向传播",
    "l04.numerical": "数值梯度",
    "l04.backprop": "反向传播",
    "l04.forward": "一次前向传播",
    "l04.slope_label": "{name}：斜率 {slope:.2f}",
    "l04.reference": "∝ {power}（参考线）",
    "l04.timing_title": "求一次梯度的耗时随参数量的变化",
    "l04.parameters_axis": "参数量 P（对数坐标）",
    "l04.seconds_axis": "秒（对数坐标）",
    "l04.comma": "，",
    "l04.timing_text": "拟合的双对数斜率（t ∝ P^k）：{slopes}\n"
                       "在最大的 P = {P:,.0f} 处：数值梯度 / 反向传播 = {ratio:,.0f}",
    "l04.timing_verdicts": (
        "✓ 在 P = {P} 时，反向传播比数值梯度快 10 倍以上\n"
        "✓ 数值梯度曲线比反向传播的陡，双对数斜率之差大于 0.5，"
        "且介于 P 与 P² 的斜率之间（0.7–2.3）\n"
        "✓ 反向传播和一次前向传播的耗时都比 P 增长得慢（斜率小于 1）\n"
        "✓ 每次数值梯度的耗时都在 2P 次前向传播的 0.3 到 20 倍之间"),
    "l04.measured": "实测",
    "l04.prediction": "按浮点运算次数预测",
    "l04.width_tick": "宽度 {width}",
    "l04.ratio_title": "一个训练步（前向 + 反向）折合几次前向传播",
    "l04.ratio_xlabel": "MLP（宽度, 宽度, 宽度, 宽度, 1），批量 N = 256",
    "l04.ratio_ylabel": "一步的耗时 / 一次前向传播的耗时",
    "l04.semicolon": "；",
    "l04.ratio_item": "宽度 {width}：实测 {measured:.2f}，按浮点运算次数预测 {predicted:.2f}",
    "l04.ratio_verdict": "✓ 两种宽度下，实测的“一步 / 前向”都在 1 到 25 之间\n"
                         "按浮点运算次数预测的“一步 / 前向”：{predicted}",
    "l04.trap_weights_only": "这只是权重；每层的每个单元还各有一个偏置。",
    "l04.hint_parameter_count": "每层有 n_in·n_out 个权重和 n_out 个偏置；把两层的都加起来。",
    "l04.trap_one_sided": "这是单侧差分的次数；中心差分要对每个参数分别计算 "
                          "L(θ + h) 和 L(θ − h)。",
    "l04.name_passes": "前向传播次数",
    "l04.hint_passes": "每个参数需要两次前向传播。",
    "l04.case_small": "1 个样本上的 3 → 2 层",
    "l04.case_mnist": "64 个样本上的 784 → 128 层",
    "l04.case_batch": "1000 个样本上的 1 → 1 层",
    "l04.hint_dense_flops": "W @ A 是 n_out·n_in·N 次乘加（每次 2 次浮点运算）；反向传递要算"
                            "两个同样大小的矩阵乘积（dW = dZ @ A.T 和 dA = W.T @ dZ）。",


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
