"""Tests of the form-definition engine (intake_desktop.formdefs)."""
