"""What the course prints, in the notebook's language: one message table per language.

A notebook chooses its language once, in its first cell (``lesson.set_language("zh")``,
which calls :func:`set_language` and sets the figure fonts, see
:func:`bp_helpers.ui.style.set_language`). Everything the package prints *to a learner*
(explore summaries, figure text, exercise hints and verdicts, training messages) is looked
up here by key::

    t("checks.correct", name="dL/dw")    # '✓ dL/dw: correct' or '✓ dL/dw：正确'

:mod:`~bp_helpers.messages.en` and :mod:`~bp_helpers.messages.zh` hold one flat table each,
``MESSAGES: dict[str, str]``, of :meth:`str.format` templates; a test checks that both have
every key and the same fields in each template. Error messages of the core API (the
``ValueError``/``TypeError`` of bad input) are not looked up: they stay English.

The language is the package's one setting (like matplotlib's ``rcParams``): English until
a notebook sets it. Standard library only, so the core may use it too.
"""

from __future__ import annotations

from bp_helpers.messages import en, zh

__all__ = ["LANGUAGES", "language", "set_language", "t", "t_in"]

#: The course's languages, English first (the default).
LANGUAGES: tuple[str, ...] = ("en", "zh")
_TABLES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}

_current = {"language": "en"}


def set_language(language: str) -> None:
    """Print the course's messages in ``language`` (``"en"`` or ``"zh"``) from now on."""
    if not isinstance(language, str):
        raise TypeError(f"language must be a str in {LANGUAGES}, got {type(language).__name__}")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    _current["language"] = language


def language() -> str:
    """The language messages are printed in now: ``"en"`` or ``"zh"``."""
    return _current["language"]


def t_in(language: str, key: str, /, **fields: object) -> str:
    """The message ``key`` in ``language``, its ``{fields}`` filled in."""
    if language not in _TABLES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {language!r}")
    try:
        template = _TABLES[language][key]
    except KeyError:
        raise KeyError(f"no message {key!r} in the {language!r} table") from None
    return template.format(**fields)


def t(key: str, /, **fields: object) -> str:
    """The message ``key`` in the current language (:func:`language`), fields filled in."""
    return t_in(_current["language"], key, **fields)
