"""Storage: tables, the engine (SQLite pragmas, migrations) and the visit log repository."""
