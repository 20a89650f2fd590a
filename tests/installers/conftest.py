"""Tests of the built Linux package run only when asked for (``-m installer``): they
need ``make installer-linux`` first, which the ordinary test run does not do."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "installer" in (config.option.markexpr or ""):
        return
    kept = [item for item in items if item.get_closest_marker("installer") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
