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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.bench import vault


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
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("alembic", "sqlalchemy", "outreach_app"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    results = {
        "machine": machine(),
        "vault": vault.run(
            citizens=args.citizens, notes_per_citizen=args.notes_per_citizen, quick=args.quick
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results["vault"]["metrics"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
