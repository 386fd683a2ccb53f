"""Files made from the diary: CSV, the doctor's report, backups, and importers."""
