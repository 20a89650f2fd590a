"""Storage tests: long runs marked ``slow`` are left out unless asked for.

``pytest`` (no ``-m``) deselects the slow tests of this folder; ``pytest -m slow``
runs them (and any other ``-m`` expression is honoured as written).
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.option.markexpr:
        return
    slow = [i for i in items if i.get_closest_marker("slow") and HERE in i.path.parents]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [i for i in items if i not in slow]
