"""The central service at the main office: enrolment, synchronisation, administration."""
