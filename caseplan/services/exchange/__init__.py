"""A person's data as one JSON document: export and import."""
