"""Use cases over one open vault: the Workspace and the services it hands out.
No Qt and no HTTP here."""
