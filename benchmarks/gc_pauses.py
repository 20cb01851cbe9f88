"""How much of the playground's slowest frames is Python's garbage collector.

A full (generation-2) collection scans every object in the process; the widgets freeze
the objects alive when they are built (``bp_helpers.ui.explore.collect_and_freeze``),
so that such a collection, when it lands in a frame, scans only what came later.

This script builds the playground in a process that holds what a notebook's kernel
holds (IPython, ipykernel, sympy), twice, each in a fresh interpreter: once as the
widget leaves it (objects frozen), once with them unfrozen (``gc.unfreeze()``, as
before the freeze). Each time it moves the network and run controls one step and back
(as ``benchmarks/run.py`` does), runs 100 Run frames, and prints the frame times beside
the generation-2 collections that ran, with their pauses. Python starts a full
collection when the objects that outlived the younger collections reach a quarter of
those that outlived the last full one, so whether one lands in these frames depends on
what ran before; so the script also times one full collection in each state: what a
frame pays when one lands in it.

Run: ``python benchmarks/gc_pauses.py``. It prints only; it is not a timed test.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time

import matplotlib

matplotlib.use("Agg")


def _full_collection_ms() -> float:
    """The pause of one full collection (what a frame pays when one lands in it)."""
    pauses = []
    for _ in range(5):
        begin = time.perf_counter()
        gc.collect()
        pauses.append(1e3 * (time.perf_counter() - begin))
    return statistics.median(pauses)


def measure(frozen: bool, moves: int = 40, frames: int = 100) -> None:
    import ipykernel.ipkernel  # noqa: F401  (what a notebook's kernel holds)
    import sympy  # noqa: F401
    from run import playground_step_away

    from bp_helpers.ui.playground import PlaygroundWidget

    pauses: list[float] = []
    started = [0.0]

    def timer(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        elif info["generation"] == 2:
            pauses.append(1e3 * (time.perf_counter() - started[0]))

    def row(what: str, move, n: int) -> None:
        times, pauses[:] = [], []
        for i in range(n):
            begin = time.perf_counter()
            move(i)
            times.append(1e3 * (time.perf_counter() - begin))
        full = ", ".join(f"{ms:.0f} ms" for ms in pauses)
        print(f"  {what:<14} median {statistics.median(times):5.1f} ms, max {max(times):5.1f} ms;"
              f" generation-2 collections: {full or 'none'}")

    gc.callbacks.append(timer)
    try:
        widget = PlaygroundWidget()
        if not frozen:
            gc.unfreeze()
        how = "frozen at the build, as the widget leaves them" if frozen else \
            "unfrozen after the build (gc.unfreeze())"
        print(f"objects {how}: {gc.get_freeze_count():,} frozen, "
              f"{len(gc.get_objects()):,} not")
        for name in ("hidden_layers", "width", "activation", "seed"):
            control = widget.controls[name]
            values = (playground_step_away(control), control.value)
            row(name, lambda i, c=control, v=values: setattr(c, "value", v[i % 2]), moves)
        play = widget.play
        row("Run frame", lambda i: setattr(play, "value", play.value + 1), frames)
    finally:
        gc.callbacks.remove(timer)
    print(f"  a full collection after these frames takes {_full_collection_ms():.1f} ms "
          "(median of 5): what a frame pays when one lands in it")


def main() -> None:
    """Each state in a fresh interpreter, so that neither finds the other's caches warm."""
    for state in ("frozen", "unfrozen"):
        subprocess.run([sys.executable, __file__, state], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        measure(frozen=sys.argv[1] == "frozen")
    else:
        main()
