"""The browser test's harness: a private JupyterLab server, and where things are.

The server serves a temporary copy of ``notebooks/`` (outputs stripped, so every widget
on the page comes from a live kernel), with HOME and every Jupyter directory pointed at
temporary folders: nothing is written into the repository or the user's home. Without
Chromium or Playwright the tests are skipped with a one-line reason.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

import nbformat

ROOT = Path(__file__).resolve().parents[2]
#: The notebooks under test (override with BP_BROWSER_NOTEBOOKS=/some/folder).
NOTEBOOKS = Path(os.environ.get("BP_BROWSER_NOTEBOOKS", ROOT / "notebooks"))
#: Where each notebook's screenshots go (git-ignored).
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
#: Chromium from the Debian package; override with BP_CHROMIUM=/path/to/chromium.
CHROMIUM = os.environ.get("BP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SERVER_START_TIMEOUT_S = 90.0

#: Lab settings that keep the page quiet. The notebook's windowing mode is the one a
#: learner has by default (JupyterLab 4.6): every cell is in the page, and cells off
#: screen skip layout and paint (CSS ``content-visibility``). So the tests read text with
#: ``textContent``, which does not depend on layout. (Mode "none", which lays out every
#: cell, made each figure update of the playground ~40 ms slower: the whole notebook
#: laid out again.)
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false", "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "contentVisibility"},
}


@contextmanager
def launched_chromium() -> Iterator[object]:
    """Headless Chromium (Debian's binary, not Playwright's download), closed on exit.

    Open it in a module-scoped fixture: Playwright's sync API keeps an asyncio loop running
    in this thread while it is open, and later tests (the explore widgets' coalescing among
    them) must run with no loop, as in a plain Python session.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def notebook_paths() -> list[Path]:
    """Every notebook of the course, English then Chinese edition, in order (checkpoints
    excluded)."""
    return [p for folder in (NOTEBOOKS, NOTEBOOKS / "zh")
            for p in sorted(folder.glob("*.ipynb")) if not p.name.startswith(".")]


def notebook_id(path: Path) -> str:
    """``03_backprop_by_hand`` for the English notebook, ``zh-03_backprop_by_hand`` for its
    Chinese twin (test ids, screenshot names)."""
    return path.stem if path.parent == NOTEBOOKS else f"{path.parent.name}-{path.stem}"


def browser_skip_reason() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright)"
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where it listens and what it serves."""

    base_url: str
    token: str
    root: Path

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def api(self, method: str, path: str) -> object:
        """Call the server's REST API; returns the decoded JSON body (or None)."""
        request = urllib.request.Request(
            self.url(path), method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Delete every session (and its kernel) the page started."""
        for session in self.api("GET", "/api/sessions") or []:
            self.api("DELETE", f"/api/sessions/{session['id']}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _copy_notebooks(target: Path) -> None:
    """Copy notebooks/ with outputs and execution counts stripped."""
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for path in target.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, path)


def _private_env(home: Path) -> dict[str, str]:
    """The environment for the server: HOME and every Jupyter folder under ``home``."""
    folders = {
        "HOME": home,
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": home / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "lab-workspaces",
        "IPYTHONDIR": home / "ipython",
        "MPLCONFIGDIR": home / "matplotlib",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for name, settings in LAB_SETTINGS.items():
        path = folders["JUPYTERLAB_SETTINGS_DIR"] / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    env = {**os.environ, **{name: str(folder) for name, folder in folders.items()}}
    return env


def _wait_until_ready(server: LabServer, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {process.returncode}:\n{log.read_text()}")
        try:
            server.api("GET", "/api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise RuntimeError(f"JupyterLab not ready after {SERVER_START_TIMEOUT_S:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    """Stop the server we started (by its PID) and wait for it and its kernels to exit."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def start_lab(base: Path) -> Iterator[LabServer]:
    """Run JupyterLab on 127.0.0.1 over a stripped copy of the notebooks in ``base``.

    Stops the server (by its own PID) and its kernels on exit.
    """
    root = base / "notebooks"
    _copy_notebooks(root)
    env = _private_env(base / "home")
    port, token = _free_port(), uuid4().hex
    log = base / "server.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
        "--ip=127.0.0.1", "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
        f"--IdentityProvider.token={token}", "--ServerApp.allow_root=True",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: read cells' state
    ]
    with log.open("w") as log_file:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = LabServer(base_url=f"http://127.0.0.1:{port}", token=token, root=root)
    try:
        _wait_until_ready(server, process, log)
        yield server
    finally:
        try:
            if process.poll() is None:
                server.shutdown_kernels()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        _stop(process)
