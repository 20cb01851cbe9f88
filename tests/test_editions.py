"""The English and Chinese editions are one course: the same cells, the same code.

Every English notebook ``notebooks/NN_*.ipynb`` has a twin ``notebooks/zh/NN_*.ipynb``
with the same cells in the same order; each code cell is the same apart from the
language line (``set_language("en")`` / ``set_language("zh")``), with the same cell
metadata (solutions stay hidden in both); each markdown cell has its counterpart: the
same heading level, the same links to other notebooks, the same display equations, and
Chinese prose. ``tools/twins.py sync`` repairs the code cells after an English change.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import twins  # noqa: E402

ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHINESE = sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
NOTEBOOK_LINK = re.compile(r"\]\(([^)#\s]*\.ipynb)")
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _kept(metadata: dict) -> dict:
    """Cell metadata apart from nbconvert's execution timestamps (they differ per run)."""
    return {key: value for key, value in metadata.items() if key != "execution"}


def _heading_level(source: str) -> int:
    first = source.lstrip().splitlines()[0] if source.strip() else ""
    return len(first) - len(first.lstrip("#"))


def _links(source: str) -> list[str]:
    return [Path(link).name for link in NOTEBOOK_LINK.findall(source)]


def _equations(source: str) -> list[str]:
    return ["".join(eq.split()) for eq in DISPLAY_MATH.findall(source)]


def test_every_english_notebook_has_a_chinese_twin_and_no_twin_is_orphaned() -> None:
    assert {p.name for p in ENGLISH} == {p.name for p in CHINESE}


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name[:2])
def test_the_twins_have_the_same_cells_and_code(english: Path) -> None:
    twin = ROOT / "notebooks" / "zh" / english.name
    if not twin.exists():
        pytest.fail(f"no twin {twin.relative_to(ROOT)}: tools/twins.py new {english.name[:2]}")
    en, zh = _read(english), _read(twin)
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells], (
        "the cells differ in number, kind or order")
    for index, (a, b) in enumerate(zip(en.cells, zh.cells, strict=True)):
        where = f"{english.name} cell {index}"
        if a.cell_type == "code":
            assert twins.in_language(a.source, "zh") == b.source, (
                f"{where}: the code differs (run tools/twins.py sync)")
            assert twins.in_language(b.source, "en") == a.source, where
            assert _kept(a.metadata) == _kept(b.metadata), f"{where}: the cell metadata differs"
        else:
            assert _heading_level(a.source) == _heading_level(b.source), f"{where}: heading"
            assert _links(a.source) == _links(b.source), f"{where}: links to notebooks"
            assert _equations(a.source) == _equations(b.source), f"{where}: display maths"
            assert CJK.search(b.source), f"{where}: the Chinese cell has no Chinese in it"


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name[:2])
def test_each_edition_sets_its_language_once_in_its_first_code_cell(english: Path) -> None:
    for path, language in ((english, "en"), (ROOT / "notebooks" / "zh" / english.name, "zh")):
        if not path.exists():
            continue
        code = [c.source for c in _read(path).cells if c.cell_type == "code"]
        lines = [m.group(2) for m in twins.LANGUAGE_LINE.finditer("\n".join(code))]
        assert lines == [language], f"{path.name}: language lines {lines}"
        assert twins.LANGUAGE_LINE.search(code[0]), f"{path.name}: not in the first code cell"


def test_the_language_line_is_recognised_and_only_it_is_changed() -> None:
    source = 'x = "en"\nlesson.set_language("en")\nset_language("en")\nprint("en")'
    assert twins.in_language(source, "zh") == (
        'x = "en"\nlesson.set_language("zh")\nset_language("zh")\nprint("en")')
    assert twins.in_language('lesson.set_language("en")  # no', "zh").endswith('"en")  # no')
