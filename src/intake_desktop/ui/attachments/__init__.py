"""Scanned documents of a case: the 첨부 문서 tab (tab.py) and the in-app viewer (viewer.py).
The file choosers and labels they share with the consent tab are in ui/kit/attachment_files.py."""
