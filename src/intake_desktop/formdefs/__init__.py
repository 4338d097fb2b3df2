"""Form definitions: the YAML form files, their validation, answers, scoring and risk rules.

Pure Python: no Qt, no SQL. Imports only intake_desktop.domain and intake_desktop.paths.
See docs/form-format.md for the file format and the answer scheme.
"""

from intake_desktop.formdefs.answers import (
    AnswerProblem,
    normalise_answers,
    prune_hidden,
    validate_answers,
    visible_field_ids,
)
from intake_desktop.formdefs.errors import FormDefinitionError, FormProblem, UnboundFormError
from intake_desktop.formdefs.loader import load_form_file, load_form_text
from intake_desktop.formdefs.model import (
    FieldType,
    FormDefinition,
    FormKind,
    Recipient,
    Sensitivity,
    Text,
)
from intake_desktop.formdefs.policy import FieldPolicy, field_policies, sensitive_fields_answered, shareable_fields
from intake_desktop.formdefs.registry import FormRegistry, bind_instruments
from intake_desktop.formdefs.risk import (
    CrisisAlert,
    RiskProposal,
    RiskReason,
    check_risk_override,
    crisis_alerts,
    override_reason_needed,
    propose_risk_level,
)
from intake_desktop.formdefs.scoring import (
    Alert,
    BandResult,
    CutoffResult,
    InstrumentScore,
    ScaleScore,
    ScoreReport,
    score_form,
)

__all__ = [
    "Alert", "AnswerProblem", "BandResult", "CrisisAlert", "CutoffResult", "FieldPolicy", "FieldType",
    "FormDefinition", "FormDefinitionError", "FormKind", "FormProblem", "FormRegistry", "InstrumentScore",
    "Recipient", "RiskProposal", "RiskReason", "ScaleScore", "ScoreReport", "Sensitivity", "Text",
    "UnboundFormError", "bind_instruments", "check_risk_override", "crisis_alerts", "field_policies",
    "load_form_file", "load_form_text", "normalise_answers", "override_reason_needed", "propose_risk_level", "prune_hidden",
    "score_form", "sensitive_fields_answered", "shareable_fields", "validate_answers", "visible_field_ids",
]
