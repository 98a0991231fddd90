"""Meetings and reviews of a plan."""
