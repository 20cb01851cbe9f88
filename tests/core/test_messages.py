"""The message tables: both languages have every key, with the same fields."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from languages import CJK

from bp_helpers import messages
from bp_helpers.messages import en, zh

PACKAGE = Path(messages.__file__).resolve().parents[1]
#: A message looked up by a literal key: t("…"), ft("…"), t_in(language, "…").
LOOKUP = re.compile(r"""\b(?:f?t|t_in)\((?:[^,()"']+,\s*)?["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _used_keys() -> set[str]:
    sources = [p for p in PACKAGE.rglob("*.py") if p.parent.name != "messages"]
    return {key for path in sources for key in LOOKUP.findall(path.read_text())}


def test_both_tables_have_the_same_keys_in_the_same_order() -> None:
    assert list(en.MESSAGES) == list(zh.MESSAGES)


@pytest.mark.parametrize("key", list(en.MESSAGES))
def test_each_message_has_the_same_fields_in_both_languages_and_formats(key: str) -> None:
    assert _fields(en.MESSAGES[key]) == _fields(zh.MESSAGES[key]), key
    assert not CJK.search(en.MESSAGES[key]), f"{key}: Chinese in the English table"
    has_words = re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", en.MESSAGES[key]))
    if has_words and en.MESSAGES[key] != zh.MESSAGES[key]:
        assert CJK.search(zh.MESSAGES[key]), f"{key}: the Chinese message has no Chinese"


def test_every_key_the_package_looks_up_exists_and_every_key_is_used() -> None:
    used = _used_keys()
    assert sorted(used - set(en.MESSAGES)) == []
    assert sorted(set(en.MESSAGES) - used) == []


def test_t_prints_in_the_language_set_and_rejects_bad_input() -> None:
    try:
        assert messages.language() == "en"
        english = messages.t("explore.run_to_use")
        messages.set_language("zh")
        assert messages.language() == "zh"
        assert messages.t("explore.run_to_use") != english
        assert CJK.search(messages.t("explore.run_to_use"))
        with pytest.raises(ValueError, match="one of"):
            messages.set_language("fr")
        with pytest.raises(TypeError, match="str"):
            messages.set_language(None)  # type: ignore[arg-type]
        with pytest.raises(KeyError, match="no message 'no.such.key'"):
            messages.t("no.such.key")
    finally:
        messages.set_language("en")
    assert messages.t_in("zh", "explore.run_to_use") != english
