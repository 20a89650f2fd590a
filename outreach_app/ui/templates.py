"""Note templates from resources/templates/<language>/<kind>.txt."""

from __future__ import annotations

from functools import cache
from importlib import resources

KINDS = ("drop_in", "follow_up", "network_meeting")


@cache
def template(kind: str, language: str) -> str:
    """The template text for a kind of contact, or an empty text if there is none."""
    folder = resources.files("outreach_app.resources") / "templates"
    for lang in (language, "da"):
        candidate = folder / lang / f"{kind}.txt"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return ""
