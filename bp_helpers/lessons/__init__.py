"""One module per notebook: its explore functions, exercise checkers and constants.

``lessons.l05_vectorized_mlp_xor`` serves ``notebooks/05_vectorized_mlp_xor.ipynb`` and
nothing else. A notebook imports its own lesson module and the core, nothing more.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from types import ModuleType


def lesson_modules() -> list[ModuleType]:
    """Every lesson module, in notebook order (imports them)."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "l")
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def all_explorers() -> Iterator[tuple[str, object]]:
    """``("lesson.NAME", explorer)`` for every :class:`~bp_helpers.ui.explore.Explorer`.

    The one place the explorer contract test and the benchmarks find explorers.
    """
    from bp_helpers.ui.explore import Explorer

    for module in lesson_modules():
        for name, value in vars(module).items():
            if isinstance(value, Explorer):
                yield f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value
