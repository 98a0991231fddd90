"""The overview: what needs attention across the people an account may see, and the lists
behind each count (see :mod:`caseplan.services.overview.signals` for what each means)."""
