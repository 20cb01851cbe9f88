"""Keep the Chinese edition (``notebooks/zh/``) in step with the English notebooks.

    python tools/twins.py new 03     # start notebooks/zh/03_….ipynb: a copy of the English
                                     # notebook in Chinese mode (its markdown still English,
                                     # to be translated), outputs cleared
    python tools/twins.py sync       # copy every English code cell into its twin (same
                                     # position), with the language line set to "zh"

Then execute the twin (``jupyter nbconvert --to notebook --execute --inplace``) and run
``python ../shared/tools/nbhygiene.py notebooks``. ``tests/test_editions.py`` fails when
the two editions differ in anything but their prose and the language line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EN = ROOT / "notebooks"
ZH = EN / "zh"

#: The one code line that differs between the editions: ``lesson.set_language("en")``.
LANGUAGE_LINE = re.compile(r'^((?:lesson\.)?set_language\()"(en|zh)"(\))$', re.MULTILINE)


def in_language(source: str, language: str) -> str:
    """``source`` with its language line set to ``language``."""
    return LANGUAGE_LINE.sub(rf'\1"{language}"\3', source)


def twin_path(english: Path) -> Path:
    return ZH / english.name


def english_notebook(number: str) -> Path:
    matches = sorted(EN.glob(f"{number}_*.ipynb"))
    if len(matches) != 1:
        raise SystemExit(f"no single notebook {number}_*.ipynb in {EN}")
    return matches[0]


def new(number: str) -> Path:
    english = english_notebook(number)
    nb = nbformat.read(english, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = in_language(cell.source, "zh")
            cell.outputs = []
            cell.execution_count = None
    ZH.mkdir(exist_ok=True)
    nbformat.write(nb, twin_path(english))
    return twin_path(english)


def sync(english: Path) -> bool:
    """Copy ``english``'s code cells into its twin; True when the twin changed."""
    source = nbformat.read(english, as_version=4)
    twin_file = twin_path(english)
    twin = nbformat.read(twin_file, as_version=4)
    kinds = [c.cell_type for c in source.cells], [c.cell_type for c in twin.cells]
    if kinds[0] != kinds[1]:
        raise SystemExit(f"{twin_file.name}: the cells are not the same kinds in the same "
                         "order as the English notebook; add or remove the markdown cells first")
    changed = False
    for en_cell, zh_cell in zip(source.cells, twin.cells, strict=True):
        if en_cell.cell_type == "code" and zh_cell.source != in_language(en_cell.source, "zh"):
            zh_cell.source = in_language(en_cell.source, "zh")
            zh_cell.metadata = en_cell.metadata
            changed = True
    if changed:
        nbformat.write(twin, twin_file)
    return changed


def main(argv: list[str]) -> None:
    if argv[:1] == ["new"] and len(argv) == 2:
        print(new(argv[1]).relative_to(ROOT))
    elif argv == ["sync"]:
        for english in sorted(EN.glob("[0-9][0-9]_*.ipynb")):
            if twin_path(english).exists() and sync(english):
                print("synced", twin_path(english).relative_to(ROOT), "(execute it again)")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
