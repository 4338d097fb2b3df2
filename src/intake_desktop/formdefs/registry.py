"""All known form definitions, every version, with instruments attached to intake forms.

Shipped forms come from paths.forms_dir(); an admin's custom forms come in as YAML text
(stored in the vault by the services layer) through load_form_text. A record pins
(form id, version, definition_hash), so versions are never replaced, only added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from intake_desktop import paths
from intake_desktop.formdefs.errors import FormDefinitionError, FormProblem
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.formdefs.loader import load_form_file, load_form_text
from intake_desktop.formdefs.model import FieldType, FormDefinition, FormKind


class FormRegistry:
    def __init__(self) -> None:
        self._forms: dict[str, dict[int, FormDefinition]] = {}

    # -- loading ----------------------------------------------------------------------
    @classmethod
    def from_directory(cls, directory: str | Path | None = None) -> FormRegistry:
        """Load every *.yaml / *.yml in the directory (default: the shipped forms folder).

        All files are read before any intake form is bound, so file order does not matter.
        Problems in all files are reported together.
        """
        directory = Path(directory) if directory is not None else paths.forms_dir()
        registry = cls()
        problems: list[FormProblem] = []
        loaded: list[FormDefinition] = []
        for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
            try:
                form = load_form_file(path)
                registry._store(form)
                loaded.append(form)
            except FormDefinitionError as exc:
                problems.extend(exc.problems)
        for form in loaded:
            if form.kind is FormKind.INTAKE:
                try:
                    registry._bind_and_replace(form)
                except FormDefinitionError as exc:
                    problems.extend(exc.problems)
        if problems:
            raise FormDefinitionError(problems)
        return registry

    def load_form_text(self, text: str, source_name: str) -> FormDefinition:
        """Add a definition given as YAML text (e.g. a centre's custom form from the vault)."""
        return self.add(load_form_text(text, source_name))

    def load_form_file(self, path: str | Path) -> FormDefinition:
        return self.add(load_form_file(path))

    def add(self, form: FormDefinition) -> FormDefinition:
        """Add a loaded definition; intake forms are bound to their instruments first."""
        if form.kind is FormKind.INTAKE:
            form = bind_instruments(form, self)
        return self._store(form)

    def _store(self, form: FormDefinition) -> FormDefinition:
        versions = self._forms.setdefault(form.id, {})
        existing = versions.get(form.version)
        if existing is not None:
            if existing.definition_hash == form.definition_hash:
                return existing  # the same definition again: nothing to do
            raise FormDefinitionError([FormProblem(
                form.source_name, form.line_of(("version",)), None, "duplicate_version",
                f"form '{form.id}' version {form.version} is already loaded from {existing.source_name} "
                "with different content; give the changed form a new version number",
            )])
        versions[form.version] = form
        return form

    def _bind_and_replace(self, form: FormDefinition) -> None:
        self._forms[form.id][form.version] = bind_instruments(form, self)

    # -- lookup -----------------------------------------------------------------------
    def get(self, form_id: str, version: int | None = None) -> FormDefinition:
        """The latest version, or the pinned one. Raises KeyError when unknown."""
        versions = self._forms.get(form_id)
        if not versions:
            raise KeyError(f"unknown form '{form_id}'")
        if version is None:
            return versions[max(versions)]
        if version not in versions:
            raise KeyError(f"form '{form_id}' has no version {version} (known: {sorted(versions)})")
        return versions[version]

    def get_by_hash(self, definition_hash: str) -> FormDefinition:
        for versions in self._forms.values():
            for form in versions.values():
                if form.definition_hash == definition_hash:
                    return form
        raise KeyError(f"no form with hash {definition_hash}")

    def versions(self, form_id: str) -> list[int]:
        return sorted(self._forms.get(form_id, {}))

    def list(self, *, kind: FormKind | None = None, latest_only: bool = False) -> list[FormDefinition]:
        """Loaded definitions sorted by id then version."""
        result: list[FormDefinition] = []
        for form_id in sorted(self._forms):
            versions = self._forms[form_id]
            chosen = [versions[max(versions)]] if latest_only else [versions[v] for v in sorted(versions)]
            result.extend(f for f in chosen if kind is None or f.kind is kind)
        return result

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms


def bind_instruments(form: FormDefinition, registry: FormRegistry) -> FormDefinition:
    """A copy of an intake form with its pinned instrument versions attached.

    Also settles the references the loader could not check alone: show_if / rule targets
    that are instrument items, and score fields / score conditions naming instrument scales.
    """
    problems: list[FormProblem] = []

    def report(path: tuple[Any, ...], code: str, message: str, field_id: str | None = None) -> None:
        problems.append(FormProblem(form.source_name, form.line_of(path), field_id, code, message))

    instruments: dict[str, FormDefinition] = {}
    for si, section in enumerate(form.sections):
        for fi, field in enumerate(section.fields):
            if field.type is not FieldType.INSTRUMENT:
                continue
            path = ("sections", si, "fields", fi)
            instrument_id = field.instrument or ""  # (the loader requires one; "" is then not loaded)
            try:
                target = registry.get(instrument_id, field.version)
            except KeyError:
                report((*path, "instrument"), "missing_instrument",
                       f"instrument '{field.instrument}' version {field.version} is not loaded", field.id)
                continue
            if target.kind is not FormKind.INSTRUMENT:
                report((*path, "instrument"), "missing_instrument", f"'{field.instrument}' is not an instrument form", field.id)
                continue
            instruments[instrument_id] = target
    own_ids = {f.id for s in form.sections for f in s.fields}
    item_ids: dict[str, str] = {}
    for inst_id, inst in instruments.items():
        for section in inst.sections:
            for item in section.fields:
                item_ids[item.id] = inst_id
                if item.id in own_ids:
                    report(("sections",), "duplicate_id", f"field id '{item.id}' clashes with an item of instrument '{inst_id}'", item.id)
    for ref, path, owner in form._deferred_refs:
        if ref not in item_ids:
            report(path, "missing_condition_target", f"condition refers to missing field '{ref}'", owner)
    for ref, path, owner in form._score_refs:
        inst_id, _, scale_id = ref.partition(".")
        embedded = instruments.get(inst_id)
        if embedded is None or embedded.scale(scale_id) is None:
            report(path, "missing_scale", f"'{ref}' is not a scale of an instrument embedded in this form", owner)
    if problems:
        raise FormDefinitionError(problems)
    bound = form.model_copy()
    bound._instruments = instruments
    bound._index = None
    field_index(bound)  # build once now so a broken binding fails here, not in the UI
    return bound
