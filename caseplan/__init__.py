"""Caseplan: individual follow-up plans made together with the person."""

__version__ = "0.1.0"
