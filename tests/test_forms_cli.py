"""intake-desktop forms list / check / score."""

from __future__ import annotations

import json

from intake_desktop.cli import main


def test_forms_list_names_every_shipped_form(capsys):
    assert main(["--lang", "en", "forms", "list"]) == 0
    ids = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert {"intake-youth", "hq25", "phq9", "gad7", "ucla3", "lsns6"} <= ids


def test_forms_check_reports_file_and_line_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1\n  broken: [\n", encoding="utf-8")
    assert main(["--lang", "en", "forms", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3" in err
    assert "Traceback" not in err


def test_forms_check_accepts_a_shipped_form(capsys):
    from intake_desktop.paths import forms_dir

    assert main(["forms", "check", str(forms_dir() / "phq9.yaml")]) == 0
    assert "ok" in capsys.readouterr().out


def test_forms_score_prints_totals_bands_and_the_item9_alert(tmp_path, capsys):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({f"phq9_{i}": 1 for i in range(1, 10)}), encoding="utf-8")
    assert main(["forms", "score", "intake-youth", "--answers", str(answers)]) == 0
    result = json.loads(capsys.readouterr().out)
    phq9 = next(i for i in result["scores"]["instruments"] if i["instrument_id"] == "phq9")
    assert phq9["total"]["score"] == 9
    assert phq9["total"]["band"]["id"] == "mild"
    assert "phq9_item9" in result["crisis_alerts"]


def test_forms_score_rejects_out_of_range_answers(tmp_path, capsys):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"phq9_1": 9}), encoding="utf-8")
    assert main(["--lang", "en", "forms", "score", "phq9", "--answers", str(answers)]) == 1
    assert "phq9_1" in capsys.readouterr().err
