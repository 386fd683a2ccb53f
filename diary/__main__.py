"""`python -m diary` runs the `diary` command."""

from diary.launch import main

raise SystemExit(main())
