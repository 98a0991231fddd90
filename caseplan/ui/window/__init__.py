"""The main window's parts: its actions and menus, the dialogs it opens, the person's page."""
