"""The JSON API: check-ins, habits and the progress log, for scripts and other apps."""
