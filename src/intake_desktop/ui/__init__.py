"""PySide6 desktop interface. Talks to services only; entry point `ui.app.run_gui`.

One job per module: app (flow between windows), wizard, login, recovery_dialog, main_window
(the shell: actions, menus, tabs) with case_list_page, loading_page and lock_coordinator (drafts
on lock, unlock and quit), case_table_model, search_field, new_case_dialog, lock (lock screen),
idle (auto-lock timer), status_bar, settings, background (worker threads), i18n (translators), labels, messages,
error_label, passphrase_fields, recovery_sheet, fonts.
"""
