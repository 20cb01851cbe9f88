"""The 中文 (Chinese) message table: key → :meth:`str.format` template.

Keys are grouped by the module that prints them, in the same order in both tables;
``tests/core/test_messages.py`` checks that both tables have the same keys and fields.
"""

MESSAGES: dict[str, str] = {
    # ---- ui.checks (keys checks.*): verdicts, hints, number policy
    "checks.not_answered": "还没有作答：把 ... 换成你的答案，再运行这个单元格",
    "checks.number_policy": (
        "一个数只要与精确答案的前 {digits} 位有效数字一致（|你的答案 − 精确值| ≤ "
        "{rtol:g}·|精确值|）就算正确，所以四舍五入得到的 2.262 或 −9.667 都可以；计数（参数量、"
        "遍数、浮点运算次数）必须是准确的整数；sympy 表达式必须与答案完全相等。"
    ),
    "checks.verified": "参考答案已通过检查",
    "checks.correct": "✓ {name}：正确",
    "checks.wrong": "✗ {name}：{message}",
    "checks.with_hint": "{reason}。{hint}",
    "checks.expected_function": "这里应当是一个函数，得到的却是 {type}",
    "checks.unreadable": "无法读取这个答案（{error}）",
    "checks.very_large_whole": "一个非常大的整数",
    "checks.a_type": "一个 {type} 对象",
    "checks.expected_number": "这里应当是一个数",
    "checks.still_ellipsis": "还有一个 ... 没有换成你的答案",
    "checks.got_none": "这里应当是一个数，得到的却是 None（是不是漏了 return？）",
    "checks.bool_not_number": "{value} 是真值（bool），不是数",
    "checks.complex_value": "{value} 是复数；答案是实数",
    "checks.text_not_number": "你给出的是文本 {value}，不是数",
    "checks.text_not_number_quoted": "你给出的是文本 {value}，不是数：去掉引号即可",
    "checks.one_number_got_item": "这里应当是一个数，得到的却是含 {size} 个元素的 {type}",
    "checks.one_number_got_items": "这里应当是一个数，得到的却是含 {size} 个元素的 {type}",
    "checks.expected_number_got": "这里应当是一个数，得到的却是 {type}",
    "checks.one_number_got_array": "这里应当是一个数，得到的却是形状为 {shape} 的数组",
    "checks.complex": "这是复数；答案是实数",
    "checks.one_number_got_matrix": "这里应当是一个数，得到的却是形状为 {shape} 的矩阵",
    "checks.expected_number_got_sympy": "这里应当是一个数，得到的却是 sympy 的 {type}",
    "checks.still_symbols": "其中还含有 {names}：请给出一个数（用 .subs 代入数值）",
    "checks.not_finite": "{value} 不是有限的数",
    "checks.sympy_timeout": "sympy 没能在限定时间内把它算成一个数",
    "checks.sympy_no_number": "sympy 无法把它算成一个数",
    "checks.not_whole": "{value} 不是整数；计数必须准确",
    "checks.expected_array_got": "这里应当是一个数值数组，得到的却是 {type}",
    "checks.expected_array_rows": "这里应当是一个数值数组（各行长度相同）",
    "checks.array_bool": "你的数组里是真值（bool），不是数",
    "checks.array_complex": "你的数组是复数的；答案是实数",
    "checks.expected_array_dtype": "这里应当是一个数值数组，得到的却是 {dtype} 类型的数组",
    "checks.array_too_large": "你的数组太大了",
    "checks.entry_too_large": "有一个元素的值太大了",
    "checks.number_too_large": "这个数太大了",
    "checks.wrong_sign": "{value} 的符号错了",
    "checks.digits_agree": "{value} 与答案只有前 {digits} 位有效数字一致；需要 {needed} 位",
    "checks.not_right": "{value} 不对",
    "checks.other_is_answer": "答案是你这个 {kind} 的 {other}，而不是它的值：请给出它的 .{other}",
    "checks.value_of": "你这个 {kind} 的值：{miss}",
    "checks.all_wrong_sign": "每个元素的符号都错了",
    "checks.entries_off_one": "形状正确，但 {size} 个元素中有 {bad} 个不对{where}",
    "checks.entries_off_many": "形状正确，但 {size} 个元素中有 {bad} 个不对{where}",
    "checks.at_entry": "（如元素 {index}）",
    "checks.array_digits": "；它与答案只有前 {digits} 位有效数字一致，需要 {needed} 位",
    "checks.shape_mismatch": "形状为 {shape}，应为 {expected}",
    "checks.transpose": "这是答案的转置：{text}",
    "checks.reshape": "数值都对，但形状不对：{text}",
    "checks.array_not_finite": "你的数组里有 nan 或 inf",
    "checks.entries_not_whole": "它的元素应当是整数（计数必须准确）",
    "checks.entries_wrong_one": "{size} 个元素中有 {bad} 个不对{where}",
    "checks.entries_wrong_many": "{size} 个元素中有 {bad} 个不对{where}",
    "checks.text_not_expression": (
        "你给出的是文本；请用 sympy 符号构造表达式，例如 x = sp.Symbol('x')"
    ),
    "checks.bool_not_expression": "{value} 是真值，不是表达式",
    "checks.one_expression_got_matrix": "这里应当是一个表达式，得到的却是形状为 {shape} 的矩阵",
    "checks.lambda_arity_no_symbol": "你的 Lambda 接受 {n} 个参数；而答案不依赖任何符号",
    "checks.lambda_arity": "你的 Lambda 接受 {n} 个参数；而答案依赖于 {depends}",
    "checks.relation": "这是一个等式或比较式：只需给出表达式本身",
    "checks.expression_got_sympy": "这里应当是一个 sympy 表达式，得到的却是 sympy 的 {type}",
    "checks.expression_got_function": (
        "这里应当是一个 sympy 表达式，得到的却是一个函数：请把它作用在符号上，例如 f(x)"
    ),
    "checks.expression_got": "这里应当是一个 sympy 表达式，得到的却是 {type}",
    "checks.expression_not_finite": "你的表达式不是有限的（其中有 nan、zoo 或 oo）",
    "checks.use_only": "只能使用 {names}",
    "checks.answer_no_symbol": "答案不含任何符号",
    "checks.stray_symbols": "你的表达式含有 {names}，而答案用不到它（{use}）",
    "checks.unknown_function": (
        "你的表达式用到了 {names}，这是 sympy 不认识的函数：请用 sympy 的函数把它写出来"
    ),
    "checks.imaginary": "你的表达式含有虚数单位 I；答案是实数",
    "checks.undecided": "sympy 无法确认它与答案相等：试着把表达式写成更简单的形式",
    "checks.rounded_decimals": (
        "接近答案但不相等；其中有小数 {decimals}：如果它们是舍入得到的，请改写成精确的数，例如 "
        "sp.Rational(1, 3) 或 sp.sqrt(2)"
    ),
    "checks.differs_at": "（在 {point} 处不同）",
    "checks.not_same_expression": "这与答案不是同一个表达式{at}",
    "checks.too_slow": "{what} 在 {seconds:g} s 内没有结束，已被中止（是不是死循环？）",
    "checks.input_label": "输入 ({args})",
    "checks.return_tuple": "应当返回含 {n} 个值的元组，得到的却是 {type}",
    "checks.returned_count": "它返回了 {got} 个值，应为 {n} 个",
    "checks.value_i_of_n": "第 {i} 个值（共 {n} 个）：{problem}",
    "checks.return_dict": "应当返回一个 dict，得到的却是 {type}",
    "checks.return_dict_keys": "应当返回键为 {keys} 的 dict",
    "checks.under_key": "键 {key} 对应的值：{problem}",
    "checks.bool_expected": "{value} 不对（应为 True 或 False）",
    "checks.call_raised": "调用它（{label}）时引发了 {error}",
    "checks.call_too_slow": (
        "调用它（{label}）时，{seconds:g} s 内没有结束，已被中止（是不是死循环？）"
    ),
    "checks.returned_placeholder": (
        "对于 {label}，它返回了 {value}：请把函数体里的 ... 换成返回结果的代码（是不是漏了 "
        "return？）"
    ),
    "checks.wrong_result": "{label} 的结果不对：{problem}",


    # ---- ui.explore (keys explore.*): widgets
    "explore.run_to_use": "运行本笔记本（Run → Run All Cells）后即可拖动滑块。",


    # ---- ui.drawings (keys drawings.*): graph, boundary, loss curve, norms
    "drawings.summary_one_input": (
        "{root} 的计算图：{nodes} 个节点（{inputs} 个输入，画在左边；{root} 在右边）。"
        "每个方框显示节点的值和梯度 ∂{root}/∂(节点)（绿色 > 0，紫色 < 0）{edges}。"
    ),
    "drawings.summary_inputs": (
        "{root} 的计算图：{nodes} 个节点（{inputs} 个输入，画在左边；{root} 在右边）。"
        "每个方框显示节点的值和梯度 ∂{root}/∂(节点)（绿色 > 0，紫色 < 0）{edges}。"
    ),
    "drawings.summary_edges": "；箭头上标的是局部导数 ∂(节点)/∂(输入)",
    "drawings.col_node": "节点",
    "drawings.col_op": "运算",
    "drawings.col_value": "值",
    "drawings.col_grad": "∂{root}/∂节点",
    "drawings.input": "输入",
    "drawings.graph_title": "{root} 的计算图：每个节点的值和梯度 ∂{root}/∂(节点)",
    "drawings.node_value": "值 {value}",
    "drawings.node_grad": "梯度 {value}",
    "drawings.boundary_title": "决策边界",
    "drawings.p_class1": "P(类别 1)",
    "drawings.loss_title": "训练损失",
    "drawings.epoch": "轮次",
    "drawings.loss_log": "损失（对数刻度）",
    "drawings.norms_title": "每层的梯度范数",
    "drawings.norm_log": "Frobenius 范数（对数刻度）",


    # ---- ui.playground (keys playground.*): controls, views, messages
    "playground.run_to_play": "运行本笔记本（Run → Run All Cells）后即可使用演练场。",
    "playground.dataset": "数据集",
    "playground.noise": "噪声",
    "playground.hidden_layers": "隐藏层数",
    "playground.width": "宽度",
    "playground.activation": "激活函数",
    "playground.learning_rate": "学习率",
    "playground.batch_size": "批量大小",
    "playground.seed": "随机种子",
    "playground.step": "单步",
    "playground.step_tooltip": "更新一次（一个小批量）",
    "playground.run": "运行",
    "playground.run_tooltip": "运行/暂停：每帧更新 {n} 次",
    "playground.reset": "重置",
    "playground.reset_tooltip": "从头开始",
    "playground.run_label": "运行：每帧更新 {n} 次",
    "playground.settings_line": (
        "{dataset}，噪声 {noise:.2f}，{points} 个点 · 网络 {net}，{activation} · 学习率 {lr:.3g}，"
        "批量大小 {batch} · 随机种子 {seed}"
    ),
    "playground.short_settings": (
        "{dataset} ({noise:.2f}) · {net} {activation} · η {lr:.3g} · 批量大小 {batch} · 种子 "
        "{seed}"
    ),
    "playground.progress": (
        "第 {steps} 步（{epoch:.1f} 轮）：损失 {loss:.4f}，训练准确率 {accuracy:.1f} %"
    ),
    "playground.no_update": "还没有更新：请按“单步”或“运行”",
    "playground.untrained": "未训练的网络（随机权重）",
    "playground.after_updates": "更新 {steps} 次后的网络",
    "playground.boundary_text": (
        "决策边界：底色是{when}给出的 P(类别 1)，接近 0 为天蓝色，0.5 处为白色，接近 1 为金色；"
        "黑线是 P = 0.5；类别 0 画成圆点，类别 1 画成方块。"
    ),
    "playground.grey_relu": (
        "每条灰色的边都连着一个 ReLU 单元，它对小批量中的每个样本都不活跃（z ≤ 0）（单元的 δ "
        "或它的输入 a 为 0 时，∂L/∂w = δ·a 就是 0）"
    ),
    "playground.grey_saturated": (
        "每条灰色的边都通向一个饱和的 {activation} 单元（|z| 大到在浮点运算中 {activation}'(z) "
        "为 0），所以没有梯度流过它"
    ),
    "playground.grey_other": "在上一个小批量中，没有梯度传到这些权重",
    "playground.grey_because": "：{reason}",
    "playground.network_no_gradient": (
        "网络：{weights} 个权重，线宽和不透明度 ∝ |w|；全部为灰色：还没有梯度（之后颜色表示 "
        "∂L/∂w 的符号）。"
    ),
    "playground.network_signs": (
        "网络：{weights} 个权重，线宽和不透明度 ∝ |w|；∂L/∂w > 0 的有 {positive} 个（绿色："
        "更新使 w 减小），< 0 的有 {negative} 个（紫色：使 w 增大），恰好为 0 的有 {zero} "
        "个（灰色）{reason}。"
    ),
    "playground.curves_none": "损失：更新前为 {loss:.3f}。梯度范数：还没有。",
    "playground.curves_spread": "；W1 的范数是输出层的 {ratio:.2g} 倍",
    "playground.curves": (
        "损失：经过 {steps} 次更新，从 {first:.3f} 变为 {last:.3f}。梯度范数（在最近 {window} "
        "次更新上平滑）：{norms}{spread}。"
    ),
    "playground.p_class1": "P(类别 1)",
    "playground.class_k": "类别 {k}",
    "playground.p_after": "更新 {steps} 次后的 P(类别 1)",
    "playground.p_before": "训练前的 P(类别 1)（随机权重）",
    "playground.loss_title": "全部数据上的损失",
    "playground.update_step": "更新步数",
    "playground.bce": "二元交叉熵",
    "playground.norm_title": "每层的梯度范数",
    "playground.layer_input": "输入",
    "playground.layer_hidden": "隐藏层 {k}",
    "playground.layer_output": "输出",
    "playground.network_title": (
        "网络：线宽和不透明度 ∝ |w|\n"
        "颜色 = ∂L/∂w 的符号：绿色 > 0，紫色 < 0，灰色 0"
    ),


    # ---- core (keys core.*): symbolic verdicts, playground training messages
    "core.expressions": "两个表达式",
    "core.derivative_claim": "手算的导数与 sympy.diff 相等",
    "core.identity_claim": "两边恒等",
    "core.verdict_ok": "✓ {label}：{claim}",
    "core.verdict_wrong": "✗ {label}：两者之差化简为 {difference}，不是 0",
    "core.non_finite": "非有限值",
    "core.loss_over": "{loss:.3g}（超过了 {limit:.3g}）",
    "core.playground_diverged": (
        "训练在第 {step} 步发散：损失变成了{what}。请调低学习率（{lr:.3g}），再按“重置”。"
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
