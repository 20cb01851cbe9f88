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
    "l02.graph_title": "L = (w·x + b − 10)² = {loss}：每个节点的值与梯度 ∂L/∂(节点)",
    "l02.fanout_name": "两条路径上的梯度",
    "l02.fanout_one_path": (
        "{value:g} 只是两条路径中的一条。a 被用了两次：要把经过 a·b 的路径和 a "
        "作为最后一个因子的路径加起来。"
    ),
    "l02.fanout_hint": (
        "f = s·a，其中 s = a·b + c。把 ∂f/∂s·∂s/∂a（= a·b）与直接的 ∂f/∂a（= s）相加。"
    ),
    "l02.accumulated_name": "累积的梯度",
    "l02.accumulated_second_only": (
        "{value:g} 只是 ∂L2/∂w：backward() 把梯度累加到 w.grad 上，而不是覆盖它。"
    ),
    "l02.accumulated_first_only": (
        "{value:g} 只是 ∂L1/∂w：第二次 backward() 会在它上面再加上 ∂L2/∂w。"
    ),
    "l02.accumulated_hint": (
        "对每个数据点算出 ∂L_i/∂w = 2(w·x_i + b − t_i)·x_i；w.grad 里存的是它们的和。"
    ),
    "l02.softplus_hint": "把引擎的运算串起来：(1 + v.exp()).log()。",
    "l02.softplus_not_a_value": "softplus(Value({x})) 返回的是 {kind}，不是 Value。{hint}",
    "l02.raised": "调用时抛出了 {error}：{message}。{hint}",
    "l02.softplus_wrong_value": "softplus({x}) 得到 {value:.6g}，应为 {want:.6g}。{hint}",
    "l02.softplus_wrong_gradient": (
        "值是对的，但在 {x} 处的梯度是 {grad:.6g}，而不是 σ({x}) = {sigma:.6g}：是不是在哪里用了 "
        ".data？它会切断计算图。"
    ),
    "l02.graph_neuron": "神经元示例",
    "l02.graph_chain": "{steps} 次运算组成的链",
    "l02.topo_name": "拓扑序",
    "l02.topo_hint": "像正文那样，维护一个由 (node, children_done) 对组成的显式栈。",
    "l02.topo_recursion": (
        "在「{what}」上触发了 Python 的递归深度限制：请把递归改成对显式栈的循环。"
    ),
    "l02.topo_raised": "在「{what}」上抛出了 {error}：{message}。{hint}",
    "l02.topo_twice": "在「{what}」上有节点出现了两次：要记住哪些节点已经访问过。",
    "l02.topo_missing": "在「{what}」上返回了 {found} 个节点，而图中共有 {total} 个。{hint}",
    "l02.topo_child_after": (
        "在「{what}」上有节点排在了它的某个子节点之前："
        "一个节点要等它的所有子节点都加入之后才能加入。"
    ),
    "l02.topo_root_not_last": "在「{what}」上根节点不在最后。",
    "l02.loop_count_name": "循环次数",
    "l02.loop_count_early": (
        "{count} 少算了一次乘法：循环在每次乘法之前检查 y < {limit:g}，只要成立就再执行一次。"
    ),
    "l02.loop_count_late": "{count} 多算了一次：一旦 y ≥ {limit:g}，循环就停止。",
    "l02.loop_count_hint": "手算 y = 2.5, 6.25, …，数一数 y 达到 {limit:g} 之前做了几次乘法。",
    "l02.loop_gradient_name": "穿过循环的梯度",
    "l02.loop_y_itself": "{value:g} 是 y 本身，不是 dy/dx。",
    "l02.loop_y_before_last": "{value:g} 是最后一次乘法之前的 y，不是导数。",
    "l02.loop_one_factor_short": (
        "{value:g} 是 x^{power} 的导数：y = x·x·… 有 {factors} 个因子 x（{count} 次乘法）。"
    ),
    "l02.loop_one_too_many": "这是多乘了一次之后的导数。",
    "l02.loop_gradient_hint": (
        "把循环记录下来的 y 写成 x 的幂（数一数有几个因子 x），再求导：x "
        "的微小变化不会改变循环执行的次数。"
    ),
    "l02.recursion_failed": "RecursionError：递归的拓扑排序处理不了 {steps:,} 步",
    "l02.engine_matches_hand": "引擎与手算完全相等；与中心差分相比，最大相对误差为 {error:.0e}",
    "l02.loop_graph_checked": (
        "✓ x = {x:+}：计算图记录下的是 y = {recorded}；引擎 {engine:.8f}，sympy {sympy:.8f}，"
        "中心差分 {numeric:.8f}"
    ),
    "l02.nodes_per_step": "每一步的计算图有 {nodes:,} 个节点",
    "l02.training_agrees": "✓ 每一步的损失和全部梯度都一致，差距小于 1e-10",
    "l02.timing": (
        "一次前向传播加一次反向传递，N = {n}：Value 网络 {value_ms:.2f} ms，nn.MLP "
        "{vector_ms:.3f} ms（前者耗时是后者的 {ratio:.0f} 倍）"
    ),
    "l02.summary_header": (
        "| 概念 | 一句话 | 出处 |\n"
        "| --- | --- | --- |\n"
    ),
    "l02.sum_graph": "计算图",
    "l02.sum_graph_line": "前向传播为每个运算记录一个节点，连同它的输入",
    "l02.sum_local": "局部导数",
    "l02.sum_local_line": (
        "每个节点只凭自己的输入就能算出 $\\partial\\,\\text{{node}}/\\partial\\,\\text{{input}}$"
    ),
    "l02.sum_step": "反向一步",
    "l02.sum_step_line": "下游 = 局部 × 上游，累加到输入的 `grad` 上",
    "l02.sum_seed": "种子",
    "l02.sum_fan_out": "扇出",
    "l02.sum_fan_out_line": "一个值被用了 $k$ 次，就得到 $k$ 份贡献之和",
    "l02.sum_topo": "拓扑序",
    "l02.sum_topo_line": "按逆拓扑序处理节点，这样每个梯度在传下去之前都已完整",
    "l02.sum_topo_where": "朴素推送得到 {naive:g}，而不是 {ordered:g}",
    "l02.sum_no_recursion": "不用递归",
    "l02.sum_no_recursion_line": "显式栈可以处理 {operations:,} 次运算",
    "l02.sum_accumulation": "梯度累积",
    "l02.sum_accumulation_line": "`backward()` 累加到叶子节点上；`zero_grad()` 清零",
    "l02.sum_accumulation_where": "调用两次得到 ${twice:g}$，而不是 ${once:g}$",
    "l02.sum_check": "验证",
    "l02.sum_check_line": "对这个神经元，手算 = 引擎 = 中心差分",
    "l02.sum_check_where": "${w:g}$、${b:g}$、${x:g}$（笔记 003 中的 6 和 2 是错的）",
    "l02.sum_dynamic": "动态图",
    "l02.sum_dynamic_line": "每次前向传播都新建一张图，所以 `if` 和依赖数据的循环都能直接使用",
    "l02.sum_values": "由 `Value` 组成的网络",
    "l02.sum_values_line": "损失和梯度与 `nn.MLP` 一致到 $10^{{-10}}$，但慢 5 倍以上",
    "l02.sum_values_where": "第 8 节",


    # ---- l03 (keys l03.*): 03 Backprop by hand


    # ---- l04 (keys l04.*): 04 Why backprop is fast


    # ---- l05 (keys l05.*): 05 A vectorized MLP on XOR


    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode
    "l07.forward_panel": "前向模式 1 次传递：第 1 列",
    "l07.reverse_panel": "反向模式 1 次传递：第 1 行",
    "l07.input_j": "输入 j",
    "l07.output_i": "输出 i",
    "l07.forward_mode": "前向模式",
    "l07.reverse_mode": "反向模式",
    "l07.cost_title": "求整个雅可比矩阵的传递次数",
    "l07.cost_x": "模式",
    "l07.cost_y": "传递次数（对数刻度）",
    "l07.verdict_same": "两种模式需要的传递次数相同",
    "l07.verdict_reverse": "反向模式更省，传递次数只有前向模式的 1/{ratio:.3g}",
    "l07.verdict_forward": "前向模式更省，传递次数只有反向模式的 1/{ratio:.3g}",
    "l07.modes_shape": (
        "f: R^{n_inputs} → R^{n_outputs}，雅可比矩阵为 {n_outputs} × {n_inputs}（按比例画在 "
        "{frame} × {frame} 的框内）"
    ),
    "l07.modes_forward": "前向模式：{passes} 次传递，每次一列（取 v = e_j 的 JVP）",
    "l07.modes_reverse": "反向模式：{passes} 次传递，每次一行（取 u = e_i 的 VJP）",
    "l07.modes_verdict": "结论：{verdict}",
    "l07.dual_product_name": "对偶数乘积",
    "l07.dual_product_trap": (
        "ε 部分并不是两个 ε 部分的乘积：把 (a + ȧε)(b + ḃε) 展开，再利用 ε² = 0。"
    ),
    "l07.dual_product_hint": (
        "(a + ȧε)(b + ḃε) = ab + (a·ḃ + ȧ·b)ε：正是乘积法则。请给出 (value, tangent)。"
    ),
    "l07.passes_name": "传递次数",
    "l07.passes_swapped": (
        "弄反了：前向模式每次传递得到一「列」（对应一个输入），"
        "反向模式每次传递得到一「行」（对应一个输出）。"
    ),
    "l07.passes_hint": "雅可比矩阵的形状是 10 × 1000。一次 JVP 得到一列，一次 VJP 得到一行。",
    "l07.vjp_trap": "漏掉了 tanh' = 1 − tanh²(Wx)：链式法则要先经过激活函数。",
    "l07.vjp_hint": (
        "J = diag(1 − tanh²(Wx)) W，所以 uᵀJ = Wᵀ (u ⊙ (1 − tanh²(Wx)))：形状为 (3,)。"
    ),
    "l07.weights_name": "累积权重",
    "l07.weights_plain_average": (
        "只有各个微批量大小相同时，简单平均才是对的；这里的大小并不相同。"
    ),
    "l07.weights_sizes": "这些是大小 N_j；每个都要除以 N = 100。",
    "l07.weights_hint": (
        "完整的损失是对全部样本求 (1/N) Σ；微批量 j 含有 N = 100 个样本中的 N_j 个，其平均损失为 "
        "L_j，所以 L = Σ_j (N_j / N) L_j。"
    ),
    "l07.dual_sin_name": "对偶数 sin",
    "l07.dual_sin_hint": "sin(a + ȧε) = sin a + (cos a)·ȧ·ε：返回 Dual(math.sin(x.value), ...)。",
    "l07.raised": "调用时抛出了 {error}：{message}。{hint}",
    "l07.returns_none": "你的函数返回了 None：{not_answered}",
    "l07.not_a_dual": "应当返回 Dual，却得到了 {kind}。{hint}",
    "l07.dual_sin_value": "a = {a} 处的值应为 sin(a)。{hint}",
    "l07.dual_sin_seed": "要把 cos(a) 乘以传入的切向量 ȧ（链式法则），这样种子不是 1 时也对。",
    "l07.dual_sin_tangent": "a = {a}、ȧ = {a_dot} 时的切向量不对。{hint}",
    "l07.hvp_name": "黑塞矩阵-向量积",
    "l07.hvp_gradient": "这是梯度 ∇f = (2x₁x₂, x₁²)，不是 H v：还要再求一次导。",
    "l07.hvp_other_column": "这是 H 乘以 (0, 1)：v = (1, 0) 取出的是 H 的第一列。",
    "l07.hvp_diagonal": "只用了 H 的对角线：H v 还需要 ∂²f/∂x₂∂x₁ = 2x₁。",
    "l07.hvp_hint": (
        "在 (1, 2) 处求出 H = [[∂²f/∂x₁², ∂²f/∂x₁∂x₂], [∂²f/∂x₂∂x₁, ∂²f/∂x₂²]]，再乘以 v。"
    ),
    "l07.modes_agree": "✓ 两种模式算出的 ring 的梯度相同，chain 的各个导数也相同",
    "l07.jacobian_entries_checked": (
        "✓ sympy：tanh(Wx) 的雅可比矩阵的全部 {entries} 个元素都等于 diag(1 − tanh²(Wx)) W"
    ),
    "l07.products_checked": "✓ JVP、VJP 和两种方法得到的雅可比矩阵都与公式及中心差分一致",
    "l07.jacobian_size": (
        "该层输出对其输入的雅可比矩阵：{entries:.2e} 个元素，以 float64 存储需 {gigabytes:.0f} GB"
    ),
    "l07.vjp_size": "VJP Wᵀu 需要的是 W（{w_entries:,} 个元素）和 u（{u_entries:,} 个元素）",
    "l07.hvp_checked": (
        "✓ 梯度和 H v 与 sympy 一致；H v 与梯度的中心差分一致；hessian(f3, x) 等于 sympy "
        "算出的黑塞矩阵"
    ),
    "l07.accumulation_report": (
        "4 × 50，权重 N_j/N：        最大相对差距 < 1e-12（仅为舍入误差）\n"
        "100 + 60 + 40，权重 N_j/N： 最大相对差距 < 1e-12（仅为舍入误差）\n"
        "100 + 60 + 40，简单平均：   最大相对差距 {plain_gap:.2f}\n"
        "✓ 累积起来的微批量梯度等于整批的梯度"
    ),


    # ---- l08 (keys l08.*): 08 Backprop playground


}
