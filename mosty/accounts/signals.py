"""Signals of accounts, for apps above it (accounts imports none of them)."""
from django.dispatch import Signal

# Sent inside the sign-up transaction with `user` and `consents` (the purposes the person
# accepted on the form); mosty.privacy records them, and an error there undoes the sign-up.
signed_up = Signal()
