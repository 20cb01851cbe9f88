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


    # ---- l02 (keys l02.*): 02 Computational graphs


    # ---- l03 (keys l03.*): 03 Backprop by hand
    "l03.layer_1": "第 1 层",
    "l03.layer_2": "第 2 层",
    "l03.output": "输出层",
    "l03.bars_title": "一次反向传递得到的全部 20 个梯度",
    "l03.bars_ylabel": "参数 θ",
    "l03.bars_legend_title": "条形颜色：参数所在的层",
    "l03.tangent": "切线",
    "l03.current_value": "当前值",
    "l03.loss_title": "{name} 变化时的损失",
    "l03.loss_xlabel": "所选变量的取值",
    "l03.which_parameter": "∂L/∂{name} = {value:+.4f}（黑边的那根条形）",
    "l03.which_input": "∂L/∂{name} = {value:+.4f}（这是输入，没有条形；斜率由中心差分求得）",
    "l03.separator": "、",
    "l03.bars_summary": (
        "{name} = {value:.2f}，其余变量都取参考点的值\n"
        "y = {y:.4f}, t = {t:.0f}, L = {L:.4f}\n"
        "{which}\n最大的 |梯度|：{top} = {top_value:+.4f}；各组的最大值：{groups}"
    ),
    "l03.output_error_trap": "这是 ∂L/∂y。还要乘以 ∂y/∂z⁽³⁾ = y(1 − y)。",
    "l03.output_error_hint": "δ⁽³⁾ = (y − t)·y·(1 − y)，y 和 t 取自上面的前向传播。",
    "l03.hidden_sum_one_path": (
        "这只是一条路径。"
        "h₃⁽¹⁾ 同时输入第 2 层的两个单元：两条路径都要加上。"
    ),
    "l03.hidden_sum_hint": "h₃⁽¹⁾ 同时输入第 2 层的两个单元：对 i = 1, 2 把 δᵢ⁽²⁾·wᵢ₃⁽²⁾ 相加。",
    "l03.hidden_sum_wrong_layer": (
        "要用第 2 层的权重：wᵢⱼ⁽²⁾ 把 h_j⁽¹⁾ 连到第 2 层的单元 i。"
    ),
    "l03.input_gradient_hint": (
        "∂L/∂x₁ = Σⱼ δⱼ⁽¹⁾·wⱼ₁⁽¹⁾，对第 1 层的全部三个单元求和"
        "（δⱼ⁽¹⁾ 等于 ∂L/∂bⱼ⁽¹⁾）。"
    ),
    "l03.column_inputs": "输入 x",
    "l03.column_layer_1": "第 1 层（σ）",
    "l03.column_layer_2": "第 2 层（σ）",
    "l03.column_output": "输出层（σ）",
    "l03.legend_active": "本步计算的量",
    "l03.legend_read": "本步读取的值",
    "l03.legend_done": "已完成（灰色）",
    "l03.legend_todo": "尚未计算",
    "l03.legend_forward": "前向值",
    "l03.pass_title_initial": "反向传递，第 0 步（共 {n} 步）",
    "l03.pass_title": "反向传递，第 {step} 步（共 {n} 步）：{result}",
    "l03.pass_step": "第 {step} 步（共 {n} 步）：{formula}",
    "l03.pass_uses": "用到 {uses}；已算出 {done} 个梯度（灰色），还剩 {todo} 个",
    "l03.pass_two_paths": "两条路径在这里汇合：括号里的两个乘积相加",
    "l03.pass_title_forward": (
        "前向传播之后的 2-3-2-1 网络（反向传递：第 0 步，共 {n} 步）"
    ),
    "l03.pass_formula_forward": (
        "每个单元：z = Σ w·(输入) + b，然后 h = σ(z)；蓝色数字是前向值\n"
        "反向传递还没有开始（第 0 步）；第 1 到 {n} 步逐个算出这 {n} 个梯度"
    ),
    "l03.pass_forward_only": (
        "第 0 步（共 {n} 步）：只在参考点做了前向传播：y = {y:.4g}, "
        "L = {L:.4g}；还没有算出任何梯度"
    ),
    "l03.two_layer_no_sigma": (
        "输出是线性的，ŷ = W2 a + b2：∂ŷ/∂(W2 a + b2) = 1，所以输出处没有 σ'。"
        "应从 ∂L/∂ŷ = ŷ − y 出发。"
    ),
    "l03.two_layer_twice": (
        "每个梯度都大了一倍：L = ½(y − ŷ)² 中的 ½ 正好抵消平方求导带来的 2，"
        "所以 ∂L/∂ŷ = ŷ − y。"
    ),
    "l03.two_layer_half": (
        "每个梯度都只有正确值的一半：½(y − ŷ)² 对 ŷ 的导数是 (ŷ − y)，"
        "平方带来的 2 与 ½ 相互抵消。"
    ),
    "l03.two_layer_sign": (
        "每个符号都反了：∂L/∂ŷ = ŷ − y，而不是 y − ŷ（(y − ŷ) 的内层导数是 −1）。"
    ),
    "l03.two_layer_name": "笔记 000 的梯度",
    "l03.two_layer_hint": (
        "δ_out = ŷ − y（线性输出）；dW2 = δ_out aᵀ，db2 = δ_out；"
        "δ = (W2ᵀ δ_out) ⊙ a(1 − a)；dW1 = δ xᵀ，db1 = δ。"
    ),
    "l03.two_layer_unreadable": "无法读取这个答案（{error}）。{hint}",
    "l03.two_layer_keys": "应当是一个以 {keys} 为键的 dict。{hint}",
    "l03.two_layer_not_real": "{key} 必须是实数数组。{hint}",
    "l03.two_layer_not_finite": "{key} 中有 nan 或 inf。{hint}",
    "l03.two_layer_transpose": (
        "{key} 的形状是 {shape}：少了一次转置。梯度的形状与其参数相同，应为 "
        "{expected}；请用转置（例如 δ xᵀ，而不是 x δᵀ）。"
    ),
    "l03.two_layer_shape": (
        "{key} 的形状是 {shape}，应为 {expected}（与其参数的形状相同）。{hint}"
    ),
    "l03.two_layer_wrong": "{key} 不对（它之前的键都对）。{hint}",
    "l03.by_hand_checked": (
        "backward_by_hand 在 {points} 个随机点上都等于 net.backward，"
        "并且等于上面逐步算出的值"
    ),
    "l03.steps_checked": (
        "✓ {n} 步，每步一个梯度：其值就是 net.backward 的结果，"
        "与上面逐步算出的值相等"
    ),
    "l03.random_points_checked": (
        "{points} 个随机点 × {n} 个参数，每个梯度都满足：\n"
        "  |反向传播 − sympy.diff| < 1e-12  ✓\n"
        "  |反向传播 − 中心差分|   < 1e-8   ✓"
    ),
    "l03.multiplication_counts": (
        "已知前向传播的结果，算出全部 {n} 个梯度所需的乘法次数：\n"
        "  每个参数单独求导：{naive}\n"
        "  反向传播（复用）：{backprop}\n"
        "  二者之比        ：{ratio:.1f}x"
    ),
    "l03.descent_step": (
        "η = {eta}：L {before:.6f} → {after:.6f}（变化 {change:+.6f}，"
        "一阶预测 {predicted:+.6f}）\n"
        "y 从 {y_before:.4f} 变为 {y_after:.4f}，向 t = {target:.0f} 靠近"
    ),
    "l03.low_bias": (
        "b^(3) = −4：每个 |梯度| 都变小了；此处 S 型函数斜率的最大值：{slope:.3f}"
    ),
    "l03.layer_bars_markdown": (
        "**为什么第 1 层的条形并不更短。** 每往下传一层，误差都要乘以一个 S 型函数的斜率 "
        "$h(1-h) \\le \\tfrac14$，**还要乘以权重，并对各条路径求和**："
        "$|\\delta^{{(2)}}_i| \\le \\tfrac14 |v_i|\\,|\\delta^{{(3)}}|$，"
        "$|\\delta^{{(1)}}_j| \\le \\tfrac14 \\sum_i |w^{{(2)}}_{{ij}}|\\,|\\delta^{{(2)}}_i|$"
        "（两式都对每个单元做了断言）。这里的权重最大可达 {largest_weight:g}，所以最大的误差"
        "从输出层到第 2 层只缩小到原来的 {shrink_2:.2f} 倍，从第 2 层到第 1 层只缩小到 "
        "{shrink_1:.2f} 倍，而不是 ¼。进入 $h^{{(1)}}_2$ 的两条路径分别带来 {path_1:+.4f} "
        "和 {path_2:+.4f}：符号相同，所以叠加起来。此外，第 1 层的权重梯度是 "
        "$\\delta^{{(1)}}_j x_k$，其中 $|x_1| = {x_1:g}$；而第 2 层的是 "
        "$\\delta^{{(2)}}_i h^{{(1)}}_j$，其中 $h < 1$。结果：最大的 "
        "$|\\partial L/\\partial w|$ 在第 2 层是 {grad_2:.4f}，在第 1 层是 {grad_1:.4f}。\n\n"
        "权重小的时候，这个上界确实会让误差变小。把每个权重都除以 4（这时每个隐藏单元"
        "引出的权重，其绝对值之和至多为 {out_sum:g}）：最大的误差逐层缩小到 "
        "{small_2:.2f} 倍，再到 {small_1:.2f} 倍，每次至多 ¼（已断言）。权重小的深层 "
        "S 型网络就是这样失去梯度的：[06](06_activations_and_gradient_flow.ipynb) "
        "会测量这一点。"
    ),


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground
    "l08.case_widths": "宽度 {widths}",
    "l08.n_weights_hint": (
        "第 l 层对每一对（第 l−1 层的单元，第 l 层的单元）都有一个权重："
        "共 n_{{l−1}}·n_l 条边；把各层的边数加起来（偏置不是边）"
    ),
    "l08.updated_weight_wrong_sign": "这是 w + η·∂L/∂w：更新应朝梯度的反方向走",
    "l08.updated_weight_change_only": "这只是变化量 Δw；还要把它加到原来的权重 0.8 上",
    "l08.updated_weight_hint": (
        "更新规则是 w ← w − η·∂L/∂w；梯度为负时，权重会变大"
    ),
    "l08.factor_bound_one_factor": "这只是一个因子；乘积里有四个这样的因子",
    "l08.factor_bound_one": "σ'(z) 永远到不了 1：σ(1 − σ) 在 σ = ½ 时最大",
    "l08.factor_bound_hint": "每个因子 σ'(z) = σ(z)(1 − σ(z)) 都不超过它在 z = 0 处的值",
    "l08.case_example": "示例 {i}（一个 {layers} 层的网络）",
    "l08.layer_norms_hint": (
        "对每一层，把 grads['W1']、grads['W2']、… 的所有元素平方、求和再开平方根，"
        "按层的顺序排好（np.linalg.norm 做的就是这件事）；跳过偏置"
    ),
    "l08.composition_checked": (
        "✓ {first} 步 + {second} 步 = {total} 步，而 Reset 会回到最初的状态"
    ),
    "l08.signs_checked": "✓ 全部 {n} 个权重都朝各自梯度符号的反方向移动",
    "l08.gradient_check_passed": (
        "✓ 全部 {n} 个参数数组都与中心差分一致（相对误差小于 1e-7）"
    ),
    "l08.saturation": (
        "{label:<17}：第 2 层单元中有 {percent:.0f} % 的 |z| > 3，"
        "tanh'(z) 的均值 = {slope:.1e}"
    ),
    "l08.flat_boundary": (
        "{label:<17}：整个平面上的 P(class 1) 介于 {low:.1e} 和 {high:.1e} 之间："
        "处处都判为类别 0"
    ),
    "l08.edge_ratio": "宽网络的边数是窄网络的 {ratio} 倍",
    "l08.critical_point": "σ' 唯一的临界点在 z = {critical} 处；{peak}",
    "l08.sigmoid_bound": (
        "四个因子 σ'(z) ≤ 1/4 的乘积至多为 (1/4)⁴ = {bound}："
        "梯度至少缩小到原来的 1/{factor}"
    ),
    "l08.vanishing_markdown": (
        "在 sigmoid 网络中，第一层的梯度只有最后一层的约 1/{inverse:.0f}"
        "（上面打印的中位数比值是 {ratio:.3f}），所以前几层几乎学不到东西，{steps} 步之后"
        "它仍然在瞎猜（训练准确率 {percent:.1f} %）。这正是 "
        "[06 激活函数、梯度消失与梯度爆炸](06_activations_and_gradient_flow.ipynb) "
        "讲的梯度消失问题，这里是现场演示；解决办法有 ReLU、精心的初始化和残差连接。"
    ),


}
