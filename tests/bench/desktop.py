"""Benchmark of the desktop on the same two stores as the vault benchmark.

- start-up: process start until the unlock dialog is painted, against a bare Qt
  program that paints a comparable dialog (the least any Qt program pays);
- unlock to a ready Today view, encrypted against the unencrypted store;
- a keystroke in the search field to the repainted result table;
- resident memory with 10,000 citizens listed, each store in its own process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.bench.vault import PASSPHRASE, Store, compare, keystrokes, median_ms, opened

TARGETS_MS = {
    "startup_to_unlock_dialog": 500.0,
    "unlock_to_today": 700.0,
    "search_keystroke_to_repaint": 15.0,
}
MEMORY_LIMIT_MB = 250.0


def _python(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "tests.bench.probe", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )


def _startup(kind: str, home: Path) -> float:
    """Seconds from starting the process until the dialog's first paint."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.probe", "startup", kind],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTREACH_HOME=str(home)),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError("the start-up probe did not paint its dialog")
    return elapsed


def measure_startup(enc: Store, repeat: int) -> dict[str, Any]:
    home = enc.profile.root.parent.parent  # <home>/profiles/<store>
    _startup("program", home)  # warm the file cache once
    program = [_startup("program", home) for _ in range(repeat)]
    bare = [_startup("bare", home) for _ in range(repeat)]
    return compare_desktop("startup_to_unlock_dialog", program, bare)


def measure_in_process(store: Store, metric: str, repeat: int, queries: list[str]) -> list[float]:
    args = [
        "measure",
        metric,
        str(store.profile.root),
        "1" if store.encrypted else "0",
        str(repeat),
    ]
    result = _python(*args, env={"OUTREACH_BENCH_QUERIES": json.dumps(queries)})
    return [float(x) for x in json.loads(result.stdout.strip().splitlines()[-1])]


def measure_memory(store: Store) -> float:
    result = _python("memory", str(store.profile.root), "1" if store.encrypted else "0")
    return float(result.stdout.strip().splitlines()[-1])


def compare_desktop(name: str, encrypted: list[float], plain: list[float]) -> dict[str, Any]:
    result = compare(name, encrypted, plain)
    result.pop("target_ms", None)
    result.pop("meets_target", None)
    if name in TARGETS_MS:
        result["target_ms"] = TARGETS_MS[name]
        result["meets_target"] = result["median_ms"] <= TARGETS_MS[name]
    return result


def measure(enc: Store, plain: Store, *, quick: bool = False) -> dict[str, Any]:
    repeat = 3 if quick else 7
    with opened(enc) as ws:
        queries = keystrokes(ws, 5 if quick else 20)
    memory_enc, memory_plain = measure_memory(enc), measure_memory(plain)
    return {
        "startup_to_unlock_dialog": measure_startup(enc, repeat),
        "unlock_to_today": compare_desktop(
            "unlock_to_today",
            measure_in_process(enc, "today", repeat, []),
            measure_in_process(plain, "today", repeat, []),
        ),
        "search_keystroke_to_repaint": compare_desktop(
            "search_keystroke_to_repaint",
            measure_in_process(enc, "search", 1, queries),
            measure_in_process(plain, "search", 1, queries),
        ),
        "resident_memory_mb": {
            "value": round(memory_enc, 1),
            "baseline": round(memory_plain, 1),
            "ratio": round(memory_enc / memory_plain, 3),
            "limit": MEMORY_LIMIT_MB,
            "meets_limit": memory_enc <= MEMORY_LIMIT_MB,
        },
    }


__all__ = ["PASSPHRASE", "measure", "median_ms"]
