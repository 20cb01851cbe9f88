"""requirements.txt, environment.yml and pyproject.toml agree on the lower bounds, and
tools/lower_bounds.py turns them into the constraints file of the lowest-versions CI run."""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "lower_bounds.py"
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


def _pyproject_dependencies() -> dict[str, str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"(?ms)^dependencies = \[(.*?)^\]", text)
    assert block, "pyproject.toml has no [project] dependencies list"
    return _parse(re.findall(r'"([^"]+)"', block.group(1)))


def test_pyproject_bounds_match_requirements() -> None:
    requirements = _requirements()
    dependencies = _pyproject_dependencies()
    assert dependencies, "pyproject.toml lists no dependencies"
    for name, spec in dependencies.items():
        assert requirements.get(name) == spec, f"{name}: pyproject {spec!r}, requirements.txt"


def _lower_bounds_tool():
    spec = importlib.util.spec_from_file_location("lower_bounds", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lower_bounds_pins_every_bounded_requirement() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL)],
        capture_output=True,
        text=True,
        check=True,
    )
    pins = _parse([line for line in result.stdout.splitlines() if not line.startswith("#")])
    expected = {name: "==" + spec.removeprefix(">=") for name, spec in _requirements().items()}
    assert pins == expected
    assert len(pins) >= 10


def test_lower_bounds_rejects_a_requirement_without_a_lower_bound() -> None:
    tool = _lower_bounds_tool()
    assert tool.lower_bounds(["-e .", "# note", "", "numpy>=2.0  # why", "sympy >= 1.13"]) == {
        "numpy": "2.0",
        "sympy": "1.13",
    }
    for bad in ["numpy", "numpy==2.0", "numpy<3", "numpy>=2.0,>=2.1", "numpy>=two"]:
        with pytest.raises(ValueError, match="line 1"):
            tool.lower_bounds([bad])


@pytest.mark.parametrize("name", sorted(set(_requirements()) - {"ruff"}))
def test_every_requirement_imports(name: str) -> None:
    # A package that cannot even be imported with today's dependencies (nbconvert 7.0
    # with lxml >= 5.2) is caught here, in the lowest-versions run of .ci/run too.
    importlib.import_module(name.replace("-", "_"))


def test_ruff_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("ruff "), result.stderr
