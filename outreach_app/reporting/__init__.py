"""Indicators of progress towards work, and their tables, charts and printouts."""
