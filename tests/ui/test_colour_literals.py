"""The finder behind the rule "no colour literal outside the figure layer"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from colour_literals import find_colour_literals, find_in_source


def lines_found(source: str) -> list[int]:
    return [line for _, line, _ in find_in_source(source)]


@pytest.mark.parametrize("source", [
    'ax.plot(x, y, color="#d62728")',
    "ax.plot(x, y, color='#abc')",
    'face = "#dbe9f6" if leaf else "#fde0c5"',
    'html = "<span style=\'color: #1f77b4\'>x</span>"',
    'ax.plot(x, y, color="tab:blue")',
    'ax.bar(x, h, color=["C0", "C1"])',
    'ax.plot(x, y, color="red")',
    'ax.scatter(x, y, c="k", edgecolors="white")',
    'ax.contour(g, g, P, levels=[0.5], colors="black")',
    'ax.imshow(P, cmap="RdBu_r")',
    'bbox = {"boxstyle": "round", "facecolor": "white"}',
    'LAYER_COLORS = ("navy", "gold")',
    'ax.plot(x, y, "k--")',
    'ax.semilogy(x, y, "ro")',
    'for label, color in ((0, "#1f77b4"), (1, "#d62728")):\n    pass',
])
def test_colour_literals_are_found(source: str) -> None:
    assert lines_found(source) == [1]


def test_each_line_is_reported_once_with_its_text() -> None:
    source = 'x = 1\nax.plot(x, y, color="#d62728", mec="red")\n\nax.axhline(0, color="C3")\n'
    assert find_in_source(source, "f.py") == [
        ("f.py", 2, 'ax.plot(x, y, color="#d62728", mec="red")'),
        ("f.py", 4, 'ax.axhline(0, color="C3")'),
    ]


@pytest.mark.parametrize("source", [
    "# Title",
    "# a comment that says red, #d62728 and C0",
    'x = 1  # color="#d62728"',
    'ax.plot(x, y, color=COLORS["tangent"])',
    'ax.plot(x, y, **layer_style(1))',
    'ax.plot(x, y, "o-", ms=4)',
    'ax.plot(x, y, "--")',
    'params = {"W1": W1, "b1": b1}',
    'open(path, "w")',
    'label = "red means positive"',
    'title = "issue #123"',
    'key = "tan"',
    'ax.plot(x, y, color=PALETTE["blue"])',
    'def f():\n    """Returns the tangent at #x."""\n',
    "%matplotlib inline\nx = 1",
])
def test_what_is_not_a_colour_literal_is_not_flagged(source: str) -> None:
    assert lines_found(source) == []


def test_code_that_does_not_parse_is_scanned_for_quoted_hex_only() -> None:
    source = 'ax.plot(x, y, color="#d62728"\n# "#ffffff" in a comment\nlabel = "red" +'
    assert lines_found(source) == [1]


def test_notebooks_are_read_cell_by_cell_and_markdown_is_skipped(tmp_path: Path) -> None:
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "color='#d62728'"]},
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
             "source": ["import numpy as np\n", "ax.plot(x, y, color='#d62728')\n"]},
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
             "source": "!pip list\nax.plot(x, y, 'k--')"},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert find_colour_literals(path) == [
        (f"{path}[cell 1]", 2, "ax.plot(x, y, color='#d62728')"),
        (f"{path}[cell 2]", 2, "ax.plot(x, y, 'k--')"),
    ]


def test_python_files_and_other_suffixes(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Doc."""\nRED = "#ff0000"\n', encoding="utf-8")
    assert find_colour_literals(module) == [(str(module), 2, 'RED = "#ff0000"')]
    with pytest.raises(ValueError, match=r"\.py or \.ipynb"):
        find_colour_literals(tmp_path / "notes.md")
