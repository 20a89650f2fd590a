"""Measurements that need their own process (start-up, memory) or a Qt event loop.

python -m tests.bench.probe startup program|bare
python -m tests.bench.probe measure today|search PROFILE ENCRYPTED REPEAT
python -m tests.bench.probe memory PROFILE ENCRYPTED
"""

from __future__ import annotations

import os
import sys


def startup_program() -> None:
    """The desktop's own start, up to the painted unlock dialog."""
    from outreach_app import cli  # noqa: F401 - the entry point's imports are part of it
    from outreach_app.ui.app import application, prepare, profiles_for, recovery_key, warm_up
    from outreach_app.ui.settings import load
    from outreach_app.ui.unlock import StartDialog

    app = application()
    settings = load()
    prepare(app, settings)
    dialog = StartDialog(
        profiles_for(None), preferred=settings.last_profile, recovery_key=recovery_key
    )
    dialog.show()
    warm_up()
    dialog.repaint()
    painted()


def startup_bare() -> None:
    """The least a Qt program pays: a dialog with a label, a field and a button."""
    from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

    app = QApplication(sys.argv)
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    for widget in (QLabel("Profil"), QLineEdit(), QPushButton("Lås op")):
        layout.addWidget(widget)
    dialog.show()
    dialog.repaint()
    del app
    painted()


def painted() -> None:
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)


def main(argv: list[str]) -> None:
    if argv[0] == "startup":
        (startup_program if argv[1] == "program" else startup_bare)()
        return
    from tests.bench import probe_qt

    if argv[0] == "measure":
        probe_qt.measure(argv[1], argv[2], encrypted=argv[3] == "1", repeat=int(argv[4]))
    elif argv[0] == "memory":
        probe_qt.memory(argv[1], encrypted=argv[2] == "1")


if __name__ == "__main__":
    main(sys.argv[1:])
