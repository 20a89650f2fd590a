"""``make bench``: measure, compare against the unencrypted baseline, write JSON.

python -m tests.bench --out build/bench.json [--citizens N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.bench import desktop, reports, sync, vault


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    parser.add_argument("--citizens", type=int, default=10_000)
    parser.add_argument("--notes-per-citizen", type=float, default=10.0)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    parser.add_argument(
        "--only", choices=("sync",), help="run one part of the benchmark (its JSON only)"
    )
    parser.add_argument(
        "--stores", type=Path, help="keep the built stores in this folder and reuse them next time"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("alembic", "sqlalchemy", "outreach_app"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if args.only == "sync":
        results: dict[str, Any] = {"machine": machine(), "sync": sync.measure(quick=args.quick)}
    else:
        results = measure_all(
            citizens=args.citizens,
            notes_per_citizen=args.notes_per_citizen,
            quick=args.quick,
            stores=args.stores,
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "machine"}, indent=2))
    return 0


def measure_all(
    *, citizens: int, notes_per_citizen: float, quick: bool, stores: Path | None = None
) -> dict[str, Any]:
    """Build the two stores once; measure the vault and the desktop on both."""
    with tempfile.TemporaryDirectory(prefix="outreach-bench-") as folder:
        root = stores or Path(folder)
        enc, plain, kdf = vault.build_stores(
            root, citizens=citizens, notes_per_citizen=notes_per_citizen
        )
        return {
            "machine": machine(),
            "data": {
                "citizens": citizens,
                "notes": int(citizens * notes_per_citizen) + vault.BIG_CASE_NOTES,
                "kdf": {
                    "memory_kib": kdf.memory_kib,
                    "iterations": kdf.iterations,
                    "lanes": kdf.lanes,
                },
            },
            "vault": vault.measure(enc, plain, quick=quick),
            "desktop": desktop.measure(enc, plain, quick=quick),
            "reports": reports.measure(enc, plain, quick=quick),
            "sync": sync.measure(quick=quick),
        }


if __name__ == "__main__":
    sys.exit(main())
