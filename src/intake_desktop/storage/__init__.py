"""Tables, engine, migrations and repositories. No Qt here."""
