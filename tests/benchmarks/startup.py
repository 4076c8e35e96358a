"""Start-up benchmark: vitalite's first usable screen against a minimal Textual app.

DESIGN.md's bar: start-up within 1.3x, peak memory within 1.5x of an app with a header and
a footer, measured side by side on the same machine. Each run is a fresh process (imports
included), headless, ending as soon as the first screen is ready. Runs alternate so that
machine noise hits both alike; medians are compared.

    python tests/benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys
kind, db = sys.argv[1], sys.argv[2]

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

if kind == "baseline":
    from textual.app import App
    from textual.widgets import Footer, Header

    class Minimal(App[None]):
        def compose(self):
            yield Header()
            yield Footer()

    app = Minimal()
else:
    from pathlib import Path
    from vitalite_tui.store import open_store
    from vitalite_tui.tui.app import VitaliteApp

    app = VitaliteApp(open_store(Path(db)))
app.run(headless=True, size=(80, 24), auto_pilot=ready)
print(json.dumps({"rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def run_once(kind: str, db: Path) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(db)], capture_output=True, text=True, check=True
    ).stdout
    elapsed = time.perf_counter() - start
    return elapsed, int(json.loads(out.strip().splitlines()[-1])["rss_kb"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        from vitalite_tui.demo import create_demo
        from vitalite_tui.store import open_store

        store = open_store(db)
        create_demo(store, "small")
        store.close()
        results: dict[str, list[tuple[float, int]]] = {"baseline": [], "vitalite": []}
        for kind in results:  # warm the OS file cache once for each
            run_once(kind, db)
        for _ in range(args.runs):
            for kind in results:
                results[kind].append(run_once(kind, db))
    medians = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    peaks = {k: max(m for _, m in v) for k, v in results.items()}
    for kind in results:
        times = sorted(t for t, _ in results[kind])
        print(
            f"{kind:9s} median {medians[kind] * 1000:7.1f} ms  "
            f"min {times[0] * 1000:7.1f} ms  max {times[-1] * 1000:7.1f} ms  "
            f"peak RSS {peaks[kind] / 1024:6.1f} MiB"
        )
    print(f"start-up ratio {medians['vitalite'] / medians['baseline']:.2f} (bar: 1.30)")
    print(f"memory ratio   {peaks['vitalite'] / peaks['baseline']:.2f} (bar: 1.50)")


if __name__ == "__main__":
    main()
