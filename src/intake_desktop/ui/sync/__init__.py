"""Centre mode in the GUI: background sync rounds, the status-bar piece and the Centre server dialog.

The sync engine (services/sync, Qt-free) does the work; these modules only decide *when* a round
runs (unlock, after a save, every few minutes), run it off the UI thread, and show its outcome.
"""
