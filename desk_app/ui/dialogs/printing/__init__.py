"""Printing dialogs: posters, staff cards and visitor passes."""
