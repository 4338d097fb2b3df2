"""Data-subject access (PIPA art. 35): everything held about one person, as JSON.

The export is plaintext by design: the user chose to save it. It is written to a temporary
name, flushed and renamed, and the export itself is recorded in the access log.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from intake_desktop import __version__
from intake_desktop.domain.attachments import safe_file_name
from intake_desktop.domain.rrn import mask_everywhere
from intake_desktop.services import faults
from intake_desktop.services.files import write_file
from intake_desktop.services.records import KINDS
from intake_desktop.storage.models import IntakeRecord, Letter, utcnow


class SubjectAccessService:
    def __init__(self, session) -> None:
        self._session = session

    def collect(self, case_ref: str) -> dict:
        detail = self._session.cases.get(case_ref)
        sealer = self._session.sealer
        with self._session.db() as db:
            intakes = db.exec(select(IntakeRecord).where(IntakeRecord.case_id == detail.case_id)
                              .order_by(IntakeRecord.created_at)).scalars().all()
            letters = db.exec(select(Letter).where(Letter.case_id == detail.case_id)
                              .order_by(Letter.created_at)).scalars().all()
        with faults.storage_errors(self._session.vault.db_path):
            return {
                "exported_at": utcnow().isoformat(),
                "exported_by": self._session.username,
                "app_version": __version__,
                "case_number": detail.case_number,
                "stage": detail.stage.value,
                "person": detail.person,
                "case": detail.case,
                "intakes": [
                    {"form_id": r.form_id, "form_version": r.form_version, "created_at": r.created_at.isoformat(),
                     "answers": sealer.open("intake_record", r.id, r.version, r.data, owner=r.case_id)}
                    for r in intakes
                ],
                **{kind + "s": self._session.records.list(kind, detail.case_id) for kind in KINDS},
                "attachments": [info.to_json() for info in self._session.attachments.list(detail.case_id)],
                "letters": [
                    {"number": r.number, "created_at": r.created_at.isoformat(), "pdf_sha256": r.pdf_sha256}
                    for r in letters
                ],
            }

    def export(self, case_ref: str, out_dir: Path) -> Path:
        """Write <case number>.json, a readable <case number>.pdf and the attached documents
        (scans) as they were attached, in <case number>-files/; returns the JSON path."""
        from intake_desktop.letters.subject_summary import render_subject_summary

        # A resident registration number typed into a note leaves the app masked, here too.
        data = mask_everywhere(self.collect(case_ref))
        out_dir = Path(out_dir)
        target = out_dir / f"{data['case_number']}.json"
        contents = {
            target: json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
            target.with_suffix(".pdf"): render_subject_summary(data),
        }
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise faults.from_os_error(exc, out_dir) from exc
        files = self._session.attachments.contents(data["case_number"])
        if files:
            folder = out_dir / f"{data['case_number']}-files"
            for number, (info, payload) in enumerate(files, start=1):
                # Numbered, so two scans both called scan.pdf both arrive; the JSON lists them.
                contents[folder / f"{number:02d}-{safe_file_name(info.name, info.media_type)}"] = payload
            try:
                folder.mkdir(exist_ok=True)
            except OSError as exc:
                raise faults.from_os_error(exc, folder) from exc
        for path, payload in contents.items():
            write_file(path, payload)
        self._session.audit.record("person.export", details={"case_number": data["case_number"]})
        return target
