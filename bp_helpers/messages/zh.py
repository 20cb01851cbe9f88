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
    "l05.diverged_float": "训练在第 {epoch} 轮发散：出现浮点错误（{error}）",
    "l05.diverged_loss": "训练在第 {epoch} 轮发散：损失为 {loss:.3g}；学习率 {lr:g} 可能太大",
    "l05.fig_loss_title": "训练损失（BCE）",
    "l05.fig_epoch": "轮次",
    "l05.fig_loss_axis": "损失（对数坐标）",
    "l05.fig_boundary_title": "决策边界：P(y = 1)",
    "l05.fig_norms_title": "各层的梯度范数",
    "l05.fig_norm_axis": "Frobenius 范数（对数坐标）",
    "l05.loss_outside": "损失超出了损失坐标轴的范围（画在边缘上）",
    "l05.norm_outside": "有梯度范数超出了它的坐标轴范围（画在边缘上）",
    "l05.xor_settings": "lr = {lr:.3g}，隐藏层宽度 = {hidden}，种子 = {seed}，轮次 = {epochs}",
    "l05.xor_loss": "损失：开始时 {first:.4f} -> 最后一步 {last:.4f}；准确率 {accuracy:.0%}",
    "l05.xor_predictions": "(0,0)、(0,1)、(1,0)、(1,1) 处的 P(y = 1)：{P}",
    "l05.xor_panels": (
        "左图：每一轮的损失，纵轴为对数坐标（横轴固定为第 0 到 {epochs_max} 轮，画出了前 {shown} "
        "轮）。中图：平面上的 P(y = 1)，接近 0 处为天蓝色，0.5 处为白色，接近 1 "
        "处为金色（见颜色条），黑线是 P = 0.5 的位置；圆点是 y = 0 的点，方块是 y = 1 的点。右图："
        "每一轮的 ‖∂L/∂W1‖（实线，圆点）和 ‖∂L/∂W2‖（虚线，方块），对数坐标，最终分别为 "
        "{norm1:.2g} 和 {norm2:.2g}。"
    ),
    "l05.list_separator": "；",
    "l05.xor_note": "注意：{items}。",
    "l05.xor_stopped": "已停止：{error}",
    "l05.fig_training_loss": "训练损失（二元交叉熵），lr = {lr:g}",
    "l05.fig_boundary_after": "训练后的决策边界",
    "l05.training_text": (
        "左图：全部 {epochs} 轮中每一轮的损失，对数坐标，从 {first:.4f} 变为 {last:.4f}。右图："
        "平面上的 P(y = 1)，接近 0 处为天蓝色，0.5 处为白色，接近 1 处为金色（见颜色条）；黑线是 "
        "P = 0.5；圆点是 y = 0 的点，方块是 y = 1 的点。(0,0)、(0,1)、(1,0)、(1,1) 处的 P(y = 1)："
        "{P}。"
    ),
    "l05.fig_one_seed": "一个种子（共 {n} 个种子）",
    "l05.fig_note_value": "笔记给出的 {reported:g}",
    "l05.fig_note_own_seed": "笔记的代码，用它自己的种子 {seed}",
    "l05.fig_spread_title": "笔记 004 的 XOR 网络在第 {epoch:,} 轮的损失，每个种子一个点",
    "l05.fig_bce": "二元交叉熵",
    "l05.fig_seeds": "种子",
    "l05.spread_star": "；星号是笔记自己的代码和种子得到的值，{loss:.4f}",
    "l05.spread_text": (
        "{n} 个种子：中位数 {median:.4f}，范围从 {low:.4f} 到 {high:.4f}；{n} 次运行中有 {below} "
        "次最终低于 {reported:g}，{above} 次等于或高于它。箱体覆盖中间一半的数值，"
        "箱中的线是中位数，须线延伸到最小值和最大值；每个点是一个种子；虚线是笔记给出的值{star}。"
    ),
    "l05.xor_points": (
        "四个点：圆点（y = 0）位于 (0, 0) 和 (1, 1)，方块（y = 1）位于 (0, 1) 和 (1, 0)。"
    ),
    "l05.checked_all": "已检验全部 {n} 个参数",
    "l05.not_defined": "{name:6s}：{left} 与 {right} 无法相乘",
    "l05.product_shape": "{name:6s}：形状 {shape}",
    "l05.product_fits": "{name:6s}：形状 {shape}，正是 W 的形状",
    "l05.only_product": "✓ 形状为 ({rows}, {cols})、与 W 相同的乘积只有 {product}",
    "l05.bp_matches": "✓ BP1–BP4 给出的梯度与 MLP.backward 的相同（误差在 1e-10 以内）",
    "l05.deltas_checked": "✓ 每个 δ(l) 都等于 ∂L/∂Z(l)，中心差分验证无误",
    "l05.per_sample_same": "✓ 按样本定义 δ、在 BP3 和 BP4 中再除以 N，得到的梯度相同",
    "l05.sympy_entries": "{mark} ∂L/∂{name}：全部 {n} 个元素都与 sympy.diff 的结果相等",
    "l05.width_success": "隐藏层宽度 {hidden}：20 个种子中有 {count:2d} 个达到 100 % 准确率",
    "l05.seeds_all_solve": (
        "在默认设置下（{hidden} 个隐藏单元，$\\eta = {lr}$，{epochs} 轮），{seeds} "
        "个种子全部解决了 XOR 问题。"
    ),
    "l05.seeds_some_solve": (
        "在默认设置下（{hidden} 个隐藏单元，$\\eta = {lr}$，{epochs} 轮），{seeds} 个种子中有 "
        "{count} 个解决了 XOR 问题。"
    ),
    "l05.seeds_two_stuck": (
        "隐藏单元为 2 个时（这是能表示 XOR 的最少数量），{seeds} 个种子中有 {stuck} 个卡住了："
        "梯度下降在找到解之前就停滞在一个糟糕的区域里。"
    ),
    "l05.seeds_three_one": "隐藏单元为 3 个时，有 {stuck} 个种子卡住。",
    "l05.seeds_three_many": "隐藏单元为 3 个时，有 {stuck} 个种子卡住。",
    "l05.seeds_width": "多加一点宽度代价很小，却能让训练更可靠；这一规律在大得多的网络中同样成立。",
    "l05.sentence_gap": "",
    "l05.note_setup": (
        "宽度 {widths}，{activation} 层，lr {lr}，{epochs:,} 轮，打印第 {epoch:,} 轮的损失"
    ),
    "l05.note_losses": "第 {epoch:,} 轮的损失，种子 0-19：{values}",
    "l05.note_own": (
        "笔记的代码加上它自己的种子 {seed}：初始损失 {first:.4f}（笔记打印的是 {reported_first}）"
        "，第 {epoch:,} 轮的损失 {final:.4f}（笔记打印的是 {reported}）"
    ),
    "l05.note_after": (
        "全部 {epochs:,} 轮之后：{low:.4f} 到 {high:.4f}，每个值比它在第 {epoch:,} 轮时最多低 "
        "{gap:.1e}"
    ),
    "l05.note_epsilon": "按笔记的做法在 log 中加上 1e-8 得到的损失，减去精确损失：{difference:.1e}",
    "l05.note_implied": "笔记打印的预测值所对应的损失：{loss:.4f}",
    "l05.trained_together": "{n} 个网络 × {epochs:,} 轮，一起训练：在本机上用时 {seconds:.2f} s",
    "l05.verdict_typical": "是一个典型值：它位于分布的中间部分",
    "l05.verdict_above": "是可能出现的结果，但并不典型：它高于 {n} 次运行中的 {count} 次",
    "l05.verdict_below": "是可能出现的结果，但并不典型：它低于 {n} 次运行中的 {count} 次",
    "l05.verdict_outside": "落在全部 {n} 次运行的范围之外",
    "l05.note_run": (
        "在 {n} 个种子上，第 {epoch:,} 轮的损失在 {low:.4f} 到 {high:.4f} 之间，中位数为 "
        "{median:.4f}，{n} 个网络都能把四个点全部分对。笔记给出的 {reported} {verdict}；"
        "一次典型的运行最终在 {median:.4f} 左右。每次运行都把损失降到了很小，"
        "所以笔记的论点（这个网络能学会 XOR）成立；只是它给出的数字只是一次抽样的结果，而且偏高。"
        "用笔记自己的代码和种子，得到的是 {own_final:.4f}，初始损失为 {own_first:.4f}，"
        "而不是打印出来的 {reported} 和 {reported_first}；它打印的预测值对应的损失是 "
        "{implied:.4f}，也不是 {reported}：笔记里展示的输出并不是由与之一同展示的代码得到的。"
    ),
    "l05.lr_small": "lr = 0.01：300 轮内损失从 {start:.4f} 变为 {end:.4f}",
    "l05.lr_large": (
        "lr = 10：299 步中损失有 {rises} 步上升；‖∂L/∂W1‖ 从最大值 {peak:.2g} 降到 {end:.2g}"
    ),
    "l05.saturated": (
        "lr = 10：第 300 轮时，{share:.0%} 的隐藏层激活值（4 个单元 × 4 个样本）满足 |tanh| > 0.99"
    ),
    "l05.width_one": "隐藏层宽度 1：准确率 {accuracy:.0%}",
    "l05.width_two_stuck": "隐藏层宽度 2，种子 0-19：300 轮后有 {stuck} 次运行的准确率低于 100 %",
    "l05.default_norms": (
        "默认设置：‖∂L/∂W1‖、‖∂L/∂W2‖ 的峰值为 {peak1:.3f}、{peak2:.3f}，最终为 {end1:.3f}、"
        "{end2:.3f}"
    ),
    "l05.claims_hold": "✓ 上面列出的每一条说法都成立",
    "l05.param_count_name": "参数量",
    "l05.param_count_hint": (
        "第 l 层有一个形状为 (n_l, n_{{l-1}}) 的权重矩阵和一个形状为 (n_l, 1) 的偏置；把三层的 "
        "n_l·n_{{l-1}} + n_l 加起来"
    ),
    "l05.param_count_weights_only": (
        "这只数了权重：还要加上偏置，输入之后的每一层中每个单元各有一个"
    ),
    "l05.param_count_input_biases": "输入没有偏置：只有输入之后的各层才有偏置",
    "l05.bce_grad_name": "BCE 梯度",
    "l05.bce_grad_hint": "每一列是 (σ(z) − y) 除以 N，N 是样本数（列数）",
    "l05.bce_grad_per_sample": (
        "这些是每个样本的值 σ(z) − y：损失是 N 个样本的平均值，所以还要除以 N"
    ),
    "l05.dense_case": "一个有 {n_in} 个输入、{n_out} 个输出、N = {N} 个样本的层",
    "l05.dense_name": "全连接层的反向传递",
    "l05.dense_hint": (
        "返回 (dA_prev, dW, db)，其中 dA_prev = Wᵀ @ dZ，dW = dZ @ A_prevᵀ（它自动对样本求和），"
        "db = dZ 对样本求和（axis=1, keepdims=True）；梯度的形状与它所对应的量的形状相同"
    ),
    "l05.one_unit_name": "一个隐藏单元",
    "l05.one_unit_hint": (
        "只有一个隐藏单元时，输出是一条直线 w·x + b 的单调函数，所以决策边界是一条直线："
        "一条直线最多能让 XOR 的 4 个点中的几个分对？（用 0 到 1 之间的比例回答）"
    ),
    "l05.one_unit_all": "一条直线分不开 XOR 的两条对角线：至少有一个点会留在错误的一侧",
    "l05.one_unit_half": "一条直线可以做得比一半更好：试着让三个点都落在正确的一侧",
    "l05.one_unit_percent": "请用 0 到 1 之间的比例回答，不要用百分数",



    # ---- l06 (keys l06.*): 06 Activations and gradient flow


    # ---- l07 (keys l07.*): 07 Forward and reverse mode


    # ---- l08 (keys l08.*): 08 Backprop playground


}
