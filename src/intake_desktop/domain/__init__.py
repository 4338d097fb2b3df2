"""Plain domain types. No Qt, no SQL."""
