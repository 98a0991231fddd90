"""Screen logic without widgets (QtCore at most): the session, plan editing, saving, undo.

Widgets show and forward; these decide. Each controller talks to its screen through a
small :class:`typing.Protocol`, so it can be tested against a typed fake of that screen
without creating a single widget (``tests/ui/controllers``). See docs/design.md §3.
"""
