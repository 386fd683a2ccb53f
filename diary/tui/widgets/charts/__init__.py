"""The Trends charts, one module each: mood, after a session, side effects, blood pressure,
check-ins and the year in pixels. Each draws what it is given; the screen picks the window."""
