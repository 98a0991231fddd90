"""The crisis plan."""
