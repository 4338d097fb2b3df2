"""Cross-reference checks on the raw (line-tracked) data of one form file.

These run on plain dicts rather than on the pydantic model so that they can still run, and
report with line numbers, when pydantic has rejected some other part of the same file.
Every helper is therefore defensive about shapes: a wrong shape is pydantic's to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field as dc_field
from typing import Any

from intake_desktop.domain.enums import RiskLevel
from intake_desktop.formdefs.errors import FormProblem
from intake_desktop.formdefs.yamlsource import Path, SourceMap

FIELD_TYPES = {
    "text", "long_text", "date", "phone", "address", "single_choice", "multiple_choice",
    "yes_no", "number", "likert", "group", "score", "note", "instrument",
}
READ_ONLY = {"score", "note", "instrument"}
TEXT_TYPES = {"text", "long_text"}
SCORE_REF = re.compile(r"^[a-z][a-z0-9_-]*\.[a-z][a-z0-9_]*$")
# Fields whose content is about health or is a score: a police letter must never carry them.
NEVER_TO_POLICE_TYPES = {"score", "instrument", "likert"}


@dataclass
class FieldInfo:
    id: str
    type: str | None
    raw: dict
    path: Path
    section_path: Path
    group_id: str | None = None
    group_path: Path | None = None


@dataclass
class CheckResult:
    problems: list[FormProblem] = dc_field(default_factory=list)
    # references that only a registry can settle: (ref, path, owner field id)
    deferred_field_refs: list[tuple[str, Path, str | None]] = dc_field(default_factory=list)
    score_refs: list[tuple[str, Path, str | None]] = dc_field(default_factory=list)


class _Checker:
    def __init__(self, data: dict, source: SourceMap, file: str):
        self.data, self.source, self.file = data, source, file
        self.result = CheckResult()
        self.fields: dict[str, FieldInfo] = {}
        self.kind = data.get("kind")
        self.form_id = data.get("id") if isinstance(data.get("id"), str) else None
        self.instrument_ids: dict[str, FieldInfo] = {}  # instrument id -> referencing field

    # -- reporting --------------------------------------------------------------------
    def problem(self, path: Path, code: str, message: str, field_id: str | None = None) -> None:
        self.result.problems.append(FormProblem(self.file, self.source.line_for(path), field_id, code, message))

    # -- traversal --------------------------------------------------------------------
    def sections(self) -> Iterator[tuple[Path, dict]]:
        sections = self.data.get("sections")
        if isinstance(sections, list):
            for i, section in enumerate(sections):
                if isinstance(section, dict):
                    yield ("sections", i), section

    def collect(self) -> None:
        seen_sections: dict[str, Path] = {}
        for spath, section in self.sections():
            sid = section.get("id")
            if isinstance(sid, str):
                if sid in seen_sections:
                    self.problem((*spath, "id"), "duplicate_id",
                                 f"duplicate section id '{sid}' (first on line {self.source.line_for(seen_sections[sid])})")
                else:
                    seen_sections[sid] = spath
            fields = section.get("fields")
            if not isinstance(fields, list):
                continue
            for j, raw in enumerate(fields):
                if not isinstance(raw, dict):
                    continue
                info = self.add_field(raw, (*spath, "fields", j), spath)
                subs = raw.get("fields")
                if info is not None and info.type == "group" and isinstance(subs, list):
                    for k, sub in enumerate(subs):
                        if isinstance(sub, dict):
                            self.add_field(sub, (*info.path, "fields", k), spath, info.id, info.path)

    def add_field(self, raw: dict, path: Path, spath: Path, group_id: str | None = None,
                  group_path: Path | None = None) -> FieldInfo | None:
        fid = raw.get("id")
        ftype = raw.get("type") if raw.get("type") in FIELD_TYPES else None
        if not isinstance(fid, str):
            return None
        info = FieldInfo(fid, ftype, raw, path, spath, group_id, group_path)
        if fid in self.fields:
            first = self.source.line_for(self.fields[fid].path)
            self.problem((*path, "id"), "duplicate_id", f"duplicate field id '{fid}' (first on line {first})", fid)
            return info
        self.fields[fid] = info
        return info

    # -- per-field rules --------------------------------------------------------------
    def check_fields(self) -> None:
        for info in self.fields.values():
            self.check_field(info)

    def option_values(self, raw: dict) -> list[Any] | None:
        options = raw.get("options")
        if options is None and raw.get("type") == "likert":
            options = self.data.get("answer_options")
        if not isinstance(options, list):
            return None
        return [o.get("value") for o in options if isinstance(o, dict)]

    def check_field(self, info: FieldInfo) -> None:
        raw, path, fid, ftype = info.raw, info.path, info.id, info.type
        if ftype is None:
            return  # unknown or missing type: reported by the model validation
        has_options = raw.get("options") is not None
        if ftype in ("single_choice", "multiple_choice", "likert"):
            values = self.option_values(raw)
            if not values:
                where = "options" if ftype != "likert" else "options (or the form's answer_options)"
                self.problem(path, "missing_options", f"{ftype} field needs {where}", fid)
            else:
                dupes = sorted({repr(v) for v in values if values.count(v) > 1})
                if dupes:
                    self.problem((*path, "options"), "duplicate_option", f"duplicate option values {', '.join(dupes)}", fid)
                if ftype == "likert" and not all(type(v) is int for v in values):
                    self.problem((*path, "options"), "bad_likert_values", "likert option values must be integers", fid)
        elif has_options:
            self.problem((*path, "options"), "unexpected_options", f"options do not apply to a {ftype} field", fid)
        if ftype == "group":
            if not isinstance(raw.get("fields"), list) or not raw.get("fields"):
                self.problem(path, "empty_group", "a group needs sub-fields", fid)
            if info.group_id is not None:
                self.problem(path, "nested_group", "groups cannot be nested", fid)
        elif raw.get("fields") is not None:
            self.problem((*path, "fields"), "unexpected_fields", f"sub-fields only apply to a group, not {ftype}", fid)
        if ftype == "instrument":
            self.check_instrument_ref(info)
        if ftype == "score":
            ref = raw.get("scale")
            if not isinstance(ref, str) or not SCORE_REF.match(ref):
                self.problem(path, "bad_score_ref", "a score field needs scale: '<instrument>.<scale>'", fid)
            else:
                self.result.score_refs.append((ref, (*path, "scale"), fid))
        elif raw.get("scale") is not None:
            self.problem((*path, "scale"), "unexpected_scale", "scale only applies to a score field", fid)
        if ftype in READ_ONLY and raw.get("required"):
            self.problem((*path, "required"), "required_read_only", f"a {ftype} field holds no answer and cannot be required", fid)
        if info.group_id is not None and ftype in READ_ONLY - {"note"}:
            self.problem(path, "bad_group_field", f"a {ftype} field cannot sit inside a group", fid)
        if self.kind == "instrument":
            if ftype in ("instrument", "group"):
                self.problem(path, "bad_instrument_field", f"an instrument form cannot contain {ftype} fields", fid)
            if ftype == "likert" and self.form_id and not fid.startswith(f"{self.form_id}_"):
                self.problem((*path, "id"), "bad_item_id",
                             f"instrument item ids must start with '{self.form_id}_' so answers stay unique in an intake", fid)
        self.check_sharing(info)
        self.check_validation(info)

    def check_instrument_ref(self, info: FieldInfo) -> None:
        raw, path, fid = info.raw, info.path, info.id
        inst, version = raw.get("instrument"), raw.get("version")
        if self.kind != "intake":
            self.problem(path, "bad_instrument_field", "only intake forms embed instruments", fid)
        if not isinstance(inst, str) or type(version) is not int:
            self.problem(path, "bad_instrument_ref", "an instrument field needs instrument: <id> and version: <int>", fid)
            return
        if inst in self.instrument_ids:
            self.problem(path, "duplicate_instrument", f"instrument '{inst}' is embedded twice", fid)
        else:
            self.instrument_ids[inst] = info

    def check_sharing(self, info: FieldInfo) -> None:
        raw = info.raw
        shareable = raw.get("shareable_with")
        if not isinstance(shareable, list):
            return
        if "police" in shareable and (raw.get("sensitivity") == "health" or info.type in NEVER_TO_POLICE_TYPES):
            self.problem((*info.path, "shareable_with"), "police_health",
                         "health information, scores and instrument answers must never go to the police", info.id)
        if raw.get("sensitivity") == "crime" and any(r != "police" for r in shareable):
            self.problem((*info.path, "shareable_with"), "crime_shared",
                         "crime-related information may at most be shareable with the police", info.id)

    def check_validation(self, info: FieldInfo) -> None:
        v = info.raw.get("validation")
        if not isinstance(v, dict):
            return
        path = (*info.path, "validation")
        lo, hi = v.get("min_length"), v.get("max_length")
        if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
            self.problem(path, "bad_validation", "min_length is greater than max_length", info.id)
        lo, hi = v.get("min"), v.get("max")
        if isinstance(lo, int | float) and isinstance(hi, int | float) and lo > hi:
            self.problem(path, "bad_validation", "min is greater than max", info.id)
        pattern = v.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as exc:
                self.problem((*path, "pattern"), "bad_pattern", f"pattern does not compile: {exc}", info.id)
            if info.type not in TEXT_TYPES:
                self.problem((*path, "pattern"), "bad_validation", "pattern only applies to text fields", info.id)

    # -- conditions -------------------------------------------------------------------
    def leaves(self, cond: Any, path: Path) -> Iterator[tuple[str, Any, Path]]:
        if not isinstance(cond, dict):
            return
        for head in ("field", "score", "alert_kind"):
            if head in cond:
                yield head, cond[head], (*path, head)
        for combo in ("any_of", "all_of"):
            if isinstance(cond.get(combo), list):
                for i, sub in enumerate(cond[combo]):
                    yield from self.leaves(sub, (*path, combo, i))
        if "not" in cond:
            yield from self.leaves(cond["not"], (*path, "not"))

    def resolve_field_ref(self, ref: Any, path: Path, owner: str | None, *, group_id: str | None = None,
                          purpose: str) -> str | None:
        """Return the referenced field id if it can be settled here; report or defer otherwise."""
        if not isinstance(ref, str):
            return None
        target = self.fields.get(ref)
        if target is not None:
            if target.type in READ_ONLY:
                self.problem(path, "bad_condition_target", f"{purpose} refers to '{ref}', a {target.type} field with no answer", owner)
                return None
            if target.group_id is not None and target.group_id != group_id:
                self.problem(path, "bad_condition_target",
                             f"{purpose} refers to '{ref}' inside group '{target.group_id}'; only fields of the same row can", owner)
                return None
            return ref
        for inst in self.instrument_ids:
            if ref.startswith(f"{inst}_"):
                self.result.deferred_field_refs.append((ref, path, owner))
                return None
        self.problem(path, "missing_condition_target", f"{purpose} refers to missing field '{ref}'", owner)
        return None

    def check_conditions(self) -> dict[str, set[str]]:
        """Check every show_if and return the dependency graph used for cycle detection."""
        deps: dict[str, set[str]] = {fid: set() for fid in self.fields}
        section_refs: dict[Path, set[str]] = {}
        for spath, section in self.sections():
            section_refs[spath] = self.show_if_refs(section.get("show_if"), (*spath, "show_if"), None, None)
        group_refs: dict[str, set[str]] = {}
        for info in self.fields.values():
            own = self.show_if_refs(info.raw.get("show_if"), (*info.path, "show_if"), info.id, info.group_id)
            if info.type == "group":
                group_refs[info.id] = own
            deps[info.id] = own | section_refs.get(info.section_path, set())
        for info in self.fields.values():
            if info.group_id is not None:
                deps[info.id] |= group_refs.get(info.group_id, set()) | deps.get(info.group_id, set())
        return deps

    def show_if_refs(self, cond: Any, path: Path, owner: str | None, group_id: str | None) -> set[str]:
        refs: set[str] = set()
        for head, ref, leaf_path in self.leaves(cond, path):
            if head != "field":
                self.problem(leaf_path, "bad_show_if", "show_if may only test answers of fields", owner)
                continue
            resolved = self.resolve_field_ref(ref, leaf_path, owner, group_id=group_id, purpose="show_if")
            if resolved is not None:
                refs.add(resolved)
        return refs

    def check_cycles(self, deps: dict[str, set[str]]) -> None:
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        stack: list[str] = []
        reported: set[frozenset[str]] = set()

        def visit(node: str) -> None:
            state[node] = 1
            stack.append(node)
            for nxt in sorted(deps.get(node, ())):
                if state.get(nxt) == 1:
                    cycle = stack[stack.index(nxt):]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        first = self.fields[cycle[0]]
                        chain = " -> ".join([*cycle, cycle[0]])
                        self.problem((*first.path, "show_if"), "condition_cycle",
                                     f"show_if conditions form a cycle: {chain}", first.id)
                elif state.get(nxt) is None:
                    visit(nxt)
            stack.pop()
            state[node] = 2

        for node in sorted(deps):
            if state.get(node) is None:
                visit(node)

    def check_rule_conditions(self, key: str, purpose: str) -> None:
        rules = self.data.get(key)
        if not isinstance(rules, list):
            return
        seen: set[str] = set()
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict):
                continue
            rid = rule.get("id")
            if isinstance(rid, str):
                if rid in seen:
                    self.problem((key, i, "id"), "duplicate_id", f"duplicate {purpose} id '{rid}'")
                seen.add(rid)
            self.check_rule_condition(rule.get("when"), (key, i, "when"), purpose)

    def check_rule_condition(self, cond: Any, path: Path, purpose: str) -> None:
        for head, ref, leaf_path in self.leaves(cond, path):
            if head == "field":
                self.resolve_field_ref(ref, leaf_path, None, purpose=purpose)
            elif head == "score":
                if self.kind != "intake":
                    self.problem(leaf_path, "bad_condition", f"{purpose}: score conditions are for intake forms")
                elif not isinstance(ref, str) or not SCORE_REF.match(ref):
                    self.problem(leaf_path, "bad_score_ref", f"{purpose}: score must look like 'phq9.total'")
                else:
                    self.result.score_refs.append((ref, leaf_path, None))
            elif head == "alert_kind" and ref not in ("safety", "check", "info"):
                self.problem(leaf_path, "bad_condition", f"{purpose}: unknown alert kind '{ref}'")

    # -- scales -----------------------------------------------------------------------
    def check_scales(self) -> None:
        scales = self.data.get("scales")
        if self.kind == "intake":
            if scales:
                self.problem(("scales",), "unexpected_scales", "only instrument forms define scales")
            return
        if self.kind != "instrument":
            return
        if not isinstance(scales, list) or not scales:
            self.problem(("scales",) if scales is not None else (), "missing_scales", "an instrument needs at least one scale")
            return
        seen: set[str] = set()
        totals = 0
        for i, scale in enumerate(scales):
            if not isinstance(scale, dict):
                continue
            path = ("scales", i)
            sid = scale.get("id") if isinstance(scale.get("id"), str) else None
            if sid in seen:
                self.problem((*path, "id"), "duplicate_id", f"duplicate scale id '{sid}'")
            if sid:
                seen.add(sid)
            totals += scale.get("role") == "total"
            self.check_scale(scale, path, sid)
        if totals != 1:
            self.problem(("scales",), "bad_total", f"an instrument needs exactly one scale with role: total (found {totals})")

    def check_scale(self, scale: dict, path: Path, sid: str | None) -> None:
        items = scale.get("items") if isinstance(scale.get("items"), list) else []
        lo = hi = 0
        complete = True
        for k, item in enumerate(items):
            target = self.fields.get(item) if isinstance(item, str) else None
            if target is None:
                self.problem((*path, "items", k), "missing_scale_item", f"scale '{sid}' lists missing item '{item}'")
                complete = False
                continue
            if target.type != "likert":
                self.problem((*path, "items", k), "bad_scale_item", f"scale '{sid}' item '{item}' is not a likert field")
                complete = False
                continue
            values = [v for v in (self.option_values(target.raw) or []) if type(v) is int]
            if not values:
                complete = False
                continue
            lo, hi = lo + min(values), hi + max(values)
        dupes = sorted({i for i in items if isinstance(i, str) and items.count(i) > 1})
        if dupes:
            self.problem((*path, "items"), "duplicate_scale_item", f"scale '{sid}' lists {', '.join(dupes)} twice")
        reverse = scale.get("reverse") if isinstance(scale.get("reverse"), list) else []
        for k, item in enumerate(reverse):
            if item not in items:
                self.problem((*path, "reverse", k), "bad_reverse_item", f"scale '{sid}' reverses '{item}', which is not one of its items")
        missing = scale.get("missing")
        if isinstance(missing, dict):
            max_missing = missing.get("max_missing", 0)
            if isinstance(max_missing, int) and items and max_missing >= len(items):
                self.problem((*path, "missing", "max_missing"), "bad_missing_rule", "max_missing must be smaller than the number of items")
            if isinstance(max_missing, int) and max_missing > 0 and missing.get("method", "none") == "none":
                self.problem((*path, "missing"), "bad_missing_rule", "max_missing > 0 needs a method (prorate)")
        if complete and items:
            self.check_bands(scale, path, sid, lo, hi)

    def check_bands(self, scale: dict, path: Path, sid: str | None, lo: int, hi: int) -> None:
        bands = scale.get("bands")
        if isinstance(bands, list) and bands:
            ranges = []
            ids: set[str] = set()
            for i, band in enumerate(bands):
                if not isinstance(band, dict) or type(band.get("min")) is not int or type(band.get("max")) is not int:
                    return  # shape problems are the model's to report
                bid = band.get("id")
                if bid in ids:
                    self.problem((*path, "bands", i, "id"), "duplicate_id", f"duplicate band id '{bid}'")
                ids.add(bid)
                if band["min"] > band["max"]:
                    self.problem((*path, "bands", i), "bad_band", f"band '{bid}' has min {band['min']} > max {band['max']}")
                ranges.append((band["min"], band["max"], i, bid))
            ordered = sorted(ranges)
            if ordered != ranges:
                self.problem((*path, "bands"), "bad_band", f"bands of scale '{sid}' must be listed from low to high")
            if ordered[0][0] != lo:
                self.problem((*path, "bands", ordered[0][2]), "bad_band",
                             f"bands of scale '{sid}' start at {ordered[0][0]} but the scale starts at {lo}")
            if ordered[-1][1] != hi:
                self.problem((*path, "bands", ordered[-1][2]), "bad_band",
                             f"bands of scale '{sid}' end at {ordered[-1][1]} but the scale ends at {hi}")
            for (_, prev_max, _, prev_id), (nxt_min, _, j, nxt_id) in zip(ordered, ordered[1:]):
                if nxt_min != prev_max + 1:
                    what = "overlaps" if nxt_min <= prev_max else "leaves a gap after"
                    self.problem((*path, "bands", j), "bad_band", f"band '{nxt_id}' {what} band '{prev_id}' (every score needs exactly one band)")
        cutoffs = scale.get("cutoffs")
        if isinstance(cutoffs, list):
            for i, cut in enumerate(cutoffs):
                if isinstance(cut, dict) and type(cut.get("value")) is int and not lo <= cut["value"] <= hi:
                    self.problem((*path, "cutoffs", i, "value"), "bad_cutoff",
                                 f"cut-off {cut['value']} lies outside the scale range {lo}-{hi}")

    # -- alerts, crisis, risk ---------------------------------------------------------
    def check_alerts(self) -> None:
        self.check_rule_conditions("alerts", "alert")
        if self.kind == "instrument":
            for key in ("crisis_alerts", "risk"):
                if self.data.get(key):
                    self.problem((key,), "unexpected_rules", f"{key} belong in an intake form")
            return
        self.check_rule_conditions("crisis_alerts", "crisis alert")
        risk = self.data.get("risk")
        if not isinstance(risk, dict):
            return
        rules = risk.get("rules")
        if isinstance(rules, list):
            seen: set[str] = set()
            for i, rule in enumerate(rules):
                if isinstance(rule, dict):
                    if rule.get("id") in seen:
                        self.problem(("risk", "rules", i, "id"), "duplicate_id", f"duplicate risk rule id '{rule.get('id')}'")
                    seen.add(rule.get("id"))
                    self.check_rule_condition(rule.get("when"), ("risk", "rules", i, "when"), "risk rule")
        level = self.fields.get(risk.get("level_field")) if isinstance(risk.get("level_field"), str) else None
        if level is None or level.type != "single_choice":
            self.problem(("risk", "level_field"), "bad_risk_config", "risk.level_field must name a single_choice field")
        elif set(self.option_values(level.raw) or []) != {lvl.value for lvl in RiskLevel}:
            self.problem((*level.path, "options"), "bad_risk_config",
                         f"the risk level field's options must be exactly {', '.join(lvl.value for lvl in RiskLevel)}", level.id)
        reason = self.fields.get(risk.get("override_reason_field")) if isinstance(risk.get("override_reason_field"), str) else None
        if reason is None or reason.type not in TEXT_TYPES:
            self.problem(("risk", "override_reason_field"), "bad_risk_config", "risk.override_reason_field must name a text field")

    def check_duplicate_keys(self) -> None:
        for dup in self.source.duplicate_keys:
            self.result.problems.append(
                FormProblem(self.file, dup.line, None, "duplicate_key", f"key '{dup.key}' is written twice in the same mapping")
            )

    def run(self) -> CheckResult:
        self.check_duplicate_keys()
        self.collect()
        self.check_fields()
        self.check_cycles(self.check_conditions())
        self.check_scales()
        self.check_alerts()
        return self.result


def check_definition(data: Any, source: SourceMap, file: str) -> CheckResult:
    if not isinstance(data, dict):
        result = CheckResult()
        result.problems.append(FormProblem(file, source.line_for(()), None, "not_a_mapping",
                                           "a form definition must be a YAML mapping (id, version, kind, sections, ...)"))
        return result
    return _Checker(data, source, file).run()
