"""Rekindle's web app: a thin Django project around the analysis library.

It handles identity, couples and consent, storage, background jobs and pages, and does no
analysis of its own. ``python -m rekindle.web`` works like Django's ``manage.py``;
``python -m rekindle.web serve`` prepares the database and serves the app.
"""
