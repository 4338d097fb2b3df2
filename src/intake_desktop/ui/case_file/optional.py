"""Screens built by other parts of the team, looked up when first needed.

The case file shows the intake form (ui/intake_form), the consent and referrals tabs
(ui/letters) and the crisis dialog; importing them inside a function keeps the case file
usable (with a plain note in their place) in a build that does not ship one of them, and
keeps import cycles out of the way.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)


def find(name: str, *modules: str):
    """The first `name` found in `modules` (dotted, under intake_desktop.ui), or None."""
    for module_name in modules:
        try:
            module = importlib.import_module(f"intake_desktop.ui.{module_name}")
        except ImportError as error:
            # Only "this screen is not there" is expected; a broken screen should be noticed.
            if error.name and not f"intake_desktop.ui.{module_name}".startswith(error.name):
                log.error("could not import %s: %s", module_name, error)
            continue
        found = getattr(module, name, None)
        if found is not None:
            return found
    return None


def intake_form_dialog():
    return find("IntakeFormDialog", "intake_form", "intake_form.dialog")


def consent_tab():
    return find("ConsentTab", "letters", "letters.consent_tab", "letters.consent")


def referrals_tab():
    return find("ReferralsTab", "letters", "letters.referrals_tab", "letters.referrals")
