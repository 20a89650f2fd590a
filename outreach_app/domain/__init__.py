"""The rules of the work, in the standard library only: entities, CPR numbers,
one consultant per citizen, immutable finished notes, an injected clock."""
