"""Running test code in the Chinese edition: the shared pattern for the tests.

``tests/conftest.py`` puts this directory on ``sys.path`` (pytest's default ``prepend``
import mode), so a test imports it as ``from languages import CJK, in_language``; a test
that is Chinese from start to end uses the ``chinese`` fixture of the conftest instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl

from bp_helpers.ui.style import set_language

#: A Chinese character (CJK Unified Ideographs).
CJK = re.compile(r"[\u4e00-\u9fff]")


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """The notebook's ``language`` (messages and figure style) inside the block; afterwards
    English again and matplotlib's rcParams as they were (``set_language`` changes
    ``font.family``)."""
    with mpl.rc_context():
        try:
            set_language(language)
            yield
        finally:
            set_language("en")
