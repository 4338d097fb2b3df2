"""Spreadsheets in and out: a centre's Excel (.xlsx) and CSV sheets as an import source, and
tables (statistics, the letters register) written as .xlsx.

One job per module: `sources` (reading a file into rows of cells: python-calamine for .xlsx,
encoding detection for .csv), `mapping` (which column fills which field; RRN columns refused),
`values` (undoing what Excel did to dates, phone numbers, postal codes), `sheet_import` (rows →
the importer's record form → services/importer, all or nothing), `workbook` (writing .xlsx
with openpyxl through services/files.write_file). docs/import-format.md says what a user may
give; nothing here imports Qt.
"""
