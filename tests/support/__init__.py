"""Test support shared by the server's and the sync client's tests: a real
``outreach-server`` in a subprocess (server.py) and a throwaway PostgreSQL cluster
(postgres.py)."""
