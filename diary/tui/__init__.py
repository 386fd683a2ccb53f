"""The Textual app of the diary."""
