"""Find colour literals in Python files and notebook code cells (the rule: only the
figure layer, ``bp_helpers/ui/``, names colours; everything else uses the palette).

Parsed with :mod:`ast`, so comments and markdown never count. A string counts as a
colour literal when it is

- a hex colour ``#rgb``, ``#rgba``, ``#rrggbb`` or ``#rrggbbaa`` (the whole string), or
  one inside a longer string (``"color: #d62728"``, 6 or 8 digits);
- ``"tab:…"``, ``"xkcd:…"`` or a colour-cycle entry ``"C0"`` … ``"C9"``, anywhere;
- a named colour (``"red"``, ``"white"``, ``"k"``) or a colour-map name (``"RdBu_r"``)
  given where a colour goes: a keyword such as ``color=``, ``c=``, ``facecolor=``,
  ``edgecolors=``, ``cmap=`` (or any keyword, variable or dict key whose name contains
  "color", "colour" or "cmap"), including inside a tuple, list or dict there;
- a format string with a colour letter (``"k--"``, ``"ro"``) passed to ``plot``,
  ``semilogx``, ``semilogy``, ``loglog``, ``step`` or ``errorbar``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import matplotlib as mpl
from matplotlib.colors import BASE_COLORS, CSS4_COLORS

_HEX_WHOLE = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_HEX_INSIDE = re.compile(r"(?<![0-9A-Za-z&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6})(?![0-9A-Za-z])")
_PREFIXED = re.compile(r"(?:tab|xkcd):[a-z][a-z /'-]*|C[0-9]", re.IGNORECASE)
_FMT = re.compile(r"[-.:,ov^<>1-8spP*hH+xXDd|_]*[bgrcmykw][-.:,ov^<>1-8spP*hH+xXDd|_]*")
_COLOUR_KEYWORDS = {"c", "fc", "ec", "mfc", "mec", "color", "colors", "cmap"}
_COLOUR_WORDS = ("color", "colour", "cmap")
_FMT_FUNCTIONS = {"plot", "semilogx", "semilogy", "loglog", "step", "errorbar"}
_NAMES = {name.lower() for name in (*CSS4_COLORS, *BASE_COLORS)}
_CMAPS = {name.lower() for name in mpl.colormaps}

Finding = tuple[str, int, str]


def _colour_name(name: str | None) -> bool:
    if name is None:
        return False
    lowered = name.lower()
    return lowered in _COLOUR_KEYWORDS or any(word in lowered for word in _COLOUR_WORDS)


def _target_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    return None


def _strings(node: ast.AST) -> list[ast.Constant]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _values(node: ast.AST) -> list[ast.Constant]:
    """The strings of an expression that can be values: not dict keys, not subscripts
    (``PALETTE["blue"]`` names an entry, it is not a colour)."""
    skipped: set[int] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Subscript):
            skipped.update(id(s) for s in _strings(n.slice))
        elif isinstance(n, ast.Dict):
            skipped.update(id(s) for key in n.keys if key is not None for s in _strings(key))
    return [s for s in _strings(node) if id(s) not in skipped]


def _always_a_colour(text: str) -> bool:
    return bool(_HEX_WHOLE.fullmatch(text) or _HEX_INSIDE.search(text)
                or _PREFIXED.fullmatch(text))


def _colour_in_context(text: str) -> bool:
    return text.lower() in _NAMES or text.lower() in _CMAPS or _always_a_colour(text)


def _flagged_nodes(tree: ast.AST) -> set[ast.Constant]:
    flagged = {s for s in _strings(tree) if _always_a_colour(s.value)}
    contexts: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and _colour_name(node.arg):
            contexts.append(node.value)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None and any(_colour_name(_target_name(t)) for t in targets):
                contexts.append(node.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) \
                        and _colour_name(key.value):
                    contexts.append(value)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in _FMT_FUNCTIONS:
                flagged.update(arg for arg in node.args if isinstance(arg, ast.Constant)
                               and isinstance(arg.value, str) and _FMT.fullmatch(arg.value))
    for value in contexts:
        flagged.update(s for s in _values(value) if _colour_in_context(s.value))
    return flagged


def _hide_magics(source: str) -> str:
    """IPython magics and shell lines (``%…``, ``!…``) become blank, so the cell parses."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


def find_in_source(source: str, filename: str = "<string>") -> list[Finding]:
    """``(filename, line, source line)`` for every colour literal in Python ``source``.

    Code that does not parse is scanned line by line for quoted hex colours only.
    """
    lines = source.splitlines()
    try:
        tree = ast.parse(_hide_magics(source))
    except SyntaxError:
        quoted = re.compile(r"""["']#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})["']""")
        return [(filename, i, line.strip()) for i, line in enumerate(lines, 1)
                if not line.lstrip().startswith("#") and quoted.search(line)]
    rows = sorted({node.lineno for node in _flagged_nodes(tree)})
    return [(filename, row, lines[row - 1].strip()) for row in rows]


def find_colour_literals(path: str | Path) -> list[Finding]:
    """Colour literals in a ``.py`` file or a notebook's code cells.

    Returns ``(file, line, text)``; in a notebook ``file`` is ``"path[cell i]"`` (0-based
    cell index) and ``line`` counts within the cell.
    """
    path = Path(path)
    if path.suffix == ".py":
        return find_in_source(path.read_text(encoding="utf-8"), str(path))
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        found: list[Finding] = []
        for index, cell in enumerate(cells):
            if cell.get("cell_type") == "code":
                source = cell["source"]
                text = "".join(source) if isinstance(source, list) else source
                found += find_in_source(text, f"{path}[cell {index}]")
        return found
    raise ValueError(f"expected a .py or .ipynb file, got {str(path)!r}")
