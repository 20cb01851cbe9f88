"""Fixtures for the website test: a fresh build of the site, a local server, Chromium.

Without the site's packages (requirements-site.txt), Chromium or Playwright the tests
are skipped with a one-line reason.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "tests" / "browser")]
import build_site  # noqa: E402
from browser_harness import browser_skip_reason, launched_chromium  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site: needs the website's packages and Chromium")


def site_skip_reason() -> str | None:
    """Why the website test cannot run here, or None when it can."""
    missing = build_site.missing_packages()
    if missing:
        return f"{', '.join(missing)} not installed (pip install -r requirements-site.txt)"
    return browser_skip_reason()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``_site`` when it is a build of the current sources (as
    ``tools/build_site.py`` leaves it), else a fresh build in a temporary folder."""
    reason = site_skip_reason()
    if reason:
        pytest.skip(reason)
    stamp = build_site.OUTPUT / build_site.STAMP
    if stamp.is_file() and stamp.read_text().strip() == build_site.inputs_digest():
        return build_site.OUTPUT
    output = tmp_path_factory.mktemp("site") / "_site"
    build_site.build(output)
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 (a free port) for the length of the session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Headless Chromium for this module, as in tests/browser
    (``browser_harness.launched_chromium``)."""
    reason = site_skip_reason()
    if reason:
        pytest.skip(reason)
    with launched_chromium() as browser:
        yield browser
