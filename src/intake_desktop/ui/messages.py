"""Turning exceptions into sentences a counsellor can act on. Never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from intake_desktop.domain.korean import resolve_particles
from intake_desktop.services.errors import ServiceError
from intake_desktop.services.people import FieldProblem
from intake_desktop.ui.labels import field_label

log = logging.getLogger(__name__)


def describe_error(error: BaseException) -> str:
    """The translated message of a ServiceError; a calm generic sentence for anything else."""
    if isinstance(error, ServiceError):
        return error.render(QCoreApplication.translate)
    # Only the exception's type is logged: its text could quote a name or a note.
    log.error("unexpected %s in the user interface", type(error).__name__)
    return QCoreApplication.translate(
        "Messages",
        "Something unexpected went wrong. Nothing was changed. "
        "If it happens again, please tell your administrator.",
    )


def describe_problem(problem: FieldProblem) -> str:
    """A validation problem with the field's translated name instead of its identifier."""
    text = QCoreApplication.translate("Errors", problem.message)
    params = dict(problem.params)
    params["field"] = field_label(problem.field)
    try:
        return resolve_particles(text.format(**params))
    except (KeyError, IndexError, ValueError):
        return text
