"""Printing the unit's codes: checkpoint posters, staff cards and visitor passes."""
