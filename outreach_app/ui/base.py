"""What every page of the main window has in common, and how pages ask the window
to go somewhere else."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from outreach_app.ui.session import Session


class Navigator(Protocol):
    """The main window, as the pages see it."""

    def open_case(self, citizen_id: str, *, tab: str | None = None) -> None: ...

    def open_note(self, note_id: str) -> None: ...

    def new_note(
        self, citizen_id: str, *, kind: str = "drop_in", appointment_id: str | None = None
    ) -> None: ...

    def register_walk_in(self, *, text: str = "", queue_entry: str | None = None) -> None: ...

    def show_page(self, name: str) -> None: ...

    def copy_sensitive(self, value: str) -> None: ...

    def say(self, message: str) -> None: ...


class Page(QWidget):
    """A page of the main window. ``kinds`` are the changes it refreshes on."""

    name = ""
    kinds: frozenset[str] = frozenset({"all"})

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__()
        self.session = session
        self.nav = nav
        session.changed.connect(self._on_changed)
        session.locked.connect(self.clear)
        session.discreet_changed.connect(lambda _on: self.redraw())

    def title(self) -> str:
        return self.name

    def _on_changed(self, kind: str) -> None:
        if kind == "all" or kind in self.kinds:
            self.refresh()

    def refresh(self) -> None:
        """Load this page's data again (through session.run, never on the GUI thread)."""

    def redraw(self) -> None:
        """Show the data already loaded again (e.g. after discreet mode changed)."""

    def clear(self) -> None:
        """Forget everything personal this page shows (the session was locked)."""
