"""Print a pip constraints file that pins every requirement to its lower bound.

    python tools/lower_bounds.py > lowest.txt
    pip install -r requirements.txt -c lowest.txt

Reads requirements.txt (or the file given as the only argument) and prints one
`name==version` line for each `name>=version` requirement. Lines that are not
requirements (comments, blank lines, options such as `-e .`) are skipped. CI installs
the result in a second virtual environment and runs every test there, so a lower bound
in requirements.txt is one that has been seen to pass. Standard library only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._\-]*)(\[[^\]]*\])?\s*(.*)$")
LOWER = re.compile(r"^>=\s*([0-9][A-Za-z0-9.!+\-]*)$")


def lower_bounds(lines: list[str]) -> dict[str, str]:
    """Map each requirement's name to its lower bound, in file order.

    Raises ValueError for a requirement without a `>=` bound, so an unbounded or
    oddly written requirement cannot slip past the lowest-versions check.
    """
    bounds: dict[str, str] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = NAME.match(line)
        if match is None:
            raise ValueError(f"line {number}: cannot read requirement {raw.strip()!r}")
        name, _extras, spec = match.groups()
        versions = [
            m.group(1)
            for part in spec.replace(" ", "").split(",")
            if (m := LOWER.match(part)) is not None
        ]
        if len(versions) != 1:
            raise ValueError(
                f"line {number}: expected one lower bound 'name>=version', got {raw.strip()!r}"
            )
        bounds[name] = versions[0]
    return bounds


def constraints(lines: list[str]) -> str:
    """The text of a pip constraints file: one `name==version` line per requirement."""
    header = "# Every direct requirement at its lower bound (tools/lower_bounds.py).\n"
    return header + "".join(f"{name}=={version}\n" for name, version in lower_bounds(lines).items())


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print("usage: python tools/lower_bounds.py [requirements.txt]", file=sys.stderr)
        return 2
    path = Path(argv[0]) if argv else ROOT / "requirements.txt"
    try:
        text = constraints(path.read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError) as error:
        print(f"lower_bounds.py: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
