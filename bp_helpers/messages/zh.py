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
    "core.glossary_introduced_in": "首次出现于",


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
    "l00.tangents_title": "单参数拟合的损失 L(w) 及其在 {count} 个点处的斜率",
    "l00.tangent_label": "w = {w:g} 处的切线，斜率 dL/dw = {slope:.3g}",
    "l00.slope_negative": "为负，实线：向右走损失下降",
    "l00.slope_positive": "为正，虚线：向右走损失上升",
    "l00.slope_zero": "为零，点线：曲线在这里是平的",
    "l00.tangent_text": "w = {w:g} 处的斜率 dL/dw = {slope:.3g}（{words}）",
    "l00.tangents_text": (
        "单参数拟合的损失 L(w)，w 从 {first:g} 到 {last:g}；图中最低点 L = {loss:.4f}，"
        "位于 w = {w:.2f}。短切线：{tangents}。"
    ),


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
    # the figures of notebook 01's own cells: plot_zoom_windows, plot_sigmoid, plot_error_sweep
    "l01.list_separator": "、",
    "l01.window_title": "窗口 x = {x:g} ± {width:g}",
    "l01.window_tangent": "切线",
    "l01.windows_text": (
        "sin x（实线）及其在 x = {x:g} 处的切线（虚线，斜率 cos {x:g} = {slope:.4f}），"
        "窗口半宽依次为 {widths}。各窗口中曲线与切线的最大差距依次为 {gaps}，"
        "随半宽的 {power:.1f} 次方缩小；在最窄的窗口里，"
        "这个差距只占窗口所显示高度的 {share:.2%}。"
    ),
    "l01.sigmoid_title": "S 型函数及其导数",
    "l01.sigmoid_value": "函数值",
    "l01.sigmoid_quarter": "1/4，最大斜率",
    "l01.sigmoid_text": (
        "σ(z)（实线）从 z = {z_first:g} 处的 {s_first:.4f} 升到 "
        "z = {z_last:g} 处的 {s_last:.4f}。"
        "它的导数 σ'(z) = σ(z)(1 − σ(z))（虚线）是一个鼓包："
        "在 z = {z_peak:.1f} 处最大，为 {peak:.4f}（灰色虚线标出 1/4），"
        "两端降到 {tail:.1e}。"
    ),
    "l01.sweep_title": "sin 在 x = {x:g} 处斜率估计的误差：截断误差与舍入误差",
    "l01.sweep_forward": "前向差分（实测）",
    "l01.sweep_central": "中心差分（实测）",
    "l01.sweep_truncation": "截断误差 {term}",
    "l01.sweep_roundoff": "舍入误差 {term}",
    "l01.sweep_text": (
        "图中是 sin 在 x = {x:g} 处前向差分与中心差分的实测误差，"
        "步长 h 从 {h_min:.0e} 到 {h_max:g}（双对数坐标），并画出模型的各条线。"
        "h 较大时，误差沿截断误差线走：在 h ≥ 10 h* 的范围内，"
        "拟合斜率为 {slope_forward:.2f}（前向差分）和 {slope_central:.2f}（中心差分）。"
        "h 较小时，误差与舍入误差线 ε|f|/h 平行地回升，参差不齐。"
        "实测最小误差：前向差分在 h = {at_forward:.1e} 处为 {min_forward:.1e}，"
        "中心差分在 h = {at_central:.1e} 处为 {min_central:.1e}；"
        "竖线标出预测的最佳步长 h*_fwd = {star_forward:.1e} 和 "
        "h*_cen = {star_central:.1e}。"
    ),


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
    "l02.engines_title": "同一次训练，两个引擎",
    "l02.engines_vectorized": "nn.MLP（向量化）",
    "l02.engines_values": "由 Value 组成的网络",
    "l02.engines_step": "步数",
    "l02.engines_loss": "损失（平均 BCE）",
    "l02.engines_agree": "每一步两者相差都小于 {tolerance:.0e}，所以圆点落在虚线上",
    "l02.engines_differ": "两者最大相差 {gap:.2g}",
    "l02.engines_text": (
        "{steps} 个训练步中每一步的损失（平均 BCE）：Value 网络（圆点）从 {first:.4f} "
        "变为 {last:.4f}，nn.MLP（虚线）从 {vector_first:.4f} 变为 {vector_last:.4f}；"
        "{agree}。"
    ),


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
    "l05.fig_xor_title": "XOR：1 都在同一条对角线上",
    "l05.points_join": "、",
    "l05.points_last": " 和 ",
    "l05.xor_diagonals": "1 都在一条对角线上，0 都在另一条对角线上。",
    "l05.xor_points": (
        "{count} 个点：圆点（y = 0）位于 {zeros}，方块（y = 1）位于 {ones}。{diagonals}"
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
    "l06.act_title": "激活函数 f(z)",
    "l06.act_slope_title": "导数 f'(z)",
    "l06.act_text": (
        "左图：z 从 {low:g} 到 {high:g} 的激活函数 f(z)；右图：它们的导数 f'(z)，点线标出 1/4。"
        "在这组网格点上，斜率 f'(z) 的范围："
    ),
    "l06.act_slope": "  {name}：从 {low:.3f} 到 {high:.3f}",
    "l06.act_below_quarter": "始终不超过点线 1/4 的：{names}。",
    "l06.act_coincide": (
        "z > 0 时 ReLU 与 leaky ReLU 重合：ReLU 是粗的浅色线，leaky ReLU 是叠在上面的细虚线。"
    ),
    "l06.step_unit": "阶跃单元",
    "l06.sigmoid_unit": "sigmoid 单元",
    "l06.epoch": "轮次",
    "l06.mse": "均方误差",
    "l06.perceptron_loss_title": "AND 数据上的损失",
    "l06.perceptron_moved_title": "权重移动了多远",
    "l06.perceptron_moved_ylabel": "‖(w₁, w₂, b) − 起点‖",
    "l06.perceptron_fig_text": (
        "左图：每轮训练后在 AND 数据上的均方误差；右图：(w₁, w₂, b) 离起点 ({w1:g}, {w2:g}, {b:g}) "
        "有多远。"
    ),
    "l06.perceptron_fig_line": (
        "  {unit}：{epochs} 轮内损失从 {first:.3f} 变为 {last:.4f}；权重最终离起点 {moved:.2f}"
    ),
    "l06.vanishing_title": "{depth} 层 sigmoid MLP：梯度向输入端消失",
    "l06.norm_ylabel": "范数（对数刻度）",
    "l06.vanishing_text": (
        "逐层画在对数轴上：‖∂L/∂W_l‖ 从第 {depth} 层的 {last_w:.2e} 降到第 1 层的 {first_w:.2e}，"
        "‖δ_l‖ 从 {last_d:.2e} 降到 {first_d:.2e}。两者都近乎直线：每往回一层，‖δ_l‖ 平均乘以 "
        "{factor:.3f}（几何平均），所以第 1 层的权重梯度只有第 {depth} 层的 {ratio:.1e}。"
    ),
    "l06.scale_label": "Xavier × {scale:g}",
    "l06.scales_title": "{depth} 层 tanh MLP：权重过大，梯度爆炸",
    "l06.scales_text": (
        "{depth} 层 tanh 网络每层的 ‖∂L/∂W_l‖（对数轴），Xavier 权重乘以不同的尺度："
    ),
    "l06.scales_line": (
        "  Xavier × {scale:g}：第 1 层 = {first:.2e}，第 {depth} 层 = {last:.2e}，比值 {ratio:.2e}"
    ),
    "l06.scales_grows": "尺度越大，梯度在传回第 1 层的途中增长得越多。",
    "l06.gd_step": "梯度下降步数",
    "l06.loss_ylabel": "损失（对数刻度）",
    "l06.clip_plain_title": "不裁剪：一步就毁掉网络",
    "l06.clip_clipped_title": "裁剪到 ‖g‖ ≤ {max_norm:g}：损失下降",
    "l06.clip_plain_text": (
        "左图，不裁剪：损失从第 0 步的 {first:.3g} 变为第 {end} 步的 {last:.2g}，训练在此停止。"
    ),
    "l06.clip_clipped_text": (
        "右图，把梯度裁剪到 ‖g‖ ≤ {max_norm:g}：损失从第 0 步的 {first:.3g} 变为第 {end} 步的 "
        "{last:.3g}。"
    ),
    "l06.clip_panels_note": (
        "（分成两幅图，各用自己的对数轴：若画在同一个轴上，未裁剪的 {last:.2g} "
        "会把裁剪后的曲线压平）"
    ),
    "l06.fix_sigmoid_xavier": "sigmoid，Xavier 初始化（第 2 节）",
    "l06.fix_batchnorm": "+ 批量规范化",
    "l06.fix_residual": "+ 残差连接",
    "l06.fix_relu_he": "ReLU，He 初始化",
    "l06.fix_tanh_xavier": "tanh，Xavier 初始化",
    "l06.fix_tanh_xavier_10": "tanh，Xavier 初始化 × 10（第 3 节）",
    "l06.fix_clipped": "+ 梯度裁剪，c = {max_norm:g}",
    "l06.fixes_vanishing_title": "梯度消失：{depth} 层 sigmoid 网络与四种对策",
    "l06.fixes_exploding_title": "梯度爆炸：{depth} 层 tanh 网络，权重 × 10",
    "l06.fixes_left": (
        "左图，梯度消失：{depth} 层 sigmoid 网络及每种对策的 ‖∂L/∂W_1‖ / ‖∂L/∂W_{depth}‖（第 1 "
        "层的梯度与最后一层之比）："
    ),
    "l06.fixes_right": (
        "右图，梯度爆炸：Xavier 权重 × 10 的 {depth} 层 tanh 网络、裁剪后、"
        "加批量规范化后的同一比值："
    ),
    "l06.fixes_line": "  {name}：{ratio:.1e}",


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
    "l07.timing_in_title": "n 个输入 → 1 个输出：一个梯度",
    "l07.timing_out_title": "1 个输入 → m 个输出：m 个导数",
    "l07.timing_in_x": "输入个数 n",
    "l07.timing_out_x": "输出个数 m",
    "l07.timing_y": "时间（ms，对数刻度）",
    "l07.timing_forward": "前向模式（Dual）",
    "l07.timing_reverse": "反向模式（Value）",
    "l07.timing_header": (
        "本机实测的时间，画在双对数坐标上（斜率为 p 的直线表示时间按 size^p 增长）。"
    ),
    "l07.timing_in_text": (
        "左图，n 个输入 → 1 个输出（一个梯度）：n = {size} 时前向模式用时 {forward:.3g} "
        "ms，反向模式 {reverse:.3g} ms（前向 / 反向 = {ratio:.1f}×）；从 n = {start} 起，"
        "前向模式的时间约按 n^{forward_power:.1f} 增长，反向模式约按 "
        "n^{reverse_power:.1f} 增长。"
    ),
    "l07.timing_out_text": (
        "右图，1 个输入 → m 个输出（m 个导数）：m = {size} 时反向模式用时 {reverse:.3g} "
        "ms，前向模式 {forward:.3g} ms（反向 / 前向 = {ratio:.1f}×）；从 m = {start} 起，"
        "反向模式的时间约按 m^{reverse_power:.1f} 增长，前向模式约按 "
        "m^{forward_power:.1f} 增长。"
    ),


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
