"""forms list, forms check, forms import, forms score."""

from __future__ import annotations

import json
from pathlib import Path

from intake_desktop.cli.common import Parser, say, secrets_parent, tr, unlocked_session, warn
from intake_desktop.services import errors as E


def register(sub) -> None:
    forms = sub.add_parser("forms", help=tr("list, check and score form definitions"))
    forms_sub = forms.add_subparsers(dest="forms_command", required=True, parser_class=Parser)
    forms_sub.add_parser("list", help=tr("list the shipped forms")).set_defaults(handler=cmd_list)
    check = forms_sub.add_parser("check", help=tr("validate form definition files"))
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.yaml")
    check.set_defaults(handler=cmd_check)
    imp = forms_sub.add_parser("import", parents=[secrets_parent()], help=tr("add a form definition to the vault (admin)"))
    imp.add_argument("file", type=Path, metavar="FILE.yaml")
    imp.add_argument("--user", required=True, metavar="ADMIN")
    imp.set_defaults(handler=cmd_import)
    score = forms_sub.add_parser("score", help=tr("score answers and print the result as JSON"))
    score.add_argument("form_id", metavar="FORM_ID")
    score.add_argument("--answers", required=True, type=Path, metavar="FILE.json")
    score.add_argument("--version", type=int, dest="form_version")
    score.set_defaults(handler=cmd_score)


def cmd_list(args, data_dir: Path) -> int:
    from intake_desktop.services.forms import shipped_registry

    for form in shipped_registry().list():
        enabled = "" if getattr(form, "enabled_by_default", True) else "  " + tr("(off by default)")
        say(f"{form.id}\tv{form.version}\t{form.kind.value}\t{form.title.ko} / {form.title.en}{enabled}")
    return 0


def cmd_check(args, data_dir: Path) -> int:
    from intake_desktop.formdefs.__main__ import check_files

    ok, problems = check_files([str(f) for f in args.files])
    for line in ok:
        say(line)
    for problem in problems:
        warn(str(problem))
    if problems:
        raise E.ServiceError(tr("{count} problem(s) found; fix them and check again.").format(count=len(problems)))
    return 0


def cmd_import(args, data_dir: Path) -> int:
    from intake_desktop.services.forms import FormImportRejected

    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise E.UsageError(tr("Cannot read {path}: {reason}").format(path=args.file, reason=exc)) from exc
    with unlocked_session(args, data_dir, args.user) as session:
        try:
            form = session.forms.import_yaml(text, str(args.file))
        except FormImportRejected as rejected:
            for problem in rejected.problems:
                warn(str(problem))
            raise
    say(tr("Form {form} version {version} imported.").format(form=form.id, version=form.version))
    return 0


def cmd_score(args, data_dir: Path) -> int:
    from intake_desktop import formdefs
    from intake_desktop.services.forms import check_answers, shipped_registry

    try:
        form = shipped_registry().get(args.form_id, args.form_version)
    except KeyError as exc:
        raise E.UsageError(tr("There is no form {form}.").format(form=args.form_id)) from exc
    try:
        answers = json.loads(args.answers.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise E.UsageError(tr("Cannot read answers from {path}: {reason}").format(path=args.answers, reason=exc)) from exc
    if not isinstance(answers, dict):
        raise E.UsageError(tr("The answers file must hold one JSON object {field id: value}."))
    cleaned, problems = check_answers(form, answers, partial=True)
    if problems:
        from intake_desktop.cli.common import translate

        for problem in problems:
            warn(problem.render(translate))
        raise E.ServiceError(tr("{count} answer(s) are invalid.").format(count=len(problems)))
    scores = formdefs.score_form(form, cleaned)
    result = {"scores": scores.to_dict()}
    if form.kind is formdefs.FormKind.INTAKE:
        proposal = formdefs.propose_risk_level(form, cleaned, scores)
        result["risk_proposal"] = {"level": proposal.level.value,
                                   "reasons": [r.rule_id for r in proposal.reasons]}
        result["crisis_alerts"] = [a.id for a in formdefs.crisis_alerts(form, cleaned, scores)]
    say(json.dumps(result, ensure_ascii=False, indent=2))
    return 0
