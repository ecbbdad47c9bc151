"""The window's dialogs, by family."""
