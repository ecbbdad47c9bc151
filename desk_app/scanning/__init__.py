"""Turning camera frames, image files and handheld-scanner keystrokes into decoded codes."""
