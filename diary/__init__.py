"""diary: a private, local-first terminal diary for ketamine treatment."""

__version__ = "0.1.0"
