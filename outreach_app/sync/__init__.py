"""The device side of synchronisation with the central service."""
