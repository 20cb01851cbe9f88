"""The course's one English–Chinese glossary: one Chinese term per English term.

Every notebook's glossary cell renders :func:`glossary_markdown` for its number, so a term
reads the same in every notebook. The table was built from the glossary cells and the
terms given in parentheses in the prose of notebooks 00–08, with the clashes resolved:

- *backpropagation* is 反向传播 (the algorithm); one *backward pass* is 反向传递;
- *gradient accumulation* is 梯度累积 (as in the source notes), not 梯度累加;
- *batch size* is 批量大小 (as in 《动手学深度学习》), not 批大小;
- *topological order* is 拓扑序; 拓扑排序 is the algorithm, *topological sort*.

:func:`glossary_problems` finds, in a Markdown text, a Chinese term that clashes with the
table (a known variant, or another Chinese term after an English glossary term), so a test
can scan every notebook, English or Chinese edition.

Standard library only (and the message tables, for the table's last heading).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bp_helpers.messages import t

__all__ = [
    "GLOSSARY",
    "Term",
    "chinese",
    "glossary_markdown",
    "glossary_problems",
    "lookup",
    "terms_for",
]


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    english: the English term as the glossary shows it, e.g. ``"backward pass"``.
    chinese: its one Chinese term, e.g. ``"反向传递"``.
    notebook: the number of the notebook that introduces it (0–8).
    note: a short remark for authors and translators (not rendered).
    variants: Chinese terms **not** to use for this English term.
    aliases: other English spellings that mean the same term (``"loss"``, ``"Jacobian"``).
    """

    english: str
    chinese: str
    notebook: int
    note: str = ""
    variants: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("english", "chinese", "note"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"Term.{name} must be a str, got {getattr(self, name)!r}")
        if not self.english.strip() or not self.chinese.strip():
            raise ValueError("Term.english and Term.chinese must not be empty")
        if isinstance(self.notebook, bool) or not isinstance(self.notebook, int):
            raise TypeError(f"Term.notebook must be an int, got {self.notebook!r}")
        if not 0 <= self.notebook <= 99:
            raise ValueError(f"Term.notebook must be in 0..99, got {self.notebook}")
        for name in ("variants", "aliases"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"Term.{name} must be a tuple of str, got {value!r}")
        if self.chinese in self.variants:
            raise ValueError(f"{self.english!r}: its Chinese term is listed as a variant")


T = Term
GLOSSARY: tuple[Term, ...] = (
    # 00 Start here
    T("backpropagation", "反向传播", 0,
      "the algorithm: one forward pass, then one backward pass",
      aliases=("backprop",)),
    T("gradient", "梯度", 0),
    T("gradient descent", "梯度下降", 0),
    T("learning rate", "学习率", 0, variants=("学习速率",)),
    T("loss function", "损失函数", 0, aliases=("loss",)),
    T("parameter", "参数", 0),
    T("derivative", "导数", 0),
    T("mean squared error", "均方误差", 0),
    T("forward pass", "前向传播", 0,
      "as in the source notes and 《动手学深度学习》 (前向传播)",
      variants=("正向传播", "前向传递")),
    T("backward pass", "反向传递", 0,
      "one pass from the loss back to the parameters; 反向传播 is the whole algorithm. "
      "The source notes and d2l-zh say 反向传播 for both: the course keeps them apart",
      variants=("反向传播", "后向传播")),
    T("converge", "收敛", 0, aliases=("converges", "converging", "convergence")),
    T("diverge", "发散", 0, aliases=("diverges", "diverging", "divergence")),
    T("widget", "交互控件", 0),
    # 01 The chain rule
    T("chain rule", "链式法则", 1, variants=("链式规则",)),
    T("partial derivative", "偏导数", 1),
    T("slope", "斜率", 1),
    T("tangent line", "切线", 1, "the line a curve turns into; 07's tangent is 切向量"),
    T("secant line", "割线", 1, aliases=("secant",)),
    T("forward difference", "前向差分", 1),
    T("central difference", "中心差分", 1),
    T("truncation error", "截断误差", 1, aliases=("truncation",)),
    T("round-off error", "舍入误差", 1, aliases=("round-off",)),
    T("machine epsilon", "机器精度", 1),
    T("relative error", "相对误差", 1),
    T("Jacobian matrix", "雅可比矩阵", 1, variants=("雅克比矩阵",), aliases=("Jacobian",)),
    T("composite function", "复合函数", 1),
    T("sigmoid function", "S 型函数", 1, "d2l-zh writes sigmoid 函数; both are understood",
      aliases=("sigmoid",)),
    T("Taylor expansion", "泰勒展开", 1),
    T("shape rule", "形状规则", 1, "a gradient has the shape of its parameter"),
    T("dimension analysis", "维度分析", 1),
    T("quadratic form", "二次型", 1),
    T("symmetric matrix", "对称矩阵", 1),
    T("outer product", "外积", 1),
    # 02 Computational graphs
    T("computational graph", "计算图", 2, aliases=("computation graph",)),
    T("dynamic graph", "动态图", 2, "rebuilt on every forward pass, so Python control flow works"),
    T("node", "节点", 2),
    T("edge", "边", 2),
    T("reverse-mode automatic differentiation", "反向模式自动微分", 2),
    T("automatic differentiation", "自动微分", 2, aliases=("autodiff",)),
    T("local derivative", "局部导数", 2),
    T("upstream gradient", "上游梯度", 2),
    T("fan-out", "扇出", 2, "a value used several times"),
    T("topological order", "拓扑序", 2, "an order of the nodes; 拓扑排序 is the algorithm",
      variants=("拓扑排序", "拓扑顺序")),
    T("topological sort", "拓扑排序", 2, "the algorithm that finds a topological order"),
    T("leaf node", "叶子节点", 2, aliases=("leaf",)),
    T("gradient accumulation", "梯度累积", 2, "as in the source notes", variants=("梯度累加",)),
    T("recursion depth limit", "递归深度限制", 2),
    T("overflow", "溢出", 2),
    # 03 Backprop by hand
    T("hidden layer", "隐藏层", 3, variants=("隐层",)),
    T("weight", "权重", 3),
    T("bias", "偏置", 3),
    T("error signal δ", "误差信号", 3, "δ = ∂L/∂z", aliases=("error",)),
    T("cache", "缓存", 3),
    T("target", "目标值", 3),
    # 04 Why backprop is fast
    T("numerical gradient", "数值梯度", 4),
    T("FLOPs (floating-point operations)", "浮点运算次数", 4,
      aliases=("floating-point operations",)),
    T("parameter count", "参数量", 4),
    T("batch size", "批量大小", 4, "as in d2l-zh", variants=("批大小", "批次大小")),
    T("matrix multiplication", "矩阵乘法", 4),
    T("dense layer", "全连接层", 4, "also called a fully connected layer",
      aliases=("fully connected layer",)),
    T("log-log plot", "双对数坐标图", 4),
    T("overhead", "开销", 4),
    T("training step", "训练步", 4),
    # 05 A vectorized MLP on XOR
    T("batch", "批量", 5),
    T("vectorization", "向量化", 5),
    T("broadcasting", "广播", 5, aliases=("broadcast", "broadcasts")),
    T("weight matrix", "权重矩阵", 5),
    T("logit", "对数几率", 5, "the English word logit is common in Chinese texts too"),
    T("binary cross-entropy", "二元交叉熵", 5),
    T("gradient check", "梯度检验", 5, variants=("梯度检查",)),
    T("epoch", "轮次", 5, "d2l-zh says 迭代周期; the course says 轮次", variants=("迭代周期",)),
    T("decision boundary", "决策边界", 5),
    T("XOR (exclusive or)", "异或", 5),
    T("random seed", "随机种子", 5),
    T("norm", "范数", 5),
    # 06 Activations and gradient flow
    T("activation function", "激活函数", 6, variants=("激励函数",)),
    T("saturation", "饱和", 6, aliases=("saturate", "saturates", "saturated")),
    T("vanishing gradient", "梯度消失", 6, variants=("梯度弥散",)),
    T("exploding gradient", "梯度爆炸", 6),
    T("initialisation", "初始化", 6, aliases=("initialization",)),
    T("Xavier initialisation", "Xavier 初始化", 6),
    T("He initialisation", "He 初始化", 6),
    T("variance", "方差", 6),
    T("spectral norm", "谱范数", 6),
    T("residual connection", "残差连接", 6),
    T("skip connection", "跳跃连接", 6, "the shortcut of a residual connection"),
    T("gradient clipping", "梯度裁剪", 6),
    T("gradient norm", "梯度范数", 6),
    # 07 Forward and reverse mode
    T("step function", "阶跃函数", 6),
    T("perceptron", "感知机", 6),
    T("batch normalization", "批量规范化", 6, "as in 《动手学深度学习》", variants=("批归一化",),
      aliases=("BatchNorm", "batch norm")),
    T("running statistics", "移动平均统计量", 6, "the running mean and variance used in eval mode"),
    T("forward mode", "前向模式", 7, aliases=("forward-mode differentiation",)),
    T("reverse mode", "反向模式", 7),
    T("dual number", "对偶数", 7),
    T("tangent", "切向量", 7, "the ε part of a dual number; 01's tangent line is 切线"),
    T("Jacobian-vector product (JVP)", "雅可比-向量积", 7, aliases=("JVP",)),
    T("vector-Jacobian product (VJP)", "向量-雅可比积", 7, aliases=("VJP",)),
    T("mini-batch", "小批量", 7, variants=("小批次",)),
    T("micro-batch", "微批量", 7),
    # 08 Playground
    T("Hessian matrix", "黑塞矩阵", 7, "also written 海森矩阵; the course uses 黑塞矩阵",
      variants=("海森矩阵",), aliases=("Hessian",)),
    T("Hessian-vector product (HVP)", "黑塞矩阵-向量积", 7, aliases=("HVP",)),
    T("playground", "演练场", 8),
    T("stochastic gradient descent", "随机梯度下降", 8),
    T("training accuracy", "训练准确率", 8),
)
del T

# The English terms each notebook's glossary cell shows, in the order it shows them
# (the glossary cells of the notebooks as of issue 12, split into one term per row).
_NOTEBOOK_TERMS: dict[int, tuple[str, ...]] = {
    0: ("backpropagation", "gradient", "gradient descent", "learning rate", "loss function",
        "parameter", "derivative", "mean squared error", "forward pass", "backward pass",
        "converge", "diverge", "widget"),
    1: ("chain rule", "derivative", "partial derivative", "slope", "tangent line",
        "secant line", "forward difference", "central difference", "truncation error",
        "round-off error", "machine epsilon", "relative error", "Jacobian matrix",
        "composite function", "sigmoid function", "Taylor expansion", "shape rule",
        "dimension analysis", "quadratic form", "symmetric matrix", "outer product"),
    2: ("computational graph", "node", "edge", "forward pass", "backward pass",
        "backpropagation", "reverse-mode automatic differentiation",
        "automatic differentiation", "local derivative",
        "upstream gradient", "fan-out", "topological order", "topological sort",
        "leaf node", "gradient accumulation", "recursion depth limit", "overflow",
        "dynamic graph"),
    3: ("backpropagation", "forward pass", "gradient", "chain rule",
        "loss function", "hidden layer", "weight", "bias", "sigmoid function",
        "error signal δ", "cache", "target", "learning rate", "gradient descent"),
    4: ("numerical gradient", "central difference", "forward pass", "backward pass",
        "FLOPs (floating-point operations)", "parameter count", "batch size",
        "matrix multiplication", "dense layer", "log-log plot", "overhead", "training step"),
    5: ("batch", "batch size", "vectorization", "broadcasting", "weight matrix", "bias",
        "hidden layer", "logit", "binary cross-entropy", "cache", "gradient check",
        "learning rate", "epoch", "decision boundary", "XOR (exclusive or)", "random seed",
        "norm"),
    6: ("activation function", "saturation", "vanishing gradient", "exploding gradient",
        "initialisation", "Xavier initialisation", "He initialisation", "variance",
        "spectral norm", "residual connection", "skip connection", "gradient clipping",
        "gradient norm", "step function", "perceptron", "batch normalization",
        "running statistics"),
    7: ("forward mode", "reverse mode", "dual number", "tangent",
        "Jacobian-vector product (JVP)", "vector-Jacobian product (VJP)", "mini-batch",
        "micro-batch", "gradient accumulation", "computational graph",
        "automatic differentiation", "Hessian matrix", "Hessian-vector product (HVP)"),
    8: ("playground", "decision boundary", "learning rate", "gradient", "gradient norm",
        "mini-batch", "epoch", "stochastic gradient descent", "training accuracy", "diverge",
        "saturation", "vanishing gradient", "exploding gradient", "activation function",
        "hidden layer", "random seed"),
}

_CJK = re.compile(r"[\u3400-\u9fff]")


def _key(english: str) -> str:
    """Normalise an English term for lookup: lower case, no (...) parts, '-' as a space."""
    text = re.sub(r"\([^)]*\)", " ", english.lower())
    text = text.replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


def _plurals(key: str) -> set[str]:
    forms = {key, key + "s"}
    if key.endswith(("ch", "sh", "x", "s")):
        forms.add(key + "es")
    return forms


def _build_index() -> dict[str, Term]:
    index: dict[str, Term] = {}
    for term in GLOSSARY:
        for name in (term.english, *term.aliases):
            for form in _plurals(_key(name)):
                if form in index and index[form] is not term:
                    raise ValueError(
                        f"English form {form!r} names both {index[form].english!r} "
                        f"and {term.english!r}"
                    )
                index[form] = term
    return index


_INDEX = _build_index()
_BY_CHINESE = {term.chinese: term for term in GLOSSARY}


def lookup(english: str) -> Term:
    """The entry for an English term (any case, alias or plural); ValueError if unknown."""
    if not isinstance(english, str):
        raise TypeError(f"english must be a str, got {type(english).__name__}")
    term = _INDEX.get(_key(english))
    if term is None:
        names = [t.english for t in GLOSSARY]
        close = difflib.get_close_matches(english, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(f"{english!r} is not in the course glossary{hint}")
    return term


def chinese(english: str) -> str:
    """The one Chinese term for an English glossary term, e.g. ``chinese("batch size")``."""
    return lookup(english).chinese


def _notebook_number(notebook: int) -> int:
    if isinstance(notebook, bool) or not isinstance(notebook, int):
        raise TypeError(f"notebook must be an int, got {type(notebook).__name__}")
    if notebook not in _NOTEBOOK_TERMS:
        raise ValueError(
            f"notebook must be one of {sorted(_NOTEBOOK_TERMS)}, got {notebook}"
        )
    return notebook


def terms_for(notebook: int) -> list[Term]:
    """The terms notebook ``notebook``'s glossary shows: those it introduces and those it uses."""
    return [lookup(name) for name in _NOTEBOOK_TERMS[_notebook_number(notebook)]]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def glossary_markdown(notebook: int | None = None) -> str:
    """A Markdown table ``| English | 中文 | introduced in |`` for one notebook's glossary.

    ``notebook=None`` gives the whole course, sorted by notebook then English term.
    Render it with ``IPython.display.Markdown(glossary_markdown(3))``.
    """
    if notebook is None:
        terms = sorted(GLOSSARY, key=lambda t: (t.notebook, t.english.lower()))
    else:
        terms = terms_for(notebook)
    rows = [f"| English | 中文 | {t('core.glossary_introduced_in')} |", "| --- | --- | --- |"]
    rows += [f"| {_cell(t.english)} | {_cell(t.chinese)} | {t.notebook:02d} |" for t in terms]
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------- checking a text

_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")
_SPLIT = re.compile(r"[,，:：;；]")
_EMPHASIS = re.compile(r"[*_`]")


def _strip_emphasis(text: str) -> str:
    return _EMPHASIS.sub("", text).strip()


def _term_at_end(text: str) -> Term | None:
    """The glossary term whose English (longest form first) ends ``text``, if any.

    In ``Xavier/He initialisation`` the words around ``/`` are alternatives, so the term
    is ``initialisation``, not ``He initialisation``.
    """
    tail = re.split(r"[|$.;:!?()（）]", _strip_emphasis(text))[-1]
    words = _key(tail.replace("/", " slash ")).split()
    for n in range(min(len(words), 6), 0, -1):
        candidate = words[-n:]
        if "slash" in candidate or (len(words) > n and words[-n - 1] == "slash"):
            continue
        term = _INDEX.get(" ".join(candidate))
        if term is not None:
            return term
    return None


def _is_chinese_prose(text: str) -> bool:
    """True when ``text`` (maths and code removed) has more Chinese characters than Latin
    letters: the Chinese edition, where a parenthesis in Chinese is a remark."""
    plain = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`|\]\([^)]*\)", " ", text, flags=re.DOTALL)
    return len(_CJK.findall(plain)) > len(re.findall(r"[A-Za-z]", plain))


def _glossary_tables(markdown: str) -> tuple[list[tuple[str, str]], str]:
    """Rows (English, 中文) of glossary tables, and the text with those tables removed."""
    rows: list[tuple[str, str]] = []
    kept: list[str] = []
    in_table = False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and "中文" in stripped and "english" in stripped.lower():
            in_table = True
            continue
        if in_table and stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if len(cells) >= 2 and not set(cells[0]) <= set("-: "):
                rows.append((cells[0], cells[1]))
            continue
        in_table = False
        kept.append(line)
    return rows, "\n".join(kept)


def _split_pair(english: str, chinese_text: str) -> list[tuple[str, str]]:
    """``"weight / bias" | "权重 / 偏置"`` into pairs; one English list to one term otherwise."""
    zh = re.sub(r"[(（][^()（）]*[)）]", "", chinese_text).strip()
    en = re.sub(r"[(（][^()（）]*[)）]", "", english).strip()
    en_parts = [p.strip() for p in en.split(" / ")]
    zh_parts = [p.strip() for p in zh.split(" / ")]
    if len(zh_parts) == 1:
        return [(part.strip(), zh) for part in re.split(r" / |, ", en)]
    if len(en_parts) == len(zh_parts):
        return list(zip(en_parts, zh_parts, strict=True))
    return [(en, zh)]


def _is_variant_elsewhere(text: str, start: int, variant: str) -> bool:
    """True if the variant at ``start`` is part of a longer glossary term written there."""
    for term in GLOSSARY:
        zh = term.chinese
        if variant in zh and zh != variant:
            offset = zh.index(variant)
            if text[start - offset : start - offset + len(zh)] == zh:
                return True
    return False


def glossary_problems(markdown: str) -> list[str]:
    """Every clash with the glossary in a Markdown text, one sentence each (empty: none).

    Looks for: a Chinese term listed as a variant of an English term (anywhere, unless it
    is itself the Chinese of another entry, as 反向传播 is); a Chinese term in parentheses
    after an English glossary term (``backward pass (反向传播)``, ``(**cache**, 缓存)``) that
    is not that term's Chinese, or that is another English term's Chinese; an English
    glossary term in parentheses after Chinese (``反向传递（backward pass）``) whose Chinese
    does not come before it; and rows of a Markdown glossary table that disagree.
    """
    if not isinstance(markdown, str):
        raise TypeError(f"markdown must be a str, got {type(markdown).__name__}")
    problems: list[str] = []
    rows, prose = _glossary_tables(markdown)

    for term in GLOSSARY:
        for variant in term.variants:
            if variant in _BY_CHINESE:
                continue  # another entry's term: checked in context below
            for match in re.finditer(re.escape(variant), markdown):
                if not _is_variant_elsewhere(markdown, match.start(), variant):
                    problems.append(
                        f"{variant} is a variant: write {term.chinese} for {term.english!r}"
                    )
                    break

    for english, chinese_text in rows:
        for en, zh in _split_pair(english, chinese_text):
            term = _INDEX.get(_key(en))
            if term is None:
                problems.append(f"glossary row {en!r} ({zh}) is not in the course glossary")
            elif zh != term.chinese:
                problems.append(
                    f"glossary row {en!r} says {zh}: the course glossary says {term.chinese}"
                )

    chinese_prose = _is_chinese_prose(prose)
    for match in _PAREN.finditer(prose):
        inside = match.group(1)
        before = _strip_emphasis(prose[max(0, match.start() - 120) : match.start()])
        if chinese_prose and _CJK.search(inside):
            continue  # a remark in Chinese prose, not a gloss of an English term
        if before and _CJK.match(before[-1]):
            # Chinese edition style: 反向传递（backward pass）
            if _CJK.search(inside):
                continue
            term = _INDEX.get(_key(_SPLIT.split(inside)[0]))
            if term is not None and not before.endswith(term.chinese):
                problems.append(
                    f"({inside.strip()}) follows {before[-8:]!r}: "
                    f"write {term.chinese}（{term.english}）"
                )
            continue
        segments = _SPLIT.split(inside)
        for i, segment in enumerate(segments):
            zh = _strip_emphasis(segment)
            if not _CJK.search(zh):
                continue
            english_text = before if i == 0 else segments[i - 1]
            if i > 0 and _CJK.search(english_text):
                continue
            term = _term_at_end(english_text)
            owner = _BY_CHINESE.get(zh)
            said = " ".join(_strip_emphasis(english_text).split()[-3:])
            if term is not None:
                if zh != term.chinese:
                    problems.append(
                        f"{said!r} ({zh}): the course glossary says {term.chinese}"
                        f" for {term.english!r}"
                    )
            elif owner is not None:
                problems.append(
                    f"{said!r} ({zh}): {zh} is the course's term for {owner.english!r}"
                )
            else:
                problems.append(f"{said!r} ({zh}): {zh} is not in the course glossary")
    return problems
