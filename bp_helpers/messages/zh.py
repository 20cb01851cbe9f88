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


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow
    "l06.perceptron_summary": (
        "训练 {epochs} 轮之后，阶跃单元纹丝未动：引擎返回的每个梯度都是 0，"
        "它的损失仍是 {step_loss:.3f}，4 个点里只分对了 {right_step} 个。"
        "sigmoid 单元的损失从 {sigmoid_first:.3f} 降到 {sigmoid_last:.4f}，4 "
        "个点全部分对。能用梯度下降训练的单元需要有斜率：ReLU 在 $z < 0$ "
        "时斜率也是 0，但在 $z > 0$ 时斜率为 1，这就够了。（Rosenblatt "
        "的感知机用的是它自己的更新规则，而不是梯度下降；这条规则到不了隐藏层："
        "阶跃函数没有梯度可以往回传。）"
    ),
    "l06.explosion_summary": (
        "尺度为 1 时，第一层和最后一层的梯度相差不到 10 倍（比值 "
        "{ratio_1:.2f}）。权重更大时，梯度在回传途中逐层变大：尺度为 3 时，"
        "第一层的梯度是最后一层的 {ratio_3:.0f} 倍，尺度为 10 时是 "
        "${ratio_10}$ 倍。所以，对第 1 层足够小的学习率，对第 20 层就太小了。"
    ),
    "l06.bn_summary": (
        "加上 BN 后，第 1 层收到的梯度是最后一层的 {bn_ratio:.2f} 倍，"
        "而不加时只有 ${plain_ratio}$。斜率上界 $\\sigma' \\le \\tfrac14$ "
        "依然成立；改变的是穿过 BN 的反向传递中的因子 $\\gamma / s = "
        "1/\\operatorname{{std}}(Z_l)$。第 2–19 层的输入是 sigmoid 的输出，"
        "离散程度很小，所以 $\\operatorname{{std}}(Z_l)$ 很小，$1/s$ 约为 "
        "{inv_s:.1f}（第 2–19 层的几何平均）。不加 BN 时，"
        "每一层大约只传回收到梯度的 {shrink:.2f}（第 2 节）；乘以 {inv_s:.1f}，"
        "每层约为 {product:.1f}：既不消失，也不爆炸。"
    ),
    "l06.fixes_summary": (
        "**左图。** 基线网络第一层得到的梯度是最后一层的 ${baseline}$，与第 2 "
        "节的数值相同（它就是同一个网络）；用上四种对策中的任何一种，"
        "这个比值都在 {fix_min:.2f} 到 {fix_max:.2f} 之间。残差网络的曲线在第 "
        "20 层跳高，达到隐藏层中位数的 {jump:.0f} 倍：第 20 层是线性输出层，"
        "在残差分支之外，所以它的梯度 $\\delta_{{20}} A_{{19}}^\\top$ "
        "不带分支因子；而每个隐藏层的梯度 $\\big(\\beta\\,\\partial L/\\partial A_l "
        "\\odot \\sigma'(Z_l)\\big) A_{{l-1}}^\\top$ 都带着 $\\beta = 1/\\sqrt{{20}} "
        "= {branch_scale:.3f}$ 和平均为 {mean_slope:.3f} 的 $\\sigma'(Z_l)$："
        "两者合起来是 $1/{predicted_jump:.0f}$，正好是这一跳的大小。\n\n**右图。"
        "** 梯度裁剪把每个梯度都乘以同一个因子 $1/\\lVert g \\rVert = "
        "{inv_norm}$，所以在对数轴上曲线整体下移，形状不变：第 1 "
        "层得到的梯度仍是最后一层的 ${big_ratio}$ 倍。"
        "裁剪能防止一步就毁掉权重（4.5 节），但不能让各层变得均衡；"
        "批量规范化可以（比值 {bn_ratio:.2f}），因为它消去了权重的尺度。"
    ),
    "l06.verdict_exploding": "梯度爆炸：范数超过 1e6",
    "l06.verdict_vanishing_everywhere": "处处消失：每一层的范数都小于 1e-6",
    "l06.verdict_vanishing": "梯度消失：第 1 层得到的梯度不到最后一层的 1/100",
    "l06.verdict_exploding_input": "向输入端爆炸：第 1 层的梯度超过最后一层的 100 倍",
    "l06.verdict_healthy": "正常：第 1 层与最后一层的梯度相差不到 100 倍",
    "l06.grad_title": "反向：每层的梯度范数",
    "l06.grad_xlabel": "第 l 层（1 = 紧挨输入）",
    "l06.grad_ylabel": "‖∂L/∂W_l‖（对数刻度）",
    "l06.std_title": "前向：每层输出的离散程度",
    "l06.std_xlabel": "第 l 个隐藏层",
    "l06.std_ylabel": "std(A_l)（对数刻度）",
    "l06.legend_grad": "‖∂L/∂W_l‖（左图）",
    "l06.legend_std": "std(A_l)（右图）",
    "l06.legend_floor": "小于 {floor:.0e}，画在下限处",
    "l06.plain": "普通",
    "l06.residual": "残差",
    "l06.setting_title": (
        "{architecture}网络，{depth} 层，{activation}，{init} 初始化 × "
        "{scale:.3g}"
    ),
    "l06.flow_setting": (
        "{architecture}网络，{depth} 层，每层宽 32，{activation}，{init} "
        "初始化 × {scale:.3g}"
    ),
    "l06.flow_left": (
        "左图 ‖∂L/∂W‖：第 1 层 = {first:.2e}，第 {depth} 层 = {last:.2e}，比值 "
        "= {ratio:.2e}"
    ),
    "l06.flow_right": "右图 std(A)：第 1 层 = {first:.2e}，第 {layer} 层 = {last:.2e}",
    "l06.flow_verdict": "结论：{verdict}",
    "l06.flow_residual_note": (
        "（最后一层在残差分支之外：它的梯度没有 β·f'(Z) 这个因子，"
        "所以高出其他各层；见 4.6 节）"
    ),
    "l06.flow_axes_note": (
        "（无论滑块取什么值，坐标轴都固定不变，共跨 {decades:.0f} 个数量级，"
        "所以 100 倍只是一小段；小于 {floor:.0e} 的值画在这个下限处："
        "对数轴无法表示 0）"
    ),
    "l06.sigmoid_chain_name": "十个 sigmoid 层",
    "l06.sigmoid_chain_hint": "每一层贡献一个因子 σ'(z) ≤ 1/4；链式法则把十个这样的因子乘起来。",
    "l06.sigmoid_chain_trap_sum": "这些因子是相乘而不是相加：要用乘方，而不是乘以 10。",
    "l06.sigmoid_chain_trap_one": "这只是一层的因子；十层要把十个因子乘起来。",
    "l06.sigmoid_chain_trap_nine": "再数一遍：十层给出十个 1/4 的因子。",
    "l06.he_name": "He 标准差",
    "l06.he_hint": "He 初始化以方差 2/n_in 抽取 W；再开平方根。",
    "l06.he_trap_variance": "2/n_in 是方差；标准差是它的平方根。",
    "l06.he_trap_xavier": "这是 √(1/n_in)；He 初始化为 ReLU 把方差翻了一倍。",
    "l06.residual_name": "残差层的反向传播",
    "l06.residual_hint": (
        "有两条路径通回 A_prev：跳跃连接（梯度 dA）和分支（Wᵀ (dA ⊙ tanh'(Z))，"
        "其中 tanh' = 1 − tanh²）。把两者相加。"
    ),
    "l06.residual_trap_branch": "这只是分支那一路：跳跃连接还要再加上 dA 本身。",
    "l06.residual_trap_tanh": (
        "分支经过 tanh：在乘 Wᵀ 之前，先把 dA 乘以 tanh'(Z) = 1 − tanh²(Z)。"
    ),
    "l06.residual_trap_transpose": "沿 Z = W A_prev 往回走，用的是 Wᵀ，不是 W。",
    "l06.clip_name": "梯度裁剪",
    "l06.clip_hint": (
        "先对所有数组算出一个总范数 ‖g‖ = √(Σ 每个元素²)，再把每个数组都乘以 "
        "min(1, max_norm/‖g‖)。"
    ),
    "l06.clip_raised": "调用它时抛出了 {error}：{message}。{hint}",
    "l06.clip_none": "你的函数返回了 None：{not_answered}",
    "l06.clip_keys": "请返回一个键与输入相同的 dict：{keys}。",
    "l06.clip_per_array": (
        "你把每个数组分别裁剪了；应当把它们放在一起裁剪，"
        "这样更新的方向才保持不变。"
    ),
    "l06.clip_wrong": "max_norm = {max_norm} 时结果不对。{hint}",
    "l06.bn_output_name": "BatchNorm 输出",
    "l06.bn_output_hint": (
        "对每个特征（每一行）：μ = 批量上的均值，σ² = (1/N) Σ (x − μ)²，x̂ = "
        "(x − μ)/√(σ² + ε)，Y = γ x̂ + β。"
    ),
    "l06.bn_output_trap_unbiased": (
        "规范化用的是有偏方差（1/N，即 numpy 默认的 ddof=0），而不是无偏的 "
        "1/(N − 1)。"
    ),
    "l06.bn_output_trap_x_hat": "这是 x̂：还要乘以 γ 再加上 β。",
    "l06.bn_output_trap_std": "还要除以标准差 √(σ² + ε)。",
    "l06.bn_output_trap_axis": (
        "要对每个特征（行）在批量上（axis=1）做规范化，而不是对每个样本（列）。"
    ),
    "l06.bn_dx_name": "BatchNorm 的 dX",
    "l06.bn_dx_hint": (
        "从 X 到 L 有三条路径：直接经过 x̂、经过均值 μ、经过方差 σ²。合起来："
        "dX = (γ/(N·√(σ² + ε))) (N·dY − Σ dY − x̂ Σ (dY ⊙ x̂))，"
        "求和都在批量上（axis=1）。"
    ),
    "l06.bn_dx_trap_constants": (
        "这把 μ 和 σ² 当成了常数：它们依赖于每一个样本，"
        "所以梯度也会经过均值和方差流回去。"
    ),
    "l06.bn_dx_trap_no_variance": (
        "你算了直接路径和经过均值的路径；缺了经过方差的那一路（含 x̂ Σ dY ⊙ x̂ "
        "的那一项）。"
    ),
    "l06.bn_dx_trap_no_mean": (
        "你算了直接路径和经过方差的路径；缺了经过均值的那一路（− Σ dY/N "
        "那一项）。"
    ),
    "l06.bn_dx_trap_unbiased": "规范化用的是有偏方差（1/N），不是 1/(N − 1)。",


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
