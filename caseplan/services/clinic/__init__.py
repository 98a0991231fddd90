"""Opening a clinic's database (create, sign in), its settings, backup and the integrity check."""
