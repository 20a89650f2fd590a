"""Case work for job consultants in municipal outreach offices."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("outreach-app")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
