"""One module per screen of the diary app."""
