"""What a learner waits for: slider key press → new figure on screen, in a real JupyterLab.

Times are taken in the page (``performance.now()``): from the key's ``keydown`` (or the
button's ``mousedown``) to the moment the widget's ``<img>`` has a new ``src`` and that
image is decoded, ready to paint. The results go to a block of ``benchmarks/RESULTS.md``
(``python -m pytest tests/browser --latency-report``); ``benchmarks/run.py`` keeps that
block when it rewrites the file.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "RESULTS.md"
BEGIN = "<!-- browser latency: begin -->"
END = "<!-- browser latency: end -->"

#: The aims of issue #14.7-9.
AIM_MEDIAN_MS, AIM_MAX_MS, AIM_SETTLE_MS = 150.0, 300.0, 300.0
MOVES = 10
BURST = 20
#: How long the figure must stay unchanged to count as settled.
QUIET_MS = 1200
TIMEOUT_MS = 15_000

# Arm: record when the next input starts (keydown / mousedown, capture phase) and resolve
# window.__bpNext with (image time - input time) once an <img> of root changes and decodes.
_ARM_JS = """
([root, timeout]) => {
  const imgs = [...root.querySelectorAll('img')];
  const before = imgs.map(i => i.src);
  window.__bpT0 = null;
  const start = () => { if (window.__bpT0 === null) window.__bpT0 = performance.now(); };
  document.addEventListener('keydown', start, {capture: true, once: true});
  document.addEventListener('mousedown', start, {capture: true, once: true});
  window.__bpNext = new Promise(resolve => {
    const timer = setTimeout(() => { obs.disconnect(); resolve(null); }, timeout);
    const obs = new MutationObserver(async () => {
      const changed = imgs.find((img, k) => img.src !== before[k]);
      if (!changed) return;
      obs.disconnect();
      clearTimeout(timer);
      try { await changed.decode(); } catch (e) {}
      resolve(window.__bpT0 === null ? null : performance.now() - window.__bpT0);
    });
    imgs.forEach(img => obs.observe(img, {attributes: true, attributeFilter: ['src']}));
  });
  return imgs.length;
}
"""

# Watch every image change of root: times (performance.now) of each change, and the
# time of every keydown.
_WATCH_JS = """
(root) => {
  const imgs = [...root.querySelectorAll('img')];
  window.__bpChanges = [];
  window.__bpKeys = [];
  const key = () => window.__bpKeys.push(performance.now());
  document.addEventListener('keydown', key, {capture: true});
  window.__bpStopKeys = () => document.removeEventListener('keydown', key, {capture: true});
  const obs = new MutationObserver(() => window.__bpChanges.push(performance.now()));
  imgs.forEach(img => obs.observe(img, {attributes: true, attributeFilter: ['src']}));
  window.__bpStopWatch = () => obs.disconnect();
  return imgs.length;
}
"""

# The images' contents (SHA-256 of the bytes): each update has a new blob: URL, even
# for the same bytes, so URLs cannot be compared.
_IMAGES_JS = """
async (root) => Promise.all([...root.querySelectorAll('img')].map(async img => {
  const bytes = await (await fetch(img.src)).arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
}))
"""
_TEXT_JS = "(root) => [...root.querySelectorAll('.widget-html-content')].map(e => e.textContent)"


@dataclass
class WidgetLatency:
    """One widget's measurements (milliseconds)."""

    notebook: str
    widget: str
    moves: list[float] = field(default_factory=list)
    settle_ms: float | None = None
    settled_on_final: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.moves) if self.moves else float("nan")

    @property
    def worst(self) -> float:
        return max(self.moves) if self.moves else float("nan")


def timed_input(page, root, act) -> float | None:
    """Milliseconds from the input ``act()`` makes to the widget's new image, or None."""
    page.evaluate(_ARM_JS, [root.element_handle(), TIMEOUT_MS])
    act()
    return page.evaluate("window.__bpNext")


def images(root) -> list[str]:
    return root.evaluate(_IMAGES_JS)


def slider_moves(page, root, handle_index: int, moves: int = MOVES) -> list[float]:
    """``moves`` one-step key presses on a slider, alternating right and left."""
    handle = root.locator(".widget-slider .noUi-handle").nth(handle_index)
    handle.focus()
    # Untimed: one step up (or nothing, at the maximum); then left, right, left …: every
    # timed press moves the slider.
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(QUIET_MS)
    times = []
    for k in range(moves):
        # after the first press we are one step up (or at the maximum): left, right, …
        key = "ArrowLeft" if k % 2 == 0 else "ArrowRight"
        ms = timed_input(page, root, lambda key=key: page.keyboard.press(key))
        if ms is not None:
            times.append(ms)
    return times


def burst_then_settle(page, root, handle_index: int) -> tuple[float | None, bool]:
    """20 quick presses, then: (ms from the last press to the last image change, whether
    the settled image is the image of the final value).

    The final value's own image is found afterwards by stepping away and back (one
    press each, waiting for each): the figures are deterministic, so the same values
    give the same PNG.
    """
    handle = root.locator(".widget-slider .noUi-handle").nth(handle_index)
    readout = root.locator(".widget-slider .widget-readout").nth(handle_index)
    handle.focus()
    page.keyboard.press("Home")  # the slider's minimum: the burst has room to move
    page.wait_for_timeout(QUIET_MS)
    page.evaluate(_WATCH_JS, root.element_handle())
    for _ in range(BURST):
        page.keyboard.press("ArrowRight")
    page.evaluate("window.__bpStopKeys()")
    _wait_quiet(page)
    page.evaluate("window.__bpStopWatch()")
    changes = page.evaluate("window.__bpChanges")
    keys = page.evaluate("window.__bpKeys")
    settled = images(root)
    settled_text = root.evaluate(_TEXT_JS)
    final = readout.text_content()
    settle = (changes[-1] - keys[-1]) if changes and keys else None
    # the final value's own image: one step away and back
    away = "ArrowLeft"
    timed_input(page, root, lambda: page.keyboard.press(away))
    if readout.text_content() == final:
        away = "ArrowRight"
        timed_input(page, root, lambda: page.keyboard.press(away))
    back = "ArrowRight" if away == "ArrowLeft" else "ArrowLeft"
    timed_input(page, root, lambda: page.keyboard.press(back))
    assert readout.text_content() == final, "stepping away and back did not return"
    # The image arrives just before its text (the widgets send it first): give the text
    # a moment to come; a wrong text never matches, however long the wait.
    _wait_for_text(page, root, settled_text)
    return settle, images(root) == settled and root.evaluate(_TEXT_JS) == settled_text


def _wait_for_text(page, root, texts: list[str]) -> None:
    """Wait until the widget's texts are ``texts`` (at most QUIET_MS; no error after)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            f"([root, want]) => JSON.stringify(({_TEXT_JS})(root)) === JSON.stringify(want)",
            arg=[root.element_handle(), texts], timeout=QUIET_MS)
    except PlaywrightTimeout:
        pass


def _wait_quiet(page) -> None:
    """Wait until no image has changed for QUIET_MS (at most TIMEOUT_MS)."""
    page.wait_for_function(
        f"""() => {{
          const last = Math.max(window.__bpKeys.at(-1) || 0, window.__bpChanges.at(-1) || 0);
          return performance.now() - last > {QUIET_MS};
        }}""",
        timeout=TIMEOUT_MS,
    )


def frames_per_second(page, root, play_button, seconds: float = 3.0) -> float:
    """Image changes per second while Run (the Play button) is playing."""
    page.evaluate(_WATCH_JS, root.element_handle())
    play_button.click()
    page.wait_for_timeout(500)  # the first frames
    page.evaluate("window.__bpChanges = []")
    page.wait_for_timeout(seconds * 1000)
    changes = page.evaluate("window.__bpChanges")
    page.evaluate("window.__bpStopWatch(); window.__bpStopKeys()")
    return len(changes) / seconds


def render_block(results: list[WidgetLatency], header: str) -> str:
    lines = [
        BEGIN,
        "## Browser latency (JupyterLab in headless Chromium)",
        "",
        "Produced by `python -m pytest tests/browser --latency-report` (it rewrites this "
        "block; `benchmarks/run.py` keeps it).",
        "",
        header,
        "- JupyterLab with its default notebook settings (windowing mode "
        "`contentVisibility`: cells off screen skip layout), as a learner has it",
        f"- per widget: {MOVES} one-step key presses on its first slider (the playground: on "
        "each slider, and the Step button), time from the key press to the new image "
        "decoded in the page; then a burst of "
        f"{BURST} quick presses: time from the last press to the last image change, and "
        "whether that image is the final value's",
        f"- aims: median ≤ {AIM_MEDIAN_MS:.0f} ms, max ≤ {AIM_MAX_MS:.0f} ms, settles ≤ "
        f"{AIM_SETTLE_MS:.0f} ms after the last press on the final value",
        "",
        "| notebook | widget | median | max | burst: settled after | on the final value | "
        "aims | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ok = (r.median <= AIM_MEDIAN_MS and r.worst <= AIM_MAX_MS
              and (r.settle_ms is None or r.settle_ms <= AIM_SETTLE_MS)
              and r.settled_on_final is not False)
        settle = "—" if r.settle_ms is None else f"{r.settle_ms:.0f} ms"
        final = {True: "yes", False: "NO", None: "—"}[r.settled_on_final]
        notes = "; ".join(f"{k}: {v}" for k, v in r.extra.items())
        lines.append(f"| {r.notebook} | {r.widget} | {r.median:.0f} ms | {r.worst:.0f} ms | "
                     f"{settle} | {final} | {'✓' if ok else '✗ missed'} | {notes} |")
    lines.append(END)
    return "\n".join(lines)


def write_block(results: list[WidgetLatency], header: str, path: Path = RESULTS) -> None:
    """Replace (or append) the browser-latency block of RESULTS.md."""
    block = render_block(results, header)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def header_line(load: tuple[float, float]) -> str:
    return (f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load average (1 min) "
            f"{load[0]:.2f} at start, {load[1]:.2f} at end (the machine is shared: "
            "latencies grow with its load)")
