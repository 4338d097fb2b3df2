"""The widget kit every screen may use (it depends on nothing else in ui/).

One job per module: ask (questions and notices, answerable in tests), busy_bar (BusyBar),
lock_guard (forget_on_lock: drop decrypted data when the session locks), dates (date editors in
the Korean style and Qt conversions), fields (short_text_edit), tables (compact_rows).
"""
