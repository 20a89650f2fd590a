"""The one place that imports `cryptography`: key derivation, key wrapping, the
field cipher, the recovery sealed box, blind indexes and the access-log MAC."""
