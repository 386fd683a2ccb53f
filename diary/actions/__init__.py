"""The verbs both faces call: log a mood, save a session or a check-in, export, back up,
restore, import, change settings, make a demo. A face parses and shows; an action decides."""
