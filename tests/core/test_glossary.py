"""The course glossary: one Chinese term per English term, and notebooks that follow it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bp_helpers import glossary
from bp_helpers.glossary import GLOSSARY, Term, chinese, glossary_markdown, terms_for

ROOT = Path(__file__).resolve().parents[2]
# The English notebooks, and the Chinese edition once it exists.
NOTEBOOK_GLOBS = ("notebooks/*.ipynb", "notebooks/zh/*.ipynb")
NOTEBOOKS = sorted(p for pattern in NOTEBOOK_GLOBS for p in ROOT.glob(pattern))


# (a) one Chinese term per English term, and no Chinese term for two English terms


def test_every_english_term_is_listed_once() -> None:
    keys = Counter(glossary._key(t.english) for t in GLOSSARY)
    assert [k for k, n in keys.items() if n > 1] == []


def test_no_chinese_term_names_two_english_terms() -> None:
    counts = Counter(t.chinese for t in GLOSSARY)
    assert [zh for zh, n in counts.items() if n > 1] == []


def test_a_variant_that_is_another_terms_chinese_is_explained_in_the_note() -> None:
    owners = {t.chinese: t for t in GLOSSARY}
    for term in GLOSSARY:
        assert term.chinese not in term.variants
        for variant in term.variants:
            if variant in owners:
                assert variant in term.note, (term.english, variant)


def test_the_known_clashes_are_resolved() -> None:
    assert chinese("backpropagation") == "反向传播"
    assert chinese("backward pass") == "反向传递"
    assert chinese("forward pass") == "前向传播"
    assert chinese("gradient accumulation") == "梯度累积"
    assert chinese("batch size") == "批量大小"
    assert chinese("topological order") == "拓扑序"
    assert chinese("topological sort") == "拓扑排序"


def test_each_term_is_shown_by_the_notebook_that_introduces_it_and_not_before() -> None:
    for term in GLOSSARY:
        assert term in terms_for(term.notebook), term.english
        shown_in = [n for n in range(9) if term in terms_for(n)]
        assert min(shown_in) == term.notebook, term.english


def test_term_rejects_bad_fields() -> None:
    with pytest.raises(ValueError, match="empty"):
        Term("x", " ", 0)
    with pytest.raises(TypeError, match="notebook"):
        Term("x", "叉", "0")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="variant"):
        Term("x", "叉", 0, variants=("叉",))


# chinese(), terms_for()


def test_chinese_accepts_case_plurals_and_aliases() -> None:
    assert chinese("Vanishing gradients") == "梯度消失"
    assert chinese("mini-batches") == "小批量"
    assert chinese("Jacobian") == "雅可比矩阵"
    assert chinese("JVP") == "雅可比-向量积"


def test_chinese_of_an_unknown_term_names_it_and_close_matches() -> None:
    with pytest.raises(ValueError, match=r"'batch sise'.*did you mean 'batch size'"):
        chinese("batch sise")
    with pytest.raises(TypeError):
        chinese(3)  # type: ignore[arg-type]


def test_terms_for_keeps_the_glossary_cells_of_issue_12() -> None:
    english = [t.english for t in terms_for(0)]
    assert english[:2] == ["backpropagation", "gradient"]
    assert "backward pass" in english and "widget" in english
    assert [t.english for t in terms_for(7)][:2] == ["forward mode", "reverse mode"]
    with pytest.raises(ValueError, match="notebook"):
        terms_for(9)
    with pytest.raises(TypeError):
        terms_for(True)


# (c) glossary_markdown


def test_glossary_markdown_is_a_table_of_the_notebooks_terms() -> None:
    lines = glossary_markdown(0).splitlines()
    assert lines[0] == "| English | 中文 | introduced in |"
    assert lines[1] == "| --- | --- | --- |"
    assert len(lines) == 2 + len(terms_for(0))
    assert "| backward pass | 反向传递 | 00 |" in lines
    assert "| batch size | 批量大小 | 04 |" in glossary_markdown(5).splitlines()


def test_glossary_markdown_for_the_course_lists_every_term_once() -> None:
    rows = glossary_markdown().splitlines()[2:]
    assert len(rows) == len(GLOSSARY)
    assert rows[0].endswith("| 00 |") and rows[-1].endswith("| 08 |")


def test_a_rendered_glossary_passes_its_own_check() -> None:
    for n in range(9):
        assert glossary.glossary_problems(glossary_markdown(n)) == []


# glossary_problems on small texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one **backward pass** (反向传播) later", "反向传递"),
        ("(**cache**, 梯度) here", "缓存"),
        ("we use 梯度累加 here", "梯度累积"),
        ("| English | 中文 |\n| --- | --- |\n| batch size | 批大小 |", "批量大小"),
        ("一次反向传播（backward pass）", "反向传递"),
        ("with Taylor's theorem (泰勒展开)", "Taylor expansion"),
        ("a **widget** (小部件)", "交互控件"),
    ],
)
def test_glossary_problems_finds_a_clash(text: str, expected: str) -> None:
    problems = glossary.glossary_problems(text)
    assert problems and expected in " ".join(problems)


@pytest.mark.parametrize(
    "text",
    [
        "one **backward pass** (反向传递: send it back); **Backpropagation** (反向传播)",
        "Xavier/He **initialisation** (初始化), **vanishing gradients**, 梯度消失",
        "(training diverges, 发散, or units saturate, 饱和)",
        "一次反向传递（backward pass），小批量大小",
    ],
)
def test_glossary_problems_accepts_the_table(text: str) -> None:
    assert glossary.glossary_problems(text) == []


# (b) every notebook follows the table


def test_the_scan_finds_the_notebooks() -> None:
    assert len([p for p in NOTEBOOKS if p.parent.name == "notebooks"]) >= 9


def _cell_problems(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        f"{path.name} cell {i}: {problem}"
        for i, cell in enumerate(cells)
        if cell["cell_type"] == "markdown"
        for problem in glossary.glossary_problems("".join(cell["source"]))
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_uses_one_chinese_term_per_english_term(path: Path) -> None:
    assert _cell_problems(path) == []


def test_a_chinese_remark_in_parentheses_is_not_taken_for_a_gloss() -> None:
    zh = "ReLU 对每个正输入的斜率都恰好是 1（在那里两者重合），He 初始化（所以梯度很大）。"
    assert glossary.glossary_problems(zh) == []
    # the Chinese edition still gets its terms checked
    assert glossary.glossary_problems("这是一次前向传递（forward pass）。") != []
    assert glossary.glossary_problems("这是一次前向传播（forward pass）。") == []
    # and English prose keeps its rule: a Chinese gloss after an English term must match
    assert glossary.glossary_problems("the backward pass (反向传播) runs") != []
