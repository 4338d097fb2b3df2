"""Every loader error names the file, the line and (where known) the field."""

from __future__ import annotations

import pytest

from intake_desktop.formdefs import FormDefinitionError, FormRegistry, load_form_file, load_form_text

# A small valid instrument used as a base; line numbers in the tests below refer to the
# YAML written in each test, counted from 1.
GOOD_INSTRUMENT = """
id: demo
version: 1
kind: instrument
title: {ko: "데모", en: "Demo"}
answer_options:
  - {value: 0, label: {ko: "아니다", en: "No"}}
  - {value: 1, label: {ko: "그렇다", en: "Yes"}}
sections:
  - id: items
    title: {ko: "문항", en: "Items"}
    fields:
      - {id: demo_1, type: likert, label: {ko: "하나", en: "One"}}
      - {id: demo_2, type: likert, label: {ko: "둘", en: "Two"}}
scales:
  - id: total
    role: total
    title: {ko: "총점", en: "Total"}
    items: [demo_1, demo_2]
    missing: {max_missing: 0, rationale: {ko: "없음", en: "None"}}
    bands:
      - {id: low, min: 0, max: 1, label: {ko: "낮음", en: "Low"}}
      - {id: high, min: 2, max: 2, label: {ko: "높음", en: "High"}}
"""


def codes(problems):
    return [p.code for p in problems]


def only(problems, code):
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} in {[str(p) for p in problems]}"
    return found


def test_good_instrument_loads(write_form):
    form = load_form_file(write_form(GOOD_INSTRUMENT))
    assert form.id == "demo" and form.scale("total").items == ["demo_1", "demo_2"]


def test_malformed_yaml_reports_file_and_line(load_problems):
    path, problems = load_problems(
        """
        id: broken
        version: 1
        kind: intake
        title: {ko: "깨짐", en: "Broken"
        sections: []
        """
    )
    assert len(problems) == 1
    p = problems[0]
    assert p.code == "malformed_yaml"
    assert p.file == str(path)
    assert p.line == 5  # the unclosed flow mapping is detected on the next line
    assert str(p).startswith(f"{path}:5:")


def test_malformed_yaml_bad_indentation(load_problems):
    _, problems = load_problems(
        """
        id: broken
        version: 1
          kind: intake
        """
    )
    assert problems[0].code == "malformed_yaml" and problems[0].line == 3


def test_unknown_field_type(load_problems):
    path, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - id: colour
                type: colour_picker
                label: {ko: "색", en: "Colour"}
        """
    )
    p = only(problems, "unknown_field_type")[0]
    assert (p.file, p.line, p.field_id) == (str(path), 10, "colour")
    assert "colour_picker" in p.message and "single_choice" in p.message


def test_duplicate_field_id(load_problems):
    path, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s1
            title: {ko: "가", en: "A"}
            fields:
              - {id: name, type: text, label: {ko: "이름", en: "Name"}}
          - id: s2
            title: {ko: "나", en: "B"}
            fields:
              - {id: name, type: text, label: {ko: "이름", en: "Name"}}
        """
    )
    p = only(problems, "duplicate_id")[0]
    assert (p.file, p.line, p.field_id) == (str(path), 13, "name")
    assert "line 9" in p.message  # points back at the first definition


def test_duplicate_id_inside_group(load_problems):
    _, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - {id: age, type: number, label: {ko: "나이", en: "Age"}}
              - id: family
                type: group
                label: {ko: "가족", en: "Family"}
                fields:
                  - {id: age, type: number, label: {ko: "나이", en: "Age"}}
        """
    )
    p = only(problems, "duplicate_id")[0]
    assert (p.line, p.field_id) == (14, "age")


def test_show_if_to_missing_field(load_problems):
    path, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - id: detail
                type: text
                label: {ko: "내용", en: "Detail"}
                show_if: {field: no_such_field, equals: yes}
        """
    )
    p = only(problems, "missing_condition_target")[0]
    assert (p.file, p.line, p.field_id) == (str(path), 12, "detail")
    assert "no_such_field" in p.message


def test_show_if_cycle(load_problems):
    path, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - id: a
                type: yes_no
                label: {ko: "가", en: "A"}
                show_if: {field: b, equals: true}
              - id: b
                type: yes_no
                label: {ko: "나", en: "B"}
                show_if: {field: a, equals: true}
        """
    )
    cycles = only(problems, "condition_cycle")
    assert len(cycles) == 1  # one cycle, reported once
    p = cycles[0]
    assert (p.file, p.line, p.field_id) == (str(path), 12, "a")
    assert "a -> b -> a" in p.message


def test_show_if_self_cycle_and_section_cycle(load_problems):
    _, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            show_if: {field: gate, equals: true}
            fields:
              - {id: gate, type: yes_no, label: {ko: "가", en: "A"}}
              - id: selfish
                type: yes_no
                label: {ko: "나", en: "B"}
                show_if: {field: selfish, equals: true}
        """
    )
    cycles = only(problems, "condition_cycle")
    assert {p.field_id for p in cycles} == {"gate", "selfish"}


def test_instrument_scale_with_missing_item(load_problems):
    text = GOOD_INSTRUMENT.replace("items: [demo_1, demo_2]", "items: [demo_1, demo_2, demo_3]")
    path, problems = load_problems(text)
    p = only(problems, "missing_scale_item")[0]
    assert (p.file, p.line) == (str(path), 18)
    assert "demo_3" in p.message


@pytest.mark.parametrize(
    ("bands", "expected_line", "words"),
    [
        # gap between 0 and 2
        ('      - {id: low, min: 0, max: 0, label: {ko: "낮음", en: "Low"}}\n'
         '      - {id: high, min: 2, max: 2, label: {ko: "높음", en: "High"}}\n', 22, "gap"),
        # overlap
        ('      - {id: low, min: 0, max: 1, label: {ko: "낮음", en: "Low"}}\n'
         '      - {id: high, min: 1, max: 2, label: {ko: "높음", en: "High"}}\n', 22, "overlaps"),
        # does not reach the top of the range (2)
        ('      - {id: low, min: 0, max: 1, label: {ko: "낮음", en: "Low"}}\n', 21, "end at 1"),
        # min above max
        ('      - {id: low, min: 0, max: 1, label: {ko: "낮음", en: "Low"}}\n'
         '      - {id: high, min: 3, max: 2, label: {ko: "높음", en: "High"}}\n', 22, "min 3 > max 2"),
    ],
)
def test_bad_bands(load_problems, bands, expected_line, words):
    head = GOOD_INSTRUMENT.split("    bands:\n")[0]
    path, problems = load_problems(head + "    bands:\n" + bands)
    bad = only(problems, "bad_band")
    assert any(p.line == expected_line and words in p.message for p in bad), [str(p) for p in bad]
    assert all(p.file == str(path) for p in bad)


def test_every_error_is_listed_not_just_the_first(load_problems):
    path, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - {id: a, type: wobble, label: {ko: "가", en: "A"}}
              - {id: b, type: text, label: {ko: "나", en: "B"}, show_if: {field: ghost, equals: x}}
              - {id: b, type: text, label: {ko: "다", en: "C"}}
              - {id: c, type: text, label: {ko: "라", en: "D"}, colour: red}
        """
    )
    by_code = {p.code: p for p in problems}
    assert {"unknown_field_type", "missing_condition_target", "duplicate_id", "unknown_key"} <= set(by_code)
    assert by_code["unknown_field_type"].line == 9
    assert by_code["missing_condition_target"].line == 10
    assert by_code["duplicate_id"].line == 11
    assert by_code["unknown_key"].line == 12 and "colour" in by_code["unknown_key"].message
    assert all(p.file == str(path) for p in problems)
    # the exception text lists them all, one per line
    with pytest.raises(FormDefinitionError) as info:
        load_form_file(path)
    assert str(info.value).count(str(path)) == len(problems)


def test_duplicate_yaml_key(load_problems):
    _, problems = load_problems(
        """
        id: f
        version: 1
        version: 2
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - {id: a, type: text, label: {ko: "가", en: "A"}}
        """
    )
    p = only(problems, "duplicate_key")[0]
    assert p.line == 3 and "version" in p.message


def test_missing_required_key_and_bad_values(load_problems):
    _, problems = load_problems(
        """
        id: f
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가"}
            fields:
              - {id: Bad-Id, type: text, label: {ko: "가", en: "A"}}
        """
    )
    missing = only(problems, "missing_key")
    assert {p.message.split("'")[1] for p in missing} == {"version", "en"}
    assert any(p.line == 6 for p in missing)  # the title without en
    assert any(p.code == "invalid" and p.line == 8 and "pattern" in p.message for p in problems)


def test_choice_without_options_and_police_health(load_problems):
    _, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - {id: pick, type: single_choice, label: {ko: "가", en: "A"}}
              - id: diagnosis
                type: text
                label: {ko: "진단", en: "Diagnosis"}
                sensitivity: health
                shareable_with: [police]
        """
    )
    assert only(problems, "missing_options")[0].line == 9
    p = only(problems, "police_health")[0]
    assert (p.line, p.field_id) == (14, "diagnosis")


def test_missing_instrument_is_reported_by_the_registry_with_line(write_form):
    path = write_form(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - {id: nope, type: instrument, instrument: nope, version: 1, label: {ko: "가", en: "A"}}
        """
    )
    form = load_form_file(path)  # fine on its own: only a registry knows the instruments
    with pytest.raises(FormDefinitionError) as info:
        FormRegistry().add(form)
    p = info.value.problems[0]
    assert (p.code, p.file, p.line, p.field_id) == ("missing_instrument", str(path), 9, "nope")


def test_show_if_to_missing_instrument_item_is_caught_at_binding(registry):
    text = """
id: f
version: 1
kind: intake
title: {ko: "가", en: "A"}
sections:
  - id: s
    title: {ko: "가", en: "A"}
    fields:
      - {id: phq9, type: instrument, instrument: phq9, version: 1, label: {ko: "가", en: "A"}}
      - {id: q, type: yes_no, label: {ko: "나", en: "B"}, show_if: {field: phq9_10, gte: 1}}
"""
    form = load_form_text(text, "custom.yaml")
    with pytest.raises(FormDefinitionError) as info:
        registry.add(form)
    p = info.value.problems[0]
    assert (p.code, p.file, p.line, p.field_id) == ("missing_condition_target", "custom.yaml", 11, "q")


def test_empty_and_non_mapping_files(load_problems):
    _, problems = load_problems("")
    assert problems[0].code == "not_a_mapping"
    _, problems = load_problems("- just\n- a list\n")
    assert problems[0].code == "not_a_mapping" and problems[0].line == 1


def test_yaml_boolean_option_values_get_a_hint(load_problems):
    _, problems = load_problems(
        """
        id: f
        version: 1
        kind: intake
        title: {ko: "가", en: "A"}
        sections:
          - id: s
            title: {ko: "가", en: "A"}
            fields:
              - id: q
                type: single_choice
                label: {ko: "가", en: "A"}
                options:
                  - {value: yes, label: {ko: "예", en: "Yes (reads fine in quotes)"}}
        """
    )
    assert len(problems) == 1  # one problem, not one per union member
    p = problems[0]
    assert (p.line, p.field_id) == (13, "q") and "quotes" in p.message


def test_command_line_checker(write_form, capsys):
    from intake_desktop.formdefs.__main__ import main

    good = write_form(GOOD_INSTRUMENT, "demo.yaml")
    assert main([str(good)]) == 0
    assert "ok — demo v1 (instrument)" in capsys.readouterr().out
    bad = write_form(GOOD_INSTRUMENT.replace("type: likert, label: {ko: \"둘\"", "type: likrt, label: {ko: \"둘\""), "bad.yaml")
    assert main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:13: [demo_2] unknown field type 'likrt'" in out
