"""How much of the playground's slowest frames is Python's garbage collector.

Moves the playground's network and run controls one step and back (as
``benchmarks/run.py`` does) and prints each control's median and max frame time,
and the generation-2 collections that ran during the moves, with their pauses.
Run: ``python benchmarks/gc_pauses.py``. It prints only; it is not a timed test.
"""

from __future__ import annotations

import gc
import statistics
import time


def main(moves: int = 20) -> None:
    from bp_helpers.ui.playground import PlaygroundWidget

    pauses: list[tuple[int, float]] = []
    started = [0.0]

    def timer(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses.append((info["generation"], 1e3 * (time.perf_counter() - started[0])))

    gc.callbacks.append(timer)
    try:
        widget = PlaygroundWidget()
        for _ in range(20):  # a short Run first, as in benchmarks/run.py
            widget.play.value += 1
        widget.reset()
        for name in ("hidden_layers", "width", "activation", "seed"):
            control = widget.controls[name]
            start = control.value
            options = [o[1] if isinstance(o, tuple) else o for o in getattr(control, "options", ())]
            other = options[options.index(start) + 1] if options else start + 1
            times, pauses[:] = [], []
            for i in range(moves):
                begin = time.perf_counter()
                control.value = other if i % 2 == 0 else start
                times.append(1e3 * (time.perf_counter() - begin))
            full = ", ".join(f"{ms:.0f} ms" for generation, ms in pauses if generation == 2)
            print(f"{name:<14} median {statistics.median(times):5.1f} ms, max {max(times):5.1f} ms;"
                  f" generation-2 collections: {full or 'none'}")
    finally:
        gc.callbacks.remove(timer)


if __name__ == "__main__":
    main()
