"""requirements.txt and environment.yml list the same packages with the same lower bounds."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^([A-Za-z0-9_.\-]+)\s*(.*)$")


def _parse(lines: list[str]) -> dict[str, str]:
    packages = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue  # comments, blank lines, "-e ."
        match = REQUIREMENT.match(line)
        assert match, f"cannot read requirement line {raw!r}"
        name, spec = match.groups()
        packages[name.lower().replace("_", "-")] = spec.replace(" ", "")
    return packages


def _requirements() -> dict[str, str]:
    return _parse((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def _environment() -> dict[str, str]:
    lines = []
    in_deps = False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        if in_deps and re.match(r"^  - [^:]+$", line):
            lines.append(line.strip()[2:])
    packages = _parse(lines)
    packages.pop("python", None)
    packages.pop("pip", None)
    return packages


def test_same_packages_and_bounds() -> None:
    assert _requirements() == _environment()


def test_lower_bounds_only_no_exact_pins() -> None:
    for name, spec in _requirements().items():
        assert spec.startswith(">="), f"{name} must have a lower bound, not {spec!r}"
        assert "==" not in spec and "<" not in spec, f"{name} is pinned: {spec!r}"


def test_core_dependencies_present() -> None:
    needed = {"jupyterlab", "numpy", "matplotlib", "ipywidgets", "sympy", "nbval", "pytest"}
    assert needed <= set(_requirements())


def test_environment_installs_the_package() -> None:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- conda-forge" in text and "- -e ." in text
