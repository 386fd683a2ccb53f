"""`python -m diary` runs the `diary` command."""

from diary.cli import main

raise SystemExit(main())
