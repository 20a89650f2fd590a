"""Privacy at the counter: lock when idle or when the computer's session locks,
and take CPR and phone numbers off the clipboard after 30 seconds."""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

CLIPBOARD_SECONDS = 30
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` when no key or mouse event reached the program for a while."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._timer.setInterval(max(1, minutes) * 60_000)
        self._watching = False

    def set_minutes(self, minutes: int) -> None:
        self.set_interval(max(1, minutes) * 60_000)

    def set_interval(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)
        self.restart()

    def restart(self) -> None:
        """Start counting idle time (and watching input, from now on)."""
        app = QGuiApplication.instance()
        if not self._watching and app is not None:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (locked): no input is watched while there is nothing to protect."""
        app = QGuiApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class SessionLockWatcher(QObject):
    """Emits ``session_locked`` when the operating system locks the screen or suspends
    the program, as far as Qt and the desktop's D-Bus screensaver tell."""

    session_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._dbus_connected = _watch_dbus_screensaver(self)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.session_locked.emit()

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        if active:
            self.session_locked.emit()


def _watch_dbus_screensaver(watcher: SessionLockWatcher) -> bool:
    """Listen for the freedesktop/GNOME screensaver's ActiveChanged (Linux desktops)."""
    try:
        from PySide6.QtDBus import QDBusConnection  # noqa: PLC0415 - not on every platform
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    services = (
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    )
    hooked = False
    for interface, path in services:
        hooked |= bus.connect(
            "",
            path,
            interface,
            "ActiveChanged",
            watcher,
            SLOT("screensaver_changed(bool)").encode(),
        )
    return hooked


class ClipboardGuard(QObject):
    """Copies a value and clears it again after 30 seconds if it is still there."""

    expired = Signal(bool)  # True when the clipboard was cleared

    def __init__(self, parent: QObject | None = None, seconds: float = CLIPBOARD_SECONDS) -> None:
        super().__init__(parent)
        self._value = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.clear)

    def copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self._value = value
        self._timer.start()

    def clear(self) -> None:
        """Clear the clipboard if it still holds what we put there (not something newer)."""
        clipboard = QGuiApplication.clipboard()
        ours = bool(self._value) and clipboard.text() == self._value
        if ours:
            clipboard.clear()
        self._value = ""
        self.expired.emit(ours)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
