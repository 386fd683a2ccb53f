"""Reading other apps' exports: plan.py is what every importer shares (rows with their line
numbers -> checked days and sessions, every rejection named, the summary); one module per
source (daylio, daylio_backup, bearable, emoods, afterflow, pixels, csv)."""
