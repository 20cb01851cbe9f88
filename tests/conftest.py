"""Fixtures shared by the unit tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from languages import in_language


@pytest.fixture
def chinese() -> Iterator[None]:
    """The test runs in the Chinese edition; English and the rcParams again afterwards."""
    with in_language("zh"):
        yield
