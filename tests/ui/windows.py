"""Opening the main window the way several GUI test modules need it."""

from __future__ import annotations

from datetime import date

from intake_desktop.ui.main_window import MainWindow


def open_main_window(qtbot, signed_in, settings) -> MainWindow:
    window = MainWindow(signed_in, settings, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    return window
