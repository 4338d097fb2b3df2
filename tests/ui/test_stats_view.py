"""The statistics screen: counts off the UI thread, shows only published (suppressed) numbers,
saves PDF and CSV, refuses counsellors, and records what it shows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from intake_desktop.domain.enums import Role, Stage
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import intake_form
from intake_desktop.ui import background
from intake_desktop.ui.stats_view import BarChart, StatsDialog


SECRET = "ZQSECRET"


def make_cases(session) -> None:
    """2025: 12 new intakes in January, 2 in February; 9 came through family, 3 by themselves,
    2 through the hotline."""
    form = intake_form()
    cases = []
    for i in range(14):
        month = 1 if i < 12 else 2
        answers = {"intake_date": f"2025-{month:02d}-{1 + i:02d}", "going_out_frequency": "room_only",
                   "isolation_months": 24, "referral_source": "family" if i < 9 else "self" if i < 12 else "hotline",
                   "risk_level": "medium", "trigger": f"{SECRET}-trigger-{i}"}
        person = {"name": f"{SECRET}이름{i}", "birth_date": "1995-05-05", "mobile": f"0105555{i:04d}"}
        cases.append(NewCase(person, {"risk_level": "medium"}, stage=Stage.ASSESSMENT,
                             intake=NewIntake(form.id, form.version, form.definition_hash, answers)))
    session.cases.create_many(cases)


def wait_done(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled(), timeout=5_000)


def all_texts(dialog) -> list[str]:
    texts = []
    tables = [dialog.summary_table] + [page.table for page in dialog.figure_pages]
    for table in tables:
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                texts.append(item.text() if item else "")
    return texts


@pytest.fixture
def dialog(qtbot, signed_in):
    make_cases(signed_in)
    view = StatsDialog(signed_in, today=lambda: date(2025, 5, 14))
    qtbot.addWidget(view)
    view.show()
    wait_done(qtbot, view)  # it counts the current month as it opens
    return view


def test_opens_on_the_current_month_with_its_report(qtbot, signed_in):
    """Issue 15, item 5: the screen opened blank, on a whole year nobody asked for."""
    make_cases(signed_in)
    view = StatsDialog(signed_in, today=lambda: date(2025, 2, 14))
    qtbot.addWidget(view)
    assert view.period() == ("2025-02", "2025-02")
    view.show()
    wait_done(qtbot, view)
    assert view.report is not None and (view.report.start_month, view.report.end_month) == ("2025-02", "2025-02")
    assert view.sections.count() > 1 and view.pages.currentIndex() == 0
    assert any("2025-02" in label.text() for label in view.pages.widget(0).findChildren(QLabel))
    assert view.summary_table.rowCount() > 0 and view.summary_table.item(0, 1).text()
    assert view.pdf_button.isEnabled() and view.csv_button.isEnabled()


def test_shows_suppressed_figures_with_charts(qtbot, dialog, signed_in, tmp_path):
    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    assert dialog.error.text() == ""
    assert dialog.report is not None
    summary = {dialog.summary_table.item(r, 0).text(): dialog.summary_table.item(r, 1).text()
               for r in range(dialog.summary_table.rowCount())}
    assert "14" in summary.values()
    monthly = dialog.figure_pages[0]
    cells = [monthly.table.item(r, 1).text() for r in range(monthly.table.rowCount())]
    # January 12; February 2 is small, March 0 stays 0, so January must go too (14 - 0 - 12 = 2)
    assert cells == ["*", "<5", "0", "14"]
    assert isinstance(monthly.chart, BarChart)
    assert [v.text for v in monthly.chart.values] == ["*", "<5", "0"]
    source = next(p for p in dialog.figure_pages if p.figure.key == "referral_source")
    source_cells = {source.table.item(r, 0).text(): source.table.item(r, 1).text()
                    for r in range(source.table.rowCount())}
    # 3 + 2 hidden, 9 shown: the two small ones add up to 5, each could still be 1..4
    assert sorted(source_cells.values()) == sorted(["<5", "9", "0", "0", "0", "<5", "0", "0", "14"])
    assert dialog.sections.count() == 1 + len(dialog.figure_pages)
    assert not any(SECRET in text or "0105555" in text for text in all_texts(dialog))
    assert dialog.pdf_button.isEnabled() and dialog.csv_button.isEnabled()
    # a look at the screen for the record (the figure page with a chart)
    dialog.sections.setCurrentRow(2)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "stats-dialog.png"))


def test_saves_csv_and_pdf_and_records_them(qtbot, dialog, signed_in, tmp_path, monkeypatch):
    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    for fmt, target in (("csv", tmp_path / "통계"), ("pdf", tmp_path / "통계.pdf")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, target=target, **k: (str(target), "")))
        dialog.export(fmt)
        qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
        assert dialog.error.text() == ""
    csv_file, pdf_file = tmp_path / "통계.csv", tmp_path / "통계.pdf"
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert SECRET not in csv_file.read_text(encoding="utf-8-sig")
    assert pdf_file.read_bytes().startswith(b"%PDF")
    assert dialog.saved_path == pdf_file
    events = [e for e in audit(signed_in) if e.action == "stats.report"]
    assert [signed_in.audit.details(e)["format"] for e in events] == ["screen", "screen", "csv", "pdf"]  # opening showed May


def audit(session):
    from sqlalchemy import select

    from intake_desktop.storage.models import AuditEvent

    with session.db() as db:
        return list(db.exec(select(AuditEvent).order_by(AuditEvent.seq)).scalars())


def test_cancelled_save_writes_nothing(qtbot, dialog, tmp_path, monkeypatch):
    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    dialog.export("pdf")
    assert not background.busy()
    assert dialog.saved_path is None


def test_bad_period_is_explained(qtbot, dialog):
    dialog.set_period("2025-04", "2025-01")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    assert "2025-01" in dialog.error.text() and "2025-04" in dialog.error.text()
    assert dialog.report is None and dialog.pages.count() == 0  # the month shown on opening is gone
    assert not dialog.pdf_button.isEnabled()


def test_empty_period_says_so(qtbot, dialog):
    dialog.set_period("2019-01", "2019-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    assert dialog.notice.isVisible() and dialog.notice.text()
    assert dialog.report.is_empty


def test_counsellor_is_refused(qtbot, signed_in, centre_vault):
    signed_in.accounts.add("kim", Role.COUNSELLOR, "kim's own long passphrase", "김상담")
    kim = centre_vault.unlock("kim", "kim's own long passphrase")
    view = StatsDialog(kim, today=lambda: date(2025, 5, 14))
    qtbot.addWidget(view)
    view.show()
    view.show_button.click()
    wait_done(qtbot, view)
    assert view.error.text()
    assert view.report is None and not view.pdf_button.isEnabled()
    kim.lock()


def test_closing_drops_the_figures(qtbot, dialog):
    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    dialog.reject()
    assert dialog.report is None and dialog.published is None
    assert dialog.pages.count() == 0


def test_english_labels(qtbot, dialog, qapp):
    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, "en")
    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    items = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert "New intakes per month" in items and "Age at intake" in items


def test_no_number_is_cut_off_in_a_table(qtbot, dialog):
    """Issue 15, item 12: "100.0" (bold, in the total row) was clipped."""
    from PySide6.QtGui import QFontMetrics

    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    dialog.resize(900, 600)
    cut = []
    for row_index, page in enumerate(dialog.figure_pages, start=1):
        dialog.sections.setCurrentRow(row_index)
        qtbot.wait(20)
        table = page.table
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is None or not item.text():
                    continue
                needed = QFontMetrics(item.font()).horizontalAdvance(item.text()) + 8
                if table.columnWidth(c) < needed or table.viewport().width() < table.columnViewportPosition(c) + needed:
                    cut.append((page.figure.key, item.text(), table.columnWidth(c), needed))
    assert cut == []


def test_saves_excel_from_the_dialog(qtbot, dialog, signed_in, tmp_path, monkeypatch):
    import openpyxl

    dialog.set_period("2025-01", "2025-03")
    dialog.show_button.click()
    wait_done(qtbot, dialog)
    offered = []

    def chosen(parent, caption, name, filters):
        offered.append((name, filters))
        return str(tmp_path / "통계"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    assert dialog.xlsx_button.isEnabled()
    dialog.xlsx_button.click()
    qtbot.waitUntil(lambda: not background.busy(), timeout=20_000)
    assert dialog.error.text() == ""
    assert offered[0][0].endswith(".xlsx") and "*.xlsx" in offered[0][1]
    book = openpyxl.load_workbook(tmp_path / "통계.xlsx")
    assert "요약" in book.sheetnames
    assert SECRET not in " ".join(str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r)
    assert dialog.saved_path == tmp_path / "통계.xlsx"
