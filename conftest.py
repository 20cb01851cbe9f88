"""pytest set-up shared by the unit tests and the notebooks (nbval)."""

from __future__ import annotations

from pathlib import Path

import pytest

SANITIZE = Path(__file__).parent / "tests" / "nbval_sanitize.cfg"


def pytest_configure(config: pytest.Config) -> None:
    # nbval resolves a relative --nbval-sanitize-with against the working directory;
    # an absolute path lets `pytest` run from any folder.
    if getattr(config.option, "nbval_sanitize_with", "missing") is None:
        config.option.nbval_sanitize_with = str(SANITIZE)
