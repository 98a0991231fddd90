"""Printing plans: who may print what, which plans are due, and the audit."""
