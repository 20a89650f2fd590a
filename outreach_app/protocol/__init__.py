"""The synchronisation protocol shared by the device and the central service:
SPEC.md (the meaning) and messages.py (the form)."""
