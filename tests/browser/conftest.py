"""Fixtures for the browser test: a private JupyterLab server and headless Chromium.

Without Chromium or Playwright the tests are skipped with a one-line reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from browser_harness import LabServer, browser_skip_reason, launched_chromium, start_lab
from latency import WidgetLatency, header_line, write_block


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--latency-report", action="store_true", default=False,
                     help="write the widgets' latencies into benchmarks/RESULTS.md")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs JupyterLab and headless Chromium")


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """A JupyterLab on 127.0.0.1 serving a stripped temporary copy of the notebooks."""
    reason = browser_skip_reason()
    if reason:
        pytest.skip(reason)
    with start_lab(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Headless Chromium for this module (see ``browser_harness.launched_chromium``)."""
    reason = browser_skip_reason()
    if reason:
        pytest.skip(reason)
    with launched_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def latency_log(request: pytest.FixtureRequest) -> Iterator[list[WidgetLatency]]:
    """Every widget's latencies; written to benchmarks/RESULTS.md with --latency-report."""
    results: list[WidgetLatency] = []
    load_start = os.getloadavg()[0]
    yield results
    if request.config.getoption("--latency-report", default=False) and results:
        write_block(results, header_line((load_start, os.getloadavg()[0])))
