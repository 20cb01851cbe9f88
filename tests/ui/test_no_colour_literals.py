"""No colour literal outside the palette: every colour comes from bp_helpers/ui/palette.py.

The rule (issue #14.1): one colour-blind-safe palette, held by meaning in the figure layer.
A hex code, a named colour (``"red"``, ``"k"``), a colour-cycle entry (``"C0"``) or a
colour-map name typed anywhere else fails here, with the file and line. The finder is
``tests/ui/colour_literals.py`` (its own tests: ``test_colour_literals.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from colour_literals import find_colour_literals

ROOT = Path(__file__).resolve().parents[2]
PALETTE = ROOT / "bp_helpers" / "ui" / "palette.py"


def _package_files() -> list[Path]:
    return sorted(p for p in (ROOT / "bp_helpers").rglob("*.py")
                  if p != PALETTE and "lessons" not in p.parts)


def _lesson_files() -> list[Path]:
    return sorted((ROOT / "bp_helpers" / "lessons").glob("*.py"))


def _notebooks() -> list[Path]:
    return sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if not p.name.startswith("."))


def _params(paths: list[Path], marks=()) -> list:
    return [pytest.param(p, id=str(p.relative_to(ROOT)), marks=marks) for p in paths]


def _explain(findings: list) -> str:
    return "colour literals (use bp_helpers.ui.palette: COLORS, TINTS, class_colors, " \
        "layer_style, class_cmap, DIVERGING_CMAP, SEQUENTIAL_CMAP):\n" + "\n".join(
            f"  {file}:{line}: {text}" for file, line, text in findings)


def test_the_files_are_found() -> None:
    assert PALETTE.is_file()
    assert len(_package_files()) > 10 and _lesson_files() and _notebooks()


@pytest.mark.parametrize("path", _params(_package_files()))
def test_no_colour_literal_in_the_package(path: Path) -> None:
    findings = find_colour_literals(path)
    assert not findings, _explain(findings)


@pytest.mark.parametrize("path", _params(_lesson_files()))
def test_no_colour_literal_in_lesson_modules(path: Path) -> None:
    findings = find_colour_literals(path)
    assert not findings, _explain(findings)


@pytest.mark.parametrize("path", _params(_notebooks()))
def test_no_colour_literal_in_notebooks(path: Path) -> None:
    findings = find_colour_literals(path)
    assert not findings, _explain(findings)


def test_the_palette_is_where_the_colours_are() -> None:
    # the one home of colour literals: if this fails, the finder has stopped finding
    assert len(find_colour_literals(PALETTE)) >= 13
