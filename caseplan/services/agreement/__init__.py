"""Agreeing a plan, and its immutable plan versions."""
