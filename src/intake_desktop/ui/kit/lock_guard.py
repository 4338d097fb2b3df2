"""Forget what a widget shows when the session locks.

Letters, previews and consent lists hold decrypted personal data. When the vault locks (Lock
button, idle timer, closing the window), `session.lock()` calls its listeners on the UI
thread; the widget then drops that data and, if it is a dialog, closes. Only a weak reference
is kept, so a listener never keeps a closed widget alive.
"""

from __future__ import annotations

import weakref
from typing import Callable, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def forget_on_lock(session, widget: W, forget: Callable[[W], None]) -> None:
    """Call `forget(widget)` when the session locks (while the widget still exists)."""
    add = getattr(session, "add_lock_listener", None)
    if add is None:
        return
    ref = weakref.ref(widget)

    def locked() -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            forget(target)

    add(locked)
