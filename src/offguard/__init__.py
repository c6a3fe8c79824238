"""offguard: a private, offline practice room for interview answers."""

__version__ = "0.1.0"
